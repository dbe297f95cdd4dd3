//! QA226: a branch push refused for a release commit made again rather than tagged (a commit
//! rebased below it that its section leaves out) gave a `git reset --keep ...` fix with no
//! way to its branch: pasted in the worktree the push ran in, it acted on another branch. The
//! fix starts with `cd` to the worktree that has the branch.

use crate::qa221_half_release_other_worktree::{
    main_in_a_linked_worktree, release_killed_after_its_commit,
};
use crate::support::{stderr, text};

#[test]
fn a_stale_release_pushed_from_another_worktree_is_redone_there() {
    let (repo, linked) = main_in_a_linked_worktree(true);
    release_killed_after_its_commit(&repo, &linked);
    // A feature put below the release commit, which its section leaves out.
    let release = repo.git_in(&linked, &["rev-parse", "HEAD"], &[]);
    let release = String::from_utf8_lossy(&release.stdout).trim().to_owned();
    let bare = ["-c", "core.hooksPath=/dev/null"];
    let run = |args: &[&str]| {
        let out = repo.git_in(&linked, &[&bare[..], args].concat(), &[]);
        assert!(out.status.success(), "{args:?}: {}", text(&out));
    };
    run(&["reset", "-q", "--hard", "HEAD~1"]);
    std::fs::write(linked.join("two.txt"), "2\n").unwrap();
    run(&["add", "two.txt"]);
    run(&["commit", "-q", "-m", "feat: two"]);
    run(&["cherry-pick", "--allow-empty", &release]);

    let out = repo.git_output(&["push", "-q", "origin", "main"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("make the release again"), "{err}");
    let cd = format!("`cd {}`, then ", linked.display());
    assert!(err.contains(&cd), "{cd}\n{err}");
}
