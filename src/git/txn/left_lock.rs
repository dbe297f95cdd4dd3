//! The index lock found beside a killed transaction's journal when it is not that run's own:
//! made before the run began, or after it stopped (someone removed its lock, as git advises,
//! and another git took one), or of a time a copy of the repository (`cp -a`) cannot place.
//! No recovery removes or renames such a lock, which a running git may hold: the recovery
//! waits for it a bounded time, then names the one command.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use git2::Oid;

use super::journal::{Journal, Pending, named};
use super::lock::{alive, holds_mark, lock_wait, stale_relhook_lock};
use crate::git::Repo;
use crate::git::blob::blob_oid;
use crate::{Error, Result};

/// Why `lock` (beside the journal `journal` of a killed run) is not that run's own, if it
/// is not. The run's own is marked with its pid, holds what the journal says the run was
/// filling it with (`filled`: killed before its next line), or was written between the
/// journal's creation (the journal is whole before the lock is taken) and its last line.
pub(super) fn foreign(lock: &Path, journal: &Path, filled: Option<Oid>) -> Option<&'static str> {
    let made = fs::symlink_metadata(lock).ok()?.modified().ok()?;
    if stale_relhook_lock(lock).is_some() {
        return None;
    }
    // The whole index it was writing: no git writes those bytes (their stat data and
    // checksum) into a lock taken since.
    // (An older relhook's journal names the lock's content by its blob id.)
    if let Some(filled) = filled
        && fs::read(lock).is_ok_and(|b| fingerprint(&b) == filled || blob_oid(&b) == filled)
    {
        return None;
    }
    if holds_mark(lock) {
        return Some("a running relhook holds it");
    }
    let journal = fs::metadata(journal).ok()?;
    let last = journal.modified().ok();
    if last.is_some_and(|last| made > last) {
        return Some("it was made after that run stopped");
    }
    match journal.created() {
        // Born after its last line: a copy that kept the files' times (`cp -a`, rsync, a
        // backup put back), whose birth is the copy's, not the run's start.
        Ok(born) if last.is_some_and(|last| born > last) => Some(COPIED),
        Ok(start) if made < start => Some("it is older than that run's start"),
        _ => None,
    }
}

/// What a journal's `index-lock` line names the index a run fills its lock with: the checksum
/// an index file ends with (the SHA-1 of the rest, which libgit2 and git compute as they
/// write it), read rather than hashed again; the blob id of the bytes where the file ends with
/// none (git's `index.skipHash` writes zeros) or is too short to be an index.
pub(super) fn fingerprint(index: &[u8]) -> Oid {
    let trailer = index
        .len()
        .checked_sub(20)
        .filter(|&at| at >= 12)
        .and_then(|at| Oid::from_bytes(&index[at..]).ok())
        .filter(|id| !id.is_zero());
    trailer.unwrap_or_else(|| blob_oid(index))
}

/// Why a lock beside the journal of a run killed in a repository copied since is not known
/// for that run's own.
pub(super) const COPIED: &str = "it holds neither that run's mark nor the index it was writing, and the repository was copied since that run, so no file time tells when the lock was made";

/// `<index>.lock`, the lock every transaction takes first.
pub(in crate::git) fn lock_of(index: &Path) -> PathBuf {
    let mut lock = index.as_os_str().to_owned();
    lock.push(".lock");
    PathBuf::from(lock)
}

/// The command that removes `lock` and then finishes or undoes the killed run `j`.
pub(super) fn fix(repo: &Repo, j: &Journal, lock: &Path) -> String {
    let path = lock.display().to_string().replace('\'', "'\\''");
    format!("rm '{path}' && {}", finishing(repo, j))
}

/// The command that finishes or undoes the killed run `j`: a release that moved its branch
/// has its commit, and only its resume makes its tag too (doctor names the same).
pub(super) fn finishing(repo: &Repo, j: &Journal) -> String {
    if j.what == "release" && j.moved_forward(repo) {
        j.advised(crate::resume_advice::command)
    } else {
        j.sync_command().to_owned()
    }
}

