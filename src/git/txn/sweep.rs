//! Sweeping what killed relhook processes left in the git dir before a journal could name
//! it: journal and index copies and other temporaries of dead processes, dead locks' marked
//! files, and old temporaries that never got their contents.

use std::fs;

use super::TMP_PREFIX;
use crate::git::Repo;

/// How old an unmarked temporary file must be to be taken for a killed process's.
const LEFTOVER_AGE: std::time::Duration = std::time::Duration::from_secs(600);

/// Removes the journal and index copies a killed relhook left before its journal took its
/// name (no journal, so no recovery, sweeps them): those of processes that are gone. Run by
/// commands a person starts, not by the hooks (a folder read on every commit).
pub fn sweep_temporaries(repo: &Repo) {
    super::releasing::sweep_dead_mark(repo.git_dir());
    super::ran_with::sweep_stale(repo);
    for path in leftovers(repo) {
        let _ = fs::remove_file(path);
    }
}

/// The temporaries killed relhook processes left in the git dir, which no relhook still
/// running can own: what [`sweep_temporaries`] removes, for `doctor` to name.
pub fn leftovers(repo: &Repo) -> Vec<std::path::PathBuf> {
    let Ok(entries) = fs::read_dir(repo.git_dir()) else {
        return Vec::new();
    };
    let mut out: Vec<_> = (entries.flatten())
        .filter(leftover)
        .map(|e| e.path())
        .collect();
    out.sort();
    out
}

/// Whether the git dir's entry `e` is a temporary a killed relhook left.
fn leftover(e: &fs::DirEntry) -> bool {
    let name = e.file_name().to_string_lossy().into_owned();
    if !name.starts_with(TMP_PREFIX) {
        return false;
    }
    let pid = ["journal-", "index-"].iter().find_map(|kind| {
        let rest = name.strip_prefix(TMP_PREFIX)?.strip_prefix(kind)?;
        rest.split(['.', '-']).next()?.parse::<u32>().ok()
    });
    // The marked file a lock is linked from (`relhook-lock pid …`), a kill's leftover too.
    let dead_mark = || super::lock::stale_relhook_lock(&e.path()).is_some();
    // One killed before it held a mark or its contents (an atomic write's temporary, a
    // lock's file before its mark): no process writes one for minutes, so an old one is
    // a leftover (a live lock's holds its mark).
    let old_unmarked = || {
        !super::lock::holds_mark(&e.path())
            && e.metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > LEFTOVER_AGE)
    };
    // A mark's temporary (`pid N`, `started T`: a release's, a hand tag's) killed before
    // its rename, naming a relhook that is gone.
    let dead_own_mark = || {
        fs::read_to_string(e.path())
            .is_ok_and(|t| t.starts_with("pid ") && super::writer::marked_live(&t).is_none())
    };
    // Any other temporary names its writer: one whose writer is gone is a leftover,
    // even one killed before its first write (empty).
    let writer = crate::fsx::tmp_writer(&name);
    let gone = |p: u32| !super::lock::alive(p);
    pid.is_some_and(gone)
        || writer.is_some_and(gone)
        || (pid.is_none() && (dead_mark() || dead_own_mark() || old_unmarked()))
}
