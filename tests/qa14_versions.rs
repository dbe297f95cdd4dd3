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
    // Reworded, the commit is still read as v1.0.0's release commit: its tag is made again.
    let rewritten = repo.git(&["log", "-1", "--format=%h", "-S", "## [1.0.0]"]);
    // A release above it would publish it untagged: not offered, and refused.
    assert!(
        err.contains(&format!("makes v1.0.0 again on {rewritten}"))
            && err.contains("`relhook release --resume`")
            && !err.contains("git tag -d")
            && !err.contains("`relhook release 1.0.1`"),
        "{err}"
    );
    let release = repo.relhook(&["release", "--no-test"]);
    assert_eq!(release.status.code(), Some(1), "{}", text(&release));
    assert!(
        stderr(&release).contains("tag v1.0.0 is on")
            && stderr(&release).contains("relhook release --resume"),
        "{}",
        text(&release)
    );
    let above = repo.relhook(&["release", "1.0.1", "--no-test"]);
    assert_eq!(above.status.code(), Some(1), "{}", text(&above));
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
    // The fix named: the tag made again on the rewritten release commit.
    let moved = repo.sh("relhook release --resume");
    assert!(moved.status.success(), "{}", text(&moved));
    let tagged = repo.git(&["rev-parse", "--short", "v1.0.0^{commit}"]);
    assert_eq!(tagged, rewritten);
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
    let wrote = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    repo.commit_hooked("fix: y");
    // No tag names that section: written by hand, it is tagged as it is (QA31), not skipped.
    for args in [&["version", "--next"][..], &["release", "--no-test"]] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        assert!(
            stderr(&out).contains(&format!(
                "0.1.0 is below 2.0.0, whose section (`## [2.0.0]` in CHANGELOG.md) was written by hand in {wrote}; versions only go up"
            )) && stderr(&out).contains(&format!("`git tag -a v2.0.0 {wrote} -m \"release 2.0.0\"`")),
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

/// `version --next` and `release` answer alike: both refuse, with the same reason.
fn both_refuse(repo: &Repo, reason: &str) {
    let next = repo.relhook(&["version", "--next"]);
    assert_eq!(next.status.code(), Some(1), "{}", text(&next));
    assert!(stderr(&next).contains(reason), "{}", text(&next));
    let release = repo.relhook(&["release", "--dry-run", "--no-test"]);
    assert_eq!(release.status.code(), Some(1), "{}", text(&release));
    assert!(stderr(&release).contains(reason), "{}", text(&release));
}

#[test]
fn a_released_fix_reverted_and_reapplied_is_nothing_to_release_for_version_too() {
    let repo = installed_repo();
    repo.commit_hooked("fix(ui): button");
    let out = hand_tag(&repo, &["-a", "v1.0.0", "-m", "v1.0.0"]);
    assert!(out.status.success(), "{}", text(&out));
    for what in ["HEAD~1", "HEAD"] {
        let out = repo.git_output(&["revert", "--no-edit", what]);
        assert!(out.status.success(), "{}", text(&out));
    }
    assert!(
        repo.head_subject().starts_with("Reapply \""),
        "{}",
        repo.head_subject()
    );
    both_refuse(
        &repo,
        "nothing to release: no commits since v1.0.0 but 2 that cancel out",
    );
}

/// A maintenance release of backports (`cherry-pick -x` of main's fixes) merged into main
/// brings nothing new to main's line. (A fix made on the maintenance line is new there:
/// see `qa44_merged_forward_fix`.)
#[test]
fn a_merged_in_maintenance_release_of_backports_is_not_new() {
    let repo = installed_repo();
    repo.write(
        ".relconfig.toml",
        "[release]\nbranches = [\"main\", \"maint\"]\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: init"]);
    assert!(
        dated_release(&repo, &["1.0.0", "--no-test"])
            .status
            .success()
    );
    repo.commit_hooked("fix: maint fix");
    let fix = repo.git(&["rev-parse", "HEAD"]);
    repo.git(&["checkout", "-q", "-b", "maint", "v1.0.0"]);
    repo.git(&["cherry-pick", "-x", &fix]);
    assert!(dated_release(&repo, &["--no-test"]).status.success());
    repo.git(&["checkout", "-q", "main"]);
    repo.commit_hooked("feat: main feature");
    assert!(dated_release(&repo, &["--no-test"]).status.success());
    assert_eq!(repo.git(&["tag"]), "v1.0.0\nv1.0.1\nv1.1.0");
    let out = repo.git_output(&["merge", "-q", "--no-edit", "maint"]);
    assert!(out.status.success(), "{}", text(&out));
    both_refuse(
        &repo,
        "nothing to release: no new commits since v1.1.0; what came in since (merges, an older line's release commits, backports of changes it has) adds none",
    );
    repo.commit_hooked("fix: after the merge");
    let next = repo.relhook(&["version", "--next", "--explain"]);
    assert_eq!(
        stdout(&next).lines().next(),
        Some("1.1.1"),
        "{}",
        text(&next)
    );
    assert!(!stdout(&next).contains("maint fix"), "{}", text(&next));
}

