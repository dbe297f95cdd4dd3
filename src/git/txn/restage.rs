//! After a killed transaction: what a commit made now would undo (commit-msg's guard), the
//! re-staging of a finished transaction whose staged index was removed by hand, and whether
//! a commit has taken since what the killed run wrote (an undo then keeps it).

use std::fs;
use std::path::{Path, PathBuf};

use git2::Oid;

use super::journal::{JOURNAL, Journal, in_work_tree, named, oid_or_dash, parse_journal};
use super::writer::is_writer;
use crate::git::Repo;
use crate::{Error, Result};

/// Whether the content a killed transaction wrote into `file` has been committed (HEAD has
/// it) or staged since: then it is the user's, and an undo must not put the old file back.
pub(super) fn taken_since(
    repo: &Repo,
    j: &Journal,
    root: Option<&Path>,
    file: &Path,
    written: Option<Oid>,
) -> bool {
    let Some(rel) = in_work_tree(root, file) else {
        return false;
    };
    // Its blob as the work tree has it, and as the index took it (a conversion such as CRLF
    // makes them differ).
    let mut blobs = vec![written];
    blobs.extend(
        j.entries
            .iter()
            .filter(|(_, _, p)| *p == rel)
            .map(|(_, after, _)| *after),
    );
    let head = repo.head().and_then(|h| repo.blob_at(h, &rel));
    let staged = repo.staged_blob(&rel);
    blobs
        .iter()
        .flatten()
        .any(|b| head == Some(*b) || staged == Some(*b))
}

/// Stages each index entry of a finished transaction as it committed it, where the index
/// still holds the entry as it was before (an entry changed since is someone's and stays);
/// says what it did, for the line that reports the recovery. The journal's ref and entry
/// lines go into the re-staging's own journal, so a kill now is recovered the same way.
pub(super) fn restage_files(
    repo: &Repo,
    j: &Journal,
    staged_into: Option<&Path>,
) -> Result<String> {
    let now = repo.index_path()?;
    if let Some(then) = staged_into.filter(|then| !same_file(then, &now)) {
        if then.exists() {
            // Left for the command that uses that index (the journal stays).
            return Err(Error::OtherIndex {
                index: then.to_owned(),
            });
        }
        return Ok(format!(
            "; the index it had staged into ({}) is gone, so nothing was staged again",
            then.display()
        ));
    }
    if !j.on_its_branch(repo) {
        let branch = j.refs.first().map_or("", |(_, _, name)| name.as_str());
        return Ok(format!(
            "; HEAD is on another branch now, so nothing was staged again (checking out {} gives the index that commit's changelog)",
            branch.strip_prefix("refs/heads/").unwrap_or(branch)
        ));
    }
    let mut carried = String::new();
    if let Some(sync) = &j.sync {
        carried.push_str(&format!("sync {sync}\n"));
    }
    for (old, new, name) in &j.refs {
        carried.push_str(&format!(
            "ref {} {} {name}\n",
            oid_or_dash(*old),
            oid_or_dash(*new)
        ));
    }
    for (before, after, path) in j.staged_entries() {
        carried.push_str(&format!(
            "entry {} {} {}\n",
            oid_or_dash(*before),
            oid_or_dash(*after),
            path.display()
        ));
    }
    let root = repo.work_tree();
    let mut txn = repo.begin(
        &format!("restage after an interrupted {}", j.what),
        &carried,
    )?;
    let (mut staged_again, mut lost) = (Vec::new(), Vec::new());
    for (before, after, path) in j.staged_entries() {
        let Some(rel) = in_work_tree(root.as_deref(), path) else {
            lost.push(path.display().to_string());
            continue;
        };
        let staged = txn.staged(&rel)?;
        if staged.map(|(id, _)| id) != *before || before == after {
            continue;
        }
        let file = named(root.as_deref(), &rel);
        match after {
            Some(after) => {
                let mode = staged.map_or(0o100_644, |(_, mode)| mode);
                let on_disk = crate::fsx::read_optional(&file)?;
                let same = on_disk.is_some_and(|b| repo.hash_blob(&b) == *after);
                txn.stage(&rel, *after, mode, same.then_some(file.as_path()))?;
            }
            None => txn.restage(&rel, None)?,
        }
        staged_again.push(rel.display().to_string());
    }
    let put_back = put_back_into_head(repo, j, &mut txn)?;
    txn.commit()?;
    let mut said = String::new();
    if let Some((commit, files)) = put_back {
        said.push_str(&format!(
            "; put {} back into commit {} as the interrupted run committed it (that commit was made from the index from before the run, which took the run's entry out)",
            files.join(", "),
            crate::git::short_id(commit)
        ));
        staged_again.retain(|f| !files.contains(f));
    }
    if !staged_again.is_empty() {
        said.push_str(&format!(
            "; staged {} again as that commit has it (the index held it as before the run, so the next commit would have taken the entry back out)",
            staged_again.join(", ")
        ));
    }
    if !lost.is_empty() {
        said.push_str(&format!(
            "; could not find {} in this work tree to stage it again (was the project folder moved?): `git add` it if `git diff` shows the entry missing",
            lost.join(", ")
        ));
    }
    Ok(said)
}

