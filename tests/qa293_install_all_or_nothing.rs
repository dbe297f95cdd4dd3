//! QA293: `relhook install` over a hook of the user's it cannot move aside (immutable, `chattr
//! +i`) failed at that hook with the hooks before it written: commit-msg and post-commit ran
//! relhook, pre-push and reference-transaction did not, no merge driver, and the error named
//! no way on. Like uninstall, install is now all or nothing: what it had written is put back,
//! and the one line says so and names the install to run again.

use crate::support::immutable::Immutable;
use crate::support::{Repo, ok, stderr, text};

/// The hooks in `.git/hooks` (git's samples aside), by name.
fn hooks(repo: &Repo) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(repo.path().join(".git/hooks"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".sample"))
        .collect();
    names.sort();
    names
}

#[cfg(target_os = "linux")]
#[test]
fn an_install_stopped_by_an_immutable_hook_writes_nothing() {
    let repo = Repo::new();
    repo.commit("chore: init");
    let pre_push = repo.path().join(".git/hooks/pre-push");
    std::fs::write(&pre_push, "#!/bin/sh\necho theirs\n").unwrap();
    crate::support::chmod(&pre_push, 0o755);
    let config = repo.read(".git/config");
    let Some(guard) = Immutable::set(&pre_push) else {
        return;
    };
    let out = repo.relhook(&["install", "--hooks", "commit-msg,post-commit,pre-push"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.starts_with("relhook: error: not installed, nothing changed: ")
            && err.contains(
                "then run `relhook install --hooks commit-msg,post-commit,pre-push` again"
            )
            && err.lines().count() == 1,
        "{err}"
    );
    assert_eq!(hooks(&repo), ["pre-push"]);
    assert_eq!(repo.read(".git/config"), config);
    drop(guard);
    ok(repo.relhook(&["install", "--hooks", "commit-msg,post-commit,pre-push"]));
    assert_eq!(
        hooks(&repo),
        [
            "commit-msg",
            "post-commit",
            "pre-push",
            "pre-push.relhook-orig"
        ]
    );
}
