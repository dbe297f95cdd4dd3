//! `--rebuild`'s share of `history::older_line`: what a release of an older line shipped and
//! a later line merged in is listed again in the section of the later line's next release
//! (Unreleased before it is made), as `version --next`, `--sync` and `release` count it.

use git2::Oid;

use crate::Result;
use crate::config::Config;
use crate::git::{ReleaseTag, Repo};
use crate::history::older_line::older_lines_among;

/// For each of `tags` (in version order, all reachable from `head`) and then for HEAD, the
/// commits merged in from older lines' releases that are new to its line. `reaches`: whether
/// a commit of HEAD's history reaches a tag's commit (rebuild's answer from memory).
pub(super) fn carried(
    repo: &Repo,
    config: &Config,
    (head, tags): (Oid, &[ReleaseTag]),
    reaches: &dyn Fn(Oid, Oid) -> bool,
) -> Result<Vec<Vec<Oid>>> {
    let mut out = vec![Vec::new(); tags.len() + 1];
    let stable: Vec<&ReleaseTag> = tags.iter().filter(|t| t.version.pre.is_empty()).collect();
    let tips = tags
        .iter()
        .enumerate()
        .map(|(i, t)| (i, t.commit, Some(t)))
        .chain([(tags.len(), head, None)]);
    for (i, tip, tag) in tips {
        if tag.is_some_and(|t| !t.version.pre.is_empty()) {
            continue;
        }
        // The release before it on its line: the greatest stable one it reaches.
        let below = stable.iter().rev().filter(|p| match tag {
            Some(t) => p.version.cmp_precedence(&t.version).is_lt(),
            None => true,
        });
        let Some(top) = below
            .map(|p| p.commit)
            .find(|p| *p == tip || reaches(tip, *p))
        else {
            continue;
        };
        let except = tag.map(|t| t.name.as_str());
        // Only the tags between `top` and the tip, told from memory: most lines merged none,
        // and `older_lines_among` then walks nothing to find them.
        let between: Vec<ReleaseTag> = tags
            .iter()
            .filter(|t| t.commit != top && reaches(tip, t.commit) && !reaches(top, t.commit))
            .cloned()
            .collect();
        let older = older_lines_among(repo, config, (&[tip], &[top], except), &between)?;
        out[i] = older.new.into_keys().collect();
    }
    Ok(out)
}
