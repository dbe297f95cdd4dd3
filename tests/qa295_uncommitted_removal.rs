//! QA295: `git checkout HEAD~1 -- CHANGELOG.md` takes out of the file the entry HEAD's commit
//! added. `relhook changelog --sync` then said "CHANGELOG.md is up to date with history",
//! which was false; and the next commit took the entry out with it (the checkout staged the
//! old file) without a word. Sync leaves a hand edit as it is, but now names the entries the
//! work tree lacks and the command that puts them back; a commit that takes entries out of
//! the file says which.

use crate::support::{Repo, ok, stderr, text, untested_installed};

/// `feat: one` and `feat: two` through the hooks, then CHANGELOG.md checked out from HEAD~1:
/// the work tree's file (and the index's) lacks `- two`.
fn two_taken_out() -> Repo {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    repo.commit_hooked("feat: two");
    assert!(repo.read("CHANGELOG.md").contains("- two\n"));
    repo.git(&["checkout", "HEAD~1", "--", "CHANGELOG.md"]);
    assert!(!repo.read("CHANGELOG.md").contains("- two"));
    repo
}

#[test]
fn sync_names_the_entries_the_work_tree_lacks_and_the_command_that_restores_them() {
    let repo = two_taken_out();
    let before = repo.read("CHANGELOG.md");
    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let err = stderr(&out);
    assert!(!err.contains("up to date with history"), "{err}");
    let said: Vec<&str> = err.lines().filter(|l| l.contains("`- two`")).collect();
    assert_eq!(said.len(), 1, "{err}");
    let command = "git restore --source=HEAD --staged --worktree :/CHANGELOG.md";
    assert!(said[0].contains(command), "{err}");
    // A hand edit is left as it is.
    assert_eq!(repo.read("CHANGELOG.md"), before);
    // The command named puts the entry back, and sync then has nothing to say of it.
    repo.git(&[
        "restore",
        "--source=HEAD",
        "--staged",
        "--worktree",
        ":/CHANGELOG.md",
    ]);
    assert!(repo.read("CHANGELOG.md").contains("- one\n- two\n"));
    let err = stderr(&ok(repo.relhook(&["changelog", "--sync"])));
    assert!(
        err.contains("CHANGELOG.md is up to date with history"),
        "{err}"
    );
    assert!(!err.contains("`- two`"), "{err}");
}

#[test]
fn a_commit_that_takes_an_entry_out_says_so() {
    let repo = untested_installed();
    let out = repo.try_commit("feat: one");
    assert!(!stderr(&out).contains("took"), "{}", text(&out));
    repo.commit_hooked("feat: two");
    repo.git(&["checkout", "HEAD~1", "--", "CHANGELOG.md"]);
    let out = repo.try_commit("fix: three");
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let said: Vec<&str> = err.lines().filter(|l| l.contains("`- two`")).collect();
    assert_eq!(said.len(), 1, "{err}");
    assert!(
        said[0].contains("took `- two` out of CHANGELOG.md"),
        "{err}"
    );
    // The fix's own entry is added all the same.
    assert!(repo.read("CHANGELOG.md").contains("- three\n"));
}

#[test]
fn a_reword_or_a_release_move_is_not_said_taken_out() {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    let log = repo.read("CHANGELOG.md");
    repo.write(
        "CHANGELOG.md",
        log.replace("- one\n", "- one, with more words\n"),
    );
    repo.git(&["add", "CHANGELOG.md"]);
    let out = repo.try_commit("docs: reword one");
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("took"), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    repo.write(
        "CHANGELOG.md",
        log.replace(
            "## [Unreleased]\n",
            "## [Unreleased]\n\n## [0.1.0] - 2026-01-01\n",
        ),
    );
    repo.git(&["add", "CHANGELOG.md"]);
    let out = repo.try_commit("docs: section by hand");
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("took"), "{}", text(&out));
}
