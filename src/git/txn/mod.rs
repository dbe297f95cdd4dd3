//! Transactions: the one way relhook changes more than one of HEAD, the index and the work tree
//! (post-commit's amend, a release commit, the hand-tag rewrite, `changelog --sync`).
//!
//! The protocol is git's own. The index is locked first by creating `index.lock` exclusively
//! (waiting a bounded time: an editor polling `git status` holds it for milliseconds), so no
//! git process writes the index while relhook works. Then, in this order, each state safe to
//! stop in:
//! 1. objects (blobs, trees, commits) are written: unreferenced objects change nothing;
//! 2. work-tree files are replaced (temporary file in the git dir, then rename), each file's
//!    old content first saved as a blob;
//! 3. the new index is written into `index.lock` (still invisible to git);
//! 4. refs move with their old value as precondition (compare-and-swap);
//! 5. `index.lock` is renamed onto the index, releasing the lock.
//!
//! A failure in any step undoes the steps before it (refs moved back, files restored, lock
//! removed), so HEAD, index and work tree agree with each other afterwards. A journal
//! (`<git dir>/relhook-txn`) names what is under way, so that a transaction whose process was
//! killed is finished or undone by the next one ([`recover`]): forward when its refs had
//! moved (only the index rename was left), backward otherwise. Never while the relhook that
//! writes it still runs: every command waits for it a bounded time, then says which run to
//! wait for (`at_work`).
//!
//! Test hook: `RELHOOK_TEST_FAILPOINT=<step>` makes the transaction fail (or, with
//! `<step>:pause`, sleep 10 s so a test can kill it) at a named step: `locked`,
//! `files-written`, `index-staged`, `refs-moved`; release and hand-tag add their own names
//! (see `failpoint`). It exists for the fault tests (tests/transaction.rs, tests/kill.rs).

pub(crate) mod at_work;
mod journal;
mod journal_file;
mod killed_ref_lock;
pub(in crate::git) mod left_lock;
mod lock;
mod ran_with;
mod recovered;
mod releasing;
mod restage;
mod stage;
mod sweep;
mod waits;
mod writer;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use git2::Oid;

use super::Repo;
use crate::{Error, Result};

pub use crate::failpoint::failpoint;
use journal::{JOURNAL, oid_or_dash};
pub use journal::{Pending, pending, recover, recover_full, without_resume_makes_tag};
pub use journal_file::journal_opens;
pub use lock::{LockFile, alive, lock_wait, sweep_beside};
pub use ran_with::{RanWith, advised, killed_release, same_config};
pub use recovered::{Recovered, journal_left, undo_left};
pub use releasing::{Releasing, releasing};
pub use restage::{Undone, taken_by_commit, undone_by_commit};
pub(in crate::git) use stage::new_entry;
pub use sweep::{leftovers, sweep_temporaries};
pub use writer::{mark_of, marked_dead, marked_live, own_mark};

/// Prefix of relhook's temporary files in the git dir.
pub use crate::fsx::TMP_PREFIX;

/// A work-tree file's content before the transaction wrote it: its bytes, or only its blob
/// when the object store holds them (a long changelog is then not copied for an undo that
/// almost never happens).
enum Content {
    Bytes(Vec<u8>),
    Blob(Oid),
}

/// A work-tree file as it was before the transaction wrote it, and what it wrote.
struct FileBefore {
    path: PathBuf,
    before: Option<(Content, Option<u32>)>,
    /// The file written (its identity) and the blob of the bytes written into it.
    written: Option<(crate::fsx::FileId, Oid)>,
    /// Whether the write (or removal) happened: one refused or failed left the file as it
    /// was, or as someone else made it meanwhile, and there is nothing to undo.
    wrote: bool,
}

/// A ref to move when the transaction commits.
#[derive(Debug, Clone)]
struct RefMove {
    name: String,
    old: Option<Oid>,
    new: Option<Oid>,
    message: String,
}

/// One transaction; dropped without [`Txn::commit`], it undoes what it did.
pub struct Txn<'r> {
    repo: &'r Repo,
    journal: PathBuf,
    /// The journal, opened once to append to: each line is one write, not an open, a write
    /// and a close.
    journal_file: fs::File,
    lock: Option<LockFile>,
    index: Option<(git2::Index, tempfile::TempPath)>,
    index_changed: bool,
    /// Each index entry changed: its path, the blob it had, the blob it gets (journaled with
    /// `index-staged`, as the index names them: a CRLF work tree's bytes hash otherwise).
    entries: Vec<(PathBuf, Option<Oid>, Option<Oid>)>,
    files: Vec<FileBefore>,
    refs: Vec<RefMove>,
    moved: Vec<RefMove>,
    finished: bool,
    /// The step a signal noted before the refs move stops, undone (see [`Txn::undo_on_signal`]).
    on_signal: Option<&'static str>,
}