#[test]
fn release_tags_under_another_prefix_are_named_not_ignored() {
    let repo = installed_repo();
    let skip = |args: &[&str]| {
        let out = repo
            .command_in("git", &repo.path())
            .env("RELHOOK_SKIP", "1")
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out));
    };
    skip(&["tag", "-a", "hatch-v1.18.0", "-m", "x"]);
    repo.commit_hooked("fix: y");
    for args in [
        &["version", "--next"][..],
        &["release", "--dry-run", "--no-test"],
    ] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(2), "{}", text(&out));
        assert!(
            stderr(&out)
                .contains("do not start with the default tag_prefix \"v\" (e.g. `hatch-v1.18.0`)")
                && stderr(&out).contains("set `tag_prefix = \"hatch-v\"` under [version]"),
            "{}",
            text(&out)
        );
    }
    skip(&["tag", "-a", "@changesets/cli@3.0.1", "-m", "x"]);
    let out = repo.relhook(&["version", "--next"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains(
            "\"@changesets/cli@\" (`@changesets/cli@3.0.1`), \"hatch-v\" (`hatch-v1.18.0`)"
        ) && stderr(&out).contains("each `[packages.<name>]` table takes one"),
        "{}",
        text(&out)
    );
    // Under the project's prefix, the same history has a version.
    repo.write(".relconfig.toml", "[version]\ntag_prefix = \"hatch-v\"\n");
    let out = repo.relhook(&["version", "--next"]);
    assert_eq!(stdout(&out).trim(), "1.18.1", "{}", text(&out));
}

#[test]
fn a_hand_tag_promotes_a_release_candidate_as_release_does() {
    let repo = installed_repo();
    let out = hand_tag(&repo, &["-a", "v1.0.0-rc.1", "-m", "rc1"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = hand_tag(&repo, &["-a", "v1.0.0", "-m", "v1.0.0"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.head_subject(), "chore(release): 1.0.0");
    assert_eq!(repo.git(&["describe", "--exact-match", "HEAD"]), "v1.0.0");
    let log = repo.read("CHANGELOG.md");
    let stable = log
        .split("## [1.0.0] - 2026-11-21")
        .nth(1)
        .unwrap_or_default();
    let stable = stable.split("## [1.0.0-rc.1]").next().unwrap_or_default();
    assert!(stable.contains("- init"), "{log}");
    assert!(repo.is_clean());
    // Another stable release on the same commit still has nothing to release.
    let out = hand_tag(&repo, &["-a", "v1.0.1", "-m", "v1.0.1"]);
    assert_eq!(out.status.code(), Some(128), "{}", text(&out));
    assert!(
        stderr(&out).contains("already release v1.0.0's"),
        "{}",
        text(&out)
    );
}
