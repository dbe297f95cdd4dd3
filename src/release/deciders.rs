//! The commits that decide the next version: those since the last stable release (the line's
//! top), less a change and its revert made since it (a pre-release tag between the two
//! included: the stable release never had the change), and less what a merged-in release of
//! an older line brought that the line already has (see `history::older_line`).

use std::collections::{HashMap, HashSet};

use git2::Oid;

use super::next::Decider;
use crate::Result;
use crate::config::Config;
use crate::git::{Range, Repo};
use crate::history::older_line::release_header;

/// Each pre-release tag's commit with the header its release commit has
/// (`release.commit_message`, naming its version or, in a package, its tag).
fn pre_release_commits(repo: &Repo, config: &Config) -> HashSet<(Oid, String)> {
    repo.release_tag_candidates(&config.version.tag_prefix)
        .into_iter()
        .filter(|t| !t.version.pre.is_empty())
        .map(|t| (t.commit, release_header(config, &t)))
        .collect()
}

/// The commits that decide the next version, and what came after the latest tag.
#[derive(Debug, Default)]
pub(super) struct Deciders {
    /// The commits since the last stable release that count, newest first.
    pub commits: Vec<Decider>,
    /// How many of `commits` came after the latest tag.
    pub since_latest: usize,
    /// How many commits after the latest tag were left out as a change and its revert.
    pub cancelled: usize,
    /// Commits after the latest tag (a pre-release) that undo what it shipped (git's revert of
    /// a change made before it): no level of their own, as the stable release never had that
    /// change, but a change since the pre-release, so a release.
    pub undone: Vec<Decider>,
}

