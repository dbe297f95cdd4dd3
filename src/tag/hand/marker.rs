//! The file in the git dir that names the hand tag a hook is working on: how a hook killed
//! before its release commit leaves a tag `relhook release --resume` knows to finish.

use super::{Update, needs_section};
use crate::config::Config;
use crate::git::Repo;

/// Names, in the git dir, the hand tag the hook is working on; removed when it is done. A hook
/// killed before that leaves the file, which is how [`unfinished`] knows the tag is relhook's
/// to finish (and not a tag made without relhook, which it must never move).
pub struct Marker(std::path::PathBuf);

pub(super) const MARKER: &str = "relhook-hand-tag";

impl Marker {
    /// Writes the marker for `tag` (best effort: without it, only `--resume` is lost).
    pub fn new(repo: &Repo, tag: &str) -> Marker {
        let path = repo.git_dir().join(MARKER);
        let _ = write_note(&path, note_text(tag).as_bytes());
        Marker(path)
    }
}

/// The marker's text: the tag, then the `git tag` whose hook writes it (the launcher execs
/// relhook, so the parent is that git, the same in both phases), for [`at_work`] to tell a
/// hook still at work from one killed.
fn note_text(tag: &str) -> String {
    format!("{tag}\n{}", crate::git::txn::mark_of(parent()))
}

/// This process's parent: in a hook, the git that runs it.
fn parent() -> u32 {
    #[cfg(unix)]
    // SAFETY: getppid has no preconditions and cannot fail.
    return u32::try_from(unsafe { libc::getppid() }).unwrap_or(0);
    #[cfg(not(unix))]
    0
}

/// The tag a marker names: its first line (an older relhook's marker holds the tag alone).
pub(super) fn named(text: &str) -> &str {
    text.lines().next().unwrap_or("").trim_end()
}

/// The tag the hook's [`Marker`] names: a hand tag of this clone's, its hook interrupted.
pub(super) fn marked(repo: &Repo) -> Option<String> {
    let text = std::fs::read_to_string(repo.git_dir().join(MARKER)).ok()?;
    Some(named(&text).to_owned())
}

/// The pid of the `git tag` whose hook is still making the release commit of the marked tag:
/// a tag [`unfinished`] finds is then no interrupted one, and waiting is the way on.
pub fn at_work(repo: &Repo) -> Option<u32> {
    let text = std::fs::read_to_string(repo.git_dir().join(MARKER)).ok()?;
    let mark = text.split_once('\n')?.1;
    mark.starts_with("pid ")
        .then(|| crate::git::txn::marked_live(mark))
        .flatten()
        // The hook of that very git is no other process at work.
        .filter(|&pid| pid != parent())
}

/// Writes a small note in the git dir, unless it already says `text` (`committed` names the
/// tag `prepared` named). A note that says something else is removed and created anew, never
/// truncated and rewritten in place: ext4 (`auto_da_alloc`) writes out a file truncated and
/// rewritten when it is closed, which costs a hand tag's hook more than the note's own work.
pub(super) fn write_note(path: &std::path::Path, text: &[u8]) -> std::io::Result<()> {
    if std::fs::read(path).is_ok_and(|said| said == text) {
        return Ok(());
    }
    replace_note(path, text)
}

/// Writes a small note in the git dir anew (its time is news too), removing it first, for the
/// reason [`write_note`] gives.
pub(super) fn replace_note(path: &std::path::Path, text: &[u8]) -> std::io::Result<()> {
    let _ = std::fs::remove_file(path);
    std::fs::write(path, text)
}

/// Names `tag` in the marker without removing it when done: `prepared` does this for a tag
/// whose release commit `committed` will make (best effort, as [`Marker::new`]).
pub fn note_pending(repo: &Repo, tag: &str) {
    let _ = write_note(&repo.git_dir().join(MARKER), note_text(tag).as_bytes());
}

/// Whether `prepared` named one of `tags` for `committed` to finish: how `committed` knows the
/// `git tag` that made it when a Ctrl-C has ended that git (it is gone from /proc).
pub fn pending_for(git_dir: &std::path::Path, tags: &[Update]) -> bool {
    std::fs::read_to_string(git_dir.join(MARKER))
        .is_ok_and(|text| tags.iter().any(|u| u.tag == named(&text)))
}

