//! A release commit rewritten after tagging (`git commit --amend -m`, a `rebase -i` reword) in
//! words the release template does not give: recognised by its version's section, which it
//! adds, and its tag, left on the commit it replaced.

use git2::Oid;
use semver::Version;

use super::resume::version_in_message;
use crate::config::Config;
use crate::git::Repo;

/// [`version_in_message`], or the version a reworded release commit still opens with: the
/// template's text before `{version}`, then the version up to the first blank
/// (`chore(release): 1.2.0 (the big one)`, after `git commit --amend -m`). Only with the
/// commit adding the version's section (see `adds_section`).
pub(super) fn version_in_reworded(template: &str, message: &str) -> Option<Version> {
    version_in_message(template, message).or_else(|| opening_version(template, message))
}

/// [`version_in_reworded`] of a message [`version_in_message`] finds no version in: the
/// version its first line opens with after the template's text before `{version}`.
pub(super) fn opening_version(template: &str, message: &str) -> Option<Version> {
    let before = template.lines().next()?.split_once("{version}")?.0;
    let rest = message.lines().next()?.strip_prefix(before)?;
    let token = rest.split_whitespace().next()?;
    // A blank must follow the version: `1.2.0-fix` is another version, not 1.2.0 reworded.
    (token.len() < rest.trim_end().len())
        .then(|| Version::parse(token).ok())
        .flatten()
}

/// A release commit reworded without the template's words (`chore: release 0.1.0`,
/// `chore: cut v0.1.0.`): a version its first line names whose tag is on another commit, one
/// `tip` no longer holds (the release commit before the amend or rebase), where both commits
/// add that version's section. The tag is the evidence: a message alone would not do.
pub(super) fn in_other_words(
    repo: &Repo,
    config: &Config,
    tip: Oid,
    commit: Oid,
    message: &str,
) -> Option<Version> {
    let prefix = config.version.tag_prefix.as_str();
    let subject = message.lines().next()?;
    // Punctuation around a version (`(0.1.0)`, `0.1.0.`) is no part of it.
    let edge = |c: char| !(c.is_ascii_alphanumeric() || c == '+');
    let mut seen = Vec::new();
    subject.split_whitespace().find_map(|word| {
        let word = word.trim_matches(edge);
        let word = word.strip_prefix(prefix).unwrap_or(word);
        // A version opens with its major number: most words are told from one by their first
        // character, without a parse.
        if !word.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let version = Version::parse(word).ok()?;
        if seen.contains(&version) {
            return None;
        }
        seen.push(version.clone());
        let tagged = repo.peel_to_commit(repo.tag_target(&format!("{prefix}{version}"))?)?;
        let rewritten = tagged != commit
            && !repo.reaches(tip, tagged)
            && adds_section(repo, config, commit, repo.first_parent(commit), &version)
            && adds_section(repo, config, tagged, repo.first_parent(tagged), &version);
        rewritten.then_some(version)
    })
}

/// A release commit reworded in words that name no version (`chore: bump version`, `fix: typo`):
/// a release tag above `last` (the last release `tip` holds) whose commit `tip` no longer holds
/// and added its section, where a commit of `tip`'s first-parent line since `last` adds that
/// section too. Only tags above `last` are looked at, so this reads nothing more in the common
/// case.
pub(super) fn by_section(
    repo: &Repo,
    config: &Config,
    tip: Oid,
    last: Option<&(String, Oid)>,
) -> Option<(Oid, Version)> {
    let prefix = config.version.tag_prefix.as_str();
    let floor = last.and_then(|(name, _)| Version::parse(name.strip_prefix(prefix)?).ok());
    let path = &config.changelog.path;
    let mut tags = repo.release_tag_candidates(prefix);
    tags.retain(|t| floor.as_ref().is_none_or(|f| t.version > *f));
    // The newest first: the top of the line is looked at before what lies below it.
    tags.sort_by(|a, b| b.version.cmp_precedence(&a.version));
    tags.into_iter().find_map(|t| {
        let candidate = !repo.reaches(tip, t.commit)
            && crate::history::sync::has_section_at(repo, tip, path, &t.version)
            && adds_section(
                repo,
                config,
                t.commit,
                repo.first_parent(t.commit),
                &t.version,
            );
        if !candidate {
            return None;
        }
        let mut at = Some(tip);
        for _ in 0..50 {
            let commit = at.filter(|c| last.is_none_or(|l| l.1 != *c))?;
            let parent = repo.first_parent(commit);
            if adds_section(repo, config, commit, parent, &t.version) {
                // A merge that brings the section in from its other parent (another clone's
                // release, pulled) is no release commit: relhook never makes one a merge.
                if repo.is_merge(commit) {
                    return None;
                }
                // A commit that brought in several releases' sections (a changelog copied
                // in whole) is none of them.
                let count = |c: Option<Oid>| c.map_or(Some(0), |c| release_sections(repo, path, c));
                let one = matches!((count(Some(commit)), count(parent)), (Some(n), Some(p)) if n == p + 1);
                return one.then_some((commit, t.version));
            }
            at = parent;
        }
        None
    })
}

/// Whether `commit` adds `version`'s section to the changelog its first parent lacks.
pub(super) fn adds_section(
    repo: &Repo,
    config: &Config,
    commit: Oid,
    parent: Option<Oid>,
    version: &Version,
) -> bool {
    let path = &config.changelog.path;
    crate::history::sync::has_section_at(repo, commit, path, version)
        && !parent.is_some_and(|p| crate::history::sync::has_section_at(repo, p, path, version))
}

/// How many release sections the changelog has at `commit` (`None`: not there, or unreadable).
fn release_sections(repo: &Repo, path: &std::path::Path, commit: Oid) -> Option<usize> {
    let file = repo.file_at(commit, path).ok()??;
    let text = String::from_utf8(file.bytes).ok()?;
    Some(
        crate::history::changelog::Changelog::parse(&text)
            .ok()?
            .versions()
            .len(),
    )
}
