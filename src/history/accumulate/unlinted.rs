//! A plain `git commit --no-verify` whose message the lint refuses (not a Conventional
//! Commit, a header over the length limit, a type not allowed): without a word the first sign
//! would be a refused push. Said in one line whether or not the commit gets an entry, and only
//! when the lint really refuses the message: a `chore:` commit has nothing to hear. git's
//! `cherry-pick` and `revert` commit with `git commit -n` (commit-msg never sees the message),
//! so their commits are told the same way; a rebase's steps are not (it replays commits told
//! when they were made, and nagging each step of a long rebase would bury the rest).

use git2::Oid;

use super::Accumulated;
use crate::commit::lint::{Level, Rule};
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
/// commit is `told` (not a step of a rebase).
pub(super) fn notice(repo: &Repo, commit: Oid, config: &Config, told: bool) -> Option<String> {
    if !told {
        return None;
    }
    let c = repo.stored_commit(commit)?;
    // A plain commit, amended or first, a pick or a revert: one parent, never a merge.
    let verdict = crate::history::unlinted::verdict(repo, config, &c, 1)?;
    // A pick of a commit from before `relhook install` carries its author and message: pre-push
    // lets it go as that commit (looked for only for what was authored before the install).
    if verdict.failed() && crate::history::adoption::carried_from_before(repo, &c) {
        return None;
    }
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
    let then = format!(
        "pre-push refuses it; {}",
        reword(repo, commit, &c.parent_ids)
    );
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

/// How to reword `commit`: an amend while it is HEAD; a pick of a sequence with more to come
/// (`git cherry-pick A B`) is HEAD no longer by the time this is read, so there the rebase
/// that rewords it once the sequence is done.
fn reword(repo: &Repo, commit: Oid, parents: &[Oid]) -> String {
    let Some(sequence) = repo.stopped().sequence.filter(|s| !s.rest.is_empty()) else {
        return "reword it with `git commit --amend`".to_owned();
    };
    let what = if sequence.command == "revert" {
        "revert"
    } else {
        "cherry-pick"
    };
    let base = parents
        .first()
        .map_or("--root".to_owned(), |p| crate::git::short_id(*p));
    format!(
        "once the {what} is done, reword it with `git rebase -i {base}` and mark {} `reword`",
        crate::git::short_id(commit)
    )
}
