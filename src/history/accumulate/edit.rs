//! One changelog file's edit in post-commit: the new text, and what it replaces.

use std::path::PathBuf;

use git2::Oid;

use super::op::Op;
use crate::git::StoredFile;
use crate::history::changelog::Changelog;
use crate::history::changelog::entry::NewEntry;

/// One file's edit, ready to write.
pub(super) struct Edit {
    pub(super) path: PathBuf,
    pub(super) stored: Option<StoredFile>,
    pub(super) op: Op,
    /// The file's bullet marker, as the edit wrote it (`-`, `*`).
    pub(super) marker: char,
    /// The new text as far as the edit reaches; the stored file's last `tail` bytes follow
    /// it unchanged (a long changelog's releases are never copied to be written).
    pub(super) head: String,
    pub(super) tail: usize,
    pub(super) mode: i32,
    pub(super) blob: Oid,
    /// The file leaves the commit, the index and the work tree (see `skeleton`).
    pub(super) gone: bool,
    /// Unstaged entries of the work tree copy that commits a `git reset` took out of history
    /// made (see `reset_leftovers`): taken out of that copy with the edit.
    pub(super) leftovers: Vec<NewEntry>,
    /// The edit put `## [Unreleased]` above an undated newest version with no tag (`## [0.2.0]`,
    /// perhaps the release to come): what happened and the ways on, for a warning.
    pub(super) undated: Option<Box<(String, String)>>,
    /// The edit put `## [Unreleased]` into a changesets file, which has none: what it did
    /// and how to keep the file as changesets writes it (see `changelog::changesets`).
    pub(super) adopted: Option<String>,
    /// The configured order of sub-sections (`[changelog] order`), by which the edit of a
    /// copy with changes of its own (staged or unstaged) places a new one too.
    pub(super) order: Vec<String>,
}

impl Edit {
    /// `op` applied to `log`, the whole of `stored` parsed: the edit that writes it all, a
    /// new sub-section placed by `order` (`[changelog] order`).
    pub(super) fn whole(
        path: PathBuf,
        stored: StoredFile,
        op: Op,
        (mut log, order): (Changelog, &[String]),
    ) -> Edit {
        log.set_order(order);
        let op = op.named_in(&log);
        op.apply(&mut log);
        Edit {
            path,
            mode: stored.mode,
            stored: Some(stored),
            op,
            marker: log.marker(),
            head: log.render(),
            tail: 0,
            blob: Oid::zero(),
            gone: false,
            leftovers: Vec::new(),
            undated: None,
            adopted: None,
            order: log.order().to_vec(),
        }
    }

    /// The file's new content, in two parts to be read one after the other.
    pub(super) fn parts(&self) -> [&[u8]; 2] {
        let rest = self
            .stored
            .as_ref()
            .and_then(|s| s.bytes.get(s.bytes.len().saturating_sub(self.tail)..))
            .unwrap_or_default();
        [self.head.as_bytes(), rest]
    }
}
