//! post-commit's note of a commit whose entry it did not add because a lock was held (an
//! editor polling `git status` holds git's index lock): doctor names that reason later, not
//! "post-commit did not run". Written only on that path, in `<git dir>/relhook-lock-met`: a
//! line `<commit> <unix seconds> <lock file name>` per commit, the last few kept.

use std::path::Path;

use git2::Oid;

/// The note's file name in the git dir.
pub const LOCK_MET: &str = "relhook-lock-met";

/// How many commits the note remembers: doctor asks only about those still without entry.
const KEPT: usize = 20;

/// When post-commit met a held lock for a commit, and which.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockMet {
    /// Seconds since the epoch.
    pub at: i64,
    /// The lock's file name (`index.lock`).
    pub lock: String,
}

impl LockMet {
    /// "a held index lock at 2026-01-01 12:00:00 UTC", as doctor says it.
    pub fn said(&self) -> String {
        let what = match self.lock.as_str() {
            "index.lock" => "a held index lock".to_owned(),
            other => format!("a held lock ({other})"),
        };
        format!("{what} at {}", crate::date::utc_time(self.at))
    }
}

/// Notes that post-commit left `commit` without its entry, `lock` being held. Best effort:
/// without the note, doctor gives the general reason.
pub fn note(git_dir: &Path, commit: Oid, lock: &Path) {
    let path = git_dir.join(LOCK_MET);
    let at = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let name = lock.file_name().map_or_else(
        || "a lock".into(),
        |n| n.to_string_lossy().replace(char::is_whitespace, "_"),
    );
    let old = std::fs::read_to_string(&path).unwrap_or_default();
    let id = commit.to_string();
    let mut lines: Vec<&str> = old.lines().filter(|l| !l.starts_with(&id)).collect();
    let line = format!("{id} {at} {name}");
    lines.push(&line);
    let kept = &lines[lines.len().saturating_sub(KEPT)..];
    let _ = crate::fsx::write_atomic(&path, format!("{}\n", kept.join("\n")).as_bytes());
}

/// What post-commit noted for `commit`, if it met a held lock there.
pub fn met(git_dir: &Path, commit: Oid) -> Option<LockMet> {
    let text = std::fs::read_to_string(git_dir.join(LOCK_MET)).ok()?;
    parse(&text, commit)
}

fn parse(text: &str, commit: Oid) -> Option<LockMet> {
    let id = commit.to_string();
    text.lines().rev().find_map(|l| {
        let mut words = l.split(' ');
        (words.next()? == id).then_some(())?;
        let at = words.next()?.parse().ok()?;
        Some(LockMet {
            at,
            lock: words.next()?.to_owned(),
        })
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
        assert_eq!(last.lock, "index.lock");
        let when = LockMet {
            at: 1_767_268_800,
            lock: "index.lock".into(),
        };
        assert_eq!(when.said(), "a held index lock at 2026-01-01 12:00:00 UTC");
        let other = LockMet {
            lock: "HEAD.lock".into(),
            ..when
        };
        assert!(other.said().starts_with("a held lock (HEAD.lock) at "));
        assert_eq!(parse("garbage\n", ids[1]), None);
    }
}
