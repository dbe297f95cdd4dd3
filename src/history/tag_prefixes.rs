//! Release tags under a prefix other than `tag_prefix` (`hatch-v1.18.0`, changesets'
//! `@changesets/cli@3.0.1`): before the first release under `tag_prefix`, relhook would take
//! all of history for unreleased and propose a first release below them, so it refuses and
//! names the prefixes found.

use git2::Oid;

use crate::config::Config;
use crate::git::{ReleaseTag, Repo};
use crate::{Error, Result};

/// How many of a prefix's greatest tags are tried for reachability from HEAD.
const TRIED: usize = 8;

/// Refuses when tags that end in a SemVer version after a prefix other than `prefix` are in
/// `head`'s history: each such prefix with its greatest reachable tag, greatest first.
pub fn refuse_other_prefixes(repo: &Repo, head: Oid, config: &Config) -> Result<()> {
    let prefix = config.version.tag_prefix.as_str();
    let found = other_prefixes(repo, head, prefix);
    let Some((first, tag)) = found.first() else {
        return Ok(());
    };
    let (message, fix) = if found.len() == 1 {
        (
            format!(
                "the release tags here do not start with tag_prefix {prefix:?} (e.g. `{}`), so relhook cannot tell the current version or which commits are released",
                tag.name
            ),
            format!(
                "set `tag_prefix = {first:?}` under [version] in .relconfig.toml{}",
                not_releases(config)
            ),
        )
    } else {
        let shown: Vec<String> = found
            .iter()
            .take(4)
            .map(|(p, t)| format!("{p:?} (`{}`)", t.name))
            .collect();
        let more = if found.len() > 4 { ", …" } else { "" };
        (
            format!(
                "the release tags here do not start with tag_prefix {prefix:?} but with {} others: {}{more}; so relhook cannot tell the current version or which commits are released",
                found.len(),
                shown.join(", ")
            ),
            format!(
                "set `tag_prefix` under [version] in .relconfig.toml to the project's own (e.g. `tag_prefix = {first:?}`); in a monorepo, each `[packages.<name>]` table takes one (`tag = \"{first}{{version}}\"`){}",
                not_releases(config)
            ),
        )
    };
    Err(Error::IncompleteHistory { message, fix })
}

/// The other answer: the tags are not the project's releases (a CI's `build-1.2.3`), said by
/// naming the first release's version; from then on the project's own tags decide.
fn not_releases(config: &Config) -> String {
    let initial = &config.version.initial;
    format!(
        "; or, if they are not this project's releases, name the first release's version: `relhook release {initial}` (or `git tag -a {}{initial}`)",
        config.version.tag_prefix
    )
}

/// The prefixes other than `prefix` whose tags (ending in a SemVer version) are in `head`'s
/// history, each with its greatest such tag; greatest version first.
fn other_prefixes(repo: &Repo, head: Oid, prefix: &str) -> Vec<(String, ReleaseTag)> {
    let mut by_prefix: std::collections::BTreeMap<String, Vec<ReleaseTag>> = Default::default();
    for (p, tag) in repo.version_suffixed_tags() {
        if p != prefix {
            by_prefix.entry(p).or_default().push(tag);
        }
    }
    let mut out: Vec<(String, ReleaseTag)> = by_prefix
        .into_iter()
        .filter_map(|(p, mut tags)| {
            tags.sort_by(|a, b| b.version.cmp_precedence(&a.version));
            let reachable = tags
                .into_iter()
                .take(TRIED)
                .find(|t| t.commit == head || repo.reaches(head, t.commit))?;
            Some((p, reachable))
        })
        .collect();
    out.sort_by(|a, b| b.1.version.cmp_precedence(&a.1.version));
    out
}
