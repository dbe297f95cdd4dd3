//! post-commit's note of a commit whose entry it did not add because a lock was held (an
//! editor polling `git status` holds git's index lock), or a write failed (an immutable
//! changelog, a full disk): doctor names that reason later, not "post-commit did not run".
//! Written only on those paths, in `<git dir>/relhook-lock-met`: a line `<commit> <unix
//! seconds> <lock file name>`, or `<commit> <unix seconds> write-error <reason>`, per
//! commit, the last few kept. Best effort: a full disk may refuse the note too.

use std::path::Path;

use git2::Oid;

/// The note's file name in the git dir.
pub const LOCK_MET: &str = "relhook-lock-met";

/// How many commits the note remembers: doctor asks only about those still without entry.
const KEPT: usize = 20;

/// The word that stands where a lock's name does for a write that failed (no lock's name:
/// those end in `.lock`).
const WRITE_ERROR: &str = "write-error";

/// What stopped post-commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Met {
    /// A lock held by another process: its file name (`index.lock`).
    Lock(String),
    /// A write that failed: the file and the reason (`CHANGELOG.md: Operation not permitted`).
    WriteError(String),
}

/// When post-commit met a held lock or a write error for a commit, and which.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockMet {
    /// Seconds since the epoch.
    pub at: i64,
    /// What it met.
    pub met: Met,
}

impl LockMet {
    /// "a held index lock at 2026-01-01 12:00:00 UTC", "a write error (CHANGELOG.md:
    /// Operation not permitted) at …", as doctor says it.
    pub fn said(&self) -> String {
        let what = match &self.met {
            Met::Lock(lock) if lock == "index.lock" => "a held index lock".to_owned(),
            Met::Lock(other) => format!("a held lock ({other})"),
            Met::WriteError(reason) => format!("a write error ({reason})"),
        };
        format!("{what} at {}", crate::date::utc_time(self.at))
    }
}

/// Notes that post-commit left `commit` without its entry, `lock` being held. Best effort:
/// without the note, doctor gives the general reason.
pub fn note(git_dir: &Path, commit: Oid, lock: &Path) {
    let name = lock.file_name().map_or_else(
        || "a lock".into(),
        |n| n.to_string_lossy().replace(char::is_whitespace, "_"),
    );
    add(git_dir, commit, &name);
}

/// Notes that post-commit left `commit` without its entry, a write having failed for
/// `reason` (one line). Best effort, as [`note`].
pub fn note_write_error(git_dir: &Path, commit: Oid, reason: &str) {
    let reason = reason.replace(['\n', '\r'], " ");
    add(git_dir, commit, &format!("{WRITE_ERROR} {reason}"));
}

/// Adds the line of `commit` saying `what`, in place of one it had.
fn add(git_dir: &Path, commit: Oid, what: &str) {
    let path = git_dir.join(LOCK_MET);
    let at = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let old = std::fs::read_to_string(&path).unwrap_or_default();
    let id = commit.to_string();
    let mut lines: Vec<&str> = old.lines().filter(|l| !l.starts_with(&id)).collect();
    let line = format!("{id} {at} {what}");
    lines.push(&line);
    let kept = &lines[lines.len().saturating_sub(KEPT)..];
    let _ = crate::fsx::write_atomic(&path, format!("{}\n", kept.join("\n")).as_bytes());
}

/// What post-commit noted for `commit`, if it met a held lock or a write error there.
pub fn met(git_dir: &Path, commit: Oid) -> Option<LockMet> {
    let text = std::fs::read_to_string(git_dir.join(LOCK_MET)).ok()?;
    parse(&text, commit)
}

fn parse(text: &str, commit: Oid) -> Option<LockMet> {
    let id = commit.to_string();
    text.lines().rev().find_map(|l| {
        let mut words = l.splitn(4, ' ');
        (words.next()? == id).then_some(())?;
        let at = words.next()?.parse().ok()?;
        let met = match words.next()? {
            WRITE_ERROR => Met::WriteError(words.next()?.to_owned()),
            lock => Met::Lock(lock.to_owned()),
        };
        Some(LockMet { at, met })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_note_is_read_back_per_commit_and_keeps_the_last_ones() {
        let dir = tempfile::tempdir().unwrap();
        let lock = dir.path().join("index.lock");
        let ids: Vec<Oid> = (0..=KEPT as u8)
            .map(|n| Oid::from_bytes(&[n + 1; 20]).unwrap())
            .collect();
        for id in &ids {
            note(dir.path(), *id, &lock);
        }
        assert_eq!(met(dir.path(), ids[0]), None, "only the last {KEPT} kept");
        let last = met(dir.path(), ids[KEPT]).unwrap();
        assert_eq!(last.met, Met::Lock("index.lock".into()));
        let when = LockMet {
            at: 1_767_268_800,
            met: Met::Lock("index.lock".into()),
        };
        assert_eq!(when.said(), "a held index lock at 2026-01-01 12:00:00 UTC");
        let other = LockMet {
            met: Met::Lock("HEAD.lock".into()),
            ..when
        };
        assert!(other.said().starts_with("a held lock (HEAD.lock) at "));
        assert_eq!(parse("garbage\n", ids[1]), None);
    }

    #[test]
    fn a_write_error_is_noted_with_its_reason_in_place_of_a_lock() {
        let dir = tempfile::tempdir().unwrap();
        let id = Oid::from_bytes(&[7; 20]).unwrap();
        note(dir.path(), id, &dir.path().join("index.lock"));
        note_write_error(dir.path(), id, "CHANGELOG.md: Operation\nnot permitted");
        let noted = met(dir.path(), id).unwrap();
        let reason = "CHANGELOG.md: Operation not permitted";
        assert_eq!(noted.met, Met::WriteError(reason.into()));
        assert!(
            noted
                .said()
                .starts_with(&format!("a write error ({reason}) at 20"))
        );
        let text = std::fs::read_to_string(dir.path().join(LOCK_MET)).unwrap();
        assert_eq!(text.lines().count(), 1, "{text}");
    }
}
