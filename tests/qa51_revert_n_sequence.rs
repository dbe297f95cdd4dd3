//! QA51: `git revert -n HEAD ":/feat: init"` stops on CHANGELOG.md (the reverted commit
//! created it); relhook says to keep it and `git commit`. Doing that, post-commit said "a
//! cherry-pick or revert sequence is in progress" and added no entry, though git had ended
//! the sequence: commit-msg noted the commit as a sequence's concluding pick, which `-n`
//! never makes. Now a `-n` sequence is noted as the user's own commit and the revert gets its
//! entry; and a note whose commit was never made does not silence a later commit.

use crate::support::{Repo, installed_repo, ok, stderr, stdout, text};

/// `feat: init` (which created CHANGELOG.md) released as v0.1.0, then `feat: add four`.
fn released_then_four() -> Repo {
    let repo = installed_repo();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", ".relconfig.toml"]);
    repo.commit_hooked("chore: cfg");
    ok(repo.relhook(&["release", "--no-test"]));
    repo.commit_hooked("feat: add four");
    repo
}

#[test]
fn a_revert_n_sequence_stopped_on_the_changelog_gets_its_entry_when_committed() {
    let repo = released_then_four();
    let out = repo.git_output(&["revert", "-n", "HEAD", ":/^feat: init"]);
    assert!(!out.status.success(), "{}", text(&out));
    let advice = "`git checkout --ours CHANGELOG.md && git add CHANGELOG.md`";
    assert!(stderr(&out).contains(advice), "{}", text(&out));
    repo.git(&["checkout", "--ours", "CHANGELOG.md"]);
    repo.git(&["add", "CHANGELOG.md"]);
    let out = ok(repo.git_output(&["commit", "-q", "-m", "revert: back out four and init"]));
    assert!(!stderr(&out).contains("in progress"), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    let unreleased = &log[..log.find("## [0.1.0]").expect("the release")];
    assert!(
        unreleased.contains("### Removed\n\n- back out four and init\n"),
        "{log}"
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    let out = ok(repo.relhook(&["changelog", "--sync", "--stdout"]));
    assert_eq!(stdout(&out), log, "--sync agrees");
}

#[test]
fn a_note_whose_commit_was_never_made_does_not_silence_a_later_commit() {
    let repo = installed_repo();
    // What commit-msg leaves for a concluding pick that then failed to commit.
    let head = repo.git(&["rev-parse", "HEAD"]);
    repo.write(
        ".git/relhook-sequence-pick",
        format!("{head}\nfeat: add five\n"),
    );
    let out = ok(repo.try_commit("feat: add five"));
    assert!(!stderr(&out).contains("in progress"), "{}", text(&out));
    assert!(repo.read("CHANGELOG.md").contains("- add five\n"));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}
