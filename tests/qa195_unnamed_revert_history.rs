//! Found by QA: `git revert -n <id>`, then a message of one's own (`revert: drop k`) that
//! names no commit. Post-commit told the feature it undoes by its change and said "neither
//! ships", but `--sync`, doctor, the version, a release's section and `--rebuild` paired
//! reverts by what messages name only: they listed `- drop k` under Removed (doctor warned of
//! a missing entry; `relhook release` shipped it). They pair such a revert by its change too.

use crate::support::{Repo, installed_repo, ok, stderr, stdout, text};

/// A repository whose unreleased `feat: add k` is undone by `revert: drop k` (named nothing).
fn reverted_by_hand() -> Repo {
    let repo = installed_repo();
    repo.commit_hooked("feat: add k");
    repo.commit_hooked("fix: add b");
    ok(repo.git_output(&["revert", "-n", "HEAD~1"]));
    let out = repo.git_output(&["commit", "-q", "-m", "revert: drop k"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(said.contains("so neither ships"), "{said}");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    repo
}

#[test]
fn sync_and_doctor_agree_with_post_commit() {
    let repo = reverted_by_hand();
    let planned = stdout(&ok(repo.relhook(&["changelog", "--stdout"])));
    assert!(!planned.contains("drop k"), "{planned}");
    assert!(!planned.contains("add k"), "{planned}");
    assert!(planned.contains("- add b"), "{planned}");
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("has no entry"), "{doctor}");
}

#[test]
fn a_release_ships_neither() {
    let repo = reverted_by_hand();
    let dry = text(&ok(repo.relhook(&["release", "--dry-run", "--no-test"])));
    assert!(!dry.contains("drop k"), "{dry}");
    ok(repo.relhook(&["release", "--no-test"]));
    let log = repo.read("CHANGELOG.md");
    assert!(!log.contains("drop k") && !log.contains("add k"), "{log}");
    let tag = repo.git(&["describe", "--tags", "--abbrev=0"]);
    let notes = stdout(&ok(repo.relhook(&["notes", &tag])));
    assert!(!notes.contains("drop k"), "{notes}");
    let rebuilt = stdout(&ok(repo.relhook(&["changelog", "--rebuild", "--stdout"])));
    assert!(!rebuilt.contains("drop k"), "{rebuilt}");
    assert!(rebuilt.contains("- add b"), "{rebuilt}");
}
