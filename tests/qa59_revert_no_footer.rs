//! QA59: `git revert -n <id>`, then a Conventional message of one's own (`revert: drop k`)
//! that names no commit, added `- drop k` under Removed for a feature no release has. git's
//! REVERT_HEAD (which commit-msg sees, and notes) names the commit, or, past the hook, the
//! commit's change exactly undoes an unreleased one's: then its entry goes and the revert
//! gets none, as for git's own message. A revert relhook cannot place keeps its entry and
//! says what to add.

use crate::support::{Repo, installed_repo, ok, stderr, text};

fn unreleased(repo: &Repo) -> String {
    let log = repo.read("CHANGELOG.md");
    let start = log.find("## [Unreleased]").unwrap();
    let end = log.find("## [0.1.0]").unwrap_or(log.len());
    log[start..end].to_owned()
}

/// `git revert -n <what>`, then `git commit` with `message` (and `extra` options).
fn revert_by_hand(repo: &Repo, what: &str, message: &str, extra: &[&str]) -> String {
    ok(repo.git_output(&["revert", "-n", what]));
    let mut args = vec!["commit", "-q", "-m", message];
    args.extend_from_slice(extra);
    let out = repo.git_output(&args);
    assert!(out.status.success(), "{}", text(&out));
    stderr(&out)
}

const NEITHER: &str = "no entry added: this commit reverts `- add k`, which no release has, and git's revert took that entry out of CHANGELOG.md, so neither ships";

#[test]
fn a_tip_revert_with_a_message_of_ones_own_takes_the_unreleased_entry_out() {
    let repo = installed_repo();
    repo.commit_hooked("feat: add k");
    let err = revert_by_hand(&repo, "HEAD", "revert: drop k", &[]);
    assert!(err.contains(NEITHER), "{err}");
    let un = unreleased(&repo);
    assert!(!un.contains("drop k") && !un.contains("add k"), "{un}");
    assert!(!un.contains("### Removed"), "{un}");
    assert!(repo.is_clean());
}

#[test]
fn an_older_unreleased_commit_reverted_so_is_told_too() {
    let repo = installed_repo();
    repo.commit_hooked("feat: add k");
    repo.commit_hooked("fix: add b");
    let err = revert_by_hand(&repo, "HEAD~1", "revert: drop k", &[]);
    assert!(err.contains(NEITHER), "{err}");
    let un = unreleased(&repo);
    assert!(!un.contains("drop k") && !un.contains("add k"), "{un}");
    assert!(un.contains("- add b"), "{un}");
    assert!(repo.is_clean());
}

/// Past commit-msg (no REVERT_HEAD noted): the change, the exact inverse of the feature's.
#[test]
fn past_the_hook_the_change_tells_it() {
    let repo = installed_repo();
    repo.commit_hooked("feat: add k");
    repo.commit_hooked("fix: add b");
    let err = revert_by_hand(&repo, "HEAD~1", "revert: drop k", &["--no-verify"]);
    assert!(err.contains(NEITHER), "{err}");
    let un = unreleased(&repo);
    assert!(!un.contains("drop k") && !un.contains("add k"), "{un}");
}

#[test]
fn a_released_feature_reverted_so_keeps_a_removed_entry() {
    let repo = installed_repo();
    repo.commit_hooked("feat: add k");
    let feat = repo.git(&["rev-parse", "HEAD"]);
    ok(repo.relhook(&["release", "--no-test"]));
    repo.commit_hooked("fix: add b");
    let err = revert_by_hand(&repo, &feat, "revert: drop k", &[]);
    assert!(err.contains("added `- drop k` under Removed"), "{err}");
    assert!(!err.contains("cannot tell"), "{err}");
    let un = unreleased(&repo);
    assert!(un.contains("### Removed\n\n- drop k\n"), "{un}");
    assert!(repo.read("CHANGELOG.md").contains("- add k"));
}

#[test]
fn an_unrelated_revert_matches_nothing_and_says_what_to_add() {
    let repo = installed_repo();
    repo.commit_hooked("feat: add k");
    repo.commit_hooked("fix: add b");
    repo.write("tweak.txt", "x\n");
    repo.git(&["add", "tweak.txt"]);
    let out = repo.git_output(&["commit", "-q", "-m", "revert: undo the tweak"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("added `- undo the tweak` under Removed; relhook cannot tell which commit this revert reverts: a revert that names it in a `Refs: <id>` footer takes an unreleased commit's entry out instead of adding its own"),
        "{err}"
    );
    let un = unreleased(&repo);
    assert!(
        un.contains("- add k") && un.contains("- undo the tweak"),
        "{un}"
    );
}
