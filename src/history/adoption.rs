//! The commits made before `relhook install` adopted this repository (the note
//! [`crate::git::Adoption`]): they never met relhook's hooks, so nothing judges them; pre-push,
//! `relhook check` and a release count them instead.
//!
//! A commit is from before the install when a tip the note records reaches it, or when it
//! carries over the author and message of such a commit (see
//! [`crate::git::StoredCommit::carried_key`]): a rebase after the install (a branch started
//! before it, `git pull --rebase`) makes new ids, and keeps both. A commit made since cannot
//! pass for one: its message was written since (a `--no-verify` commit, an amend that changes
//! the message), unless it also takes an old commit's author and date, second for second.
//! Author dates alone would not do: anything committed with a date set by hand, or moved by a
//! wrong clock, would pass unjudged.

use std::collections::HashSet;

use git2::Oid;

use crate::Result;
use crate::git::{Range, Repo, StoredCommit};

/// The commits from before the install that `hidden` (what a remote has, the range's base)
/// does not reach, and what they carry over to a rewrite of them.
#[derive(Debug, Default)]
pub struct BeforeInstall {
    ids: HashSet<Oid>,
    keys: HashSet<[u8; 20]>,
    /// The note's tips still here: every commit they reach is from before the install.
    pub tips: Vec<Oid>,
    /// When the install noted them (seconds since the epoch).
    pub when: Option<i64>,
}

impl BeforeInstall {
    /// Reads the note and walks the commits it records, down to `hidden`. Empty when relhook
    /// adopted nothing here (no note: installed on an empty repository, or over its own hooks).
    pub fn load(repo: &Repo, hidden: &[Oid]) -> Result<BeforeInstall> {
        let Some(note) = repo.adoption() else {
            return Ok(BeforeInstall::default());
        };
        let mut out = BeforeInstall {
            tips: note.tips,
            when: note.when,
            ..BeforeInstall::default()
        };
        let range = Range {
            tips: out.tips.clone(),
            hidden: hidden.to_vec(),
            single: false,
            describe: String::new(),
        };
        repo.walk(&range, |c| {
            out.keys.insert(c.carried_key());
            out.ids.insert(c.id);
            true
        })?;
        Ok(out)
    }

    /// Whether `c` was made before the install: one of its commits, or a rewrite of one.
    pub fn contains(&self, c: &StoredCommit) -> bool {
        self.ids.contains(&c.id) || (!self.keys.is_empty() && self.keys.contains(&c.carried_key()))
    }

    /// Whether a commit with this [`StoredCommit::carried_key`] is from before the install.
    pub fn has_key(&self, key: &[u8; 20]) -> bool {
        self.keys.contains(key)
    }

    /// Whether commit `id` is one of the walked commits from before the install.
    pub fn has_id(&self, id: Oid) -> bool {
        self.ids.contains(&id)
    }
}
