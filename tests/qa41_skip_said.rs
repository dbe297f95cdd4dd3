//! QA41: `RELHOOK_SKIP=1 git commit` said nothing: no lint, no changelog entry, not a word.
//! The commit says so now, once, in one line; relhook's own git commands (which skip its
//! hooks too) stay silent.

use crate::support::{Repo, dated_release, ok, relhook_bin, stderr, text, untested_installed};

const SAID: &str = "relhook: RELHOOK_SKIP=1: post-commit skipped";

/// `git ARGS` with `RELHOOK_SKIP=1`; the times relhook said it skipped.
fn skipped(repo: &Repo, args: &[&str]) -> usize {
    let out = repo.git_in(&repo.path(), args, &[("RELHOOK_SKIP", "1")]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    err.lines().filter(|l| l.contains(SAID)).count()
}

#[test]
fn a_skipped_commit_says_so_once_and_sync_adds_its_entry() {
    let repo = untested_installed();
    repo.commit_hooked("feat: x");
    let before = repo.read("CHANGELOG.md");
    repo.write("y.txt", "y\n");
    repo.git(&["add", "y.txt"]);
    assert_eq!(skipped(&repo, &["commit", "-q", "-m", "feat: y"]), 1);
    assert_eq!(repo.read("CHANGELOG.md"), before);
    let out = repo.git_in(
        &repo.path(),
        &["commit", "-q", "--allow-empty", "-m", "feat: z"],
        &[("RELHOOK_SKIP", "1")],
    );
    let line = stderr(&out);
    assert_eq!(line.lines().count(), 1, "{line}");
    assert!(line.contains("`relhook changelog --sync`"), "{line}");
    // What it names adds the entries.
    ok(repo.relhook(&["changelog", "--sync"]));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- y") && log.contains("- z"), "{log}");
    // A false value checks, and says nothing of a skip.
    repo.write("w.txt", "w\n");
    repo.git(&["add", "w.txt"]);
    let out = repo.git_in(
        &repo.path(),
        &["commit", "-q", "-m", "feat: w"],
        &[("RELHOOK_SKIP", "0")],
    );
    assert!(!stderr(&out).contains("RELHOOK_SKIP"), "{}", text(&out));
}

#[test]
fn a_release_says_nothing_of_the_skip_it_makes_its_commits_with() {
    let repo = untested_installed();
    repo.commit_hooked("feat: x");
    let out = ok(dated_release(&repo, &[]));
    assert!(!text(&out).contains("RELHOOK_SKIP"), "{}", text(&out));
    assert!(repo.is_clean());
}

#[test]
fn a_skipped_rebase_says_it_for_each_commit() {
    let repo = untested_installed();
    repo.git(&["checkout", "-q", "-b", "topic"]);
    repo.commit_hooked("feat: a");
    repo.commit_hooked("fix: b");
    repo.git(&["checkout", "-q", "main"]);
    repo.write("m.txt", "m\n");
    repo.git(&["add", "m.txt"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: m"]);
    repo.git(&["checkout", "-q", "topic"]);
    assert_eq!(skipped(&repo, &["rebase", "-q", "main"]), 2);
}

#[test]
fn the_hook_run_by_a_manager_says_it_too_but_not_for_relhook_itself() {
    let repo = untested_installed();
    let run = |value: &str| {
        let out = repo
            .command_in(relhook_bin(), &repo.path())
            .args(["hook", "post-commit"])
            .env("RELHOOK_SKIP", value)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out));
        stderr(&out)
    };
    assert_eq!(run("1").lines().filter(|l| l.contains(SAID)).count(), 1);
    assert_eq!(run("internal"), "");
}
