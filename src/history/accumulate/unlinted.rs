//! A plain `git commit --no-verify` whose message the lint refuses: it gets no entry, and
//! without a word the first sign would be a refused push. Asked only when the commit has no
//! entry (a `feat`/`fix` commit never pays for the lint here), and said only when the lint
//! really refuses the message: a `chore:` commit has no entry and nothing to hear.

use git2::Oid;

use crate::commit::lint::{Level, Rule, lint_stored_commit};
use crate::config::Config;
use crate::git::Repo;

/// The notice for `commit`, when the check pre-push runs would refuse its message.
pub(super) fn notice(repo: &Repo, commit: Oid, config: &Config) -> Option<String> {
    let message = repo.commit_message(commit)?;
    // A plain commit, amended or first: one parent at most, never a merge.
    let verdict = lint_stored_commit(&message, 1, &config.commit)?;
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
