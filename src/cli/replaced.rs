//! Replace refs (`git replace --graft`) git follows and relhook does not (see
//! `git::replaced`): every command that opens the repository says so in one line, once, and
//! a release or hand tag is refused while they are in force. Its version, notes and changelog
//! would come from a history other than the one `git log` shows, and a tag, once pushed, is
//! not taken back; with `GIT_NO_REPLACE_OBJECTS=1` git reads the history relhook reads, so the
//! same command goes on under it.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::git::{ReplaceRefs, Repo};

/// Says once a process that `repo`'s replace refs are not followed.
pub(super) fn note_once(repo: &Repo) {
    static SAID: AtomicBool = AtomicBool::new(false);
    if SAID.load(Ordering::Relaxed) {
        return;
    }
    SAID.store(true, Ordering::Relaxed);
    if let Some(r) = repo.replace_refs() {
        let _ = writeln!(
            crate::cli::stream::stderr(),
            "relhook: note: {}* replaces objects here and relhook reads the history without it: `GIT_NO_REPLACE_OBJECTS=1 git log` shows the history relhook sees",
            r.base
        );
    }
}

/// Why a release (or a hand tag) is refused here, when it is.
pub(super) fn refusal(repo: &Repo, hand_tag: bool) -> Option<String> {
    let ReplaceRefs { base } = repo.replace_refs()?;
    let command = if hand_tag {
        "git tag"
    } else {
        "relhook release"
    };
    Some(format!(
        "{base}* replaces objects here, so the version and notes relhook reads may not be those of the history `git log` shows; the same `{command}` with `GIT_NO_REPLACE_OBJECTS=1 ` in front releases the history `GIT_NO_REPLACE_OBJECTS=1 git log` shows, which git then reads too"
    ))
}
