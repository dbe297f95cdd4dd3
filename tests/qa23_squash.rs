//! QA23: a squash's entry stands for what it squashes only as far as its header reaches.
//! - A `fix:` squash over `feat:` commits keeps their Added entries beside its own (as a
//!   squash that is not breaking keeps the `**BREAKING**` ones), says so, and the release is
//!   the minor they call for.
//! - An amend of the squash replaces its own entry and weighs again what its new header can
//!   stand for: `fix:` → `fix!:` replaces the kept `**BREAKING**` entry (one breaking entry,
//!   not two), back to `fix:` brings it back, and no amend lists an entry twice.
//! - `git revert` of the squash takes every entry it wrote or kept out again.

use crate::support::squash::{amend, next, squashed, unreleased};
use crate::support::{dated_release, ok, stderr, stdout, text};

/// Times `line` is a line of `log`.
fn count(log: &str, line: &str) -> usize {
    log.lines().filter(|l| *l == line).count()
}

/// `git merge --squash topic` over `feat: topic a` and `fix: topic b`, committed as
/// `fix: squashed topic`: the fix's entry replaces `- topic b`, and `- topic a` stays under
/// Added (a fix's entry does not say a feature came), said in the one line, so the next
/// version, the release and a hand tag are the minor.
#[test]
fn a_fix_squash_over_a_feature_keeps_its_added_entry_and_the_minor() {
    let repo = squashed(&["feat: topic a", "fix: topic b"]);
    let out = ok(repo.git_output(&["commit", "-q", "-m", "fix: squashed topic"]));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    let log = unreleased(&repo);
    assert!(log.contains("### Added\n\n- topic a\n"), "{log}");
    assert!(log.contains("### Fixed\n\n- squashed topic\n"), "{log}");
    assert!(!log.contains("topic b"), "{log}");
    let err = stderr(&out);
    assert!(err.contains("kept `- topic a`"), "{err}");
    assert!(err.contains("counts it as a feature"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(next(&repo), "1.1.0");
    // No commit in history wrote the kept entry: `--rebuild` names it rather than drop it.
    let out = repo.relhook(&["changelog", "--rebuild"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stderr(&out).contains("`- topic a`"), "{}", text(&out));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    let out = ok(repo.relhook(&["version", "--explain"]));
    assert!(stdout(&out).contains("topic a"), "{}", text(&out));
    ok(dated_release(&repo, &[]));
    assert_eq!(repo.git(&["tag", "-l", "v1.1.0"]), "v1.1.0");
    let log = repo.read("CHANGELOG.md");
    let released = &log[log.find("## [1.1.0]").expect("1.1.0")..log.find("## [1.0.0]").unwrap()];
    assert!(
        released.contains("- topic a\n") && released.contains("- squashed topic\n"),
        "{log}"
    );
}

/// A `feat:` squash stands for the features it squashes: it replaces them all, as before.
#[test]
fn a_feat_squash_replaces_the_feature_entries() {
    let repo = squashed(&["feat: topic a", "fix: topic b"]);
    let out = ok(repo.git_output(&["commit", "-q", "-m", "feat: squashed topic"]));
    let log = unreleased(&repo);
    assert!(log.contains("- squashed topic\n"), "{log}");
    assert!(
        !log.contains("topic a") && !log.contains("topic b"),
        "{log}"
    );
    assert!(!stderr(&out).contains("kept"), "{}", text(&out));
    assert_eq!(next(&repo), "1.1.0");
}

/// `fix:` squash over `feat!:` keeps the `**BREAKING**` entry and says `git commit --amend`
/// with `!`; doing so leaves one breaking entry (the squash's own), not two, whatever the
/// amends that follow; amending back to `fix:` keeps the squashed breaking entry again.
#[test]
fn amending_the_squash_to_breaking_replaces_the_kept_breaking_entry() {
    let repo = squashed(&["feat!: drop the old api", "fix: topic b"]);
    ok(repo.git_output(&["commit", "-q", "-m", "fix: squashed topic"]));
    assert_eq!(
        count(&unreleased(&repo), "- **BREAKING** drop the old api"),
        1
    );

    let err = amend(&repo, "fix!: squashed topic");
    let log = unreleased(&repo);
    assert_eq!(log.matches("**BREAKING**").count(), 1, "{log}\n{err}");
    assert_eq!(count(&log, "- **BREAKING** squashed topic"), 1, "{log}");
    assert!(!log.contains("drop the old api"), "{log}");
    assert!(err.contains("drop the old api"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(next(&repo), "2.0.0");

    amend(&repo, "fix!: squashed topic, reworded");
    let log = unreleased(&repo);
    assert_eq!(log.matches("**BREAKING**").count(), 1, "{log}");
    assert_eq!(
        count(&log, "- **BREAKING** squashed topic, reworded"),
        1,
        "{log}"
    );
    ok(repo.git_output(&["commit", "--amend", "-q", "--no-edit"]));
    assert_eq!(unreleased(&repo), log);

    let err = amend(&repo, "fix: squashed topic");
    let log = unreleased(&repo);
    assert_eq!(
        count(&log, "- **BREAKING** drop the old api"),
        1,
        "{log}\n{err}"
    );
    assert_eq!(count(&log, "- squashed topic"), 1, "{log}");
    assert_eq!(log.matches("**BREAKING**").count(), 1, "{log}");
    assert!(
        err.contains("kept `- **BREAKING** drop the old api`"),
        "{err}"
    );
    assert_eq!(next(&repo), "2.0.0");
}

/// Amends that keep the level keep the kept entries once; an amend to `feat:` replaces the
/// feature's entry, and one to `chore:` (no entry of its own) keeps every squashed entry, as a
/// squash committed so at first does.
#[test]
fn amending_the_squash_weighs_the_squashed_entries_again() {
    let repo = squashed(&["feat: topic a", "fix: topic b"]);
    ok(repo.git_output(&["commit", "-q", "-m", "fix: squashed topic"]));
    amend(&repo, "fix: squashed topic, reworded");
    amend(&repo, "fix: squashed topic, reworded again");
    let log = unreleased(&repo);
    assert_eq!(count(&log, "- topic a"), 1, "{log}");
    assert_eq!(count(&log, "- squashed topic, reworded again"), 1, "{log}");
    assert!(
        !log.contains("topic b") && !log.contains("reworded\n"),
        "{log}"
    );
    assert_eq!(next(&repo), "1.1.0");

    amend(&repo, "feat: squashed topic");
    let log = unreleased(&repo);
    assert!(log.contains("### Added\n\n- squashed topic\n"), "{log}");
    assert!(
        !log.contains("topic a") && !log.contains("topic b"),
        "{log}"
    );
    assert!(!log.contains("### Fixed"), "{log}");
    assert_eq!(next(&repo), "1.1.0");

    let err = amend(&repo, "chore: squashed topic");
    assert!(err.contains("put back 2 entries"), "{err}");
    let log = unreleased(&repo);
    assert_eq!(count(&log, "- topic a"), 1, "{log}");
    assert_eq!(count(&log, "- topic b"), 1, "{log}");
    assert!(!log.contains("squashed topic"), "{log}");
    assert_eq!(next(&repo), "1.1.0");
}

/// `git revert` of the squash before any release takes out what it wrote and what it kept:
/// nothing of the topic is left to release.
#[test]
fn reverting_the_squash_takes_its_kept_entries_out_too() {
    let repo = squashed(&["feat: topic a", "fix: topic b"]);
    ok(repo.git_output(&["commit", "-q", "-m", "fix: squashed topic"]));
    ok(repo.git_output(&["revert", "--no-edit", "HEAD"]));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    let log = unreleased(&repo);
    assert!(!log.contains("topic"), "{log}");
    let out = repo.relhook(&["version", "--next"]);
    assert_ne!(stdout(&out).trim(), "1.1.0", "{}", text(&out));
}
