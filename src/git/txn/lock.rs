//! `<file>.lock`, git's lock protocol: taken exclusively with a bounded wait, born marked with
//! relhook's pid so a lock left by a killed relhook is told from a live git's, renamed onto
//! its file to publish it. Also whether a process is alive.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::writer::{is_writer, own_start_time};
use crate::{Error, Result};

/// What a lock relhook takes holds until relhook fills it (git's own locks never start so).
const LOCK_MARK: &str = "relhook-lock pid ";

/// The mark with this process's start time after its pid (`relhook-lock pid N started T`),
/// so a later process given the same pid is not taken for the lock's relhook.
fn lock_mark() -> String {
    let started = own_start_time().map_or_else(String::new, |t| format!(" started {t}"));
    format!("{LOCK_MARK}{}{started}\n", std::process::id())
}

/// Whether `lock` is a lock a relhook process took and died holding: its pid is gone, a
/// zombie, or another process (another start time). An older relhook's mark has no start
/// time: a live process with its pid is taken for it.
pub(super) fn stale_relhook_lock(lock: &Path) -> Option<u32> {
    let mut head = [0u8; 64];
    let n = {
        use std::io::Read;
        let mut f = fs::File::open(lock).ok()?;
        f.read(&mut head).ok()?
    };
    let text = std::str::from_utf8(&head[..n]).ok()?;
    let mut words = text.strip_prefix(LOCK_MARK)?.split_whitespace();
    let pid: u32 = words.next()?.parse().ok()?;
    let started = match (words.next(), words.next()) {
        (Some("started"), Some(t)) => Some(t.parse().ok()?),
        (None, _) => None,
        _ => return None,
    };
    (pid != std::process::id() && !is_writer(pid, started)).then_some(pid)
}

/// Whether a file begins with relhook's lock mark (a live lock's or a dead one's).
pub(super) fn holds_mark(file: &Path) -> bool {
    let mut head = [0u8; 32];
    let n = {
        use std::io::Read;
        fs::File::open(file)
            .and_then(|mut f| f.read(&mut head))
            .unwrap_or(0)
    };
    head[..n].starts_with(LOCK_MARK.as_bytes())
}

