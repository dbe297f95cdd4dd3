//! QA138: with the repository named by `GIT_DIR` and `GIT_WORK_TREE` (`GIT_DIR=/x/.git
//! GIT_WORK_TREE=/x git commit …` from another folder), the commands relhook's messages named
//! left them out, so pasted in that shell they found no repository. Every command a message
//! names now carries them there, and only there: not in the work tree, nor in a linked worktree
//! (whose hooks git gives a `GIT_DIR` of its own).

use crate::support::{Repo, ok};

/// The command the commit-msg refusal says reopens the message.
fn reopen_command(err: &str) -> String {
    let start = "the message is kept in the file; `";
    let at = err.find(start).unwrap_or_else(|| panic!("{err}")) + start.len();
    err[at..].split('`').next().unwrap().to_owned()
}

fn refused_commit(repo: &Repo, cwd: &std::path::Path, env: &[(&str, &str)]) -> String {
    let n = repo.git(&["rev-list", "--count", "HEAD"]);
    repo.write("b.txt", format!("b{n}\n"));
    repo.git(&["add", "b.txt"]);
    let out = repo.git_in(cwd, &["commit", "-q", "-m", "add b"], env);
    assert_eq!(out.status.code(), Some(1), "{}", crate::support::text(&out));
    reopen_command(&String::from_utf8_lossy(&out.stderr))
}

#[test]
fn advice_carries_git_dir_and_work_tree_the_user_set() {
    let repo = Repo::new();
    repo.commit("chore: start");
    ok(repo.relhook(&["install"]));
    let top = repo.path().canonicalize().unwrap();
    let git_dir = top.join(".git");
    let elsewhere = repo.scratch("elsewhere");
    let env = [
        ("GIT_DIR", git_dir.to_str().unwrap()),
        ("GIT_WORK_TREE", top.to_str().unwrap()),
    ];
    let command = refused_commit(&repo, &elsewhere, &env);
    let msg = git_dir.join("COMMIT_EDITMSG");
    assert_eq!(
        command,
        format!(
            "GIT_DIR={} GIT_WORK_TREE={} git commit -e -F {}",
            git_dir.display(),
            top.display(),
            msg.display()
        )
    );
    // Pasted in that folder, with no variable set, it reopens the message there.
    let pasted = repo
        .command_in("sh", &elsewhere)
        .env("GIT_EDITOR", "sed -i 's/^add b$/feat: add b/'")
        .args(["-c", &command])
        .output()
        .unwrap();
    assert!(pasted.status.success(), "{}", crate::support::text(&pasted));
    assert_eq!(repo.head_subject(), "feat: add b");

    // In the work tree, from a subfolder: the command as it was.
    std::fs::create_dir_all(top.join("sub")).unwrap();
    let command = refused_commit(&repo, &top.join("sub"), &[]);
    assert_eq!(command, format!("git commit -e -F {}", msg.display()));
}

#[test]
fn advice_in_a_linked_worktree_is_left_bare() {
    let repo = Repo::new();
    repo.commit("chore: start");
    ok(repo.relhook(&["install"]));
    let wt = repo.scratch("wt").join("tree");
    repo.git(&["worktree", "add", "-q", "-b", "side", wt.to_str().unwrap()]);
    std::fs::write(wt.join("c.txt"), "c\n").unwrap();
    let add = repo.git_in(&wt, &["add", "c.txt"], &[]);
    assert!(add.status.success());
    let out = repo.git_in(&wt, &["commit", "-q", "-m", "add c"], &[]);
    assert_eq!(out.status.code(), Some(1), "{}", crate::support::text(&out));
    let command = reopen_command(&String::from_utf8_lossy(&out.stderr));
    assert!(command.starts_with("git commit -e -F "), "{command}");
}
