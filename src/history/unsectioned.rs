//! Going on under `tag_prefix` above a release tagged under the other prefix (`1.0.1` after
//! `v1.0.0`, made with no section in the changelog): the entries its commits left under
//! `## [Unreleased]` would be listed again as the new version's. Said before the release,
//! with the section that settles it.

use std::collections::HashSet;

use git2::Oid;

use crate::config::Config;
use crate::git::{Range, Repo};
use crate::history::changelog::{normalize, one_line};

/// Commits read below the other tag, down to the last release under `tag_prefix`.
const LOOKED_AT: usize = 2000;

/// Why releasing above `name` (the other prefix's newest release tag, reachable from HEAD)
/// would list its changes again: the changelog has no section for it and still lists some
/// of the changes it released under Unreleased. `last` is the last release commit under
/// `tag_prefix` (the range's start); `prefix` is the other prefix, `name`'s. What is wrong, and
/// the section to write.
pub(crate) fn shipped_unsectioned(
    repo: &Repo,
    config: &Config,
    (name, prefix): (&str, &str),
    version: &semver::Version,
    last: Option<Oid>,
) -> Option<(String, String)> {
    let head = repo.head()?;
    let path = &config.changelog.path;
    let log = crate::history::sync::changelog_at(repo, head, path)?;
    if log.entries_of(&version.to_string()).is_some() {
        return None;
    }
    let listed: HashSet<String> = (log.unreleased_entries().iter())
        .map(|e| normalize(&e.text))
        .collect();
    if listed.is_empty() {
        return None;
    }
    let tagged = repo.peel_to_commit(repo.tag_target(name)?)?;
    let forge = crate::history::sync::forge(repo);
    let range = Range {
        tips: vec![tagged],
        hidden: last.into_iter().collect(),
        single: false,
        describe: String::new(),
    };
    let (mut shipped, mut seen) = (Vec::new(), 0);
    repo.walk(&range, |c| {
        seen += 1;
        let entry = (c.parents < 2)
            .then(|| {
                crate::history::reverts::commit_entry(
                    repo,
                    &c.text(),
                    &config.changelog,
                    forge.as_ref(),
                )
            })
            .flatten();
        if let Some(e) = entry.filter(|e| listed.contains(&normalize(&e.text))) {
            shipped.push(one_line(&e.text));
        }
        seen < LOOKED_AT
    })
    .ok()?;
    if shipped.is_empty() {
        return None;
    }
    shipped.reverse();
    let date = (repo.release_tag_candidates(prefix))
        .into_iter()
        .find(|t| t.name == name)
        .map_or_else(
            || "<its date>".to_owned(),
            |t| crate::date::ymd(t.when.0, t.when.1),
        );
    let n = shipped.len();
    let named: Vec<String> = shipped.iter().take(3).map(|t| format!("`{t}`")).collect();
    let them = if n == 1 { "it" } else { "them" };
    Some((
        format!(
            "`{name}` released {n} change{} that {} still lists under `## [Unreleased]` ({}{}), and it has no `## [{version}]` section, so the next version would list {them} again",
            if n == 1 { "" } else { "s" },
            path.display(),
            named.join(", "),
            if n > 3 { ", …" } else { "" },
        ),
        format!(
            "add a `## [{version}] - {date}` section below `## [Unreleased]` in {} and move {them} there, commit, then release again",
            path.display(),
        ),
    ))
}
