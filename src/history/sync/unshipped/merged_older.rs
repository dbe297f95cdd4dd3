//! What a `git merge` of an older line brings that its release shipped there only: a fix
//! `release/1.x` released as v1.2.1, merged into main after main released v1.3.0, is new on
//! main's line (`history::older_line`), so `--sync`, `--rebuild` and `version --next` list it
//! as unreleased. git runs no post-commit for a merge it completes itself, so the merge
//! driver puts these entries under Unreleased as it merges: the file the hooks keep then
//! says what the commands say.

use git2::Oid;

use crate::Result;
use crate::config::Config;
use crate::git::{Range, Repo};
use crate::history::changelog::Changelog;
use crate::history::changelog::entry::NewEntry;

/// The entries of the commits that merging `theirs` into `ours` brings in, which a release of
/// an older line shipped and the merged line's top release (the greater stable release either
/// side holds) does not hold, oldest first, each with that release's tag; those `log` (the
/// merged text) already lists under Unreleased, those another package's alone, and copies of
/// what the line has (see `history::older_line`) left out. Empty before any release.
pub fn older_line_entries(
    repo: &Repo,
    config: &Config,
    (ours, theirs): (Oid, Oid),
    log: &Changelog,
) -> Result<Vec<(NewEntry, String)>> {
    let prefix = &config.version.tag_prefix;
    let mut top: Option<crate::git::ReleaseTag> = None;
    for side in [ours, theirs] {
        for t in repo.release_tags(side, prefix)? {
            let greater = top
                .as_ref()
                .is_none_or(|l| t.version.cmp_precedence(&l.version).is_gt());
            if t.version.pre.is_empty() && greater {
                top = Some(t);
            }
        }
    }
    let Some(top) = top else {
        return Ok(Vec::new());
    };
    let tags = repo.release_tag_candidates(prefix);
    let older = crate::history::older_line::older_lines_among(
        repo,
        config,
        (&[ours, theirs], &[top.commit], None),
        &tags,
    )?;
    if older.new.is_empty() {
        return Ok(Vec::new());
    }
    // Only what this merge brings, in the order the merged branch made it.
    let mut brought = Vec::new();
    let range = Range {
        tips: vec![theirs],
        hidden: vec![ours],
        ..Range::default()
    };
    repo.walk(&range, |c| {
        if let Some(tag) = older.new.get(&c.id) {
            brought.push((c.id, c.text().into_owned(), tag.clone()));
        }
        true
    })?;
    let forge = crate::history::sync::forge(repo);
    let mut filter = crate::history::packages::Filter::new(repo, config);
    let mut out: Vec<(NewEntry, String)> = Vec::new();
    for (id, message, tag) in brought.into_iter().rev() {
        if !filter.counts(id, &message)? {
            continue;
        }
        let Some(e) = crate::history::reverts::commit_entry(
            repo,
            &message,
            &config.changelog,
            forge.as_ref(),
        ) else {
            continue;
        };
        if !log.contains_entry(&e.text, true) && !out.iter().any(|(o, _)| o.text == e.text) {
            out.push((e, tag));
        }
    }
    Ok(out)
}
