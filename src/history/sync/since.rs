//! What sync reads as unreleased: the commits since the last release tag, and the entries the
//! file already lists for them.

use std::collections::{HashMap, HashSet};

use git2::Oid;

use crate::Result;
use crate::git::{Range, Repo};
use crate::history::changelog::entry::NewEntry;
use crate::history::changelog::{Changelog, Entry, normalize};

/// The range since the last release tag, and that release's version (`None`: no release yet).
pub(super) fn since_last_release(
    repo: &Repo,
    head: Oid,
    config: &crate::config::Config,
    releasing: Option<&str>,
) -> Result<(Range, Option<semver::Version>)> {
    let prefix = config.version.tag_prefix.as_str();
    let last = repo.latest_release_tag_except(head, prefix, releasing);
    let version = last
        .as_ref()
        .and_then(|(name, _)| semver::Version::parse(name.get(prefix.len()..)?).ok());
    let mut hidden: Vec<Oid> = last.map(|(_, at)| vec![at]).unwrap_or_default();
    // After a pre-release, the last stable release HEAD holds too: a stable line merged into
    // the pre-release branch (semantic-release's `master` into `beta`) shipped its commits.
    if version.as_ref().is_some_and(|v| !v.pre.is_empty()) {
        let stable = crate::history::tags::reachable_tags(repo, head, prefix).stable;
        if let Some(s) = stable.filter(|s| Some(s.name.as_str()) != releasing) {
            if !hidden.contains(&s.commit) {
                hidden.push(s.commit);
            }
        }
    }
    // A release going on under `prefix` above one tagged under the other prefix (a version
    // named above it): that one released its commits too. Without a release named, such
    // tags are refused as mixed (`check_tag_prefix`).
    let above = releasing
        .and_then(|_| crate::history::tags::other_prefix_above(repo, head, config, releasing));
    if let Some(c) = above {
        if !hidden.contains(&c) {
            hidden.push(c);
        }
    }
    let mut range = Range {
        tips: vec![head],
        hidden,
        ..Range::default()
    };
    range.describe = "since the last release".into();
    Ok((range, version))
}

/// How sync keys a commit's entry, to compare with what the file lists: normalised, and in a
/// file that names no scope (poetry's, written by hand) without its scope, as post-commit and
/// `--sync` wrote it there (QA281); else the entry they wrote read as missing, and `--sync`,
/// doctor and a release listed it a second time (QA294).
#[derive(Debug, Clone, Copy)]
pub(super) struct Keyed {
    bare: bool,
}

impl Keyed {
    /// The keying for the candidates' entries in `log` (the file's scope style is read only
    /// when one of them has a scope), and their keys.
    pub(super) fn keys(log: &Changelog, candidates: &[(Oid, NewEntry)]) -> (Keyed, Vec<String>) {
        use crate::history::changelog::{ScopeStyle, scoped};
        let scopes = candidates.iter().any(|(_, e)| scoped(&e.text).is_some());
        let keyed = Keyed {
            bare: scopes && log.scope_style() == ScopeStyle::Bare,
        };
        (
            keyed,
            candidates.iter().map(|(_, e)| keyed.key(&e.text)).collect(),
        )
    }

    /// The key of a commit's entry `text`.
    pub(super) fn key(self, text: &str) -> String {
        use crate::history::changelog::{ScopeStyle, scoped};
        match self.bare && scoped(text).is_some() {
            true => normalize(&ScopeStyle::Bare.apply(text)),
            false => normalize(text),
        }
    }
}

/// The normalised entry texts of Unreleased and of every release section after `last` (the
/// last release tag's version; every section when there is none, or when a heading is no
/// SemVer version to compare): the sections the commits since that release can be in. A text
/// `normalized` has (text, key) is not normalised again.
pub(super) fn unreleased_texts(
    log: &Changelog,
    last: Option<&semver::Version>,
    normalized: &HashMap<&str, &str>,
) -> HashSet<String> {
    open_sections(log, last)
        .iter()
        .map(|e| match normalized.get(e.text.as_str()) {
            Some(key) => (*key).to_owned(),
            None => normalize(&e.text),
        })
        .collect()
}

/// The entries of Unreleased and of every release section after `last` (see
/// [`unreleased_texts`]).
pub(super) fn open_sections(log: &Changelog, last: Option<&semver::Version>) -> Vec<Entry> {
    let mut open = log.unreleased_entries();
    // Released sections are passed over unread: a long file holds thousands of entries.
    let released = |v: &str| {
        last.is_some_and(|last| {
            crate::history::changelog::release_version(v)
                .is_some_and(|v| v.cmp_precedence(last).is_le())
        })
    };
    for (_, entries) in log.release_entries_where(|v| !released(v)) {
        open.extend(entries);
    }
    open
}

/// Whether `log`, the changelog HEAD (`head`) holds, lists `text` where `--sync` counts an
/// unreleased commit's entry as listed: in Unreleased, or in the section of a release newer
/// than the last release tag HEAD reaches (a release commit cherry-picked onto a maintenance
/// branch brings its section without its tag, and with it the entries of the commits picked
/// after it).
pub fn listed_as_unreleased(
    repo: &Repo,
    config: &crate::config::Config,
    head: Oid,
    log: &Changelog,
    text: &str,
) -> bool {
    if log.contains_entry(text, true) {
        return true;
    }
    let prefix = config.version.tag_prefix.as_str();
    let last = repo
        .latest_release_tag_except(head, prefix, None)
        .and_then(|(name, _)| semver::Version::parse(name.get(prefix.len()..)?).ok());
    let key = normalize(text);
    open_sections(log, last.as_ref())
        .iter()
        .any(|e| normalize(&e.text) == key)
}
