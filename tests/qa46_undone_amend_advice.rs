//! QA46: an amend's post-commit killed before it moved the branch, undone by the next commit's
//! relhook: the line said "the entry it was adding is not in CHANGELOG.md: `relhook changelog
//! --sync` adds it", but `--sync` never replaces a reworded entry ("up to date"). The journal
//! now names the commit it ran for, and the recovery of an amend's run gives the hand edit,
//! once, wherever HEAD is; a plain commit's keeps the `--sync` advice.

use crate::support::{Repo, ok, stderr, text, untested_installed};

const HAND_EDIT: &str = "change it by hand to `- fix bee` under Fixed";

/// `fix: fix b` committed, then reworded to `fix: fix bee` by an amend whose post-commit was
/// killed before it moved the branch (git's index lock, left by it, removed as git says).
fn amend_killed() -> Repo {
    let repo = untested_installed();
    repo.commit_hooked("fix: fix b");
    repo.git_killed_at(
        "files-written",
        &["commit", "-q", "--amend", "-m", "fix: fix bee"],
        &[],
    );
    assert_eq!(repo.head_subject(), "fix: fix bee");
    let _ = std::fs::remove_file(repo.path().join(".git/index.lock"));
    repo
}

#[test]
fn the_next_commit_undoing_an_amends_run_names_the_hand_edit_not_sync() {
    let repo = amend_killed();
    let out = repo.try_commit("feat: add d");
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("undid an interrupted post-commit (nothing of it remains); CHANGELOG.md still reads `- fix b`"),
        "{err}"
    );
    assert!(err.contains(HAND_EDIT), "{err}");
    assert!(!err.contains("`relhook changelog --sync` adds it"), "{err}");
}

#[test]
fn sync_undoing_an_amends_run_says_the_hand_edit_once() {
    let repo = amend_killed();
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    let err = stderr(&out);
    assert!(err.contains("undid an interrupted post-commit"), "{err}");
    assert_eq!(err.matches(HAND_EDIT).count(), 1, "{err}");
    assert!(!err.contains("`relhook changelog --sync` adds it"), "{err}");
}

#[test]
fn the_next_commit_undoing_a_plain_commits_run_still_names_sync() {
    let repo = untested_installed();
    std::fs::write(repo.path().join("b.txt"), "b\n").unwrap();
    repo.git(&["add", "b.txt"]);
    repo.git_killed_at("files-written", &["commit", "-q", "-m", "fix: fix b"], &[]);
    let _ = std::fs::remove_file(repo.path().join(".git/index.lock"));
    let out = repo.try_commit("feat: add d");
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains(
            "the entry it was adding is not in CHANGELOG.md: `relhook changelog --sync` adds it"
        ),
        "{err}"
    );
    assert!(!err.contains("change it by hand"), "{err}");
}
