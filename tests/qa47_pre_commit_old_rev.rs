//! QA47: an entry of relhook's own repository pinned to a release whose `.pre-commit-hooks.yaml`
//! set no `verbose` (0.1.0, 0.2.0) has pre-commit hide relhook's output as surely as a `repo:
//! local` entry without `verbose: true`, but install and doctor named only the latter. Now
//! both give the same one line, with the fix.

use crate::support::{Repo, pending, stdout};

/// relhook's commit-msg and post-commit from its repository at `rev`.
fn pinned(rev: &str) -> String {
    format!(
        "repos:\n  - repo: https://github.com/relhook/relhook\n    rev: {rev}\n    hooks:\n      - id: relhook\n      - id: relhook-post-commit\n"
    )
}

const HIDDEN: &str = ".pre-commit-config.yaml's entries `relhook` (line 5) and `relhook-post-commit` (line 6) have no `verbose: true`, so pre-commit hides what relhook prints when it passes (warnings, notes, the amended commit's new hash)";

#[test]
fn an_entry_pinned_to_a_release_without_verbose_is_named() {
    let repo = Repo::new();
    for rev in ["v0.2.0", "v0.1.0", "0.2.0"] {
        repo.write(".pre-commit-config.yaml", pinned(rev));
        let install = stdout(&pending(repo.relhook(&["install"])));
        let fix = "add `verbose: true` to each in .pre-commit-config.yaml";
        assert!(
            install.contains(&format!("note: {HIDDEN}: {fix}\n")),
            "{rev}: {install}"
        );
        let doctor = stdout(&repo.relhook(&["doctor"]));
        assert!(
            doctor.contains(&format!(
                " WARNING  pre-commit: {HIDDEN}\n          fix: {fix}\n"
            )),
            "{rev}: {doctor}"
        );
    }
}

#[test]
fn an_entry_pinned_to_a_newer_release_or_a_commit_is_not_named() {
    let repo = Repo::new();
    for rev in [
        "v0.3.0",
        "v1.0.0",
        "0123456789abcdef0123456789abcdef01234567",
    ] {
        repo.write(".pre-commit-config.yaml", pinned(rev));
        let install = stdout(&pending(repo.relhook(&["install"])));
        assert!(!install.contains("verbose"), "{rev}: {install}");
        let doctor = stdout(&repo.relhook(&["doctor"]));
        assert!(!doctor.contains("verbose"), "{rev}: {doctor}");
    }
    // Pinned old, with the key set in the entry: nothing to say.
    let config =
        pinned("v0.2.0").replace("- id: relhook\n", "- id: relhook\n        verbose: true\n");
    let config = config.replace("post-commit\n", "post-commit\n        verbose: true\n");
    repo.write(".pre-commit-config.yaml", config);
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("verbose"), "{doctor}");
}
