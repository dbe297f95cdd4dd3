//! `--allow-dirty` and the changelog: the release is made of HEAD's file (what is committed
//! decides its section and notes), and the work tree's uncommitted changes are carried over
//! the release's edit, or the release is refused before anything is made.

mod drafted;

use std::path::Path;

use git2::Oid;

use crate::git::Repo;
use crate::history::changelog::{Changelog, Entry};
use crate::history::version::files::Edit;
use crate::{Error, Result};
use drafted::drafted;

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
    if super::filters::stored_blob(repo, head, &as_is)? == stored.blob {
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
/// over: entries drafted under Unreleased and not committed stay there (committed next, the
/// released section would say what its tag's notes do not); any other change is merged as
/// `git stash` and `git stash pop` around the release would, or refused when it touches the
/// lines the release edits.
pub(super) fn carried(
    repo: &Repo,
    rel: &Path,
    at_head: &str,
    committed: &str,
    now: &[u8],
    (rules, order): (&crate::config::CommitConfig, &[String]),
) -> Result<Vec<u8>> {
    let refused = || super::dirty::not_carried(rel, rules);
    let Some((rest, drafts)) = std::str::from_utf8(now)
        .ok()
        .and_then(|now| drafts_apart(at_head, now))
    else {
        return repo
            .merge_texts(rel, at_head.as_bytes(), committed.as_bytes(), now)?
            .ok_or_else(refused);
    };
    // The drafts are set aside while the rest is merged: merged, one written beside a
    // committed entry would follow it into the released section.
    let merged = repo
        .merge_texts(
            rel,
            at_head.as_bytes(),
            committed.as_bytes(),
            rest.as_bytes(),
        )?
        .ok_or_else(refused)?;
    let merged = String::from_utf8(merged).map_err(|_| refused())?;
    with_drafts(&merged, &drafts, order)
        .map(String::into_bytes)
        .ok_or_else(refused)
}

/// `now` without the entries drafted in it (see [`drafted`]), and those entries; `None` when
/// it has none.
fn drafts_apart(at_head: &str, now: &str) -> Option<(String, Vec<Entry>)> {
    let (then, mut log) = (Changelog::parse(at_head).ok()?, Changelog::parse(now).ok()?);
    let drafts = drafted(&then, &log);
    if drafts.is_empty() {
        return None;
    }
    for e in &drafts {
        log.remove_entry(&e.section, &e.text);
    }
    Some((log.render(), drafts))
}

/// `merged` with `drafts` written under its Unreleased, a new sub-section placed by `order`
/// (`[changelog] order`).
fn with_drafts(merged: &str, drafts: &[Entry], order: &[String]) -> Option<String> {
    let mut log = Changelog::parse(merged).ok()?;
    log.set_order(order);
    for e in drafts {
        log.add_entry_as_named(&e.section, &e.text, false);
    }
    Some(log.render())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- crash on d\n\n## [1.0.0] - 2026-01-01\n\n- a\n";
    const RELEASED: &str = "# Changelog\n\n## [Unreleased]\n\n## [1.0.1] - 2026-02-01\n\n### Fixed\n\n- crash on d\n\n## [1.0.0] - 2026-01-01\n\n- a\n";

    /// What [`carried`] makes when the rest merges as `rest_merged` would.
    fn kept(now: &str, rest_merged: impl Fn(&str) -> String) -> Option<String> {
        let (rest, drafts) = drafts_apart(HEAD, now)?;
        with_drafts(&rest_merged(&rest), &drafts, &[])
    }

    #[test]
    fn a_new_entry_stays_under_unreleased() {
        let now = HEAD.replace("- crash on d\n", "- drafting\n- crash on d\n");
        let after = kept(&now, |rest| {
            assert_eq!(rest, HEAD);
            RELEASED.to_owned()
        });
        let expected = RELEASED.replace(
            "## [Unreleased]\n\n",
            "## [Unreleased]\n\n### Fixed\n\n- drafting\n\n",
        );
        assert_eq!(after.as_deref(), Some(expected.as_str()));
    }

    #[test]
    fn a_new_entry_is_set_apart_from_other_changes() {
        // A reworded entry alone: no draft, all merged.
        let now = HEAD.replace("- crash on d\n", "- no more crash on d\n");
        assert_eq!(drafts_apart(HEAD, &now), None);
        assert_eq!(drafts_apart(HEAD, HEAD), None);
        // A new entry beside an edit of an older section: the edit is merged, the draft not.
        let now = HEAD.replace("- crash on d\n", "- drafting\n- crash on d\n");
        let now = now.replace("- a\n", "- A\n");
        let (rest, drafts) = drafts_apart(HEAD, &now).expect("a draft");
        assert_eq!(rest, HEAD.replace("- a\n", "- A\n"));
        assert_eq!(drafts.len(), 1);
        assert_eq!(drafts[0].text, "drafting");
    }
}
