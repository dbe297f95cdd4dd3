//! QA44: a hand tag killed before its release commit (v0.1.1 left on its commit, no section),
//! then a commit on top: a hand tag of v0.1.2 was not refused for it (with a Cargo.toml it was
//! refused for the version file, with advice that, followed, made it), and made the release
//! above the half-made v0.1.1. Doctor then found only untested tags, and pre-push sent the
//! user to `relhook release 0.1.1`, which cannot work above 0.1.2. The hand tag is refused now
//! as `relhook release` is; with a release made above such a tag, doctor and pre-push name the
//! tag's deletion.

use crate::support::{Repo, hand_tag_refused, ok, stderr, stdout, text, untested_installed};

/// The way out `relhook release` names for the stranded v0.1.1.
const WAY_OUT: &str =
    "`git tag -d v0.1.1`, then `relhook release 0.1.1` makes the release from HEAD";

/// Released 0.1.0, `fix: b`, a hand tag of v0.1.1 killed before its release commit, `fix: c`.
fn stranded(repo: &Repo) {
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release"]));
    repo.commit_hooked("fix: b");
    repo.git_killed_at("hand-started", &["tag", "-a", "v0.1.1", "-m", "x"], &[]);
    assert_eq!(repo.git(&["tag", "-l", "v0.1.1"]).trim(), "v0.1.1");
    repo.commit_hooked("fix: c");
}

#[test]
fn a_hand_tag_above_an_interrupted_one_is_refused_as_the_release_is() {
    let repo = untested_installed();
    stranded(&repo);
    let err = hand_tag_refused(&repo, "v0.1.2");
    assert!(err.contains(WAY_OUT), "{err}");
    let release = repo.relhook(&["release", "0.1.2"]);
    assert!(stderr(&release).contains(WAY_OUT), "{}", text(&release));
    // The advice works when pasted.
    ok(repo.sh("git tag -d v0.1.1 && relhook release 0.1.1"));
    let notes = repo.git(&["tag", "-l", "--format=%(contents)", "v0.1.1"]);
    assert!(notes.contains("- b") && notes.contains("- c"), "{notes}");
}

#[test]
fn with_a_version_file_the_interrupted_tag_is_named_not_the_file() {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    ok(repo.git_output(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]));
    repo.commit_hooked("fix: b");
    repo.git_killed_at("hand-started", &["tag", "-a", "v0.1.1", "-m", "x"], &[]);
    repo.commit_hooked("fix: c");
    let err = hand_tag_refused(&repo, "v0.1.2");
    assert!(err.contains(WAY_OUT), "{err}");
    assert!(!err.contains("[version]"), "{err}");
}

/// The state the unrefused hand tag left: v0.1.2 released above v0.1.1, which has no section
/// (made here by a release of 0.1.2 with the tag out of the way, then the tag put back).
fn buried(repo: &Repo) {
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release"]));
    repo.commit_hooked("fix: b");
    let b = repo.git(&["rev-parse", "HEAD"]);
    repo.commit_hooked("fix: c");
    ok(repo.relhook(&["release", "0.1.2"]));
    ok(repo.git_skipping_relhook(&["tag", "-a", "v0.1.1", "-m", "x", b.trim()]));
}

#[test]
fn doctor_names_a_tag_without_its_section_below_a_newer_release() {
    let repo = untested_installed();
    buried(&repo);
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert!(said.contains("INVALID  tag v0.1.1"), "{}", text(&out));
    assert!(said.contains("fix: git tag -d v0.1.1\n"), "{}", text(&out));
    assert!(!said.contains("nothing needs fixing"), "{}", text(&out));
    assert!(!said.contains("relhook release 0.1.1"), "{}", text(&out));
    ok(repo.sh("git tag -d v0.1.1"));
    let out = repo.relhook(&["doctor"]);
    assert!(!stdout(&out).contains("INVALID"), "{}", text(&out));
}

#[test]
fn pre_push_deletes_a_tag_a_newer_release_passed_over_rather_than_release_it_again() {
    let repo = untested_installed();
    repo.with_origin();
    buried(&repo);
    let out = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("v0.1.2 above it holds its commits")
            && err.contains("(`git tag -d v0.1.1`)")
            && !err.contains("relhook release 0.1.1"),
        "{err}"
    );
    ok(repo.sh("git tag -d v0.1.1"));
    ok(repo.git_output(&["push", "--follow-tags", "origin", "main"]));
}
