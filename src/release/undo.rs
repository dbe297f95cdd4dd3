//! Undoing what a release added when a later step fails: the release commit (with its files
//! and index entries) and the test record it wrote, so that nothing half-made is left.

use std::io::Write;

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

/// Undoes a release commit relhook made on `branch` (HEAD's ref then: `refs/heads/main`, or
/// `HEAD` detached): HEAD back to `head`, the edited files and their index entries back to
/// what they were, and the test records to `records` when given. One transaction, like the
/// commit.
pub fn undo_commit(
    repo: &Repo,
    branch: &str,
    head: Oid,
    commit: Oid,
    edits: &[Edit],
    records: Option<RecordsBefore>,
) -> Result<()> {
    // HEAD switched to another branch while the tests ran (`git switch -c other`, which
    // then holds the commit too): moving that one would leave the release commit on `branch`.
    let now = repo.head_ref_name()?;
    if now != branch {
        return Err(Error::Refused(Refusal::bare(
            Reason::ChangedSincePlan,
            format!(
                "HEAD switched from {} to {} since relhook made the release commit {}, so relhook left it as it is",
                shown(branch),
                shown(&now),
                short_id(commit)
            ),
        )));
    }
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
    let mut kept = Vec::new();
    for e in edits {
        let before = repo.file_at(head, &e.path)?;
        txn.restage(
            &e.path,
            before
                .as_ref()
                .map(|f| (f.blob, u32::try_from(f.mode).unwrap_or(0o100_644))),
        )?;
        // A file changed while the tests ran (a note added to CHANGELOG.md): the release's
        // edit comes out of it and the change stays, or, where they touch the same lines, the
        // file stays as it is. Written back whole, the change would be lost.
        // Bounded: a file that grew past what a project file holds (twice the release's
        // text for a long changelog) is left as it is, never read whole.
        let cap = crate::fsx::config_cap(&e.path).max(2 * e.after.len() as u64);
        let now = match repo.work_tree() {
            Some(root) => {
                match crate::fsx::bytes_capped(&crate::fsx::confine(&root, &e.path)?, cap)? {
                    Ok(now) => now,
                    Err(crate::fsx::TooLarge) => {
                        kept.push(format!("{} changed while the tests ran, and is now larger than {} MiB, the most relhook reads of it: it is left as it is (`git diff -- {}` shows what it holds)", e.path.display(), cap >> 20, crate::shellword::from_top(&e.path)));
                        continue;
                    }
                }
            }
            None => Some(e.after.clone()),
        };
        match now {
            Some(now) if now != e.after => {
                let shown = e.path.display();
                match super::same_file::take_out(&e.after, &now, &e.before) {
                    Some(merged) => {
                        txn.write_file(&e.path, &merged)?;
                        kept.push(format!("{shown} changed while the tests ran: the release's edit is taken out of it, and that change kept"));
                    }
                    None => kept.push(format!("{shown} changed while the tests ran, on lines the release edited: it is left as it is (`git diff -- {}` shows what it holds)", crate::shellword::from_top(&e.path))),
                }
            }
            None if !e.after.is_empty() => kept.push(format!(
                "{} was deleted while the tests ran: it stays deleted",
                e.path.display()
            )),
            _ if e.before.is_empty() && before.is_none() => txn.remove_file(&e.path)?,
            _ => {
                txn.write_file(&e.path, &e.before)?;
            }
        }
    }
    if !back {
        txn.move_head(commit, head, "relhook: undo the release commit")?;
    }
    txn.commit()?;
    // A branch made on the release commit while the tests ran (`git switch -c x`, then back)
    // still holds it: it is the person's to keep or drop, and said.
    for (name, tip) in repo.branches_at("heads/*") {
        if tip == commit || repo.reaches(tip, commit) {
            let name = name.strip_prefix("heads/").unwrap_or(&name).to_owned();
            kept.push(format!(
                "branch {name}, made while the tests ran, still holds the release commit {} (`git branch -D {}` drops it with the branch)",
                short_id(commit),
                crate::shellword::quote(&name)
            ));
        }
    }
    // And a tag on it (the release's own is not made before the tests pass). Only on the
    // commit itself: a history walk per tag would cost a repository with thousands of them
    // more than the failed release did.
    for (name, target) in repo.branches_at("tags/*") {
        if repo.peel_to_commit(target) == Some(commit) {
            let name = name.strip_prefix("tags/").unwrap_or(&name).to_owned();
            kept.push(format!(
                "tag {name}, made while the tests ran, still names the release commit {} (`git tag -d {}` drops it)",
                short_id(commit),
                crate::shellword::quote(&name)
            ));
        }
    }
    for line in kept {
        let _ = writeln!(
            std::io::stderr(),
            "relhook: {}",
            crate::printable::visible(&line)
        );
    }
    Ok(())
}

