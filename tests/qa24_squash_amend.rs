//! QA24: an amended squash puts back the squashed entries its old header stood for even when
//! the squashed branch is gone (`git branch -D topic`, as one does after a squash merge): the
//! squash as git first made it carries them (`git merge --squash` staged them), so the commit
//! reads as if first made with its new message, and the release counts them.
//! - An entry taken out by hand stays out.
//! - An entry the new header would stand for but relhook cannot tell is a squashed one (its
//!   branch is gone) is kept, and the line says so: never dropped silently.

use crate::support::squash::{amend, next, squashed, unreleased};
use crate::support::{Repo, ok};

/// [`squashed`] over `topic`, committed as `message`, then the topic branch deleted.
fn squashed_then_deleted(topic: &[&str], message: &str) -> Repo {
    let repo = squashed(topic);
    ok(repo.git_output(&["commit", "-q", "-m", message]));
    ok(repo.git_output(&["branch", "-q", "-D", "topic"]));
    repo
}

const TOPIC: [&str; 3] = ["feat: topic a", "fix: topic b", "fix: topic c"];

/// The three squashed entries, once each, and not the squash's own.
fn holds_the_three(log: &str) {
    for e in ["- topic a", "- topic b", "- topic c"] {
        assert_eq!(log.lines().filter(|l| *l == e).count(), 1, "{e}: {log}");
    }
    assert!(!log.contains("squashed topic"), "{log}");
}

/// `feat:` squash, branch deleted, amended to `chore:`: the three entries come back, said so,
/// and the next version is the minor `topic a` calls for.
#[test]
fn a_feat_squash_amended_to_chore_after_its_branch_is_deleted_keeps_the_entries() {
    let repo = squashed_then_deleted(&TOPIC, "feat: squashed topic");
    assert!(!unreleased(&repo).contains("topic a"));
    let err = amend(&repo, "chore: squashed topic");
    assert!(err.contains("put back 3 entries"), "{err}");
    holds_the_three(&unreleased(&repo));
    assert_eq!(next(&repo), "1.1.0");
}

/// `fix!:` squash (it stands for all three), branch deleted, amended to `chore:`.
#[test]
fn a_breaking_fix_squash_amended_to_chore_after_its_branch_is_deleted_keeps_the_entries() {
    let repo = squashed_then_deleted(&TOPIC, "fix!: squashed topic");
    assert_eq!(next(&repo), "2.0.0");
    let err = amend(&repo, "chore: squashed topic");
    assert!(err.contains("put back 3 entries"), "{err}");
    holds_the_three(&unreleased(&repo));
    assert_eq!(next(&repo), "1.1.0");
}

/// A squashed entry a person takes out by hand in an amend stays out when a later amend makes
/// the squash lighter: only what relhook took out comes back.
#[test]
fn a_squashed_entry_taken_out_by_hand_stays_out() {
    let repo = squashed_then_deleted(&TOPIC, "chore: squashed topic");
    holds_the_three(&unreleased(&repo));
    let log = repo.read("CHANGELOG.md").replace("- topic c\n", "");
    repo.write("CHANGELOG.md", &log);
    repo.git(&["add", "CHANGELOG.md"]);
    amend(&repo, "chore: squashed topic, without c");
    amend(&repo, "feat: squashed topic");
    let log = unreleased(&repo);
    assert!(!log.contains("topic c"), "{log}");
    amend(&repo, "chore: squashed topic");
    let log = unreleased(&repo);
    assert!(
        log.contains("- topic a\n") && log.contains("- topic b\n"),
        "{log}"
    );
    assert!(!log.contains("topic c"), "{log}");
}

/// `fix:` squash over a feature keeps `- topic a`; with the branch gone an amend to `feat:`
/// cannot tell it is a squashed entry, so it keeps it and says so rather than drop it.
#[test]
fn an_entry_relhook_cannot_tell_is_squashed_is_kept_and_said() {
    let repo = squashed_then_deleted(&TOPIC, "fix: squashed topic");
    assert!(unreleased(&repo).contains("- topic a\n"));
    let err = amend(&repo, "feat: squashed topic");
    assert!(err.contains("kept `- topic a`"), "{err}");
    let log = unreleased(&repo);
    assert!(log.contains("- topic a\n"), "{log}");
    assert_eq!(next(&repo), "1.1.0");
}
