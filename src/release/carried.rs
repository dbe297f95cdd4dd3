//! `--allow-dirty` and the changelog: the release is made of HEAD's file (what is committed
//! decides its section and notes), and the work tree's uncommitted changes are carried over
//! the release's edit, or the release is refused before anything is made.

use std::path::Path;

use git2::Oid;

use crate::git::Repo;
use crate::history::changelog::{Changelog, Entry, normalize};
use crate::history::version::files::Edit;
use crate::{Error, Result};

/// HEAD's version of the changelog `rel` as the work tree holds it, when the work tree's file
/// (`before`; empty: none) has uncommitted changes; `None` when it is as committed, or HEAD
/// has no such regular file.
pub(super) fn head_text(
    repo: &Repo,
    head: Oid,
    rel: &Path,
    before: &[u8],
) -> Result<Option<String>> {
    // A symbolic link there is refused with its own fix (see `check_paths`).
    let Some(stored) = repo
        .file_at(head, rel)?
        .filter(|f| f.mode & 0o170000 == 0o100000)
    else {
        return Ok(None);
    };
    let as_is = Edit {
        path: rel.to_path_buf(),
        before: Vec::new(),
        after: before.to_vec(),
        committed: None,
    };
    if super::files::stored_blob(repo, head, &as_is)? == stored.blob {
        return Ok(None);
    }
    let text = String::from_utf8(stored.bytes)
        .map_err(|e| Error::changelog_not_utf8(rel, e.as_bytes()))?;
    // A CRLF work tree over LF blobs (`core.autocrlf`): the file as git checks it out.
    let crlf = before.windows(2).any(|w| w == b"\r\n");
    Ok(Some(if crlf && !text.contains('\r') {
        text.replace('\n', "\r\n")
    } else {
        text
    }))
}

/// The work tree's changelog `now` with the release's edit (`at_head` → `committed`) carried
/// over: entries written under Unreleased and not committed stay there (committed next, the
/// released section would say what its tag's notes do not); any other change is merged as
/// `git stash` and `git stash pop` around the release would, or refused when it touches the
/// lines the release edits.
pub(super) fn carried(
    repo: &Repo,
    rel: &Path,
    at_head: &str,
    committed: &str,
    now: &[u8],
) -> Result<Vec<u8>> {
    if let Some(after) = std::str::from_utf8(now)
        .ok()
        .and_then(|now| new_entries_kept(at_head, committed, now))
    {
        return Ok(after.into_bytes());
    }
    repo.merge_texts(rel, at_head.as_bytes(), committed.as_bytes(), now)?
        .ok_or_else(|| super::dirty::not_carried(rel))
}

/// `committed` with the entries `now` adds under Unreleased to `at_head`, when that is all
/// that `now` changes; `None` otherwise.
fn new_entries_kept(at_head: &str, committed: &str, now: &str) -> Option<String> {
    let entries = uncommitted_entries(at_head, now);
    if entries.is_empty() {
        return None;
    }
    let mut without = Changelog::parse(now).ok()?;
    for e in &entries {
        without.remove_entry(&e.section, &e.text);
    }
    if without.render() != at_head {
        return None;
    }
    let mut log = Changelog::parse(committed).ok()?;
    for e in &entries {
        log.add_entry_as_named(&e.section, &e.text, false);
    }
    Some(log.render())
}

/// The entries `now` lists under Unreleased that `at_head` does not.
fn uncommitted_entries(at_head: &str, now: &str) -> Vec<Entry> {
    let (Ok(now), Ok(then)) = (Changelog::parse(now), Changelog::parse(at_head)) else {
        return Vec::new();
    };
    let committed: std::collections::HashSet<String> = (then.unreleased_entries().into_iter())
        .map(|e| normalize(&e.text))
        .collect();
    (now.unreleased_entries().into_iter())
        .filter(|e| !committed.contains(&normalize(&e.text)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- crash on d\n\n## [1.0.0] - 2026-01-01\n\n- a\n";
    const RELEASED: &str = "# Changelog\n\n## [Unreleased]\n\n## [1.0.1] - 2026-02-01\n\n### Fixed\n\n- crash on d\n\n## [1.0.0] - 2026-01-01\n\n- a\n";

    #[test]
    fn a_new_entry_stays_under_unreleased() {
        let now = HEAD.replace("- crash on d\n", "- drafting\n- crash on d\n");
        let after = new_entries_kept(HEAD, RELEASED, &now).expect("carried");
        assert_eq!(
            after,
            RELEASED.replace(
                "## [Unreleased]\n\n",
                "## [Unreleased]\n\n### Fixed\n\n- drafting\n\n"
            )
        );
    }

    #[test]
    fn other_changes_are_not_taken_for_new_entries() {
        // A reworded entry: both a new entry and one gone.
        let now = HEAD.replace("- crash on d\n", "- no more crash on d\n");
        assert_eq!(new_entries_kept(HEAD, RELEASED, &now), None);
        // A new entry beside another edit.
        let now = HEAD.replace("- crash on d\n", "- drafting\n- crash on d\n");
        let now = now.replace("- a\n", "- A\n");
        assert_eq!(new_entries_kept(HEAD, RELEASED, &now), None);
        assert_eq!(new_entries_kept(HEAD, RELEASED, HEAD), None);
    }
}
