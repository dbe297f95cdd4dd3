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
    let verdict = lint_stored_commit(&c.message, c.encoding.as_deref(), 1, &config.commit)?;
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

/// For a commit whose type gets no entry (`docs:`, `chore:`) while the repository has no
/// changelog yet (a single-changelog project's first commits): why none appeared, and which
/// types make one. Said only then: a `chore:` commit beside a changelog has nothing to hear.
pub(super) fn no_changelog_yet(repo: &Repo, config: &Config, subject: &str) -> Option<String> {
    // With `accumulate` off the file is never made by a commit: nothing to explain.
    if !config.packages.is_empty() || !config.changelog.accumulate || subject.is_empty() {
        return None;
    }
    let path = &config.changelog.path;
    let root = repo.work_tree()?;
    if root.join(path).symlink_metadata().is_ok() {
        return None;
    }
    let ty: String = subject
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let rest = &subject[ty.len()..];
    if ty.is_empty() || !(rest.starts_with(':') || rest.starts_with('(') || rest.starts_with('!')) {
        return None;
    }
    let types: Vec<String> = config
        .changelog
        .sections
        .keys()
        .map(|t| format!("`{t}:`"))
        .collect();
    Some(format!(
        "no changelog entry: `{ty}:` commits get none, so {} is not made yet; {} commits do (`[changelog.sections]` in .relconfig.toml)",
        path.display(),
        types.join(", ")
    ))
}
