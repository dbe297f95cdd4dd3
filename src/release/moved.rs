//! The release's test command must leave HEAD on the release commit it tests, and the work
//! tree it tests must stay that commit while it runs.

use git2::Oid;

use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::{Error, Result};

/// A test command that moved HEAD (`git reset`, a checkout of another commit; HEAD was
/// `before` it ran) would have the tag on a commit no branch holds: refused, and the release
/// undone where it can be.
pub(super) fn by_tests(repo: &Repo, before: Option<Oid>, commit: Oid, tag: &str) -> Result<()> {
    match repo.head().filter(|h| Some(*h) != before) {
        Some(now) => Err(Error::Refused(Refusal::new(
            Reason::ChangedSincePlan,
            format!(
                "the test command moved HEAD off the release commit {} (to {}), so {tag} was not made",
                crate::git::short_id(commit),
                crate::git::short_id(now)
            ),
            "make `[checks] test` in .relconfig.toml leave HEAD where it found it, then release again",
        ))),
        None => Ok(()),
    }
}

/// The work tree `root` the tests passed in, when tracked files in it changed while they ran
/// (an editor's save, a `git add` during a long run): the pass may be of those edits, not of
/// the release commit, so the tests run again on a clean checkout of `commit`, whose result
/// stands. New untracked files (build output) change nothing here.
pub(super) fn edited_meanwhile(
    repo: &Repo,
    root: &std::path::Path,
    commit: Oid,
    argv: &[String],
) -> Result<()> {
    let same = |a: &std::path::Path, b: &std::path::Path| {
        a.canonicalize()
            .ok()
            .is_some_and(|a| Some(a) == b.canonicalize().ok())
    };
    if !repo.work_tree().is_some_and(|w| same(&w, root)) {
        return Ok(());
    }
    let new = repo.untracked_paths(10_000)?;
    let edited: Vec<String> = repo
        .dirty_or_hidden_paths(10_000)?
        .into_iter()
        .filter(|p| !new.contains(p))
        .collect();
    if edited.is_empty() {
        return Ok(());
    }
    let checkout = crate::testrun::Checkout::of(repo, commit)?;
    let status = crate::testrun::run(argv, checkout.path())
        .and_then(|s| crate::interrupt::check("testing").map(|()| s))
        .map_err(|e| crate::interrupt::instead(e, "testing"))?;
    if status.success() {
        return Ok(());
    }
    let mut paths = crate::printable::list(&edited[..edited.len().min(5)]);
    if edited.len() > 5 {
        paths.push_str(", …");
    }
    Err(Error::Refused(Refusal::bare(
        Reason::TestsFailed,
        format!(
            "the tests passed in the work tree, but it changed while they ran ({paths}), and on a clean checkout of the release candidate they failed ({status}); nothing was released"
        ),
    )))
}
