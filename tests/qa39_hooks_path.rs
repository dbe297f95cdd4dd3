//! QA39: `core.hooksPath` settings that install and doctor read wrong. A relative path seen
//! from a linked worktree (advice naming a directory that holds no hooks), and the settings
//! that turn hooks off.

use crate::support::{Repo, ok, stderr, stdout, text};

/// A relative, untracked `core.hooksPath` (`.githooks`, excluded): from a linked worktree,
/// doctor and install named that worktree's own `.githooks` by its absolute path as the fix,
/// a directory with no hooks, so following it no hook ran anywhere; and install wrote a second
/// set there, which only that worktree runs. They name the main worktree's directory, where
/// the hooks are, and install writes nothing in the linked worktree; following the advice, its
/// commits meet relhook's hooks.
#[test]
fn a_linked_worktree_is_sent_to_the_main_worktrees_hooks_directory() {
    let repo = Repo::new();
    repo.commit("chore: start");
    repo.git(&["config", "core.hooksPath", ".githooks"]);
    std::fs::write(repo.path().join(".git/info/exclude"), "/.githooks/\n").unwrap();
    let main_hooks = repo.path().join(".githooks");
    let fix = format!("`git config core.hooksPath {}`", main_hooks.display());
    let said = stdout(&ok(repo.relhook(&["install"])));
    assert!(said.contains(&fix), "{said}");

    let wt = repo.dir.path().join("wt");
    repo.git(&["worktree", "add", "-q", "-b", "wt", wt.to_str().unwrap()]);
    let own = wt.join(".githooks");
    let wrong = format!("core.hooksPath {}", own.display());
    let doctor = stdout(&repo.relhook_in(&wt, &["doctor"]));
    assert!(doctor.contains(&fix), "{doctor}");
    assert!(!doctor.contains(&wrong), "{doctor}");
    assert!(!doctor.contains("fix: relhook install"), "{doctor}");
    assert!(doctor.contains("this linked worktree looks in"), "{doctor}");

    let refused = repo.relhook_in(&wt, &["install"]);
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused));
    let err = stderr(&refused);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(&fix), "{err}");
    assert!(!err.contains(&wrong), "{err}");
    assert!(
        !own.exists(),
        "install wrote into the linked worktree's own directory"
    );

    // The advice followed, from the linked worktree: its commits are checked, and the main
    // worktree's still are.
    repo.git_in(
        &wt,
        &["config", "core.hooksPath", main_hooks.to_str().unwrap()],
        &[],
    );
    let refused = repo.try_commit_in(&wt, "not conventional");
    assert!(!refused.status.success(), "{}", text(&refused));
    let refused = repo.try_commit("not conventional either");
    assert!(!refused.status.success(), "{}", text(&refused));
    let doctor = stdout(&ok(repo.relhook_in(&wt, &["doctor"])));
    assert!(doctor.contains("all is well"), "{doctor}");
}

/// A tracked `.githooks` is in every worktree's checkout, so the relative path is right from
/// each: install in a linked worktree works as in the main one (the team's files: `--shared`).
#[test]
fn a_tracked_relative_hooks_directory_still_installs_from_a_linked_worktree() {
    let repo = Repo::new();
    repo.write(".githooks/pre-push", "#!/bin/sh\nexit 0\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["config", "core.hooksPath", ".githooks"]);
    let wt = repo.dir.path().join("wt");
    repo.git(&["worktree", "add", "-q", "-b", "wt", wt.to_str().unwrap()]);
    let said = stdout(&ok(repo.relhook_in(&wt, &["install", "--shared"])));
    assert!(!said.contains("linked worktree"), "{said}");
    assert!(wt.join(".githooks/commit-msg").is_file());
}
