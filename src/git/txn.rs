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
//! moved (only the index rename was left), backward otherwise.
//!
//! Test hook: `RELHOOK_TEST_FAILPOINT=<step>` makes the transaction fail (or, with
//! `<step>:pause`, sleep 10 s so a test can kill it) at a named step: `locked`,
//! `files-written`, `index-staged`, `refs-moved`; release and hand-tag add their own names
//! (see `failpoint`). It exists for the fault tests (tests/transaction.rs, tests/kill.rs).

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use git2::Oid;

use super::Repo;
use crate::{Error, Result};

/// The journal's file name in the git dir.
const JOURNAL: &str = "relhook-txn";
/// Prefix of relhook's temporary files in the git dir.
pub use crate::fsx::TMP_PREFIX;
/// What a lock relhook takes holds until relhook fills it (git's own locks never start so).
const LOCK_MARK: &str = "relhook-lock pid ";

fn lock_mark() -> String {
    format!("{LOCK_MARK}{}\n", std::process::id())
}

/// Whether `lock` is a lock a relhook process took and died holding (its pid is gone).
fn stale_relhook_lock(lock: &Path) -> Option<u32> {
    let mut head = [0u8; 64];
    let n = {
        use std::io::Read;
        let mut f = fs::File::open(lock).ok()?;
        f.read(&mut head).ok()?
    };
    let text = std::str::from_utf8(&head[..n]).ok()?;
    let pid: u32 = text.strip_prefix(LOCK_MARK)?.trim_end().parse().ok()?;
    (pid != std::process::id() && !alive(pid)).then_some(pid)
}

