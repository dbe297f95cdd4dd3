//! What a recovery of a killed transaction did, for the command that says it.

use git2::Oid;

/// What [`super::recover_full`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovered {
    /// What was done, in words.
    pub said: String,
    /// The commit an undone post-commit was adding the entry of (its rewrite of an amend,
    /// perhaps): `None` for anything else, or a post-commit of whose work a part stays.
    pub undone: Option<Oid>,
}