/// Where a transaction's journal is, in `git_dir`.
pub fn journal_path(git_dir: &Path) -> PathBuf {
    git_dir.join(JOURNAL)
}

impl Repo {
    /// Starts a transaction: finishes or undoes a killed one, then locks the index.
    pub fn transaction(&self, what: &str) -> Result<Txn<'_>> {
        self.writable().and_then(|()| recover(self))?;
        self.begin(what, "")
    }

    /// [`Repo::transaction`] whose journal names `sync`, the command that adds what it was
    /// adding should it be killed and undone (a monorepo's: `relhook changelog --sync --all`).
    pub fn transaction_synced_by(&self, what: &str, sync: &str) -> Result<Txn<'_>> {
        self.writable().and_then(|()| recover(self))?;
        self.begin(what, &format!("sync {sync}\n"))
    }

    /// A transaction without recovering first, whose journal starts with `carried` lines
    /// too (a recovery's own re-staging carries the killed transaction's refs and entries).
    fn begin(&self, what: &str, carried: &str) -> Result<Txn<'_>> {
        debug_assert!(journal::known_command(what), "unknown transaction {what:?}");
        let index_path = self.index_path()?;
        let journal = self.git_dir().join(JOURNAL);
        // The index by its name in the git dir (the one a moved project still has), else
        // whole (GIT_INDEX_FILE elsewhere).
        let index_name = index_path
            .strip_prefix(self.git_dir())
            .unwrap_or(&index_path);
        // HEAD as it began: an undone post-commit names the commit it ran for.
        let at = self
            .head()
            .map(|h| format!("head {h}\n"))
            .unwrap_or_default();
        let head = format!(
            "relhook transaction\npid {}\n{}what {what}\nindex {}\n{at}{}{carried}",
            std::process::id(),
            writer::started_line(),
            index_name.display(),
            ran_with::line(what)
        );
        // The journal is whole on disk before the lock exists and takes its name (one rename)
        // right after the lock is taken: a kill leaves no lock, or a lock its journal names
        // (the next relhook removes it), never a lock with no or half a journal, which no one
        // could tell from a live git's and every later command would wait for in vain.
        let pending = self
            .git_dir()
            .join(format!("{TMP_PREFIX}journal-{}", std::process::id()));
        // The file stays open, renamed or not, for the lines the transaction appends.
        let mut journal_file = journal_file::write_new(&pending, &head)?;
        let lock = LockFile::acquire(&index_path, lock_wait()).inspect_err(|_| {
            let _ = fs::remove_file(&pending);
        })?;
        if fs::rename(&pending, &journal).is_err() {
            // Another relhook's recovery swept the pending file away: write it in place.
            journal_file = journal_file::write_new(&journal, &head)?;
        }
        let txn = Txn {
            repo: self,
            journal,
            journal_file,
            lock: Some(lock),
            index: None,
            index_changed: false,
            entries: Vec::new(),
            files: Vec::new(),
            refs: Vec::new(),
            moved: Vec::new(),
            finished: false,
            on_signal: None,
        };
        failpoint("locked")?;
        Ok(txn)
    }

    /// The index file git uses here (`GIT_INDEX_FILE` honoured for hooks).
    pub(in crate::git) fn index_path(&self) -> Result<PathBuf> {
        let index = self
            .inner
            .index()
            .map_err(|e| Error::git("open the index", e))?;
        Ok(index
            .path()
            .map_or_else(|| self.git_dir().join("index"), Path::to_owned))
    }
}

