//! QA39 (left open): a commit that dodged commit-msg on a branch merged with `--no-ff` got
//! `git rebase -i <base>` as its fix from pre-push, doctor and `relhook release`: followed, it
//! flattened the merge into one line of both sides' commits. With a merge among the commits
//! replayed, the rebase keeps it (`--rebase-merges`); a line of history gets the plain rebase.

use crate::support::{Repo, installed_repo, ok, stderr, stdout, text};

/// main with a `--no-ff` merge of `side`, whose first commit dodged commit-msg; origin has
/// the commit below both. Returns the repository and that base's short id.
fn merged_unchecked() -> (Repo, String) {
    let repo = installed_repo();
    repo.with_origin();
    ok(repo.git_output(&["push", "-q", "origin", "main"]));
    let base = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    repo.git(&["switch", "-q", "-c", "side"]);
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "bad message"]);
    repo.write("b.txt", "b\n");
    repo.git(&["add", "b.txt"]);
    repo.commit_hooked("fix: b");
    repo.git(&["switch", "-q", "main"]);
    repo.write("c.txt", "c\n");
    repo.git(&["add", "c.txt"]);
    repo.commit_hooked("feat: c");
    ok(repo.git_output(&["merge", "-q", "--no-ff", "side", "-m", "Merge branch side"]));
    (repo, base.trim().to_owned())
}

#[test]
fn the_reword_advice_keeps_a_merge_and_following_it_keeps_the_merge() {
    let (repo, base) = merged_unchecked();
    let rebase = format!("`git rebase -i --rebase-merges {base}`, mark ");
    let out = repo.git_output(&["push", "origin", "main"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains(&rebase), "{}", text(&out));
    let out = repo.relhook(&["doctor"]);
    assert!(stdout(&out).contains(&rebase), "{}", text(&out));
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stderr(&out).contains(&rebase), "{}", text(&out));

    // Followed: the bad commit reworded, the merge still there, the push accepted.
    let bad = repo.git(&["rev-parse", "--short=7", "side~1"]);
    let out = repo.git_in(
        &repo.path(),
        &["rebase", "-i", "--rebase-merges", &base],
        &[
            (
                "GIT_SEQUENCE_EDITOR",
                &format!(
                    "sed -i 's/^pick {} .*/reword {} x/'",
                    bad.trim(),
                    bad.trim()
                ),
            ),
            ("GIT_EDITOR", "sed -i '1s/.*/feat: a/'"),
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        repo.git(&["rev-list", "--merges", "--count", "HEAD"])
            .trim(),
        "1"
    );
    ok(repo.git_output(&["push", "-q", "origin", "main"]));
}

#[test]
fn a_line_of_history_gets_the_plain_rebase() {
    let repo = installed_repo();
    repo.with_origin();
    ok(repo.git_output(&["push", "-q", "origin", "main"]));
    let base = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "bad message"]);
    let out = repo.git_output(&["push", "origin", "main"]);
    assert!(
        stderr(&out).contains(&format!("`git rebase -i {}`, mark ", base.trim())),
        "{}",
        text(&out)
    );
}
