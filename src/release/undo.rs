//! Undoing what a release added when a later step fails: the release commit (with its files
//! and index entries) and the test record it wrote, so that nothing half-made is left.

use git2::Oid;

use crate::error::{Reason, Refusal};
use crate::git::{Repo, short_id};
use crate::history::version::files::Edit;
use crate::{Error, Result};

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
    // HEAD moved on (a commit made on top while the tests ran): the commit is no longer
    // HEAD's to take back, and nothing is touched (files, index or refs). Moved back to where
    // the release started, no branch holding the commit (a test command's `git reset
    // HEAD~1`; not a switch to another branch): the files and index follow.
    let back = repo.head() == Some(head)
        && !repo
            .branches_at("heads/*")
            .iter()
            .any(|(_, tip)| *tip == commit || repo.reaches(*tip, commit));
    if !back && repo.head() != Some(commit) {
        return Err(Error::Refused(Refusal::bare(
            Reason::ChangedSincePlan,
            format!(
                "HEAD moved off the release commit {} since relhook made it (a commit made on top of it?), so relhook left it as it is",
                short_id(commit)
            ),
        )));
    }
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
    if !back {
        txn.move_head(commit, head, "relhook: undo the release commit")?;
    }
    txn.commit()
}

/// How to finish or drop release commit `commit`, which relhook could not undo: `HEAD~1` only
/// when HEAD is that commit; below commits made on top, a rebase that drops exactly it and
/// keeps them (named by hash: `HEAD~1` would be the user's commit).
pub fn finish_or_drop(repo: &Repo, commit: Oid) -> String {
    let short = short_id(commit);
    match repo.head() {
        Some(h) if h == commit => {
            "`relhook release --resume` finishes the release, or `git reset --keep HEAD~1` drops it"
                .into()
        }
        Some(h) if repo.reaches(h, commit) => format!(
            "`relhook release --resume` finishes the release, or `git rebase --onto {short}~1 {short}` drops the release commit ({short}) and keeps the commits made on top of it"
        ),
        _ => {
            // HEAD switched away while the tests ran: the branch the release was made on still
            // holds the commit.
            let holding: Vec<(String, Oid)> = repo
                .branches_at("heads/*")
                .into_iter()
                .filter(|(_, tip)| *tip == commit || repo.reaches(*tip, commit))
                .collect();
            let Some((branch, tip)) = holding.first() else {
                return format!(
                    "no branch holds the release commit ({short}) any more: nothing of it is left to drop"
                );
            };
            let name = branch.strip_prefix("heads/").unwrap_or(branch);
            let switch = repo.switch_command(name);
            let branch = crate::shellword::quote(name);
            let drop = if *tip == commit {
                format!("`git branch -f {branch} {short}~1` drops it")
            } else {
                format!(
                    "`git rebase --onto {short}~1 {short} {branch}` drops it and keeps the commits made on top of it"
                )
            };
            format!(
                "the release commit ({short}) is still on {branch}: `{switch} && relhook release --resume` finishes the release, or {drop}"
            )
        }
    }
}