impl Txn<'_> {
    fn journal_line(&self, line: &str) -> Result<()> {
        journal_file::append_line(&self.journal_file, &self.journal, line)
    }
    /// Replaces the work-tree file `rel` (confined to the work tree, never through a symlink)
    /// with `bytes`, keeping its permissions; its old content is kept for undo.
    pub fn write_file(&mut self, rel: &Path, bytes: &[u8]) -> Result<PathBuf> {
        self.write_file_known(rel, bytes, None, None)
    }

    /// [`Txn::write_file`] for a caller that has the blobs already: `after` is the blob of
    /// `bytes`, `known` a file content that is stored (its bytes and blob). Each is hashed
    /// again only when not given (or, for `known`, when the file holds something else), so
    /// post-commit does not hash a large CHANGELOG.md three more times.
    pub fn write_file_known(
        &mut self,
        rel: &Path,
        bytes: &[u8],
        after: Option<Oid>,
        known: Option<(&[u8], Oid)>,
    ) -> Result<PathBuf> {
        let path = self.confined(rel)?;
        let before = crate::fsx::read_regular_optional(&path)?
            .map(|b| (Content::Bytes(b), crate::fsx::mode_of(&path)));
        let before_id = match (&before, known) {
            (Some((Content::Bytes(b), _)), Some((k, id))) if b.as_slice() == k => id.to_string(),
            (Some((Content::Bytes(b), _)), _) => self.repo.store_blob(b)?.to_string(),
            (Some((Content::Blob(id), _)), _) => id.to_string(),
            (None, _) => "-".to_owned(),
        };
        let after_id = match after {
            Some(id) => id,
            None => self.repo.write_blob(bytes)?,
        };
        self.replace(path, before, &before_id, after_id, &[bytes])
    }

    /// [`Txn::write_file_known`] for a caller that has just compared the file, under this
    /// transaction's lock, with the stored blob `current` and found it the same: a long file
    /// is neither read nor copied again (an undo writes the blob back).
    pub fn replace_file_read(
        &mut self,
        rel: &Path,
        parts: &[&[u8]],
        after: Oid,
        current: Oid,
    ) -> Result<PathBuf> {
        let path = self.confined(rel)?;
        let before = Some((Content::Blob(current), crate::fsx::mode_of(&path)));
        self.replace(path, before, &current.to_string(), after, parts)
    }

    /// Journals, then writes, one work-tree file.
    fn replace(
        &mut self,
        path: PathBuf,
        before: Option<(Content, Option<u32>)>,
        before_id: &str,
        after_id: Oid,
        parts: &[&[u8]],
    ) -> Result<PathBuf> {
        // As the caller found it: an editor's save from here on is not written over.
        let since = crate::fsx::seen(&path);
        let named = self.journal_name(&path);
        self.journal_line(&format!("file {before_id} {after_id} {}", named.display()))?;
        let mode = before.as_ref().and_then(|(_, m)| *m);
        self.files.push(FileBefore {
            path: path.clone(),
            before,
            written: None,
            wrote: false,
        });
        // Not synced: the commit's objects hold these bytes (see `fsx`).
        let written =
            crate::fsx::write_atomic_unsynced_via(self.repo.git_dir(), &path, parts, mode, since)?;
        if let Some(f) = self.files.last_mut() {
            f.written = written.map(|id| (id, after_id));
            f.wrote = true;
        }
        Ok(path)
    }

    /// How the journal names a work-tree file: relative to the top of the work tree, so
    /// that a recovery after the project folder was moved still finds it.
    fn journal_name(&self, path: &Path) -> PathBuf {
        self.repo
            .work_tree()
            .and_then(|root| {
                path.strip_prefix(&root)
                    .ok()
                    .or_else(|| path.strip_prefix(root.canonicalize().ok()?).ok())
                    .map(Path::to_owned)
            })
            .unwrap_or_else(|| path.to_owned())
    }

    /// `rel` in the work tree, confined to it (never through a symlink out of it).
    fn confined(&self, rel: &Path) -> Result<PathBuf> {
        let root = self
            .repo
            .work_tree()
            .ok_or_else(|| Error::BareRepository(self.repo.git_dir().to_owned()))?;
        crate::fsx::confine(&root, rel)
    }

    /// Whether the file at `path` is still the very file this transaction wrote there (not
    /// replaced since) with the bytes of `blob`: no need to read it back to know that.
    pub fn holds_written(&self, path: &Path, blob: Oid) -> bool {
        crate::fsx::file_id(path)
            .is_some_and(|now| self.files.iter().any(|f| f.written == Some((now, blob))))
    }

    /// Removes the work-tree file `rel` (a file the transaction's undo must take away again).
    pub fn remove_file(&mut self, rel: &Path) -> Result<()> {
        let path = self.confined(rel)?;
        let Some(before) = crate::fsx::read_regular_optional(&path)? else {
            return Ok(());
        };
        let before_id = self.repo.store_blob(&before)?;
        let named = self.journal_name(&path);
        self.journal_line(&format!("file {before_id} - {}", named.display()))?;
        let mode = crate::fsx::mode_of(&path);
        self.files.push(FileBefore {
            path: path.clone(),
            before: Some((Content::Bytes(before), mode)),
            written: None,
            wrote: false,
        });
        fs::remove_file(&path).map_err(|e| Error::io("remove", &path, e))?;
        if let Some(f) = self.files.last_mut() {
            f.wrote = true;
        }
        Ok(())
    }

    /// Moves ref `name` from `old` (`None`: it must not exist) to `new` (`None`: delete it)
    /// when the transaction commits.
    pub fn move_ref(&mut self, name: &str, old: Option<Oid>, new: Option<Oid>, message: &str) {
        self.refs.push(RefMove {
            name: name.to_owned(),
            old,
            new,
            message: message.to_owned(),
        });
    }

    /// Moves HEAD's branch (or a detached HEAD) from `old` to `new` at commit.
    pub fn move_head(&mut self, old: Oid, new: Oid, message: &str) -> Result<()> {
        let name = self.repo.head_ref_name()?;
        self.move_ref(&name, Some(old), Some(new), message);
        Ok(())
    }

    /// Makes a signal that an `interrupt::Deferred` guard notes before the refs move undo the
    /// transaction ([`Error::Interrupted`] naming `step`): until then git sees nothing of it.
    /// Once they moved only the index rename is left, and the transaction finishes. Checks
    /// at once too: a signal noted while the lock was taken stops it here.
    pub fn undo_on_signal(&mut self, step: &'static str) -> Result<()> {
        self.on_signal = Some(step);
        self.signalled()
    }

    /// `Err(Error::Interrupted)` when [`Txn::undo_on_signal`] asked for it and a signal came.
    fn signalled(&self) -> Result<()> {
        self.on_signal.map_or(Ok(()), crate::interrupt::check)
    }

    /// Applies the rest in the safe order: index into its lock, refs, then the index.
    pub fn commit(mut self) -> Result<()> {
        // What this process read of history is whole: nothing a partial clone could not
        // fetch was taken for absent (dropping `self` undoes the files written).
        self.repo.all_fetched()?;
        failpoint("files-written")?;
        self.signalled()?;
        if self.index_changed {
            let (index, tmp) = self.index.as_mut().expect("changed index is loaded");
            // libgit2 writes `<tmp>.lock` and renames it to `<tmp>`: with the old name gone
            // that rename replaces nothing (a rename over a file costs a forced write-back).
            let _ = fs::remove_file(&**tmp);
            index
                .write()
                .map_err(|e| Error::git("write the new index", e))?;
            let tmp = tmp.to_path_buf();
            // What the lock is about to hold: a kill before `index-staged` leaves it so, and
            // the next relhook knows it for this run's own (not a git's taken since).
            let bytes = fs::read(&tmp).map_err(|e| Error::io("read", &tmp, e))?;
            let filled = left_lock::fingerprint(&bytes);
            self.journal_line(&format!("index-lock {filled}"))?;
            self.lock
                .as_ref()
                .expect("a transaction holds the index lock")
                .fill_from(&tmp, &bytes)?;
            failpoint("index-filled")?;
            let mut staged = String::new();
            for (path, before, after) in &self.entries {
                staged.push_str(&format!(
                    "entry {} {} {}\n",
                    oid_or_dash(*before),
                    oid_or_dash(*after),
                    path.display()
                ));
            }
            staged.push_str("index-staged");
            self.journal_line(&staged)?;
        }
        failpoint("index-staged")?;
        self.signalled()?;
        for r in std::mem::take(&mut self.refs) {
            self.journal_line(&format!(
                "ref {} {} {}",
                oid_or_dash(r.old),
                oid_or_dash(r.new),
                r.name
            ))?;
            self.repo.cas_ref(&r.name, r.old, r.new, &r.message)?;
            self.moved.push(r);
        }
        failpoint("refs-moved")?;
        if let Some(lock) = self.lock.take() {
            if self.index_changed {
                lock.commit()?;
            }
        }
        self.finished = true;
        recovered::remove_journal(&self.journal);
        Ok(())
    }

    /// Undoes everything; returns what could not be undone. A step whose undo failed (a full
    /// disk) keeps the journal, so the next relhook command that writes undoes the rest.
    fn rollback(&mut self) -> Vec<String> {
        let mut failed = Vec::new();
        let mut unfinished = false;
        for r in self.moved.drain(..).rev() {
            if let Err(e) = self.repo.cas_ref(&r.name, r.new, r.old, "relhook: undo") {
                failed.push(format!("{}: {e}", r.name));
                unfinished = true;
            }
        }
        for f in self.files.drain(..).rev() {
            // A write that failed left the file as it was: nothing to undo there.
            if !f.wrote {
                continue;
            }
            // Replaced since relhook wrote it (an editor's save): theirs is left as it is.
            if f.written
                .is_some_and(|(id, _)| crate::fsx::file_id(&f.path) != Some(id))
            {
                failed.push(format!(
                    "left {} as it is now: changed since relhook wrote it",
                    f.path.display()
                ));
                continue;
            }
            let done = match &f.before {
                Some((content, mode)) => {
                    let bytes = match content {
                        Content::Bytes(bytes) => Some(std::borrow::Cow::Borrowed(bytes)),
                        Content::Blob(id) => self.repo.blob_bytes(*id).map(std::borrow::Cow::Owned),
                    };
                    match bytes {
                        Some(b)
                            if crate::fsx::regular_file_holds(&f.path, &b).ok().flatten()
                                == Some(true) =>
                        {
                            Ok(())
                        }
                        Some(b) => {
                            crate::fsx::write_atomic_via(self.repo.git_dir(), &f.path, &b, *mode)
                        }
                        None => Err(Error::io(
                            "restore",
                            &f.path,
                            std::io::Error::new(
                                std::io::ErrorKind::NotFound,
                                "the blob of its old content is missing",
                            ),
                        )),
                    }
                }
                None => match fs::remove_file(&f.path) {
                    Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                        Err(Error::io("remove", &f.path, e))
                    }
                    _ => Ok(()),
                },
            };
            if let Err(e) = done {
                failed.push(e.to_string());
                unfinished = true;
            }
        }
        self.index = None;
        self.lock = None;
        if !unfinished {
            let _ = fs::remove_file(&self.journal);
        }
        failed
    }
}

