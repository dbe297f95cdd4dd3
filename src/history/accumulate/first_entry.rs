//! Before the first entry: a commit whose type gets none (`docs:`, `chore:`) made no
//! CHANGELOG.md and said nothing, and the first word of why was a refused tag. Said in one
//! line while there is no changelog; once there is one, such a commit has nothing to hear.

use crate::config::Config;
use crate::git::Repo;

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
    // An orphan branch (gh-pages) gets no changelog: nothing to explain either.
    if repo
        .head()
        .is_some_and(|head| super::unrelated::unrelated_to_keepers(repo, head, path).is_some())
    {
        return None;
    }
    // Not "not made yet": this very commit deleted it (and what it listed).
    if let Some(said) = repo
        .head()
        .and_then(|head| super::deleted::deleted_by(repo, config, head, path, false))
    {
        return Some(said);
    }
    let ty: String = subject
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let rest = &subject[ty.len()..];
    if ty.is_empty() || !(rest.starts_with(':') || rest.starts_with('(') || rest.starts_with('!')) {
        return None;
    }
    // Said once: every `chore:` until the first entry would hear it again.
    if !repo.first_time_told("no-changelog-yet") {
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
