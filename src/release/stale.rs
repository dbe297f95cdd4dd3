//! A release commit moved above commits it does not list (`git pull --rebase` of a release
//! not pushed yet, a `rebase -i` that puts a fix below it): its section leaves their changes
//! out (git's merge keeps their entries under Unreleased, or they have none). Tagged as it is,
//! the release would ship changes its notes do not name, and the next release would announce
//! them again; the fix is to make the release again, never to tag it.

use git2::Oid;
use semver::Version;

use crate::config::Config;
use crate::git::{Repo, short_id};
use crate::history::sync;

/// The entries of changes below release commit `commit` that its `## [version]` section
/// leaves out: those its changelog still holds under Unreleased (a release moves every one
/// into its section; git's merge of a rebase puts the entries of commits brought below it
/// there). Empty when there are none, or the file cannot be read (nothing to tell).
///
/// Commits without an entry brought below it are not told from commits reworded in place
/// (`rebase -i`), whose release `--resume` rightly tags: history alone cannot tell them apart.
pub fn left_out(repo: &Repo, config: &Config, commit: Oid) -> Vec<String> {
    let path = &config.changelog.path;
    repo.file_at(commit, path)
        .ok()
        .flatten()
        .and_then(|f| String::from_utf8(f.bytes).ok())
        .and_then(|text| sync::parse(path, &text).ok())
        .map(|log| {
            log.unreleased_entries()
                .into_iter()
                .map(|e| e.text)
                .collect()
        })
        .unwrap_or_default()
}

/// The entries of [`left_out`] for a sentence: the first three, backticked.
pub fn named(entries: &[String]) -> String {
    let mut list: Vec<String> = entries
        .iter()
        .take(3)
        .map(|e| format!("`{}`", crate::history::changelog::one_line(e)))
        .collect();
    if entries.len() > 3 {
        list.push(format!("{} more", entries.len() - 3));
    }
    list.join(", ")
}

/// The command that makes the release of `version` again over the commits below release
/// commit `commit`: drop it (`tag`, its tag on an old commit, deleted first), then release.
/// At HEAD (`at_head`) it is dropped by `git reset --keep`; a release commit below HEAD by a rebase that keeps
/// the commits made on top of it.
pub fn redo(commit: Oid, version: &Version, at_head: bool, tag: Option<&str>) -> String {
    let short = short_id(commit);
    let delete = tag
        .map(|t| format!("git tag -d {t} && "))
        .unwrap_or_default();
    let drop = if at_head {
        format!("git reset --keep {short}~1")
    } else {
        format!("git rebase --onto {short}~1 {short}")
    };
    format!("{delete}{drop} && relhook release {version}")
}

/// What is wrong, in one clause, for release commit `commit` of `version`.
pub fn problem(commit: Oid, version: &Version, entries: &[String]) -> String {
    format!(
        "the release commit of {version} ({}) leaves out of its section changes of commits below it ({}): a rebase put them under it",
        short_id(commit),
        named(entries)
    )
}
