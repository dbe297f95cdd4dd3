//! QA48: a user's own release commit under relhook's message (`chore(release): 0.1.0`), the
//! section written by hand with a paragraph of theirs, touched only the changelog, so it was
//! taken for relhook's release commit: a failed test on its tag advised `git tag -d v0.1.0 &&
//! git reset --keep HEAD~1`, which, pasted, dropped the paragraph. relhook's commit is known by
//! what it wrote too (the section cut from Unreleased, version lines moved); anything else
//! makes the commit the user's, which the advice keeps.

use crate::qa47_failed_hand_section_tag::hand_section_written;
use crate::support::{Repo, hand_tag, ok, stderr, text};

const PACKAGE: &str = "{\n  \"name\": \"x\",\n  \"version\": \"0.0.0\"\n}\n";

/// The failing push's advice, after "if the release is".
pub(crate) fn advice(repo: &Repo) -> String {
    let push = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
    assert!(!push.status.success(), "{}", text(&push));
    let err = stderr(&push);
    let rest = &err[err
        .find("if the release is")
        .unwrap_or_else(|| panic!("{err}"))..];
    rest.split('`').nth(1).unwrap().to_owned()
}

#[test]
fn a_hand_written_section_under_the_release_message_stays() {
    let repo = hand_section_written();
    repo.git(&["commit", "-q", "-am", "chore(release): 0.1.0"]);
    let ours = repo.git(&["rev-parse", "HEAD"]);
    ok(hand_tag(&repo, &["-a", "v0.1.0", "-m", "release 0.1.0"]));

    let undo = advice(&repo);
    assert_eq!(undo, "git tag -d v0.1.0");
    ok(repo.sh(&undo));
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), ours);
    assert!(repo.read("CHANGELOG.md").contains("Hand-written intro."));
}

#[test]
fn the_release_commit_relhook_made_is_still_undone() {
    let repo = hand_section_written();
    // The hand-written section goes; a version file comes, which the release moves.
    repo.git(&["checkout", "--", "CHANGELOG.md"]);
    repo.write("package.json", PACKAGE);
    repo.git(&["add", "package.json"]);
    repo.commit_hooked("chore: add package.json");
    let before = repo.git(&["rev-parse", "HEAD"]);
    ok(repo.relhook(&["release", "0.1.0", "--no-test"]));
    assert!(
        repo.read("package.json").contains("\"0.1.0\""),
        "the release moved it"
    );

    let undo = advice(&repo);
    assert_eq!(undo, "git tag -d v0.1.0 && git reset --keep HEAD~1");
    ok(repo.sh(&undo));
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), before);
    assert_eq!(repo.read("package.json"), PACKAGE);
}
