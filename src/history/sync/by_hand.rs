//! A release section written by hand and not tagged yet: `## [2.0.0]` committed before
//! `git tag -a v2.0.0`, as Keep a Changelog's own workflow goes. The commits the commit that
//! wrote it holds are that release's, in whatever words the section gives them: a sync adds
//! none of them to Unreleased (that would list them twice, and ship them again next release).

use std::collections::HashSet;

use git2::Oid;
use semver::Version;

use crate::config::Config;
use crate::git::{Range, Repo};
use crate::history::changelog::{Changelog, release_version};

/// How far back from HEAD the commit that wrote the section is looked for (each step reads
/// the changelog at one commit): beyond it, the section counts for nothing, as before.
const LOOK_BACK: usize = 200;

/// The newest release section of `log` above `last` (the last release tag's version; every
/// section before the first tag) that no tag names, with the commit on HEAD's first-parent
/// line that wrote it.
pub fn untagged_section(
    repo: &Repo,
    config: &Config,
    log: &Changelog,
    head: Oid,
    last: Option<&Version>,
) -> Option<(Version, Oid)> {
    let prefix = &config.version.tag_prefix;
    let version = log
        .versions()
        .iter()
        .filter_map(|v| release_version(v))
        .filter(|v| last.is_none_or(|last| v.cmp_precedence(last).is_gt()))
        .filter(|v| repo.release_tag_of(prefix, v).is_none())
        .max_by(|a, b| a.cmp_precedence(b))?;
    let path = &config.changelog.path;
    let has = |c: Oid| super::has_section_at(repo, c, path, &version);
    let mut wrote = None;
    let mut at = Some(head);
    for _ in 0..LOOK_BACK {
        match at {
            Some(c) if has(c) => {
                wrote = Some(c);
                at = repo.first_parent(c);
            }
            _ => return wrote.map(|c| (version, c)),
        }
    }
    None
}

/// How many of HEAD's newest reflog entries are read for the commit that wrote a section.
const MADE_HERE_LOOK_BACK: usize = 2000;

/// The remote whose branches hold the `## [version]` section `wrote` brought in: `wrote`
/// itself, or where it is a merge, a merged side that has the section (that release's commit:
/// another clone's release, merged in by a pull, which fetches no tag). Its tag is there.
pub fn released_on(repo: &Repo, config: &Config, wrote: Oid, version: &Version) -> Option<String> {
    // A section this clone wrote in a commit of its own (HEAD's reflog says `commit`) and then
    // pushed is its own, written by hand: no other clone released it, so no tag is to fetch.
    let made_here = || {
        let made = repo.made_by(&[wrote], MADE_HERE_LOOK_BACK);
        made.get(&wrote).is_some_and(|a| a.starts_with("commit"))
    };
    if !repo.is_merge(wrote) && made_here() {
        return None;
    }
    let path = &config.changelog.path;
    let mut from = vec![wrote];
    from.extend(
        (2..=8)
            .map_while(|n| repo.revparse_commit(&format!("{wrote}^{n}")).ok())
            .filter(|c| super::has_section_at(repo, *c, path, version)),
    );
    repo.remote_names().into_iter().find(|r| {
        let tips = repo.remote_tracking_commits(r);
        from.iter().any(|c| repo.held_by_any(&tips, *c))
    })
}

/// The commits of `range` (since the last release tag) that such a section releases: those
/// the commit that wrote it holds, itself included. Empty when there is none.
pub(super) fn released_by_hand(
    repo: &Repo,
    config: &Config,
    log: &Changelog,
    range: &Range,
    last: Option<&Version>,
) -> HashSet<Oid> {
    let mut out = HashSet::new();
    let Some(&head) = range.tips.first() else {
        return out;
    };
    let Some((_, wrote)) = untagged_section(repo, config, log, head, last) else {
        return out;
    };
    let below = Range {
        tips: vec![wrote],
        hidden: range.hidden.clone(),
        ..Range::default()
    };
    // Unreadable history: nothing is taken as released, as before.
    if repo
        .walk(&below, |c| {
            out.insert(c.id);
            true
        })
        .is_err()
    {
        out.clear();
    }
    out
}

/// [`released_by_hand`] for `--rebuild` of `current` (the file it replaces) at `head`: the
/// commits since the last release that `current`'s section not tagged yet releases, as
/// `--sync` reads them.
pub(super) fn released_unless_tagged(
    repo: &Repo,
    config: &Config,
    current: Option<&str>,
    head: Oid,
) -> crate::Result<HashSet<Oid>> {
    let Some(log) = current.and_then(|c| Changelog::parse(c).ok()) else {
        return Ok(HashSet::new());
    };
    let (range, last) = super::since::since_last_release(repo, head, config, None)?;
    Ok(released_by_hand(repo, config, &log, &range, last.as_ref()))
}
