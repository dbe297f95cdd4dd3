//! Which entries commits no release holds wrote: the test the merge driver and a merge's
//! post-commit put an entry through before leaving it out of Unreleased for a release's same
//! words. Words alone do not say it was released (`fix: typo` twice; a fix picked onto main
//! from a maintenance line whose release main's line never made); the commit that wrote it
//! does, as `--rebuild` and `version --next` read it: released when a release tag the merge
//! holds contains it.

use std::cell::OnceCell;
use std::collections::HashSet;

use git2::Oid;

use crate::Result;
use crate::config::Config;
use crate::git::{MergeBase, Range, Repo};
use crate::history::changelog::{Changelog, EditError, Merged, normalize};

mod merged_older;
pub use merged_older::older_line_entries;

/// Of `wanted` (normalised entry texts), those the commits of `sides` wrote that no release
/// tag (under `config`'s prefix) reachable from either side holds, above their merge base.
pub fn unshipped_entries(
    repo: &Repo,
    config: &Config,
    sides: [Oid; 2],
    wanted: &HashSet<String>,
) -> Result<HashSet<String>> {
    if wanted.is_empty() {
        return Ok(HashSet::new());
    }
    let mut tags: Vec<Oid> = Vec::new();
    // The greatest release either side holds: the one the merge's own range starts at.
    let mut last: Option<crate::git::ReleaseTag> = None;
    for side in sides {
        for t in repo.release_tags(side, &config.version.tag_prefix)? {
            if !tags.contains(&t.commit) {
                tags.push(t.commit);
            }
            if last
                .as_ref()
                .is_none_or(|l| t.version.cmp_precedence(&l.version).is_gt())
            {
                last = Some(t);
            }
        }
    }
    let mut hidden = tags.clone();
    if let MergeBase::Found(base) = repo.merge_base_of(sides[0], sides[1])? {
        hidden.push(base);
    }
    let range = Range {
        tips: sides.to_vec(),
        hidden,
        ..Range::default()
    };
    // A commit whose pick (or original) that release holds wrote no unreleased entry; one
    // an older line's release holds (a maintenance fix picked onto main) is main's to ship.
    let mut commits = Vec::new();
    repo.walk(&range, |c| {
        commits.push((c.id, c.parent_ids));
        true
    })?;
    let last: Vec<Oid> = last.map(|t| t.commit).into_iter().collect();
    let copies = crate::history::copies::copies_among(repo, config, &commits, &last)?;
    let how = (&OnceCell::new(), Some(wanted));
    let made = super::made::entries_made_but(repo, config, &range, how, &copies)?;
    Ok(made.intersection(wanted).cloned().collect())
}

/// The commits whose history the merge driver reads: a merge's two sides, or the HEAD that a
/// pick, revert or rebase step applies a commit onto (git names that commit nowhere).
#[derive(Debug, Clone, Copy)]
pub enum Sides {
    /// `git merge`: ours and theirs.
    Merge([Oid; 2]),
    /// Any other three-way merge: HEAD.
    Onto(Oid),
}

/// The merge driver's three-way merge of `logs` (base, ours, theirs): an entry a side added is
/// left out for a release's same words only when no commit outside a release wrote it (a
/// merge's `sides`), or when HEAD did not take the released change back since (a revert that
/// a pick applies again); without history, by the words alone. In a merge, an entry a squash
/// merge on the other side stands for goes (see [`super::squashed`]), and so does one the
/// other side polished in its copy of the same change (see [`super::polished`]).
pub fn merge_by_history(
    at: Option<(&Repo, &Config, Sides)>,
    (b, o, t): (&Changelog, &Changelog, &Changelog),
) -> Result<Merged, EditError> {
    let mut merged = by_release_history(at, (b, o, t))?;
    // A squash merge met again: its entry stands for the commits it carries.
    if let Some((repo, config, Sides::Merge(sides))) = at {
        super::squashed::leave_out_carried(repo, config, sides, [o, t], &mut merged);
        // A change and its pick, one side's entry polished: the polished one stands.
        super::polished::leave_out_polished(repo, config, sides, [o, t], &mut merged);
    }
    Ok(merged)
}

/// [`merge_by_history`] before the squashes: which entries a release's words leave out.
fn by_release_history(
    at: Option<(&Repo, &Config, Sides)>,
    (b, o, t): (&Changelog, &Changelog, &Changelog),
) -> Result<Merged, EditError> {
    let first = Changelog::merge_keeping(b, o, t, &HashSet::new())?;
    let Some((repo, config, sides)) = at.filter(|_| !first.dropped.is_empty()) else {
        return Ok(first);
    };
    let wanted: HashSet<String> = first.dropped.iter().map(|e| normalize(&e.text)).collect();
    // On any doubt (history unreadable), as the words say.
    let keep = match sides {
        Sides::Merge(sides) => unshipped_entries(repo, config, sides, &wanted),
        Sides::Onto(head) => super::taken_back::taken_back_entries(repo, config, head, &wanted),
    }
    .unwrap_or_default();
    if keep.is_empty() {
        return Ok(first);
    }
    Changelog::merge_keeping(b, o, t, &keep)
}
