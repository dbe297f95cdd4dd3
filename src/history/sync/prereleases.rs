//! The pre-releases a stable release carries that the changelog has no section for (tagged
//! before relhook was installed): their entries come from their commits, as `--rebuild`
//! reads them, so that the stable section holds every change since the last stable release.

use std::collections::HashSet;

use git2::Oid;
use semver::Version;

use super::{collect, commit_entry_at, forge};
use crate::config::Config;
use crate::git::{Range, Repo};
use crate::history::changelog::entry::{NewEntry, RevertKey, revert_key, revert_pairs};
use crate::history::changelog::{Changelog, carries};
use crate::{Error, Result};

/// For `version`, each pre-release tag reachable from HEAD above the last stable release below
/// it that it carries (`changelog::carries`: all of them for a stable release, the lines it
/// leaves for the first pre-release of a higher line) and that `log` has no section for,
/// oldest first, with the entries of its commits: those it reaches and no lower release tag
/// does (as `--rebuild` assigns them).
/// A change reverted within the line (or by a commit since it) is left out with its revert;
/// a commit that wrote its own entry into the changelog (the hooks saw it) is left to that
/// entry. Empty when every pre-release it carries has its section.
pub fn unlogged_prereleases(
    repo: &Repo,
    config: &Config,
    log: &Changelog,
    version: &Version,
) -> Result<Vec<(Version, Vec<NewEntry>)>> {
    let Some(head) = repo.head() else {
        return Ok(Vec::new());
    };
    let below = crate::history::tags::since_stable(repo, head, &config.version.tag_prefix, version);
    let stable = below.iter().rposition(|t| t.version.pre.is_empty());
    let stable_at: Vec<Oid> = stable.map(|i| below[i].commit).into_iter().collect();
    let line = &below[stable.map_or(0, |i| i + 1)..];
    // A pre-release whose line goes on carries nothing (its first pre-release did).
    let core = |v: &Version| (v.major, v.minor, v.patch);
    if !version.pre.is_empty() && line.iter().any(|t| core(&t.version) == core(version)) {
        return Ok(Vec::new());
    }
    let missing = |v: &Version| carries(version, v) && log.entries_of(&v.to_string()).is_none();
    if !line.iter().any(|t| missing(&t.version)) {
        return Ok(Vec::new());
    }
    if stable_at.is_empty() && repo.is_shallow() {
        return Err(Error::IncompleteHistory {
            message: "this clone is shallow and no stable release tag is within its history, so relhook cannot tell what the pre-releases before relhook shipped".into(),
            fix: "run `git fetch --tags --unshallow` and release again".into(),
        });
    }
    // Every commit since the last stable release, for the reverts that cancel within it.
    let since = collect(
        repo,
        &Range {
            tips: vec![head],
            hidden: stable_at.clone(),
            ..Range::default()
        },
    )?;
    let mut newest_first: Vec<(Oid, RevertKey)> = since
        .iter()
        .rev()
        .map(|c| {
            (
                c.id,
                revert_key(&crate::history::reverts::untruncated(repo, &c.message)),
            )
        })
        .collect();
    crate::history::reverts::paired_keys(repo, config, &mut newest_first);
    let gone = revert_pairs(&newest_first);
    let forge = forge(repo);
    let mut filter = crate::history::packages::Filter::new(repo, config);
    // Each entry links its commit where the file's entries link theirs, as `--sync` writes it.
    let style = log.entry_style();
    let mut out = Vec::new();
    for (k, tag) in line.iter().enumerate() {
        if !missing(&tag.version) {
            continue;
        }
        let mut hidden = stable_at.clone();
        hidden.extend(line[..k].iter().map(|t| t.commit));
        let range = Range {
            tips: vec![tag.commit],
            hidden,
            ..Range::default()
        };
        let mut entries = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        for c in collect(repo, &range)? {
            if c.parents.len() >= 2 || gone.contains(&c.id) {
                continue;
            }
            let Some(mut entry) = commit_entry_at(repo, c.id, &c.message, config, forge.as_ref())
            else {
                continue;
            };
            if !filter.counts(c.id, &c.message)?
                || !super::added_by(repo, c.id, &config.changelog.path).is_empty()
            {
                continue;
            }
            if seen.insert(crate::history::changelog::normalize(&entry.text)) {
                entry.text = style.with_commit(&entry.text, &c.id.to_string());
                entries.push(entry);
            }
        }
        out.push((tag.version.clone(), entries));
    }
    Ok(out)
}
