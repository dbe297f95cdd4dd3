//! QA157: `git am` of a patch whose message the lint refuses said nothing at the time (git runs
//! no commit-msg for a patch, and post-applypatch only named missing changelog entries): the
//! first word was doctor's or a refused push. Once the last patch is in, a line for each such
//! commit names it and how to reword it: the last one (HEAD) with an amend, an earlier one with
//! a rebase from below it; both work pasted.

use std::path::PathBuf;

use crate::support::{installed_repo, ok, stderr, text};

#[test]
fn an_am_names_each_commit_the_lint_refuses_and_the_reword_works_pasted() {
    let repo = installed_repo();
    repo.git(&["checkout", "-q", "-b", "side"]);
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "bad first"]);
    repo.write("b.txt", "b\n");
    repo.git(&["add", "b.txt"]);
    repo.commit_hooked("feat: x");
    repo.write("c.txt", "c\n");
    repo.git(&["add", "c.txt"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "bad third"]);
    let dir = repo.scratch("patches");
    repo.git(&["format-patch", "-q", "-3", "-o", dir.to_str().unwrap()]);
    repo.git(&["checkout", "-q", "main"]);
    let mut patches: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    patches.sort();
    let mut args = vec!["am", "-q"];
    args.extend(patches.iter().map(|p| p.to_str().unwrap()));
    let out = repo.git_output(&args);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);

    let id = |rev: &str| repo.git(&["rev-parse", "--short=9", rev]);
    let (first, third, base) = (id("HEAD~2"), id("HEAD"), id("HEAD~3"));
    let refused = "fails the commit lint (header-format: the header is not a Conventional Commit); pre-push refuses it";
    let said_first = format!(
        "relhook: {first} \"bad first\" came through git am and {refused}; reword it with `git rebase -i {base}` and mark {first} `reword`"
    );
    let said_third = format!(
        "relhook: {third} \"bad third\" came through git am and {refused}; reword it with `git commit --amend`"
    );
    assert!(err.contains(&said_first), "{err}");
    assert!(err.contains(&said_third), "{err}");
    assert!(!err.contains("\"feat: x\" came through"), "{err}");

    // Pasted, each command rewords its commit (the rebase first, then the amend of HEAD).
    let pasted = |subject: &str| {
        let line = err.lines().find(|l| l.contains(subject)).unwrap();
        line.split('`').nth(1).unwrap().to_owned()
    };
    // The todo list abbreviates ids its own way: the line is found by the subject.
    let mark = "sed -i 's/^pick \\([0-9a-f]*\\) bad first$/reword \\1 bad first/'";
    for command in [pasted("\"bad first\""), pasted("\"bad third\"")] {
        let out = repo
            .command_in("sh", &repo.path())
            .env("GIT_SEQUENCE_EDITOR", mark)
            .env("GIT_EDITOR", "sed -i 's/^bad \\(.*\\)$/fix: \\1/'")
            .args(["-c", &command])
            .output()
            .unwrap();
        assert!(out.status.success(), "{command}: {}", text(&out));
    }
    assert_eq!(
        repo.git(&["log", "--format=%s", "-3"]),
        "fix: third\nfeat: x\nfix: first"
    );
    ok(repo.relhook(&["check", &format!("{base}..HEAD")]));
}
