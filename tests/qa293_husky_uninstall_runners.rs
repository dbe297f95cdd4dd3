//! QA293: `relhook install` under husky 9 writes the runner of each of its hooks that
//! `.husky/_` lacks (an older husky 9 wrote fewer: no post-commit or pre-push), marked as
//! relhook's. `relhook uninstall` took out only its reference-transaction and
//! post-applypatch runners, and left the post-commit and pre-push ones behind. It now takes
//! out every runner it marked, and never one husky wrote.

use crate::hook_files::husky_9_runners;
use crate::support::{Repo, ok};

/// The files in `.husky/_`, by name.
fn runners(repo: &Repo) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(repo.path().join(".husky/_"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn uninstall_takes_out_every_husky_runner_install_added() {
    let repo = Repo::new();
    husky_9_runners(&repo);
    for hook in ["post-commit", "pre-push"] {
        std::fs::remove_file(repo.path().join(".husky/_").join(hook)).unwrap();
    }
    repo.commit("chore: init");
    let before = runners(&repo);
    ok(repo.relhook(&["install"]));
    let installed = runners(&repo);
    for hook in ["post-commit", "pre-push", "reference-transaction"] {
        assert!(installed.iter().any(|n| n == hook), "{installed:?}");
    }
    ok(repo.relhook(&["uninstall"]));
    assert_eq!(runners(&repo), before);
    // husky's own runners stay.
    let commit_msg = repo.read(".husky/_/commit-msg");
    assert_eq!(commit_msg, "#!/usr/bin/env sh\n. \"$(dirname \"$0\")/h\"");
}
