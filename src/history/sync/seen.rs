//! The commits of the unreleased range as sync reads them: id, message, parents, once.

use crate::Result;
use crate::git::{Range, Repo};
use git2::Oid;

pub(super) struct Seen {
    pub(super) id: Oid,
    /// Its tree, as the walk read it (zero when the object names none).
    pub(super) tree: Oid,
    pub(super) message: String,
    pub(super) parents: Vec<Oid>,
    /// Its message is in an encoding relhook cannot read: no entry is made of mojibake
    /// (post-commit said so; pre-push refuses the commit until it is reworded).
    pub(super) unreadable: bool,
}

/// [`collect`], refused where a shallow clone's boundary cuts the range (see `shallow_cut`).
pub(super) fn collect_whole(repo: &Repo, range: &Range) -> Result<Vec<Seen>> {
    let commits = collect(repo, range)?;
    crate::history::shallow_cut::refuse(repo, range, commits.iter().map(|c| c.id))?;
    Ok(commits)
}

/// The commits of a range, oldest first.
pub(super) fn collect(repo: &Repo, range: &Range) -> Result<Vec<Seen>> {
    let mut out = Vec::new();
    repo.walk(range, |c| {
        out.push(Seen {
            id: c.id,
            tree: c.tree,
            message: c.text().into_owned(),
            parents: c.parent_ids.clone(),
            unreadable: c.unreadable_encoding().is_some(),
        });
        true
    })?;
    out.reverse();
    Ok(out)
}

impl Seen {
    /// Its message's first line.
    pub(super) fn header(&self) -> String {
        self.message.lines().next().unwrap_or_default().to_owned()
    }
}
