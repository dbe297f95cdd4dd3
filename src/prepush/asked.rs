//! What the remotes have now, asked of each (`git ls-remote`, every ref with tags peeled) at
//! most once a push, and only when a check needs it: one answer serves every check that does
//! (a mirror push's deletions, a tag the remote has on another commit, a slip of the release
//! tags' name, a remote never fetched, another remote's releases). Each connection may ask
//! for an SSH key's passphrase again, so none is made twice.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use git2::Oid;

use super::peel;
use crate::git::Repo;
use crate::{Error, Result};

/// A remote's refs as it listed them: (name, id), a tag's commit as `<tag>^{}`.
type Refs = Rc<Vec<(String, Oid)>>;

/// The remotes' answers for one push: the remote pushed to, and others asked by name.
pub struct Asked<'a> {
    repo: &'a Repo,
    /// The remote pushed to, as git named it to the hook: a name, or a URL with whatever
    /// credentials it carries (said nowhere, needed to connect).
    remote: &'a str,
    /// The remote pushed to as messages say it (a URL without its credentials).
    shown: &'a str,
    /// Each remote asked, with its refs or what git said when it could not be asked.
    answers: RefCell<HashMap<String, std::result::Result<Refs, String>>>,
}

impl<'a> Asked<'a> {
    /// Nothing asked yet of `remote` (the one pushed to, as git named it; `shown` as
    /// messages say it) or any other.
    pub fn new(repo: &'a Repo, remote: &'a str, shown: &'a str) -> Self {
        Asked {
            repo,
            remote,
            shown,
            answers: RefCell::new(HashMap::new()),
        }
    }

    /// `remote`'s refs, asked now if not yet; the error git gave when it could not be asked.
    fn answer(&self, remote: &str) -> std::result::Result<Refs, String> {
        if let Some(answer) = self.answers.borrow().get(remote) {
            return answer.clone();
        }
        let answer = match self.repo.remote_refs(remote) {
            Ok(refs) => Ok(Rc::new(refs)),
            Err(e) => Err(e.to_string()),
        };
        (self.answers.borrow_mut()).insert(remote.to_owned(), answer.clone());
        answer
    }

    /// The refs of the remote pushed to, asked now if not yet; `None` when it could not be
    /// asked.
    pub(super) fn refs(&self) -> Option<Refs> {
        self.answer(self.remote).ok()
    }

    /// The tags of the remote pushed to (`refs/tags/...`, not peeled), asked now if not yet;
    /// `None` when it could not be asked.
    pub(super) fn tags(&self) -> Option<Vec<(String, Oid)>> {
        self.tags_of(self.remote)
    }

    /// The tags of the remote pushed to, or the error that says why it could not be asked:
    /// for a check whose answer the push cannot go without (a mirror push's deletions).
    pub(super) fn tags_or_error(&self) -> Result<Vec<(String, Oid)>> {
        match self.answer(self.remote) {
            Ok(refs) => Ok(tags(&refs)),
            Err(said) => Err(Error::Usage(said)),
        }
    }

    /// The tags of another remote (a name), asked now if not yet; `None` when it could not
    /// be asked.
    pub(super) fn tags_of(&self, remote: &str) -> Option<Vec<(String, Oid)>> {
        self.answer(remote).ok().map(|refs| tags(&refs))
    }

    /// The tags of the remote pushed to, each with the commit an annotated tag's object
    /// names (`None`: a lightweight tag), so that ids this clone lacks are said as what they
    /// are; `None` when it could not be asked.
    pub(super) fn tags_peeled(&self) -> Option<Vec<(String, Oid, Option<Oid>)>> {
        let refs = self.refs()?;
        let peeled = |name: &str| {
            let want = format!("{name}^{{}}");
            refs.iter().find(|(n, _)| *n == want).map(|(_, id)| *id)
        };
        Some(
            tags(&refs)
                .into_iter()
                .map(|(n, id)| {
                    let p = peeled(&n);
                    (n, id, p)
                })
                .collect(),
        )
    }

    /// Whether the remote pushed to has answered already (nothing asked here).
    pub(super) fn answered(&self) -> bool {
        matches!(self.answers.borrow().get(self.remote), Some(Ok(_)))
    }

    /// Whether the remote pushed to has ref `name`, as known without asking it: from the
    /// push's own line for that ref (what the remote had at it), or from its answer where it
    /// was asked already; `None` when not known.
    pub(super) fn has_ref(&self, name: &str, updates: &[super::Update]) -> Option<bool> {
        if let Some(u) = updates.iter().find(|u| u.remote_ref == name) {
            return Some(!u.remote.is_zero());
        }
        let answers = self.answers.borrow();
        let Some(Ok(refs)) = answers.get(self.remote) else {
            return None;
        };
        Some(refs.iter().any(|(n, _)| n == name))
    }

    /// The remote pushed to, as messages say it.
    pub(super) fn shown(&self) -> &'a str {
        self.shown
    }

    /// The commits of the branches and tags of the remote pushed to that this clone has,
    /// where it was asked already (none asked here): published history. Its other refs (a
    /// forge's pull requests, test records) publish nothing.
    pub(super) fn known(&self) -> Vec<Oid> {
        let answers = self.answers.borrow();
        let Some(Ok(refs)) = answers.get(self.remote) else {
            return Vec::new();
        };
        (refs.iter())
            .filter(|(n, _)| published(n))
            .filter_map(|(_, id)| peel(self.repo, *id))
            .collect()
    }

    /// The branches and tags of the remote pushed to (full names) at an object this clone
    /// lacks, where it was asked already: the remote is ahead, and what lies below them here
    /// cannot be told from what is new to it.
    pub(super) fn unknown(&self) -> Vec<String> {
        let answers = self.answers.borrow();
        let Some(Ok(refs)) = answers.get(self.remote) else {
            return Vec::new();
        };
        let lacks = |id: Oid| self.repo.object_kind(id).is_none();
        let peeled_lacks = |name: &str| {
            let want = format!("{name}^{{}}");
            (refs.iter()).all(|(n, id)| *n != want || lacks(*id))
        };
        (refs.iter())
            .filter(|(n, id)| published(n) && !n.ends_with("^{}") && lacks(*id))
            .filter(|(n, _)| peeled_lacks(n))
            .map(|(n, _)| n.clone())
            .collect()
    }
}

/// Whether a remote's ref is published history: a branch or a tag (its peeled line too).
fn published(name: &str) -> bool {
    name.starts_with("refs/heads/") || name.starts_with("refs/tags/")
}

/// The tags among a remote's refs (`refs/tags/...`), without the peeled `^{}` lines.
fn tags(refs: &[(String, Oid)]) -> Vec<(String, Oid)> {
    let tag = |n: &str| n.starts_with("refs/tags/") && !n.ends_with("^{}");
    refs.iter().filter(|(n, _)| tag(n)).cloned().collect()
}
