//! QA155: `git cherry-pick A B` (or `git revert A B`) whose first commit's message the lint
//! refuses said, as for a single commit, "reword it with `git commit --amend`"; by then git had
//! made the next pick, so that amend reworded B instead. A pick with more to come now names
//! the rebase that rewords it once the sequence is done; the last one (and a single pick) keeps
//! the amend, which is right there.

use crate::support::{installed_repo, ok, stderr, text};

#[test]
fn a_refused_pick_before_others_names_a_rebase_that_rewords_it() {
    let repo = installed_repo();
    repo.git(&["checkout", "-q", "-b", "side"]);
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "bad pick one"]);
    repo.write("b.txt", "b\n");
    repo.git(&["add", "b.txt"]);
    repo.commit_hooked("feat: pick two");
    repo.git(&["checkout", "-q", "main"]);

    let out = repo.git_output(&["cherry-pick", "side~1", "side"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let picked = repo.git(&["rev-parse", "--short=9", "HEAD~1"]);
    let base = repo.git(&["rev-parse", "--short=9", "HEAD~2"]);
    let said = format!(
        "relhook: no changelog entry: \"bad pick one\" is not a Conventional Commit (pre-push refuses it; once the cherry-pick is done, reword it with `git rebase -i {base}` and mark {picked} `reword`)"
    );
    assert!(err.contains(&said), "{err}");
    assert!(!err.contains("git commit --amend"), "{err}");

    // Pasted, with the mark made, it rewords that commit and keeps the one after it.
    let line = err.lines().find(|l| l.contains("bad pick one")).unwrap();
    let command = line.split('`').nth(1).unwrap().to_owned();
    // The todo list abbreviates ids its own way: the line is found by the subject.
    let mark = "sed -i 's/^pick \\([0-9a-f]*\\) bad pick one$/reword \\1 bad pick one/'";
    let out = repo
        .command_in("sh", &repo.path())
        .env("GIT_SEQUENCE_EDITOR", mark)
        .env("GIT_EDITOR", "sed -i 's/^bad pick one$/fix: pick one/'")
        .args(["-c", &command])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        repo.git(&["log", "--format=%s", "-2"]),
        "feat: pick two\nfix: pick one"
    );
    ok(repo.relhook(&["check", &format!("{base}..HEAD")]));
}

#[test]
fn the_last_pick_of_a_sequence_keeps_the_amend() {
    let repo = installed_repo();
    repo.git(&["checkout", "-q", "-b", "side"]);
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    repo.commit_hooked("feat: pick one");
    repo.write("b.txt", "b\n");
    repo.git(&["add", "b.txt"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "bad pick two"]);
    repo.git(&["checkout", "-q", "main"]);

    let out = repo.git_output(&["cherry-pick", "side~1", "side"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("\"bad pick two\" is not a Conventional Commit (pre-push refuses it; reword it with `git commit --amend`)"),
        "{err}"
    );
    assert!(!err.contains("git rebase -i"), "{err}");
}