/// The commits since `since` (newest first, merges left out) but those the line already has
/// (`not_new`), less each change and its revert (both since `since`), with what came after
/// `latest` (a later pre-release tag; the same as `since` without one).
pub(super) fn deciders(
    repo: &Repo,
    config: &Config,
    head: Oid,
    (since, not_new): (Option<Oid>, &HashSet<Oid>),
    latest: Option<Oid>,
) -> Result<Deciders> {
    let hidden: Vec<Oid> = since.into_iter().collect();
    let range = Range {
        tips: vec![head],
        hidden: hidden.clone(),
        ..Range::default()
    };
    let mut out = Vec::new();
    let mut ids = Vec::new();
    let mut reverts: Vec<(Oid, crate::history::changelog::entry::RevertKey)> = Vec::new();
    let mut failed = None;
    let mut filter = crate::history::packages::Filter::new(repo, config);
    let mut walked = HashSet::new();
    let mut merge_reverts = crate::history::reverts::MergeReverts::default();
    // Reverts of merges, by index in `out`, with the merge each reverts.
    let mut of_merges = Vec::new();
    let pre_releases = pre_release_commits(repo, config);
    let minor_types = &config.version.minor_types;
    let mut parents = Vec::new();
    repo.walk(&range, |c| {
        walked.insert(c.id);
        parents.push((c.id, c.parent_ids.clone()));
        if c.parents < 2 && !not_new.contains(&c.id) {
            let message = c.text();
            let header = message.lines().next().unwrap_or("").to_owned();
            // A pre-release's release commit is a release since the stable one, not a change.
            if pre_releases.contains(&(c.id, header.clone())) {
                return true;
            }
            let parsed = crate::commit::parse::commit(message.trim_end());
            merge_reverts.note(c.id, &message);
            // git's revert of a merge passes the lint (it reverts a merge's header): a change,
            // but no Conventional Commit to complain about.
            // So is its reapply, which calls for what the merged branch called for.
            let reapplied = crate::history::reverts::reapplied_level(repo, &message, minor_types);
            let reverted_merge = crate::history::reverts::merge_revert(c.id, &message);
            let merge_revert = reapplied.is_some() || reverted_merge.is_some();
            // What lint waves through by `commit.ignore` (a merge squashed to one parent, say)
            // is no change of its own: it neither decides the level nor is "not understood".
            if parsed.is_none() && config.commit.ignore.iter().any(|p| p.is_match(&header)) {
                return true;
            }
            // In a monorepo, the commits of the package in view (or of no package).
            match filter.counts(c.id, &message) {
                Ok(true) => {}
                Ok(false) => return true,
                Err(e) => {
                    failed = Some(e);
                    return false;
                }
            }
            // A git-cliff project's `commit_parsers` decide its entry, as post-commit's; a
            // commit they leave out is no change for the level either (git-cliff's bump drops
            // it before counting): it calls for no more than a patch, as a `chore:` does.
            let id = c.id.to_string();
            let by_cliff = crate::history::changelog::cliff_parsed::decided_at(
                &message,
                Some(&id),
                &config.changelog,
                None,
            );
            let calls_for = match &parsed {
                _ if matches!(by_cliff, Some(None)) => "patch",
                Some(p) if p.breaking => "major",
                // A feature, or a type configured to bump as one (cocogitto's `bump_minor`).
                Some(p) if minor_types.iter().any(|t| t.eq_ignore_ascii_case(&p.ty)) => "minor",
                _ => reapplied.unwrap_or("patch"),
            };
            let in_changelog = match &by_cliff {
                Some(entry) => entry.is_some(),
                None => parsed.as_ref().is_some_and(|p| {
                    crate::history::changelog::entry::entry_for(p, &config.changelog, None)
                        .is_some()
                }),
            } && (!crate::commit::parse::is_revert_header(&header)
                || crate::history::reverts::commit_entry(repo, &message, &config.changelog, None)
                    .is_some());
            ids.push(c.id);
            // git's `Reapply "<header>"` reverts its `Revert "<header>"`: the two cancel out.
            let key = match crate::commit::parse::reapplied(&header) {
                Some(_) => crate::history::changelog::entry::revert_key(&message),
                None => crate::history::changelog::entry::RevertKey {
                    header: header.clone(),
                    reverts: parsed.as_ref().and_then(|p| p.reverts.clone()),
                },
            };
            reverts.push((c.id, key));
            if let Some(m) = reverted_merge {
                of_merges.push((out.len(), crate::history::reverts::in_history(repo, m)));
            }
            out.push(Decider {
                id: c.id.to_string(),
                commit: c.short.clone(),
                header,
                calls_for,
                understood: parsed.is_some() || merge_revert,
                unparsed: (parsed.is_none() && !merge_revert)
                    .then(|| crate::commit::parse::unparsed(&message)),
                in_changelog: in_changelog || reapplied.is_some(),
                after_latest: true,
            });
        }
        true
    })?;
    crate::history::shallow_cut::refuse(repo, &range, walked.iter().copied())?;
    if let Some(e) = failed {
        return Err(e);
    }
    // A change whose pick (or original) the last stable release holds shipped with it.
    let last: Vec<Oid> = since.into_iter().collect();
    let copies = crate::history::copies::copies_since(repo, config, &parents, &last)?;
    // A revert of a merge released before the range takes its branch's changes back: its
    // entries are the revert's (post-commit and `--sync` write them); one of a merge in the
    // range cancels out with it below. One history does not hold (a rebase made its branch
    // a line; a clone made since has not even its objects) was released in no form.
    for (i, m) in of_merges {
        if !walked.contains(&m.merge)
            && repo.reaches(m.revert, m.merge)
            && crate::history::reverts::branch_revert_entry(repo, &m, config)?.is_some()
        {
            out[i].in_changelog = true;
        }
    }
    let mut newer: Option<HashSet<Oid>> = None;
    if let Some(l) = latest.filter(|l| Some(*l) != since) {
        let mut after = HashSet::new();
        repo.walk(
            &Range {
                tips: vec![head],
                hidden: hidden.iter().copied().chain([l]).collect(),
                ..Range::default()
            },
            |c| {
                after.insert(c.id);
                true
            },
        )?;
        for (d, id) in out.iter_mut().zip(&ids) {
            d.after_latest = after.contains(id);
        }
        newer = Some(after);
    }
    // A change reverted before the stable release this range leads to never shipped in one:
    // the two cancel out, wherever a pre-release tag falls between them (as they do in the
    // stable section, and as they did before that tag was made).
    crate::history::reverts::paired_keys(repo, config, &mut reverts);
    let mut groups: HashMap<Oid, Oid> = HashMap::new();
    for (revert, original) in crate::history::changelog::entry::revert_partners(&reverts) {
        groups.extend([(revert, revert), (original, revert)]);
    }
    // A merged branch reverted before the release (`git revert -m 1`) cancels out the same way.
    groups.extend(merge_reverts.cancelled(repo, config, &walked)?);
    let undone_ids = undone(&groups, |id| newer.as_ref().is_none_or(|n| n.contains(id)));
    let (mut kept, mut undone, mut cancelled) = (Vec::new(), Vec::new(), 0);
    for (d, id) in out.into_iter().zip(&ids) {
        if copies.contains(id) {
            continue;
        } else if undone_ids.contains(id) {
            undone.push(d);
        } else if !groups.contains_key(id) {
            kept.push(d);
        } else if d.after_latest {
            cancelled += 1;
        }
    }
    let since_latest = kept.iter().filter(|d| d.after_latest).count();
    Ok(Deciders {
        commits: kept,
        since_latest,
        cancelled,
        undone,
    })
}

