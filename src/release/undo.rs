//! Undoing what a release added when a later step fails: the release commit (with its files
//! and index entries) and the test record it wrote, so that nothing half-made is left.

use git2::Oid;

use crate::Result;
use crate::git::Repo;
use crate::history::version::files::Edit;

/// The test records (`refs/notes/relhook-tests`) as they were before a release tested its
/// commit: [`undo_commit`] puts them back, so that an undone release leaves no record on the
/// commit it undid.
#[derive(Debug, Clone, Copy)]
pub struct RecordsBefore(Option<Oid>);

impl RecordsBefore {
    /// The notes ref as it stands.
    pub fn read(repo: &Repo) -> RecordsBefore {
        RecordsBefore(repo.ref_target(crate::testrun::NOTES_REF))
    }

    /// Puts the notes ref back as it was read, when it moved since.
    pub(super) fn restore(self, repo: &Repo) -> Result<()> {
        let now = repo.ref_target(crate::testrun::NOTES_REF);
        if now == self.0 {
            return Ok(());
        }
        let why = "relhook: undo the release's test record";
        repo.cas_ref(crate::testrun::NOTES_REF, now, self.0, why)
    }
}

/// Undoes a release commit relhook made: HEAD back to `head`, the edited files and their
/// index entries back to what they were, and the test records to `records` when given. One
/// transaction, like the commit.
pub fn undo_commit(
    repo: &Repo,
    head: Oid,
    commit: Oid,
    edits: &[Edit],
    records: Option<RecordsBefore>,
) -> Result<()> {
    let mut txn = repo.transaction("release undo")?;
    if let Some(RecordsBefore(before)) = records {
        let now = repo.ref_target(crate::testrun::NOTES_REF);
        if now != before {
            let why = "relhook: undo the release's test record";
            txn.move_ref(crate::testrun::NOTES_REF, now, before, why);
        }
    }
    for e in edits {
        let before = repo.file_at(head, &e.path)?;
        txn.restage(
            &e.path,
            before
                .as_ref()
                .map(|f| (f.blob, u32::try_from(f.mode).unwrap_or(0o100_644))),
        )?;
        if e.before.is_empty() && before.is_none() {
            txn.remove_file(&e.path)?;
        } else {
            txn.write_file(&e.path, &e.before)?;
        }
    }
    txn.move_head(commit, head, "relhook: undo the release commit")?;
    txn.commit()
}
