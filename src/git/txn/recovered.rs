//! What a recovery of a killed transaction did, for the command that says it; and a journal
//! whose removal failed at the end of a finished transaction (an I/O error), which would
//! otherwise read as a transaction interrupted.

use std::path::Path;

use git2::Oid;

use super::journal::{JOURNAL, Journal, Pending, parse_journal};
use crate::git::Repo;
use crate::{Error, Result};

/// What [`super::recover_full`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovered {
    /// What was done, in words.
    pub said: String,
    /// The commit an undone post-commit was adding the entry of (its rewrite of an amend,
    /// perhaps): `None` for anything else, or a post-commit of whose work a part stays.
    pub undone: Option<Oid>,
    /// What an undone release was asked for, as its journal recorded it (see
    /// [`super::RanWith::asked`]): `None` for anything else, or when not recorded.
    pub asked: Option<String>,
}

impl Recovered {
    /// What was `said` and `undone`, and what an undone release was `asked` for.
    pub(super) fn new(said: String, undone: Option<Oid>, asked: Option<String>) -> Recovered {
        Recovered {
            said,
            undone,
            asked,
        }
    }
}

/// How often a finished transaction tries to remove its journal: a failed removal (EIO on a
/// network file system) leaves a finished transaction looking interrupted.
const REMOVALS: usize = 3;

/// Removes `journal`; the test hook `RELHOOK_TEST_FAILPOINT=journal-removal` fails it, as an
/// I/O error would.
fn unlink(journal: &Path) -> std::io::Result<()> {
    if super::failpoint("journal-removal").is_err() {
        return Err(std::io::Error::other("RELHOOK_TEST_FAILPOINT"));
    }
    std::fs::remove_file(journal)
}

/// Removes a finished transaction's journal, trying again when that fails.
pub(super) fn remove_journal(journal: &Path) {
    for _ in 0..REMOVALS {
        match unlink(journal) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            _ => return,
        }
    }
}

/// Whether this process left its journal behind because a transaction's undo failed (see
/// `Txn::rollback`): the next relhook command that writes undoes the rest.
pub fn undo_left(repo: &Repo) -> bool {
    std::fs::read(repo.git_dir().join(JOURNAL))
        .is_ok_and(|text| parse_journal(&String::from_utf8_lossy(&text)).pid == std::process::id())
}

/// The journal this process's finished transaction could not remove: the command that does
/// and why it failed (one more try is made first). `None` when there is none left.
pub fn journal_left(repo: &Repo) -> Option<(String, String)> {
    let journal = repo.git_dir().join(JOURNAL);
    let text = std::fs::read(&journal).ok()?;
    if parse_journal(&String::from_utf8_lossy(&text)).pid != std::process::id() {
        return None;
    }
    let e = unlink(&journal).err()?;
    let quoted = journal.display().to_string().replace('\'', "'\\''");
    Some((format!("rm '{quoted}'"), e.to_string()))
}

/// A release's journal left once it was finished (its removal failed), its tag made since
/// on the release commit: removed, and said, rather than taken for a release interrupted
/// whose tag `--resume` would make.
pub(super) fn finished_release(
    repo: &Repo,
    j: &Journal,
    journal: &Path,
) -> Result<Option<Recovered>> {
    let Some(tag) = finished_tag(repo, j) else {
        return Ok(None);
    };
    match std::fs::remove_file(journal) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            return Err(Error::io("remove", journal, e));
        }
        _ => {}
    }
    Ok(Some(Recovered::new(
        format!(
            "removed the journal a finished release left ({tag} is on its release commit; nothing was undone)"
        ),
        None,
        None,
    )))
}

/// The tag on the release commit of a release journal whose transaction was finished.
fn finished_tag(repo: &Repo, j: &Journal) -> Option<String> {
    if j.what != "release" || !j.moved_forward(repo) {
        return None;
    }
    j.refs
        .iter()
        .find_map(|(_, new, _)| new.and_then(|n| repo.tag_on(n)))
}

/// [`super::pending`] for a finished release's journal left behind: not "interrupted".
pub(super) fn pending_finished(repo: &Repo, j: &Journal, journal: &Path) -> Option<Pending> {
    let tag = finished_tag(repo, j)?;
    let quoted = journal.display().to_string().replace('\'', "'\\''");
    Some(Pending {
        said: format!(
            "a finished relhook release left its journal ({tag} is on its release commit; its removal failed)"
        ),
        fix: format!("rm '{quoted}'"),
        running: false,
        remade: None,
    })
}

impl Repo {
    /// The name of a tag on `commit`, if there is one.
    fn tag_on(&self, commit: Oid) -> Option<String> {
        let refs = self.list_tag_refs("refs/tags/*").ok()?;
        refs.flatten()
            .find(|r| r.peel_to_commit().is_ok_and(|c| c.id() == commit))
            .and_then(|r| r.shorthand().map(str::to_owned))
    }
}
