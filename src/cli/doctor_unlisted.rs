//! `relhook doctor`'s row for a published release whose changelog lists no entry for a commit
//! under it (a section written by hand, a tag made with `RELHOOK_SKIP=1`): no later release
//! lists it either, as its commit is released. The tag stays as published; the entry is added
//! by hand under that release.

use std::collections::HashSet;

use crate::config::Config;
use crate::git::{Range, Repo};
use crate::history::changelog::entry::{NewEntry, entry_for_message};
use crate::history::changelog::{normalize, rewords};
use crate::hooks::doctor::{Check, Status};

/// The row for the newest release HEAD holds, when a remote-tracking branch holds its commit
/// and a commit under it (since the release before, made after `relhook install`, not
/// reverted there) calls for an entry no section of the changelog lists.
pub(super) fn unlisted_row(repo: &Repo, config: &Config) -> Option<Check> {
    // A monorepo's entries are its packages' changelogs' too: not judged from the root's.
    if !config.packages.is_empty() {
        return None;
    }
    let head = repo.head()?;
    let tags = repo.release_tags(head, &config.version.tag_prefix).ok()?;
    let last = tags.last()?;
    if !repo.held_by_any(&repo.remote_tracking_commits("*"), last.commit) {
        return None;
    }
    let path = &config.changelog.path;
    let log = crate::history::sync::changelog_at(repo, head, path)?;
    log.entries_of(&last.version.to_string())?;
    let listed = log.all_entry_texts();
    let hidden = tags.iter().rev().nth(1).map(|t| vec![t.commit]);
    let range = Range {
        tips: vec![last.commit],
        hidden: hidden.unwrap_or_default(),
        ..Range::default()
    };
    // The commits from before `relhook install` here, whose sections were another's to write.
    let before = crate::history::adoption::BeforeInstall::load(repo, &range.hidden).ok()?;
    let forge = crate::history::sync::forge(repo);
    let (mut calls, mut reverted) = (Vec::new(), HashSet::new());
    repo.walk(&range, |c| {
        let text = c.text();
        let header = text.lines().next().unwrap_or("");
        if let Some(undone) = header.strip_prefix("Revert \"") {
            reverted.insert(undone.trim_end_matches('"').to_owned());
        }
        if let Some(e) = (c.parents < 2 && !before.contains(&c))
            .then(|| entry_for_message(&text, &config.changelog, forge.as_ref()))
            .flatten()
        {
            calls.push((c.id, header.to_owned(), e));
        }
        true
    })
    .ok()?;
    let unlisted = |e: &NewEntry| {
        let own = normalize(&e.text);
        !listed.iter().any(|l| *l == own || rewords(l, &own))
    };
    let missing: Vec<&(git2::Oid, String, NewEntry)> = (calls.iter().rev())
        .filter(|(_, header, e)| !reverted.contains(header) && unlisted(e))
        .collect();
    let (id, header, first) = missing.first()?;
    let version = &last.version;
    let shown = crate::printable::visible(&path.display().to_string());
    let text = crate::history::changelog::one_line(&first.text);
    let commits = crate::commit::report::plural(missing.len(), "commit");
    let message = format!("docs(changelog): list what {version} released");
    Some(Check {
        subject: format!("release {version}"),
        status: Status::Warning,
        detail: format!(
            "{} is published, but {shown} lists no entry for {commits} under it (the first: {} `{header}`), and no later release will: its commit is released",
            last.name,
            crate::git::short_id(*id)
        ),
        fix: Some(format!(
            "add `- {text}` under `### {}` of `## [{version}]` in {shown} by hand (the tag stays as published), then `git commit -m {} -- {}`",
            first.section,
            crate::shellword::quote(&message),
            crate::shellword::from_top(path)
        )),
    })
}