/// For a release `j` killed before its commit: the release command that undoes it and makes
/// that release again (its `finishing` command only undoes it).
pub(super) fn remade(repo: &Repo, j: &Journal) -> Option<String> {
    (j.what == "release" && !j.moved_forward(repo)).then(|| {
        let asked = j.ran_with.asked.clone().unwrap_or_default();
        j.advised(|| crate::resume_advice::release_asked(&asked))
    })
}

/// Waits (a bounded time) for a lock that is not the killed run's own to go, as a running
/// git's does; one that stays is refused with the command that removes it.
pub(super) fn wait_or_refuse(repo: &Repo, j: &Journal, lock: &Path, journal: &Path) -> Result<()> {
    let deadline = Instant::now() + lock_wait();
    while let Some(why) = foreign(lock, journal, j.filled) {
        if Instant::now() >= deadline {
            return Err(Error::ForeignIndexLock {
                path: lock.to_owned(),
                pid: j.pid,
                what: j.what.clone(),
                why: why.to_owned(),
                fix: fix(repo, j, lock),
            });
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    Ok(())
}

/// Doctor's line for a killed run `j` with another's index lock beside it: both are said,
/// and the one command that removes the lock and then recovers.
pub(super) fn pending(repo: &Repo, j: &Journal, journal: &Path) -> Option<Pending> {
    let lock = lock_of(&named(Some(repo.git_dir()), j.index.as_deref()?));
    let why = foreign(&lock, journal, j.filled)?;
    Some(Pending {
        said: format!(
            "a relhook {} was interrupted (pid {} {}), and {} is not its lock ({why}): relhook finishes or undoes it once that lock is gone, which git needs too",
            j.what,
            j.pid,
            gone(j.pid),
            lock.display()
        ),
        fix: fix(repo, j, &lock),
        running: false,
        remade: None,
    })
}

/// How the pid of a relhook that is no longer running is said: a live pid that is not its
/// writer is reused, or the killed relhook unreaped.
pub(super) fn gone(pid: u32) -> &'static str {
    if alive(pid) {
        "no longer runs it"
    } else {
        "is gone"
    }
}

/// `<index>.lock`, the lock every transaction takes first.
pub(super) fn index_lock(repo: &Repo) -> Result<PathBuf> {
    Ok(super::left_lock::lock_of(&repo.index_path()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::SystemTime;

    fn set_time(path: &Path, time: SystemTime) {
        let f = fs::File::options().append(true).open(path).unwrap();
        f.set_modified(time).unwrap();
    }

    #[test]
    fn a_lock_outside_the_killed_run_is_not_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let (journal, lock) = (
            dir.path().join("relhook-txn"),
            dir.path().join("index.lock"),
        );
        fs::write(&journal, "relhook transaction\n").unwrap();
        fs::write(&lock, "DIRC").unwrap();
        // Its last line written after the lock: the lock is the run's.
        set_time(&journal, SystemTime::now() + Duration::from_secs(60));
        assert_eq!(
            foreign(&lock, &journal, None),
            None,
            "written during the run"
        );
        set_time(&lock, SystemTime::now() + Duration::from_secs(120));
        assert_eq!(
            foreign(&lock, &journal, None),
            Some("it was made after that run stopped")
        );
        // The journal's birth is the run's start where the file system keeps it.
        if fs::metadata(&journal).unwrap().created().is_ok() {
            set_time(&lock, SystemTime::now() - Duration::from_secs(3600));
            assert_eq!(
                foreign(&lock, &journal, None),
                Some("it is older than that run's start")
            );
        }
        // Holding what the journal says the run was filling it with: its own, whatever its
        // time; other bytes of the same time are not.
        fs::write(&lock, "DIRC new index").unwrap();
        set_time(&lock, SystemTime::now() + Duration::from_secs(120));
        let filled = Some(blob_oid(b"DIRC new index"));
        assert_eq!(foreign(&lock, &journal, filled), None);
        let other = Some(blob_oid(b"DIRC other index"));
        assert!(foreign(&lock, &journal, other).is_some());
        // A killed relhook's mark is its own lock, whatever its time.
        fs::write(&lock, format!("relhook-lock pid {}\n", u32::MAX / 2)).unwrap();
        set_time(&lock, SystemTime::now() + Duration::from_secs(120));
        assert_eq!(foreign(&lock, &journal, None), None);
        fs::remove_file(&lock).unwrap();
        assert_eq!(foreign(&lock, &journal, None), None);
    }

    #[test]
    fn an_index_is_known_by_the_checksum_it_ends_with() {
        use sha1::{Digest, Sha1};
        let dir = tempfile::tempdir().unwrap();
        let git = |args: &[&str]| crate::git::testing::git(dir.path(), args);
        git(&["init", "-q"]);
        fs::write(dir.path().join("a.txt"), "a\n").unwrap();
        git(&["add", "a.txt"]);
        let index = fs::read(dir.path().join(".git/index")).unwrap();
        // git's checksum: the SHA-1 of the rest of the file, read, not the blob id of it all.
        let (rest, trailer) = index.split_at(index.len() - 20);
        let id = fingerprint(&index);
        assert_eq!(id.as_bytes(), trailer);
        assert_eq!(id.as_bytes(), Sha1::digest(rest).as_slice());
        assert_ne!(id, blob_oid(&index));
        // Without one (index.skipHash's zeros, or too short): the blob id of the bytes.
        let zeroed = [rest, &[0u8; 20][..]].concat();
        assert_eq!(fingerprint(&zeroed), blob_oid(&zeroed));
        assert_eq!(fingerprint(b"DIRC"), blob_oid(b"DIRC"));
        // A lock holding that index is the run's own, by either name a journal gives it.
        let (journal, lock) = (dir.path().join("relhook-txn"), dir.path().join("x.lock"));
        fs::write(&journal, "relhook transaction\n").unwrap();
        fs::write(&lock, &index).unwrap();
        set_time(&lock, SystemTime::now() + Duration::from_secs(120));
        assert_eq!(foreign(&lock, &journal, Some(id)), None);
        assert_eq!(foreign(&lock, &journal, Some(blob_oid(&index))), None);
        let other = [&index[..index.len() - 1], &[index[index.len() - 1] ^ 1][..]].concat();
        assert!(foreign(&lock, &journal, Some(fingerprint(&other))).is_some());
    }

    #[test]
    fn in_a_copy_a_lock_is_never_said_older_than_the_run() {
        let dir = tempfile::tempdir().unwrap();
        let (journal, lock) = (
            dir.path().join("relhook-txn"),
            dir.path().join("index.lock"),
        );
        fs::write(&journal, "relhook transaction\n").unwrap();
        if fs::metadata(&journal).unwrap().created().is_err() {
            return;
        }
        fs::write(&lock, "DIRC").unwrap();
        // As `cp -a` leaves them: the journal's last line an hour before its birth.
        let hour_ago = SystemTime::now() - Duration::from_secs(3600);
        set_time(&journal, hour_ago);
        set_time(&lock, hour_ago - Duration::from_secs(60));
        assert_eq!(foreign(&lock, &journal, None), Some(COPIED));
        set_time(&lock, hour_ago + Duration::from_secs(60));
        assert_eq!(
            foreign(&lock, &journal, None),
            Some("it was made after that run stopped")
        );
        // The run's own mark is its own in a copy too.
        fs::write(&lock, format!("relhook-lock pid {}\n", u32::MAX / 2)).unwrap();
        set_time(&lock, hour_ago - Duration::from_secs(60));
        assert_eq!(foreign(&lock, &journal, None), None);
    }
}
