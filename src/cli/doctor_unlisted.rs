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
    let forge = crate::history::sync::forge(repo);
    let unlisted = |e: &NewEntry| {
        let own = normalize(&e.text);
        !listed.iter().any(|l| *l == own || rewords(l, &own))
    };
    let (mut calls, mut seen) = (Vec::new(), HashSet::new());
    repo.walk(&range, |c| {
        let text = c.text();
        let header = text.lines().next().unwrap_or("").to_owned();
        seen.insert(header.clone());
        let entry = (c.parents < 2)
            .then(|| entry_for_message(&text, &config.changelog, forge.as_ref()))
            .flatten()
            .filter(unlisted);
        if let Some(e) = entry {
            calls.push((c, header, e));
        }
        true
    })
    .ok()?;
    // A change and its revert in one release: neither is listed (as a release drops both).
    let reverted: HashSet<&str> = seen.iter().filter_map(|h| undone(h)).collect();
    calls.retain(|(_, h, _)| {
        !reverted.contains(h.as_str()) && undone(h).is_none_or(|u| !seen.contains(u))
    });
    if calls.is_empty() {
        return None;
    }
    // The commits from before `relhook install` here, whose sections were another's to write
    // (walked only now: a long history before the install costs nothing when all is listed).
    let before = crate::history::adoption::BeforeInstall::load(repo, &range.hidden).ok()?;
    let missing: Vec<_> = (calls.iter().rev())
        .filter(|(c, ..)| !before.contains(c))
        .map(|(c, header, e)| (c.id, header, e))
        .collect();
    let (id, header, first) = missing.first()?;
    let version = &last.version;
    let shown = crate::printable::visible(&path.display().to_string());
    let text = crate::history::changelog::one_line(&first.text);
    let commits = crate::commit::report::plural(missing.len(), "commit");
    let message = format!("docs(changelog): list what {version} released");
    // Written as the file writes its entries: its bullet, its name for the sub-section.
    let (marker, sub) = (
        log.marker(),
        log.section_name(&first.section, first.breaking),
    );
    let level = "#".repeat(log.sub_level());
    Some(Check {
        subject: format!("release {version}"),
        status: Status::Warning,
        detail: format!(
            "{} is published, but {shown} lists no entry for {commits} under it (the first: {} `{header}`), and no later release will: its commit is released",
            last.name,
            crate::git::short_id(*id)
        ),
        fix: Some(format!(
            "add `{marker} {text}` under `{level} {sub}` of `## [{version}]` in {shown} by hand (the tag stays as published), then `git commit -m {} -- {}`",
            crate::shellword::quote(&message),
            crate::shellword::from_top(path)
        )),
    })
}

/// The header `header` reverts, when it is git's `Revert "<header>"`.
fn undone(header: &str) -> Option<&str> {
    (header.strip_prefix("Revert \"")).map(|u| u.trim_end_matches('"'))
}

#[cfg(test)]
mod tests {
    use super::undone;

    #[test]
    fn a_revert_names_the_header_it_reverts() {
        assert_eq!(undone("Revert \"feat: add x\""), Some("feat: add x"));
        assert_eq!(undone("revert: feat: add x"), None);
        assert_eq!(undone("feat: add x"), None);
    }
}
