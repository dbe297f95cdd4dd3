//! A `revert:` commit that names nothing (`git revert -n <id>`, then `git commit -m "revert:
//! drop k"`), told by its change: the commit of the same range whose change it exactly undoes
//! (the same files, each put back as it was; the changelogs left out, whose entries git's
//! revert merges with what came since). Post-commit, sync, rebuild, version and notes pair it
//! so alike, so the entry post-commit left out is not added back by `--sync` or a release.

use std::collections::BTreeMap;
use std::path::PathBuf;

use git2::Oid;

use crate::commit::parse::Reverted;
use crate::config::Config;
use crate::git::Repo;
use crate::history::changelog::entry::RevertKey;

/// How many older commits of the range are read for the one a revert undoes: post-commit runs
/// this on every unnamed revert, and a revert of an older one than that is told by its footer.
pub const LOOK_BACK: usize = 50;

/// Each file (no changelog) a commit changes, with its blob before and after.
pub type Change = BTreeMap<PathBuf, (Oid, Oid)>;

/// Whether `message` is a `revert`-type commit that names neither a header nor a commit (nor
/// a merge, in the body `git revert -m` wrote under a header reworded since).
pub fn names_nothing(message: &str) -> bool {
    if super::merge_revert(Oid::zero(), message).is_some() {
        return false;
    }
    let header = message.lines().next().unwrap_or("");
    // The type, not git's `Revert "…"` (whose body names the commit).
    header
        .get(..6)
        .is_some_and(|t| t.eq_ignore_ascii_case("revert"))
        && header[6..].starts_with(['(', '!', ':'])
        && crate::history::changelog::entry::revert_key(message)
            .reverts
            .is_none()
}

/// What `commit` changes outside the changelogs; `None` when nothing (or it cannot be read).
pub fn change(repo: &Repo, config: &Config, commit: Oid) -> Option<Change> {
    let logs: Vec<&PathBuf> = std::iter::once(&config.changelog.path)
        .chain(config.packages.iter().map(|p| &p.changelog))
        .collect();
    let out: Change = repo
        .changed_blobs(commit)
        .ok()?
        .into_iter()
        .filter(|(p, _, _)| !logs.contains(&p))
        .map(|(p, a, b)| (p, (a, b)))
        .collect();
    (!out.is_empty()).then_some(out)
}

/// Whether `own` undoes `theirs` exactly: the same files, each put back as it was before.
pub fn undoes(own: &Change, theirs: &Change) -> bool {
    theirs.len() == own.len()
        && theirs.iter().all(|(p, (before, after))| {
            own.get(p)
                .is_some_and(|(undo_from, undo_to)| undo_from == after && undo_to == before)
        })
}

/// `keys` (one range's commits, newest first, as revert pairing reads them) with each
/// `revert:` commit that names nothing paired with the nearest older commit of the range
/// whose change it undoes, as post-commit paired it.
pub fn by_change(repo: &Repo, config: &Config, keys: &mut [(Oid, RevertKey)]) {
    for i in 0..keys.len() {
        let (id, key) = &keys[i];
        // The header first: most commits are no revert, and their message is not read again.
        let revert_type = key
            .header
            .get(..6)
            .is_some_and(|t| t.eq_ignore_ascii_case("revert"))
            && key.header[6..].starts_with(['(', '!', ':']);
        if !revert_type || key.reverts.is_some() {
            continue;
        }
        let id = *id;
        if !repo.commit_text(id).is_some_and(|m| names_nothing(&m)) {
            continue;
        }
        let Some(own) = change(repo, config, id) else {
            continue;
        };
        let found = keys[i + 1..]
            .iter()
            .take(LOOK_BACK)
            .find(|(c, _)| change(repo, config, *c).is_some_and(|t| undoes(&own, &t)))
            .map(|(c, k)| (*c, k.header.clone()));
        if let Some((c, header)) = found {
            keys[i].1.reverts = Some(Reverted {
                header,
                commit: Some(c.to_string()),
                pull_request: None,
            });
        }
    }
}
