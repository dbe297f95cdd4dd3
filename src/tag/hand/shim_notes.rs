//! The notes in the git dir that let the reference-transaction shim decide without starting
//! relhook: a tag line `prepared` settled, and a `git fetch` whose tags are none of its business.

use std::path::Path;

use super::marker;

/// The file in the git dir where `prepared` notes the one ref line (`<old> <new> <ref>`)
/// that `committed` has nothing to do for; the reference-transaction shim compares it with
/// its own input and then does not start relhook. Written or removed by every `prepared` run
/// of a single tag, so it never speaks for another transaction.
pub const SETTLED: &str = "relhook-tag-settled";

/// Notes `line` as settled (`Some`), or takes any note back (`None`). Best effort: without
/// the note `committed` only runs relhook, which finds nothing to do.
pub fn note_settled(git_dir: &Path, line: Option<&str>) {
    let path = git_dir.join(SETTLED);
    let _ = match line {
        Some(l) => marker::write_note(&path, format!("{l}\n").as_bytes()),
        None => std::fs::remove_file(&path),
    };
}

/// The file in the git dir where relhook names the `git fetch` process (its pid, see
/// [`super::fetch_process`]) whose tags are none of its business: git 2.46 and later fetch each ref
/// in a transaction of its own, and the shim then lets the rest of that fetch's tags go by
/// without starting relhook once per tag (a fetch's tags are never judged). The shim takes the
/// note only while it is newer than the process's /proc entry, which a later process with the
/// same pid gets anew.
pub const FETCHING: &str = "relhook-tag-fetch";

/// Names `process` in [`FETCHING`]. Best effort: without it the shim starts relhook, which
/// finds nothing to do.
pub fn note_fetching(git_dir: &Path, process: &str) {
    let _ = marker::replace_note(&git_dir.join(FETCHING), format!("{process}\n").as_bytes());
}