/// A commit made on top of the killed transaction's from the index as it was before it (its
/// `index.lock` removed by hand, then `git commit --no-verify`, or a few such commits, made
/// with `RELHOOK_SKIP=1`) holds each staged file as it was before, taking out what that
/// transaction committed (an entry): HEAD is amended to hold each such file as the
/// transaction committed it. Returns the new HEAD and the
/// files, when there were any.
fn put_back_into_head(
    repo: &Repo,
    j: &Journal,
    txn: &mut super::Txn<'_>,
) -> Result<Option<(Oid, Vec<String>)>> {
    let (Some(head), Ok(branch)) = (repo.head(), repo.head_ref_name()) else {
        return Ok(None);
    };
    let made = j
        .refs
        .iter()
        .find(|(_, _, name)| *name == branch)
        .and_then(|(_, new, _)| *new);
    // Made on top of it, a commit or a few (one with RELHOOK_SKIP=1 has no post-commit to
    // recover in), each from that index.
    let mut at = repo.first_parent(head);
    let mut on_top = false;
    for _ in 0..20 {
        if at.is_none() || made.is_none() {
            break;
        }
        if at == made {
            on_top = true;
            break;
        }
        at = at.and_then(|c| repo.first_parent(c));
    }
    if !on_top {
        return Ok(None);
    }
    let root = repo.work_tree();
    let mut files = Vec::new();
    for (before, after, path) in j.staged_entries() {
        let Some(rel) = in_work_tree(root.as_deref(), path) else {
            continue;
        };
        if before != after && repo.blob_at(head, &rel) == *before {
            files.push((rel, *after));
        }
    }
    if files.is_empty() {
        return Ok(None);
    }
    let modes: Vec<i32> = files
        .iter()
        .map(|(rel, _)| txn.staged(rel).ok().flatten().map_or(0, |(_, m)| m as i32))
        .collect();
    let amend: Vec<(&Path, Option<Oid>, i32)> = files
        .iter()
        .zip(&modes)
        .map(|((rel, after), mode)| (rel.as_path(), *after, *mode))
        .collect();
    let crate::git::Amended::Commit(new) = repo.amended_commit(head, &amend)? else {
        return Ok(None); // a signature relhook cannot make again: staged, as before
    };
    txn.move_head(head, new, crate::git::ENTRY_REWRITE)?;
    let names = files.iter().map(|(rel, _)| rel.display().to_string());
    Ok(Some((new, names.collect())))
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// What a commit made now would take back, and the command that puts it right.
pub struct Undone {
    /// The killed process.
    pub pid: u32,
    /// The files, relative to the work tree.
    pub files: Vec<PathBuf>,
    /// The command that stages them again (a monorepo's syncs every changelog).
    pub sync: String,
    /// Whether it was a release (whose tag is made after its commit), not a post-commit amend.
    pub release: bool,
    /// The configuration a release ran with, as [`super::advised`] takes it.
    pub ran_with: super::RanWith,
}

/// What a commit made now would take from a release killed before it moved its refs, whose
/// locks the user then removed (as git advises): the files whose entry in the index being
/// committed (`git commit -a`'s) is what the release wrote. The commit would keep a release
/// section no release has, and the recovery then leaves it (a commit has taken it).
pub fn taken_by_commit(repo: &Repo) -> Option<Undone> {
    let bytes = fs::read(repo.git_dir().join(JOURNAL)).ok()?;
    let j = parse_journal(&String::from_utf8_lossy(&bytes));
    if j.pid == 0 || j.what != "release" || is_writer(j.pid, j.started) {
        return None;
    }
    // As the recovery judges it: refs that reached their new value (or moved on from it) mean
    // the release commit was made, and what it wrote is HEAD's.
    if j.moved_forward(repo) {
        return None;
    }
    let root = repo.work_tree();
    // Each file's blob as the release wrote it, and as its index entry had it (a conversion
    // such as CRLF makes them differ).
    let mut taken: Vec<PathBuf> = j
        .files
        .iter()
        .chain(&j.entries)
        .filter(|(before, after, _)| after.is_some() && before != after)
        .filter_map(|(_, after, path)| {
            let rel = in_work_tree(root.as_deref(), path)?;
            let head = repo.head().and_then(|h| repo.blob_at(h, &rel));
            (repo.staged_blob(&rel) == *after && head != *after).then_some(rel)
        })
        .collect();
    taken.sort();
    taken.dedup();
    (!taken.is_empty()).then(|| Undone {
        pid: j.pid,
        files: taken,
        sync: j.sync_command().to_owned(),
        release: j.what == "release",
        ran_with: j.ran_with.clone(),
    })
}

/// What a commit made now would undo, when a transaction was killed after moving its refs and
/// its staged index was then removed by hand: the files whose entry in the index being
/// committed (the hook's, `GIT_INDEX_FILE`) is still the one from before that transaction.
/// `None` when there is no such journal, its writer is running, or HEAD is on another branch.
pub fn undone_by_commit(repo: &Repo) -> Option<Undone> {
    let bytes = fs::read(repo.git_dir().join(JOURNAL)).ok()?;
    let j = parse_journal(&String::from_utf8_lossy(&bytes));
    if j.pid == 0 || is_writer(j.pid, j.started) || j.refs.is_empty() || !j.on_its_branch(repo) {
        return None;
    }
    if !j
        .refs
        .iter()
        .all(|(_, new, name)| repo.ref_target(name) == *new)
    {
        return None;
    }
    let root = repo.work_tree();
    let undone: Vec<PathBuf> = j
        .staged_entries()
        .iter()
        .filter(|(before, after, _)| before != after)
        .filter_map(|(before, _, path)| {
            let rel = in_work_tree(root.as_deref(), path)?;
            (repo.staged_blob(&rel) == *before).then_some(rel)
        })
        .collect();
    (!undone.is_empty()).then(|| Undone {
        pid: j.pid,
        files: undone,
        sync: j.sync_command().to_owned(),
        release: j.what == "release",
        ran_with: j.ran_with.clone(),
    })
}