/// How long to wait for a lock another process holds: `RELHOOK_LOCK_WAIT_MS`, else 3 s.
pub fn lock_wait() -> Duration {
    let ms = std::env::var("RELHOOK_LOCK_WAIT_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(3000);
    Duration::from_millis(ms.min(60_000))
}

/// `<file>.lock`, held from creation until it is renamed onto the file or removed.
pub struct LockFile {
    pub(super) target: PathBuf,
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
            .prefix(&crate::fsx::tmp_prefix())
            .tempfile_in(dir)
            .map_err(|e| Error::io("create a temporary file in", dir, e))?;
        marked
            .as_file()
            .write_all(lock_mark().as_bytes())
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
                        return Err(Error::locked(lock, wait));
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

    /// Makes the lock hold `complete` (a finished file, which is used up). A small file is
    /// written into the lock itself: renaming a file over another costs file systems a forced
    /// write-back (ext4's `auto_da_alloc`), and the lock is renamed over the index anyway. A
    /// large one is renamed into place, which copies nothing. `bytes` are `complete`'s
    /// content, which the caller has already read: it is not read again.
    pub(super) fn fill_from(&self, complete: &Path, bytes: &[u8]) -> Result<()> {
        const COPY_BELOW: u64 = 1 << 20;
        // The file it replaces keeps its permissions (git gives a shared repository's index
        // 0660), else those the new file was given; the lock was born a private file.
        let perms = fs::metadata(&self.target)
            .or_else(|_| fs::metadata(complete))
            .map_err(|e| Error::io("read", complete, e))?
            .permissions();
        if bytes.len() as u64 >= COPY_BELOW {
            fs::set_permissions(complete, perms).map_err(|e| Error::io("write", complete, e))?;
            return fs::rename(complete, &self.lock).map_err(|e| Error::io("write", &self.lock, e));
        }
        fs::set_permissions(&self.lock, perms).map_err(|e| Error::io("write", &self.lock, e))?;
        // Not truncated first (a truncated file is written back at once on close): `set_len`
        // below cuts what a mark longer than the new content would leave.
        let mut lock = OpenOptions::new()
            .write(true)
            .open(&self.lock)
            .map_err(|e| Error::io("write", &self.lock, e))?;
        lock.write_all(bytes)
            .and_then(|()| lock.set_len(bytes.len() as u64))
            .map_err(|e| Error::io("write", &self.lock, e))?;
        let _ = fs::remove_file(complete);
        Ok(())
    }

    /// Renames the lock onto its file: the new content becomes visible and the lock is free.
    pub(super) fn commit(mut self) -> Result<()> {
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

/// Whether process `pid` has exited but not been reaped (Linux's /proc; elsewhere, no).
#[cfg(unix)]
fn zombie(pid: libc::pid_t) -> bool {
    // `pid (comm) S ...`: the state follows the last `)` (comm may hold one).
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| {
            let after = &stat[stat.rfind(')')? + 1..];
            after.split_whitespace().next().map(|s| s == "Z")
        })
        .unwrap_or(false)
}

/// Whether process `pid` is alive.
pub fn alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // SAFETY: kill with signal 0 only checks that the process exists.
        let r = unsafe { libc::kill(pid, 0) };
        let exists = r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM);
        // A killed process whose parent has not reaped it yet (a zombie) still answers
        // kill(0), for a moment or, under an init that reaps late, for good.
        exists && !zombie(pid)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// Removes from `dir` the temporary files of `fsx`'s atomic writes whose process is gone
/// (`alive` says which pids still run): a relhook killed in the middle of an atomic write left
/// them there, beside the hooks, in a folder the team commits, at the top of the work tree.
/// Others' files stay.
pub fn sweep_beside(dir: &Path, alive: impl Fn(u32) -> bool) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let pid = name
            .to_str()
            .and_then(|n| n.strip_prefix(crate::fsx::BESIDE_PREFIX))
            .and_then(|rest| rest.split_once('-'))
            .and_then(|(pid, _)| pid.parse::<u32>().ok());
        let ours_gone = pid.is_some_and(|p| p != std::process::id() && !alive(p));
        if ours_gone && e.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_killed_writer_s_temporary_is_swept_and_no_other_file() {
        let dir = tempfile::tempdir().unwrap();
        let names = [
            ".relhook-4242-abcdef",
            ".relhook-4243-abcdef",
            ".relhook-orig",
            ".relhook-xyz-abcdef",
            "commit-msg.relhook-orig",
        ];
        for name in names {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let mine = format!(".relhook-{}-abcdef", std::process::id());
        std::fs::write(dir.path().join(&mine), "x").unwrap();
        sweep_beside(dir.path(), |pid| pid == 4243);
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        let mut want = vec![
            mine,
            ".relhook-4243-abcdef".to_owned(),
            ".relhook-orig".to_owned(),
            ".relhook-xyz-abcdef".to_owned(),
            "commit-msg.relhook-orig".to_owned(),
        ];
        want.sort();
        assert_eq!(left, want);
    }

    /// A child that has exited but is not waited for yet is a zombie: dead to relhook.
    #[cfg(target_os = "linux")]
    #[test]
    fn an_unreaped_process_is_not_alive() {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        let deadline = Instant::now() + Duration::from_secs(5);
        while !zombie(pid as libc::pid_t) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(!alive(pid), "exited, not reaped");
        child.wait().unwrap();
        assert!(alive(std::process::id()));
    }

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
        again.fill_from(&tmp, b"content").unwrap();
        assert!(!tmp.exists(), "the filling file is used up");
        again.commit().unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "content");
        assert!(!dir.path().join("index.lock").exists());
        // The index keeps its own permissions, not the private lock's.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&target, fs::Permissions::from_mode(0o660)).unwrap();
            let held = LockFile::acquire(&target, Duration::from_millis(0)).unwrap();
            fs::write(&tmp, "shared").unwrap();
            fs::set_permissions(&tmp, fs::Permissions::from_mode(0o644)).unwrap();
            held.fill_from(&tmp, b"shared").unwrap();
            held.commit().unwrap();
            let mode = fs::metadata(&target).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o660);
        }
        // Longer than the mark, and large enough to be renamed: the same result.
        for len in [4000, (1 << 20) + 1] {
            let held = LockFile::acquire(&target, Duration::from_millis(0)).unwrap();
            let body = "x".repeat(len);
            fs::write(&tmp, &body).unwrap();
            held.fill_from(&tmp, body.as_bytes()).unwrap();
            held.commit().unwrap();
            assert_eq!(fs::read_to_string(&target).unwrap(), body);
        }
    }

    /// A small file's bytes the caller already read are what the lock gets: the file is
    /// not read a second time (its content changed on disk since stands for that read).
    #[test]
    fn a_small_fill_writes_the_bytes_given_without_reading_the_file_again() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("index");
        let held = LockFile::acquire(&target, Duration::from_millis(0)).unwrap();
        let tmp = dir.path().join("new");
        fs::write(&tmp, "on disk").unwrap();
        held.fill_from(&tmp, b"read before").unwrap();
        assert!(!tmp.exists(), "the filling file is used up");
        held.commit().unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "read before");
    }

    /// A lock is marked from birth: one whose relhook died is recognised, a live one is not,
    /// and git's own (unmarked) lock never is.
    #[test]
    fn a_dead_relhooks_lock_is_told_from_a_live_one() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("index");
        let held = LockFile::acquire(&target, Duration::from_millis(0)).unwrap();
        let lock = held.path().to_owned();
        let mark = fs::read_to_string(&lock).unwrap();
        assert!(mark.starts_with(LOCK_MARK));
        #[cfg(target_os = "linux")]
        assert!(mark.contains(" started "), "{mark}");
        assert_eq!(stale_relhook_lock(&lock), None, "our own lock is not stale");
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with(crate::fsx::TMP_PREFIX)
            })
            .collect();
        assert!(leftovers.is_empty(), "the marked file is removed");
        drop(held);
        // A pid that cannot be alive.
        fs::write(&lock, format!("{LOCK_MARK}{}\n", i32::MAX)).unwrap();
        assert_eq!(stale_relhook_lock(&lock), Some(i32::MAX as u32));
        // A live process is the lock's relhook only with the start time the mark records.
        #[cfg(target_os = "linux")]
        {
            let mut child = std::process::Command::new("sleep")
                .arg("30")
                .spawn()
                .unwrap();
            let pid = child.id();
            let started = super::super::writer::start_time(&pid.to_string()).unwrap();
            fs::write(&lock, format!("{LOCK_MARK}{pid} started {started}\n")).unwrap();
            assert_eq!(stale_relhook_lock(&lock), None, "its writer runs");
            fs::write(&lock, format!("{LOCK_MARK}{pid} started {}\n", started + 1)).unwrap();
            assert_eq!(stale_relhook_lock(&lock), Some(pid), "another process");
            let _ = child.kill();
            let _ = child.wait();
        }
        fs::write(&lock, "DIRC\0\0\0\x02").unwrap();
        assert_eq!(stale_relhook_lock(&lock), None, "git's lock is never ours");
        fs::write(&lock, "").unwrap();
        assert_eq!(stale_relhook_lock(&lock), None);
    }
}
