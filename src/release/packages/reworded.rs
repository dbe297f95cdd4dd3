//! A package release commit rewritten after tagging in words that name none of its tags
//! (`git commit --amend -m "chore(release): a 1.0.1"`, a `rebase -i` reword): told, as the
//! root's is, by the package's section the commit adds and its tag, left on the commit it
//! replaced. `--resume` then makes the tags again on it, as for a message that names them.

use std::path::Path;

use git2::Oid;

use super::resume::{HalfMade, rewritten_from};
use crate::config::Config;
use crate::git::Repo;
use crate::history::packages;

/// The newest package release commit on `tip`'s first-parent line reworded after tagging,
/// with the tags of each package it released left on the commit it replaced.
pub(super) fn half_made(repo: &Repo, config: &Config, root: &Path, tip: Oid) -> Option<HalfMade> {
    let mut found: Option<Oid> = None;
    let (mut missing, mut replaces, mut theirs) = (Vec::new(), Vec::new(), Vec::new());
    let (mut released, mut stale) = (Vec::new(), Vec::new());
    for p in &config.packages {
        let Ok(view) = packages::view(config, &p.name, root) else {
            continue;
        };
        let prefix = view.version.tag_prefix.clone();
        let last = repo.latest_release_tag(tip, &prefix);
        let Some((commit, version)) =
            crate::release::reworded::by_section(repo, &view, tip, last.as_ref())
        else {
            continue;
        };
        // One release commit: the packages another one released wait for theirs.
        if found.is_some_and(|f| f != commit) {
            continue;
        }
        let tag = format!("{prefix}{version}");
        let Some(t) = repo.tag_target(&tag) else {
            continue;
        };
        let Some(tagged) = rewritten_from(repo, &view, tip, commit, t, &version) else {
            continue;
        };
        found = Some(commit);
        if let Some(r) = crate::release::published_instead(repo, commit, tagged) {
            theirs.push((tag.clone(), r));
        }
        let how = crate::release::stale::check(repo, &view, commit, &version);
        if how.is_stale() {
            stale.push((p.name.clone(), how));
        }
        replaces.push((tag.clone(), t, tagged));
        missing.push((tag.clone(), p.name.clone()));
        released.push((p.name.clone(), version, tag, true));
    }
    let commit = found?;
    Some(HalfMade {
        commit,
        missing,
        replaces,
        at_head: repo.head() == Some(commit),
        released,
        stale,
        theirs,
    })
}