/// Of `groups` (each commit a revert pairs with, mapped to the revert that cancels it), those
/// after the latest tag (`after_latest`) in a group that began before it: changes since that
/// pre-release (the revert of a change it shipped), though they decide no level. The rest of a
/// group cancels out, before the tag or after it.
fn undone(groups: &HashMap<Oid, Oid>, after_latest: impl Fn(&Oid) -> bool) -> HashSet<Oid> {
    let began_before: HashSet<Oid> = groups
        .iter()
        .filter(|(id, _)| !after_latest(id))
        .map(|(_, g)| *g)
        .collect();
    groups
        .iter()
        .filter(|(id, g)| after_latest(id) && began_before.contains(g))
        .map(|(id, _)| *id)
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::{HashMap, HashSet};

    use git2::Oid;

    use super::undone;
    use crate::history::changelog::entry::{RevertKey, revert_key, revert_partners};

    fn id(n: u8) -> Oid {
        Oid::from_bytes(&[n; 20]).unwrap()
    }

    /// The groups `deciders` makes of a range, newest first: (id, message).
    fn groups(range: &[(u8, &str)]) -> HashMap<Oid, Oid> {
        let keys: Vec<(Oid, RevertKey)> =
            range.iter().map(|(n, m)| (id(*n), revert_key(m))).collect();
        let mut out = HashMap::new();
        for (revert, original) in revert_partners(&keys) {
            out.extend([(revert, revert), (original, revert)]);
        }
        out
    }

    fn revert_of(n: u8, header: &str) -> String {
        format!("Revert \"{header}\"\n\nThis reverts commit {}.", id(n))
    }

    /// QA38 (vuejs/core): `feat: c` and its revert, both before `v1.0.1-rc.1`, cancel out for
    /// the level since v1.0.0, as they did before the pre-release was tagged; they are no
    /// change since the pre-release either.
    #[test]
    fn a_pair_before_the_pre_release_cancels_out_and_is_nothing_since_it() {
        let revert = revert_of(2, "feat: c");
        let g = groups(&[(3, &revert), (2, "feat: c"), (1, "fix: b")]);
        assert_eq!(
            g.keys().copied().collect::<HashSet<_>>(),
            [id(3), id(2)].into()
        );
        assert_eq!(undone(&g, |_| false), HashSet::new());
    }

    /// A feature `v1.1.0-rc.1` shipped, reverted after it: no level for the stable release,
    /// but the revert is a change since the pre-release (an rc.2 is a release).
    #[test]
    fn a_revert_after_the_pre_release_of_what_it_shipped_is_a_change_since_it() {
        let revert = revert_of(2, "feat: c");
        let g = groups(&[(3, &revert), (2, "feat: c"), (1, "fix: b")]);
        assert_eq!(undone(&g, |c| *c == id(3)), [id(3)].into());
    }

    /// Both after the latest tag (or no pre-release at all): the two cancel out, and neither
    /// is a change since the tag ("nothing to release … but 2 that cancel out").
    #[test]
    fn a_pair_after_the_latest_tag_cancels_out_among_itself() {
        let revert = revert_of(2, "feat!: x");
        let g = groups(&[(3, &revert), (2, "feat!: x"), (1, "fix: b")]);
        assert_eq!(g.len(), 2);
        assert_eq!(undone(&g, |_| true), HashSet::new());
        assert_eq!(undone(&g, |c| *c != id(1)), HashSet::new());
    }

    /// git's `Reapply` after the pre-release of a revert made before it: the two reverts cancel
    /// out (the feature stands and counts), and the reapply is a change since the pre-release.
    #[test]
    fn a_reapply_after_the_pre_release_of_a_revert_before_it() {
        let revert = revert_of(1, "feat: c");
        let reapply = format!("Reapply \"feat: c\"\n\nThis reverts commit {}.", id(2));
        let g = groups(&[(3, &reapply), (2, &revert), (1, "feat: c")]);
        assert!(!g.contains_key(&id(1)), "{g:?}");
        assert_eq!(undone(&g, |c| *c == id(3)), [id(3)].into());
    }
}