/// How long to wait for a lock another process holds: `RELHOOK_LOCK_WAIT_MS`, else 3 s.
pub fn lock_wait() -> Duration {
    let ms = std::env::var("RELHOOK_LOCK_WAIT_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(3000);
    Duration::from_millis(ms.min(60_000))
}

/// Fails (or pauses, for a kill test) at the named step when `RELHOOK_TEST_FAILPOINT` says so.
pub fn failpoint(step: &str) -> Result<()> {
    let Ok(spec) = std::env::var("RELHOOK_TEST_FAILPOINT") else {
        return Ok(());
    };
    for point in spec.split(',') {
        let (name, action) = point.split_once(':').unwrap_or((point, "fail"));
        if name != step {
            continue;
        }
        if action == "pause" {
            let _ = writeln!(std::io::stderr(), "relhook: failpoint {step}: pausing");
            std::thread::sleep(Duration::from_secs(10));
            return Ok(());
        }
        return Err(Error::io(
            "continue at failpoint",
            step,
            std::io::Error::other("RELHOOK_TEST_FAILPOINT"),
        ));
    }
    Ok(())
}

/// `<file>.lock`, held from creation until it is renamed onto the file or removed.
pub struct LockFile {
    target: PathBuf,
    lock: PathBuf,
    held: bool,
}

impl LockFile {
    /// Creates `<target>.lock` exclusively, retrying until `wait` has passed.
    ///
    /// The lock is born holding [`LOCK_MARK`] and this process's id (a marked file hard-linked
    /// into place, which fails when the lock exists, as `O_EXCL` does), so a lock left by a
    /// killed relhook is told from a live git's by its content alone: no window in which a
    /// kill leaves an anonymous lock that every later command would wait for in vain.
    pub fn acquire(target: &Path, wait: Duration) -> Result<LockFile> {
        let mut name = target.as_os_str().to_owned();
        name.push(".lock");
        let lock = PathBuf::from(name);
        let dir = lock.parent().unwrap_or_else(|| Path::new("."));
        let marked = tempfile::Builder::new()
            .prefix(TMP_PREFIX)
            .tempfile_in(dir)
            .map_err(|e| Error::io("create a temporary file in", dir, e))?;
        fs::write(marked.path(), lock_mark().as_bytes())
            .map_err(|e| Error::io("write", marked.path(), e))?;
        let deadline = Instant::now() + wait;
        loop {
            let made = match fs::hard_link(marked.path(), &lock) {
                Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => {
                    // A file system without hard links: create it, then mark it.
                    OpenOptions::new()
                        .write(true)
                        .create_new(true)
                        .open(&lock)
                        .and_then(|mut f| f.write_all(lock_mark().as_bytes()))
                }
                other => other,
            };
            match made {
                Ok(()) => {
                    return Ok(LockFile {
                        target: target.to_owned(),
                        lock,
                        held: true,
                    });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    if Instant::now() >= deadline {
                        return Err(Error::Locked {
                            path: lock,
                            waited_ms: u64::try_from(wait.as_millis()).unwrap_or(u64::MAX),
                        });
                    }
                    std::thread::sleep(Duration::from_millis(10));
                }
                Err(e) => return Err(Error::io("create", &lock, e)),
            }
        }
    }

    /// The lock file's path.
    pub fn path(&self) -> &Path {
        &self.lock
    }

    /// Makes the lock hold `complete` (a finished file, renamed into place).
    fn fill_from(&self, complete: &Path) -> Result<()> {
        fs::rename(complete, &self.lock).map_err(|e| Error::io("write", &self.lock, e))
    }

    /// Renames the lock onto its file: the new content becomes visible and the lock is free.
    fn commit(mut self) -> Result<()> {
        fs::rename(&self.lock, &self.target).map_err(|e| Error::io("replace", &self.target, e))?;
        self.held = false;
        Ok(())
    }
}

impl Drop for LockFile {
    fn drop(&mut self) {
        if self.held {
            let _ = fs::remove_file(&self.lock);
        }
    }
}

/// A work-tree file as it was before the transaction wrote it.
struct FileBefore {
    path: PathBuf,
    before: Option<(Vec<u8>, Option<u32>)>,
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
    lock: Option<LockFile>,
    index: Option<(git2::Index, tempfile::TempPath)>,
    index_changed: bool,
    files: Vec<FileBefore>,
    refs: Vec<RefMove>,
    moved: Vec<RefMove>,
    finished: bool,
}

impl Repo {
    /// Starts a transaction: finishes or undoes a killed one, then locks the index.
    pub fn transaction(&self, what: &str) -> Result<Txn<'_>> {
        recover(self)?;
        let index_path = self.index_path()?;
        let journal = self.git_dir().join(JOURNAL);
        let head = format!(
            "relhook transaction\npid {}\nwhat {what}\nindex {}\n",
            std::process::id(),
            index_path.display()
        );
        // The journal is whole on disk before the lock exists and takes its name (one rename)
        // right after the lock is taken: a kill leaves no lock, or a lock its journal names
        // (the next relhook removes it), never a lock with no or half a journal, which no one
        // could tell from a live git's and every later command would wait for in vain.
        let pending = self
            .git_dir()
            .join(format!("{TMP_PREFIX}journal-{}", std::process::id()));
        fs::write(&pending, head.as_bytes()).map_err(|e| Error::io("write", &pending, e))?;
        let lock = match LockFile::acquire(&index_path, lock_wait()) {
            Ok(lock) => lock,
            Err(e) => {
                let _ = fs::remove_file(&pending);
                return Err(e);
            }
        };
        if fs::rename(&pending, &journal).is_err() {
            // Another relhook's recovery swept the pending file away: write it in place.
            fs::write(&journal, head.as_bytes()).map_err(|e| Error::io("write", &journal, e))?;
        }
        let txn = Txn {
            repo: self,
            journal,
            lock: Some(lock),
            index: None,
            index_changed: false,
            files: Vec::new(),
            refs: Vec::new(),
            moved: Vec::new(),
            finished: false,
        };
        failpoint("locked")?;
        Ok(txn)
    }

    /// Waits (a bounded time) until no process holds the index lock; nothing is taken.
    ///
    /// It only watches the lock file: taking the lock to test it would leave a lock that
    /// nothing removes if relhook were killed while holding it.
    pub fn wait_for_index_lock(&self) -> Result<()> {
        let mut name = self.index_path()?.into_os_string();
        name.push(".lock");
        let lock = PathBuf::from(name);
        let wait = lock_wait();
        let deadline = Instant::now() + wait;
        while lock.exists() {
            if Instant::now() >= deadline {
                return Err(Error::Locked {
                    path: lock,
                    waited_ms: u64::try_from(wait.as_millis()).unwrap_or(u64::MAX),
                });
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        Ok(())
    }

    /// The index file git uses here (`GIT_INDEX_FILE` honoured for hooks).
    fn index_path(&self) -> Result<PathBuf> {
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
        let mut f = OpenOptions::new()
            .append(true)
            .open(&self.journal)
            .map_err(|e| Error::io("write", &self.journal, e))?;
        // No fsync: the journal guards against a killed process, whose writes the kernel
        // keeps in order; git itself does not fsync its lock files by default either.
        f.write_all(line.as_bytes())
            .and_then(|()| f.write_all(b"\n"))
            .map_err(|e| Error::io("write", &self.journal, e))
    }

    /// The index as it is on disk, loaded once under the lock (a copy is edited).
    fn index(&mut self) -> Result<&mut git2::Index> {
        if self.index.is_none() {
            let lock = self
                .lock
                .as_ref()
                .expect("a transaction holds the index lock");
            let real = lock.target.clone();
            let tmp = tempfile::Builder::new()
                .prefix(TMP_PREFIX)
                .tempfile_in(self.repo.git_dir())
                .map_err(|e| Error::io("create a temporary file in", self.repo.git_dir(), e))?
                .into_temp_path();
            match fs::copy(&real, &tmp) {
                Ok(_) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    let _ = fs::remove_file(&tmp);
                }
                Err(e) => return Err(Error::io("read", &real, e)),
            }
            let index = git2::Index::open(&tmp).map_err(|e| Error::git("read the index", e))?;
            self.index = Some((index, tmp));
        }
        Ok(&mut self.index.as_mut().expect("just loaded").0)
    }

    /// The staged blob and mode of `path` (stage 0), if any.
    pub fn staged(&mut self, path: &Path) -> Result<Option<(Oid, u32)>> {
        let index = self.index()?;
        Ok(index.get_path(path, 0).map(|e| (e.id, e.mode)))
    }

    /// Stages `blob` as `path`; the entry's file data is taken from `file` when it holds
    /// exactly that content (so `git status` need not re-read it).
    pub fn stage(&mut self, path: &Path, blob: Oid, mode: u32, file: Option<&Path>) -> Result<()> {
        let stat = file.and_then(|f| fs::metadata(f).ok());
        let index = self.index()?;
        let mut entry = index.get_path(path, 0).unwrap_or(git2::IndexEntry {
            ctime: git2::IndexTime::new(0, 0),
            mtime: git2::IndexTime::new(0, 0),
            dev: 0,
            ino: 0,
            mode,
            uid: 0,
            gid: 0,
            file_size: 0,
            id: blob,
            flags: 0,
            flags_extended: 0,
            path: path.to_string_lossy().as_bytes().to_vec(),
        });
        entry.id = blob;
        entry.mode = mode;
        entry.file_size = 0;
        #[cfg(unix)]
        if let Some(m) = stat {
            use std::os::unix::fs::MetadataExt;
            let t = |s: i64, ns: i64| {
                git2::IndexTime::new(
                    i32::try_from(s).unwrap_or(0),
                    u32::try_from(ns).unwrap_or(0),
                )
            };
            entry.ctime = t(m.ctime(), m.ctime_nsec());
            entry.mtime = t(m.mtime(), m.mtime_nsec());
            entry.dev = u32::try_from(m.dev() & 0xffff_ffff).unwrap_or(0);
            entry.ino = u32::try_from(m.ino() & 0xffff_ffff).unwrap_or(0);
            entry.uid = m.uid();
            entry.gid = m.gid();
            entry.file_size = u32::try_from(m.size()).unwrap_or(0);
        }
        #[cfg(not(unix))]
        let _ = stat;
        index
            .add(&entry)
            .map_err(|e| Error::git(format!("stage {}", path.display()), e))?;
        self.index_changed = true;
        Ok(())
    }

    /// Puts `path`'s index entry back to `entry` (or removes it when `None`).
    pub fn restage(&mut self, path: &Path, entry: Option<(Oid, u32)>) -> Result<()> {
        match entry {
            Some((blob, mode)) => self.stage(path, blob, mode, None),
            None => {
                let index = self.index()?;
                if index.get_path(path, 0).is_some() {
                    index
                        .remove_path(path)
                        .map_err(|e| Error::git(format!("unstage {}", path.display()), e))?;
                }
                self.index_changed = true;
                Ok(())
            }
        }
    }

    /// Writes the staged index as a tree.
    pub fn write_tree(&mut self) -> Result<Oid> {
        let repo = self.repo;
        let index = self.index()?;
        index
            .write_tree_to(&repo.inner)
            .map_err(|e| Error::git("write the tree", e))
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
        let root = self
            .repo
            .work_tree()
            .ok_or_else(|| Error::BareRepository(self.repo.git_dir().to_owned()))?;
        let path = crate::fsx::confine(&root, rel)?;
        let before =
            crate::fsx::read_regular_optional(&path)?.map(|b| (b, crate::fsx::mode_of(&path)));
        let before_id = match (&before, known) {
            (Some((b, _)), Some((k, id))) if b.as_slice() == k => id.to_string(),
            (Some((b, _)), _) => self.repo.write_blob(b)?.to_string(),
            (None, _) => "-".to_owned(),
        };
        let after_id = match after {
            Some(id) => id,
            None => self.repo.write_blob(bytes)?,
        };
        self.journal_line(&format!("file {before_id} {after_id} {}", path.display()))?;
        let mode = before.as_ref().and_then(|(_, m)| *m);
        self.files.push(FileBefore {
            path: path.clone(),
            before,
        });
        crate::fsx::write_atomic_via(self.repo.git_dir(), &path, bytes, mode)?;
        Ok(path)
    }

    /// Removes the work-tree file `rel` (a file the transaction's undo must take away again).
    pub fn remove_file(&mut self, rel: &Path) -> Result<()> {
        let root = self
            .repo
            .work_tree()
            .ok_or_else(|| Error::BareRepository(self.repo.git_dir().to_owned()))?;
        let path = crate::fsx::confine(&root, rel)?;
        let Some(before) = crate::fsx::read_regular_optional(&path)? else {
            return Ok(());
        };
        let before_id = self.repo.write_blob(&before)?;
        self.journal_line(&format!("file {before_id} - {}", path.display()))?;
        let mode = crate::fsx::mode_of(&path);
        self.files.push(FileBefore {
            path: path.clone(),
            before: Some((before, mode)),
        });
        fs::remove_file(&path).map_err(|e| Error::io("remove", &path, e))
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

    /// Applies the rest in the safe order: index into its lock, refs, then the index.
    pub fn commit(mut self) -> Result<()> {
        failpoint("files-written")?;
        if self.index_changed {
            let (index, tmp) = self.index.as_mut().expect("changed index is loaded");
            index
                .write()
                .map_err(|e| Error::git("write the new index", e))?;
            let tmp: &Path = tmp;
            self.lock
                .as_ref()
                .expect("a transaction holds the index lock")
                .fill_from(tmp)?;
            self.journal_line("index-staged")?;
        }
        failpoint("index-staged")?;
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
        let _ = fs::remove_file(&self.journal);
        Ok(())
    }

    /// Undoes everything; returns what could not be undone.
    fn rollback(&mut self) -> Vec<String> {
        let mut failed = Vec::new();
        for r in self.moved.drain(..).rev() {
            if let Err(e) = self.repo.cas_ref(&r.name, r.new, r.old, "relhook: undo") {
                failed.push(format!("{}: {e}", r.name));
            }
        }
        for f in self.files.drain(..).rev() {
            let done = match &f.before {
                Some((bytes, mode)) => {
                    crate::fsx::write_atomic_via(self.repo.git_dir(), &f.path, bytes, *mode)
                }
                None => fs::remove_file(&f.path).map_err(|e| Error::io("remove", &f.path, e)),
            };
            if let Err(e) = done {
                failed.push(e.to_string());
            }
        }
        self.index = None;
        self.lock = None;
        let _ = fs::remove_file(&self.journal);
        failed
    }
}

impl Drop for Txn<'_> {
    fn drop(&mut self) {
        if !self.finished {
            for f in self.rollback() {
                let _ = writeln!(std::io::stderr(), "relhook: warning: could not undo: {f}");
            }
        }
    }
}

fn oid_or_dash(o: Option<Oid>) -> String {
    o.map_or_else(|| "-".to_owned(), |o| o.to_string())
}

fn parse_oid(s: &str) -> Option<Option<Oid>> {
    if s == "-" {
        Some(None)
    } else {
        Oid::from_str(s).ok().map(Some)
    }
}

/// Whether process `pid` is alive.
fn alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // SAFETY: kill with signal 0 only checks that the process exists.
        let r = unsafe { libc::kill(pid, 0) };
        r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// What a killed transaction's journal says.
#[derive(Debug, Default)]
struct Journal {
    pid: u32,
    what: String,
    index: Option<PathBuf>,
    staged: bool,
    files: Vec<(Option<Oid>, Option<Oid>, PathBuf)>,
    refs: Vec<(Option<Oid>, Option<Oid>, String)>,
}

fn parse_journal(text: &str) -> Journal {
    let mut j = Journal::default();
    for line in text.lines() {
        let (key, rest) = line.split_once(' ').unwrap_or((line, ""));
        match key {
            "pid" => j.pid = rest.parse().unwrap_or(0),
            "what" => rest.clone_into(&mut j.what),
            "index" => j.index = Some(PathBuf::from(rest)),
            "index-staged" => j.staged = true,
            "file" => {
                let mut p = rest.splitn(3, ' ');
                if let (Some(Some(b)), Some(Some(a)), Some(path)) =
                    (p.next().map(parse_oid), p.next().map(parse_oid), p.next())
                {
                    j.files.push((b, a, PathBuf::from(path)));
                }
            }
            "ref" => {
                let mut p = rest.splitn(3, ' ');
                if let (Some(Some(o)), Some(Some(n)), Some(name)) =
                    (p.next().map(parse_oid), p.next().map(parse_oid), p.next())
                {
                    j.refs.push((o, n, name.to_owned()));
                }
            }
            _ => {}
        }
    }
    j
}

/// Finishes or undoes a transaction whose process died. Returns what was done, or `None`
/// when there was nothing to recover (or its process is still running).
pub fn recover(repo: &Repo) -> Result<Option<String>> {
    let journal = repo.git_dir().join(JOURNAL);
    let Some(bytes) = crate::fsx::read_optional(&journal)? else {
        // Killed after taking the lock, before its journal took its name: the lock's mark
        // says whose it is.
        let mut lock = repo.index_path()?.into_os_string();
        lock.push(".lock");
        let lock = PathBuf::from(lock);
        let Some(pid) = stale_relhook_lock(&lock) else {
            return Ok(None);
        };
        fs::remove_file(&lock).map_err(|e| Error::io("remove", &lock, e))?;
        clean_temporaries(repo.git_dir());
        return Ok(Some(format!(
            "removed the index lock an interrupted relhook (pid {pid}) left"
        )));
    };
    let j = parse_journal(&String::from_utf8_lossy(&bytes));
    if j.pid != 0 && j.pid != std::process::id() && alive(j.pid) {
        return Ok(None);
    }
    let lock = j.index.as_ref().map(|i| {
        let mut n = i.as_os_str().to_owned();
        n.push(".lock");
        PathBuf::from(n)
    });
    // Forward when every ref reached its new value: only the index rename was left.
    let forward = !j.refs.is_empty()
        && j.refs
            .iter()
            .all(|(_, new, name)| repo.ref_target(name) == *new);
    let what = if forward {
        if let (true, Some(lock), Some(index)) = (j.staged, &lock, &j.index) {
            if lock.exists() {
                fs::rename(lock, index).map_err(|e| Error::io("replace", index, e))?;
            }
        }
        format!(
            "finished an interrupted {} (its commit was made; the index is now updated)",
            j.what
        )
    } else {
        for (old, new, name) in j.refs.iter().rev() {
            if repo.ref_target(name) == *new {
                repo.cas_ref(name, *new, *old, "relhook: undo an interrupted transaction")?;
            }
        }
        for (before, after, path) in j.files.iter().rev() {
            let now = crate::fsx::read_optional(path)?;
            let now_id = now.as_deref().map(|b| repo.hash_blob(b));
            if now_id != *after {
                continue; // changed since: leave it as it is now
            }
            match before {
                Some(b) => {
                    if let Some(bytes) = repo.blob_bytes(*b) {
                        crate::fsx::write_atomic_via(repo.git_dir(), path, &bytes, None)?;
                    }
                }
                None => fs::remove_file(path).map_err(|e| Error::io("remove", path, e))?,
            }
        }
        if let Some(lock) = &lock {
            let _ = fs::remove_file(lock);
        }
        format!("undid an interrupted {} (nothing of it remains)", j.what)
    };
    clean_temporaries(repo.git_dir());
    fs::remove_file(&journal).map_err(|e| Error::io("remove", &journal, e))?;
    Ok(Some(what))
}

/// Removes relhook's temporary files left in the git dir by a killed process.
fn clean_temporaries(git_dir: &Path) {
    if let Ok(entries) = fs::read_dir(git_dir) {
        for e in entries.flatten() {
            if e.file_name().to_string_lossy().starts_with(TMP_PREFIX) {
                let _ = fs::remove_file(e.path());
            }
        }
    }
}

/// Whether a transaction journal is present (for `doctor`): its description.
pub fn pending(repo: &Repo) -> Option<String> {
    let bytes = fs::read(repo.git_dir().join(JOURNAL)).ok()?;
    let j = parse_journal(&String::from_utf8_lossy(&bytes));
    Some(if alive(j.pid) {
        format!("a relhook {} is running (pid {})", j.what, j.pid)
    } else {
        format!(
            "a relhook {} was interrupted (pid {} is gone); the next relhook command finishes or undoes it",
            j.what, j.pid
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_is_exclusive_and_bounded() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("index");
        let held = LockFile::acquire(&target, Duration::from_millis(0)).unwrap();
        let t = Instant::now();
        let err = LockFile::acquire(&target, Duration::from_millis(100)).err();
        assert!(matches!(err, Some(Error::Locked { .. })), "{err:?}");
        assert!(t.elapsed() >= Duration::from_millis(100));
        drop(held);
        assert!(
            !dir.path().join("index.lock").exists(),
            "dropped lock removed"
        );
        let again = LockFile::acquire(&target, Duration::from_millis(0)).unwrap();
        let tmp = dir.path().join("new");
        fs::write(&tmp, "content").unwrap();
        again.fill_from(&tmp).unwrap();
        again.commit().unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "content");
        assert!(!dir.path().join("index.lock").exists());
    }

    /// A lock is marked from birth: one whose relhook died is recognised, a live one is not,
    /// and git's own (unmarked) lock never is.
    #[test]
    fn a_dead_relhooks_lock_is_told_from_a_live_one() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("index");
        let held = LockFile::acquire(&target, Duration::from_millis(0)).unwrap();
        let lock = held.path().to_owned();
        assert!(fs::read_to_string(&lock).unwrap().starts_with(LOCK_MARK));
        assert_eq!(stale_relhook_lock(&lock), None, "our own lock is not stale");
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with(TMP_PREFIX))
            .collect();
        assert!(leftovers.is_empty(), "the marked file is removed");
        drop(held);
        // A pid that cannot be alive.
        fs::write(&lock, format!("{LOCK_MARK}{}\n", i32::MAX)).unwrap();
        assert_eq!(stale_relhook_lock(&lock), Some(i32::MAX as u32));
        fs::write(&lock, "DIRC\0\0\0\x02").unwrap();
        assert_eq!(stale_relhook_lock(&lock), None, "git's lock is never ours");
        fs::write(&lock, "").unwrap();
        assert_eq!(stale_relhook_lock(&lock), None);
    }

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
        let mut txn = repo.transaction("test").unwrap();
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

    #[test]
    fn journal_round_trips() {
        let a = "a".repeat(40);
        let b = "b".repeat(40);
        let j = parse_journal(&format!(
            "relhook transaction\npid 42\nwhat post-commit\nindex /r/.git/index\nfile - {a} /r/CHANGE LOG.md\nindex-staged\nref {a} {b} refs/heads/main\n"
        ));
        assert_eq!(j.pid, 42);
        assert!(j.staged);
        assert_eq!(j.files[0].2, PathBuf::from("/r/CHANGE LOG.md"));
        assert_eq!(j.files[0].0, None);
        assert_eq!(j.refs[0].2, "refs/heads/main");
    }
}