/// Removes a hook's leftover [`Marker`] once its tag is finished.
pub fn clear_marker(repo: &Repo) {
    let _ = std::fs::remove_file(repo.git_dir().join(MARKER));
}

/// [`clear_marker`] when the marker names `tag`: a hand tag a resume just finished.
pub fn clear_marker_of(repo: &Repo, tag: &str) {
    if marked(repo).as_deref() == Some(tag) {
        clear_marker(repo);
    }
}

impl Drop for Marker {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// A hand tag whose hook was interrupted before it made the release commit: the tag the
/// hook's [`Marker`] names is on HEAD and HEAD's changelog lacks its section. [`super::complete`]
/// finishes it, as the hook would have (`relhook release --resume`).
pub fn unfinished(repo: &Repo, config: &Config) -> Option<Update> {
    let text = std::fs::read_to_string(repo.git_dir().join(MARKER)).ok()?;
    let head = repo.head()?;
    let tag = repo
        .release_tag_candidates(&config.version.tag_prefix)
        .into_iter()
        .filter(|t| t.commit == head && t.name == named(&text))
        .max_by(|a, b| a.version.cmp_precedence(&b.version))?;
    // Only what the hook acts on: an annotated tag, in a project whose changelog exists.
    let new = repo.tag_target(&tag.name).filter(|t| *t != head)?;
    let has_changelog = matches!(repo.file_at(head, &config.changelog.path), Ok(Some(_)));
    if !has_changelog || !needs_section(repo, config, &tag.version, head) {
        return None;
    }
    Some(Update {
        new,
        old: None,
        tag: tag.name,
    })
}

/// One line for an [`unfinished`] hand tag: what is wrong and the command that finishes it;
/// or, while its hook is still at work, that it is and to wait.
pub fn describe_unfinished(repo: &Repo, config: &Config, u: &Update) -> String {
    if let Some(pid) = at_work(repo) {
        return format!(
            "tag {} is on HEAD without its release commit yet: the hook of the `git tag` still running (pid {pid}) is making it; wait for that git to finish",
            u.tag
        );
    }
    let lost = format!(
        "tag {} is on HEAD but {} there has no section for it (a hand tag whose release commit was interrupted)",
        u.tag,
        config.changelog.path.display()
    );
    match super::behind(repo, config, u) {
        Some(b) => format!(
            "{lost}, and {}, where `{}` refuses to make it; {}",
            b.what,
            crate::resume_advice::command(),
            b.fix
        ),
        None => format!(
            "{lost}; `{}` makes the release commit and moves the tag onto it",
            crate::resume_advice::command()
        ),
    }
}

/// Why a hand tag of `version` is refused on a commit that release tag `other` is on already:
/// nothing was committed since that release (its release commit would add an empty section),
/// or, when `other` is the [`unfinished`] tag (`git tag` interrupted before its hook made the
/// release commit), that finishing `other` comes first.
pub(super) fn released_or_unfinished(
    repo: &Repo,
    config: &Config,
    other: &str,
    version: &semver::Version,
) -> String {
    match unfinished(repo, config).filter(|f| f.tag == other) {
        Some(f) => describe_unfinished(repo, config, &f),
        None => crate::tag::nothing_since::nothing_to_release(other, version),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::io::Read;
    use std::os::unix::fs::MetadataExt;

    use super::*;

    #[test]
    fn a_note_is_left_alone_or_made_anew_never_rewritten_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(MARKER);
        write_note(&path, b"v1.0.0").unwrap();
        let held = std::fs::File::open(&path).unwrap();
        let written = held.metadata().unwrap().mtime_nsec();
        // It says so already (`committed` names the tag `prepared` named): left as it is.
        write_note(&path, b"v1.0.0").unwrap();
        let now = held.metadata().unwrap();
        assert_eq!((now.nlink(), now.mtime_nsec()), (1, written));
        // It says something else: a new file, the old one untouched.
        write_note(&path, b"v2.0.0").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"v2.0.0");
        let mut old = String::new();
        (&held).read_to_string(&mut old).unwrap();
        assert_eq!(
            old, "v1.0.0",
            "the note was truncated and rewritten in place"
        );
        replace_note(&path, b"v2.0.0").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"v2.0.0");
    }
}