impl Drop for Txn<'_> {
    fn drop(&mut self) {
        if !self.finished {
            for f in self.rollback().iter().map(|f| crate::printable::visible(f)) {
                let _ = writeln!(std::io::stderr(), "relhook: warning: could not undo: {f}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blobs the caller gives are trusted only for the content they belong to.
    #[test]
    fn write_file_known_records_the_blobs_of_what_is_there() {
        let dir = tempfile::tempdir().unwrap();
        git2::Repository::init(dir.path()).unwrap();
        let repo = crate::git::Repo::open(dir.path()).unwrap();
        let journal = || fs::read_to_string(repo.git_dir().join(JOURNAL)).unwrap();
        let (old, new) = (b"old\n".as_slice(), b"new\n".as_slice());
        let (old_id, new_id) = (repo.hash_blob(old), repo.hash_blob(new));
        let file = Path::new("CHANGELOG.md");
        fs::write(dir.path().join(file), old).unwrap();
        let mut txn = repo.transaction("changelog --sync").unwrap();
        txn.write_file_known(file, new, Some(new_id), Some((old, old_id)))
            .unwrap();
        assert!(
            journal().contains(&format!("file {old_id} {new_id} ")),
            "{}",
            journal()
        );
        // The file now holds `new`, not the `known` content: its own blob is recorded.
        txn.write_file_known(file, old, Some(old_id), Some((old, old_id)))
            .unwrap();
        assert!(
            journal().contains(&format!("file {new_id} {old_id} ")),
            "{}",
            journal()
        );
        txn.commit().unwrap();
        assert_eq!(fs::read(dir.path().join(file)).unwrap(), old);
        assert!(
            repo.blob_bytes(new_id).is_some(),
            "the new content was stored"
        );
    }

    /// A journal that cannot be written (a full disk: `/dev/full` stands in) is refused
    /// with nothing of it left in the git dir, and no lock.
    #[test]
    #[cfg(target_os = "linux")]
    fn a_journal_the_disk_refuses_leaves_nothing_behind() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        crate::git::testing::git(dir, &["init", "-q", "-b", "main"]);
        crate::git::testing::git(dir, &["commit", "-q", "--allow-empty", "-m", "one"]);
        let repo = Repo::open(dir).unwrap();
        let pending = repo
            .git_dir()
            .join(format!("{TMP_PREFIX}journal-{}", std::process::id()));
        std::os::unix::fs::symlink("/dev/full", &pending).unwrap();
        assert!(repo.begin("release", "").is_err());
        assert!(
            pending.symlink_metadata().is_err(),
            "the pending journal stayed"
        );
        assert!(!repo.git_dir().join(JOURNAL).exists());
        assert!(!repo.git_dir().join("index.lock").exists());
    }
}
