//! The commits a push brings to the remote: each linted once (a commit shared by several
//! pushed refs is refused once, naming every ref), except those made before `relhook install`
//! here, which never met its hooks and are counted instead.

use std::collections::HashMap;

use git2::Oid;

use super::{Inspection, Kind, Refusal, Update, peel, release_configs, reword};
use crate::Result;
use crate::config::Config;
use crate::git::{Range, Repo, short_id};
use crate::history::adoption::BeforeInstall;

/// Whether a pushed tag `name` (`target`, on `commit`) is history from before `relhook install`
/// here: one the install noted as it is (lightweight or annotated), or an annotated tag made
/// before the install noted HEAD, on a commit from before it (an older relhook's note names no
/// tags). Never judged by relhook's rules then (it predates them); a tag made since is judged.
pub(super) fn tag_before_install(
    repo: &Repo,
    before_install: &BeforeInstall,
    name: &str,
    target: Oid,
    commit: Option<Oid>,
) -> bool {
    if before_install.had_tag(name, target) {
        return true;
    }
    let (Some(commit), Some(when)) = (commit, before_install.when) else {
        return false;
    };
    let old_commit =
        before_install.has_id(commit) || repo.held_by_any(&before_install.tips, commit);
    old_commit && repo.tagger_time(target).is_some_and(|t| t <= when)
}

/// Lints the commits `u` brings to the remote. A commit shared by several pushed refs is
/// linted once; its refusal names every ref.
pub(super) fn lint_new(
    repo: &Repo,
    config: &Config,
    remote: &str,
    u: &Update,
    hidden: &[Oid],
    seen: &mut HashMap<Oid, Option<usize>>,
    found: &mut Inspection,
) -> Result<()> {
    let Some(tip) = peel(repo, u.local) else {
        return Ok(());
    };
    // Nothing new (an old release tag pushed to a remote that has its branch): the walk below
    // would step through all the history between the tip and the remote's, once per ref.
    if repo.held_by_any_by_dates(hidden, tip) {
        return Ok(());
    }
    let range = Range {
        tips: vec![tip],
        hidden: hidden.to_vec(),
        single: false,
        describe: u.remote_ref.clone(),
    };
    let mut oldest = None;
    let mut bad_here = Vec::new();
    let mut headers = std::collections::HashSet::new();
    repo.walk(&range, |c| {
        oldest = Some(c.id);
        headers.insert(c.header());
        if let Some(known) = seen.get(&c.id) {
            if let Some(i) = *known {
                found.refusals[i].refs.push(u.remote_ref.clone());
            }
            return true;
        }
        if found.before_install.holds(repo, &c) {
            found.unlinted_before_install += 1;
            seen.insert(c.id, None);
            return true;
        }
        found.commits_checked += 1;
        let Some(f) = crate::history::unlinted::failing(repo, config, &c) else {
            seen.insert(c.id, None);
            return true;
        };
        seen.insert(c.id, Some(found.refusals.len()));
        bad_here.push((found.refusals.len(), f.fixup));
        found.refusals.push(Refusal {
            kind: Kind::Commit,
            refs: vec![u.remote_ref.clone()],
            commit: Some(c.id),
            subject: f.header,
            problems: f.problems,
            fix: String::new(),
        });
        true
    })?;
    if bad_here.is_empty() {
        return Ok(());
    }
    // A base every new commit of this ref sits on, for `git rebase -i`: the remote's value
    // only when the push goes on from it (after a rebase and a forced push it is not in
    // HEAD's history, and a rebase onto it would replay commits it lacks).
    let base =
        if !u.remote.is_zero() && peel(repo, u.remote).is_some() && repo.reaches(u.local, u.remote)
        {
            short_id(u.remote)
        } else {
            oldest
                .and_then(|o| repo.first_parent(o))
                .map_or("--root".to_owned(), short_id)
        };
    let configs = release_configs(repo, config);
    let bads: Vec<Oid> = bad_here
        .iter()
        .map(|(i, _)| found.refusals[*i].commit.unwrap_or(tip))
        .collect();
    let above = reword::tags_above(repo, &configs, &bads, hidden);
    for ((i, fixup), tags) in bad_here.into_iter().zip(above) {
        let r = &mut found.refusals[i];
        // `--autosquash` reaches only a commit of the rebased range: one that fixes a commit
        // the remote has is reworded instead.
        let fixup = fixup
            && crate::history::unlinted::fixup_target(&r.subject)
                .is_some_and(|t| headers.contains(t));
        let bad = r.commit.unwrap_or(tip);
        let id = short_id(bad);
        let rebase = if fixup {
            format!("`git rebase -i --autosquash {base}`")
        } else {
            format!("`git rebase -i {base}`, mark {id} `reword`")
        };
        let steps = if tags.is_empty() {
            format!("{rebase}, then push again")
        } else {
            reword::with_tags(repo, config, &rebase, &tags)
        };
        r.fix = if fixup {
            format!("squash it into the commit it fixes before sharing it: {steps}")
        } else {
            format!(
                "reword it: {steps} (`relhook check {id}` shows the full diagnostic); it never met the commit-msg hook (`--no-verify`, or made elsewhere), so it is new to {remote} unchecked"
            )
        };
    }
    Ok(())
}
