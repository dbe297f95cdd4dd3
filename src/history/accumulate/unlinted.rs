//! A plain `git commit --no-verify` whose message the lint refuses (not a Conventional
//! Commit, a header over the length limit, a type not allowed): without a word the first sign
//! would be a refused push. Said in one line whether or not the commit gets an entry, and only
//! when the lint really refuses the message: a `chore:` commit has nothing to hear.

use git2::Oid;

use super::Accumulated;
use crate::commit::lint::{Level, Rule, lint_stored_commit};
use crate::config::Config;
use crate::git::Repo;

/// The notice when there is one, else `Skipped(why)`.
pub(super) fn or_skip(notice: Option<String>, why: &str) -> Accumulated {
    match notice {
        Some(said) => Accumulated::Notice(said),
        None => Accumulated::Skipped(why.to_owned()),
    }
}

/// The notice for `commit`, when the check pre-push runs would refuse its message and the
/// commit is the user's `own` (not a pick or a revert git made, which keep their own rules).
pub(super) fn notice(repo: &Repo, commit: Oid, config: &Config, own: bool) -> Option<String> {
    if !own {
        return None;
    }
    let c = repo.stored_commit(commit)?;
    // A plain commit, amended or first: one parent at most, never a merge.
    let mut verdict = lint_stored_commit(&c.message, c.encoding.as_deref(), 1, &config.commit)?;
    // The package-scope rule too, as pre-push judges it (read only when it is on).
    crate::history::scope_rule::stored(repo, config, commit, &mut verdict);
    let mut errors = verdict
        .diagnostics
        .iter()
        .filter(|d| d.severity == Level::Error);
    let first = errors.clone().next()?;
    // `git commit --fixup` is work in progress the hook accepts, squashed before it is shared.
    if errors.any(|d| d.rule == Rule::Fixup) {
        return None;
    }
    let header: String = verdict
        .header
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let then = "pre-push refuses it; reword it with `git commit --amend`";
    Some(if first.rule == Rule::HeaderFormat {
        format!("no changelog entry: \"{header}\" is not a Conventional Commit ({then})")
    } else {
        format!(
            "\"{header}\" fails the commit lint ({}: {}); {then}",
            first.rule.name(),
            first.message
        )
    })
}
