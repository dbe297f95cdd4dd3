//! QA32: before the first release, with only `docs:`/`chore:` commits, `relhook version
//! --next` answered 0.1.0 (exit 0) while `relhook release` refused; and the refusal of the
//! first hand tag sent the user to edit a CHANGELOG.md that did not exist, naming
//! `RELHOOK_SKIP=1` twice.

use crate::support::{hand_tag_refused, stderr, stdout, text, untested_installed};

#[test]
fn the_next_version_agrees_with_the_release_before_the_first_one() {
    let repo = untested_installed();
    repo.commit_hooked("docs: a readme");
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));

    let out = repo.relhook(&["version", "--next"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert_eq!(stdout(&out), "");
    assert!(
        stderr(&out).contains(
            "nothing to release: no commit has a changelog entry (`chore:` and `docs:` have none) and there is no CHANGELOG.md yet"
        ),
        "{}",
        text(&out)
    );
    // A script's question after every commit: the current version, and no next one.
    let out = repo.relhook(&["version", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(doc["current"], "0.1.0");
    assert_eq!(doc["next"], serde_json::Value::Null);

    // A change with an entry makes the first release, and the next version says so.
    repo.commit_hooked("fix: a crash");
    let out = repo.relhook(&["version", "--next"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(stdout(&out).trim(), "0.1.0");
}

#[test]
fn the_first_hand_tag_with_nothing_to_release_says_how_the_changelog_is_made() {
    let repo = untested_installed();
    repo.commit_hooked("chore: a script");
    assert!(!repo.path().join("CHANGELOG.md").exists());
    let said = hand_tag_refused(&repo, "v0.1.0");
    assert!(
        said.contains(
            "`relhook init` writes CHANGELOG.md, which is not there yet: write what this release changes under its `## [Unreleased]` and commit the files init wrote, then tag again"
        ),
        "{said}"
    );
    assert_eq!(said.matches("RELHOOK_SKIP=1").count(), 1, "{said}");
}
