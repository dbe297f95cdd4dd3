//! Versions only go up, whatever reaches HEAD: a release tag left behind by a rewritten
//! release commit, tags under another prefix, commits shipped in a merged-in release, and an
//! rc promoted by a hand tag.

use crate::support::{Repo, dated_release, hand_tag, installed_repo, stderr, stdout, text};

/// v1.0.0 made by a hand tag, its release commit then amended (the tag stays on the old one),
/// then a fix.
fn amended_release() -> Repo {
    let repo = installed_repo();
    let out = hand_tag(&repo, &["-a", "v1.0.0", "-m", "v1.0.0"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "--amend",
        "-m",
        "chore(release): 1.0.0 [skip ci]",
    ]);
    repo.commit_hooked("fix: y");
    repo
}

#[test]
fn a_release_tag_left_behind_by_an_amended_release_commit_is_never_gone_below() {
    let repo = amended_release();
    let next = repo.relhook(&["version", "--next"]);
    assert_eq!(next.status.code(), Some(1), "{}", text(&next));
    let err = stderr(&next);
    assert!(
        err.contains("0.1.0 is below 1.0.0") && err.contains("tag v1.0.0 is on"),
        "{err}"
    );
    let rewritten = repo.git(&["log", "-1", "--format=%h", "-S", "## [1.0.0]"]);
    assert!(
        err.contains(&format!(
            "RELHOOK_SKIP=1 git tag -f -a v1.0.0 -m v1.0.0 {rewritten}"
        )) && err.contains("`relhook release 1.0.1`"),
        "{err}"
    );
    let release = repo.relhook(&["release", "--no-test"]);
    assert_eq!(release.status.code(), Some(1), "{}", text(&release));
    assert!(stderr(&release).contains("0.1.0 is below 1.0.0"));
    assert_eq!(repo.git(&["tag"]), "v1.0.0");
    let doctor = repo.relhook(&["doctor"]);
    assert!(
        stdout(&doctor).contains("INVALID  tag v1.0.0"),
        "{}",
        text(&doctor)
    );
    // A hand tag below it is refused the same way.
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"]);
    assert_eq!(out.status.code(), Some(128), "{}", text(&out));
    assert!(
        stderr(&out).contains("0.1.0 is below 1.0.0"),
        "{}",
        text(&out)
    );
    // The fix named: the tag moved onto the rewritten release commit.
    let moved = repo
        .command_in("git", &repo.path())
        .env("RELHOOK_SKIP", "1")
        .args(["tag", "-f", "-a", "v1.0.0", "-m", "v1.0.0", &rewritten])
        .output()
        .unwrap();
    assert!(moved.status.success(), "{}", text(&moved));
    let next = repo.relhook(&["version", "--next"]);
    assert_eq!(stdout(&next).trim(), "1.0.1", "{}", text(&next));
    assert!(!stdout(&repo.relhook(&["doctor"])).contains("INVALID  tag v1.0.0"));
}

#[test]
fn a_release_below_a_released_section_is_refused_without_its_tag_too() {
    let repo = installed_repo();
    repo.write(
        "CHANGELOG.md",
        "# Changelog\n\n## [Unreleased]\n\n## [2.0.0] - 2026-01-01\n\n### Added\n\n- x\n",
    );
    repo.git(&["add", "CHANGELOG.md"]);
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "-m",
        "docs: the changelog so far",
    ]);
    repo.commit_hooked("fix: y");
    for args in [&["version", "--next"][..], &["release", "--no-test"]] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        assert!(
            stderr(&out)
                .contains("0.1.0 is below 2.0.0, already released (`## [2.0.0]` in CHANGELOG.md)")
                && stderr(&out).contains("`relhook release 2.0.1`"),
            "{}",
            text(&out)
        );
    }
    assert_eq!(repo.git(&["tag"]), "");
    assert!(
        dated_release(&repo, &["2.0.1", "--no-test"])
            .status
            .success()
    );
}