/// `error` (why the release stopped), when undoing its commit failed too (`undo`): said
/// without its "nothing was released", which the commit left behind makes untrue.
pub fn not_undone(error: Error, undo: &Error, finish: String) -> Error {
    let error = match error {
        Error::Refused(mut r) => {
            if let Some(what) = r.what.strip_suffix("; nothing was released") {
                r.what = what.to_owned();
            }
            Error::Refused(r)
        }
        e => e,
    };
    Error::Unfinished {
        error: Box::new(error),
        left: format!("undoing the release commit failed too ({undo})"),
        finish,
    }
}

/// A ref as messages name it: `main` for `refs/heads/main`, `a detached HEAD` for `HEAD`.
fn shown(name: &str) -> String {
    match name.strip_prefix("refs/heads/") {
        Some(b) => format!("`{b}`"),
        None if name == "HEAD" => "a detached HEAD".into(),
        None => format!("`{name}`"),
    }
}

/// How to finish or drop release commit `commit`, made on `branch`, which relhook could not
/// undo: `HEAD~1` only when HEAD is that commit on that branch; below commits made on top, a
/// rebase that drops exactly it and keeps them (named by hash: `HEAD~1` would be the user's
/// commit); on the branch it was made on, when HEAD switched away.
pub fn finish_or_drop(repo: &Repo, branch: &str, commit: Oid) -> String {
    let short = short_id(commit);
    let switched = repo.head_ref_name().is_ok_and(|now| now != branch);
    let made_on = branch
        .strip_prefix("refs/")
        .filter(|_| switched)
        .and_then(|b| Some((b.to_owned(), repo.ref_target(branch)?)))
        .filter(|(_, tip)| *tip == commit || repo.reaches(*tip, commit));
    if let Some((name, tip)) = made_on {
        return still_on(repo, &name, tip, commit);
    }
    let resume = crate::resume_advice::command();
    match repo.head() {
        Some(h) if h == commit => {
            format!("`{resume}` finishes the release, or `git reset --keep HEAD~1` drops it")
        }
        Some(h) if repo.reaches(h, commit) => format!(
            "`{resume}` finishes the release, or `git rebase --onto {short}~1 {short}` drops the release commit ({short}) and keeps the commits made on top of it"
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
            still_on(repo, branch, *tip, commit)
        }
    }
}

/// The release commit `commit` is on `branch` (`heads/main`), whose tip is `tip`, and HEAD
/// is elsewhere: how to finish or drop it there.
fn still_on(repo: &Repo, branch: &str, tip: Oid, commit: Oid) -> String {
    let short = short_id(commit);
    let name = branch.strip_prefix("heads/").unwrap_or(branch);
    let switch = repo.switch_command(name);
    let branch = crate::shellword::quote(name);
    let drop = if tip == commit {
        format!("`git branch -f {branch} {short}~1` drops it")
    } else {
        format!(
            "`git rebase --onto {short}~1 {short} {branch}` drops it and keeps the commits made on top of it"
        )
    };
    let resume = crate::resume_advice::command();
    format!(
        "the release commit ({short}) is still on {branch}: `{switch} && {resume}` finishes the release, or {drop}"
    )
}
