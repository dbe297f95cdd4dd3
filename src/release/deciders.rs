//! The commits that decide the next version: those since the last stable release that no
//! reachable stable release tag holds, less a change and its revert made since the latest tag.

use git2::Oid;

use super::next::Decider;
use crate::Result;
use crate::config::Config;
use crate::git::{Range, Repo};

/// The commits of the stable release tags reachable from `head`: what they hold shipped, a
/// maintenance release merged in included. `since` is the greatest of them (none: there are
/// none); those it reaches hide no more than it does and are left out, so only the commits
/// since it are walked, not the whole history down to the first release.
pub(super) fn shipped(repo: &Repo, head: Oid, since: Option<Oid>, prefix: &str) -> Vec<Oid> {
    let Some(since) = since else {
        return Vec::new();
    };
    let others: std::collections::HashSet<Oid> = repo
        .release_tag_candidates(prefix)
        .into_iter()
        .filter(|t| t.version.pre.is_empty() && t.commit != since)
        .map(|t| t.commit)
        .collect();
    let mut out = vec![since];
    if others.is_empty() {
        return out;
    }
    let range = Range {
        tips: vec![head],
        hidden: vec![since],
        ..Range::default()
    };
    let walked = repo.walk(&range, |c| {
        if others.contains(&c.id) {
            out.push(c.id);
        }
        true
    });
    match walked {
        Ok(()) => out,
        // Unreadable history: every stable release tag that HEAD reaches, as the walk would.
        Err(_) => repo
            .release_tags(head, prefix)
            .unwrap_or_default()
            .into_iter()
            .filter(|t| t.version.pre.is_empty())
            .map(|t| t.commit)
            .collect(),
    }
}

/// The commits since `since` (newest first, merges left out) that no stable release tag in
/// `shipped` holds, how many of them came after `latest` (a later pre-release tag; the same as
/// `since` without one), and how many after it were left out as a change and its revert.
pub(super) fn deciders(
    repo: &Repo,
    config: &Config,
    head: Oid,
    (since, shipped): (Option<Oid>, &[Oid]),
    latest: Option<Oid>,
) -> Result<(Vec<Decider>, usize, usize)> {
    let mut hidden: Vec<Oid> = since.into_iter().collect();
    hidden.extend(shipped.iter().filter(|c| Some(**c) != since));
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
    let mut walked = std::collections::HashSet::new();
    let mut merge_reverts = crate::history::reverts::MergeReverts::default();
    // Reverts of merges, by index in `out`, with the merge each reverts.
    let mut of_merges = Vec::new();
    repo.walk(&range, |c| {
        walked.insert(c.id);
        if c.parents < 2 {
            let message = c.text();
            let header = message.lines().next().unwrap_or("").to_owned();
            let parsed = crate::commit::parse::commit(message.trim_end());
            merge_reverts.note(c.id, &message);
            // git's revert of a merge passes the lint (it reverts a merge's header): a change,
            // but no Conventional Commit to complain about.
            // So is its reapply, which calls for what the merged branch called for.
            let reapplied = crate::history::reverts::reapplied_level(repo, &message);
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
            let calls_for = match &parsed {
                Some(p) if p.breaking => "major",
                Some(p) if p.ty == "feat" => "minor",
                _ => reapplied.unwrap_or("patch"),
            };
            let in_changelog = parsed.as_ref().is_some_and(|p| {
                crate::history::changelog::entry::entry_for(p, &config.changelog, None).is_some()
            }) && (!crate::commit::parse::is_revert_header(&header)
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
    if let Some(e) = failed {
        return Err(e);
    }
    // A revert of a merge released before the range takes its branch's changes back: its
    // entries are the revert's (post-commit and `--sync` write them); one of a merge in the
    // range cancels out with it below.
    for (i, m) in of_merges {
        if !walked.contains(&m.merge)
            && crate::history::reverts::branch_revert_entry(repo, &m, config)?.is_some()
        {
            out[i].in_changelog = true;
        }
    }
    if let Some(l) = latest.filter(|l| Some(*l) != since) {
        {
            let mut newer = std::collections::HashSet::new();
            repo.walk(
                &Range {
                    tips: vec![head],
                    hidden: hidden.iter().copied().chain([l]).collect(),
                    ..Range::default()
                },
                |c| {
                    newer.insert(c.id);
                    true
                },
            )?;
            for (d, id) in out.iter_mut().zip(&ids) {
                d.after_latest = newer.contains(id);
            }
            // Only what came after the latest tag can cancel out.
            walked = newer;
        }
    }
    // A change reverted before any release (both after the latest tag) cancels out with its
    // revert: neither counts, as neither gets a changelog entry.
    let mut unreleased: Vec<(Oid, crate::history::changelog::entry::RevertKey)> = reverts
        .into_iter()
        .zip(&out)
        .filter(|(_, d)| d.after_latest)
        .map(|(r, _)| r)
        .collect();
    crate::history::reverts::by_header_when_rewritten(repo, &mut unreleased);
    let mut cancelled = crate::history::changelog::entry::revert_pairs(&unreleased);
    // A merged branch reverted before any release (`git revert -m 1`) cancels out the same way.
    cancelled.extend(merge_reverts.cancelled(repo, &walked)?.into_keys());
    let cancelled_after = ids.iter().filter(|id| cancelled.contains(id)).count();
    let out: Vec<Decider> = out
        .into_iter()
        .zip(ids)
        .filter(|(_, id)| !cancelled.contains(id))
        .map(|(d, _)| d)
        .collect();
    let since_latest = out.iter().filter(|d| d.after_latest).count();
    Ok((out, since_latest, cancelled_after))
}
