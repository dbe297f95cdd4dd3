//! QA293: a hand tag in a linked worktree named by `GIT_DIR` and `GIT_WORK_TREE` (the user
//! works from another folder), on a branch releases are not made from, is refused with the
//! way to the release branch checked out in the main worktree: `cd MAIN && git merge side`.
//! The variables were put ahead of `git merge` too, so pasted it ran in the linked worktree
//! again ("Already up to date") and main never got the commits. A command after `cd` now
//! goes bare: git finds that worktree's repository by itself.

use crate::support::{stderr, text, untested_installed};

#[test]
fn the_merge_a_refused_hand_tag_names_in_another_worktree_works_pasted() {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    let side = repo.scratch("wt").join("side");
    repo.git(&[
        "worktree",
        "add",
        "-q",
        "-b",
        "side",
        side.to_str().unwrap(),
    ]);
    let elsewhere = repo.scratch("elsewhere");
    let git_dir = repo.path().join(".git/worktrees/side");
    let env = [
        ("GIT_DIR", git_dir.to_str().unwrap()),
        ("GIT_WORK_TREE", side.to_str().unwrap()),
    ];
    std::fs::write(side.join("two.txt"), "2\n").unwrap();
    let add = repo.git_in(&elsewhere, &["add", "two.txt"], &env);
    assert!(add.status.success(), "{}", text(&add));
    let commit = repo.git_in(&elsewhere, &["commit", "-q", "-m", "feat: two"], &env);
    assert!(commit.status.success(), "{}", text(&commit));
    let tag = ["tag", "-a", "v0.1.0", "-m", "v0.1.0"];
    let out = repo.git_in(&elsewhere, &tag, &env);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let start = "so merge them first: `";
    let at = err.find(start).unwrap_or_else(|| panic!("{err}")) + start.len();
    let merge = err[at..].split('`').next().unwrap();
    assert!(
        merge.starts_with("cd ") && merge.ends_with(" git merge side"),
        "{err}"
    );
    // The other way, a maintenance release, is run here: with the variables.
    let here = format!("`GIT_DIR={} GIT_WORK_TREE=", git_dir.display());
    assert!(err.contains(&here), "{err}");
    // Pasted in the folder the user works from, it merges side into main.
    let pasted = repo
        .command_in("sh", &elsewhere)
        .args(["-c", merge])
        .output()
        .unwrap();
    assert!(pasted.status.success(), "{}", text(&pasted));
    let subjects = repo.git(&["log", "--format=%s", "main"]);
    assert!(subjects.lines().any(|s| s == "feat: two"), "{subjects}");
}
