//! A `revert:` commit whose message names no commit (`git revert -n <id>`, then `git commit
//! -m "revert: drop k"`): which commit it reverts is told from what git left, else from its
//! change. REVERT_HEAD, noted by commit-msg (git takes it away before post-commit), names
//! the commit when the revert changes a file it changed (a conflict resolved by hand may
//! touch more or fewer files than git's own revert); without it, an unreleased commit
//! whose change this one exactly undoes. The changelogs are left out of both: git's revert
//! of their entries merges with what came since.

use git2::Oid;

use crate::commit::parse::Reverted;
use crate::config::Config;
use crate::git::Repo;
use crate::history::reverts::unnamed::{Change, LOOK_BACK, change, names_nothing, undoes};

/// What `head`, a `revert`-type commit that names nothing, reverts: the commit REVERT_HEAD
/// named (`noted`) if the two change a file in common (so a REVERT_HEAD that a revert given
/// up without `--abort` left is not taken for an unrelated commit's), else the nearest
/// unreleased commit whose change `head` undoes exactly.
pub(super) fn told(
    repo: &Repo,
    head: Oid,
    config: &Config,
    noted: Option<Oid>,
) -> Option<Reverted> {
    let message = repo.commit_text(head)?;
    if !names_nothing(&message) {
        return None;
    }
    let own = change(repo, config, head)?;
    let shares_a_file = |c: &Change| c.keys().any(|p| own.contains_key(p));
    let reverted =
        match noted.filter(|&n| change(repo, config, n).is_some_and(|c| shares_a_file(&c))) {
            Some(n) => n,
            None => undone(repo, config, head, &own)?,
        };
    Some(Reverted {
        header: repo.stored_commit(reverted)?.header(),
        commit: Some(reverted.to_string()),
        pull_request: None,
    })
}

/// The advice for a `revert`-type commit (`head`) that names nothing and whose reverted
/// commit could not be told: it keeps an entry of its own, said once.
pub(super) fn unnamed_advice(repo: &Repo, head: Oid) -> Option<String> {
    names_nothing(&repo.commit_text(head)?).then(|| {
        "relhook cannot tell which commit this revert reverts: a revert that names it in a `Refs: <id>` footer takes an unreleased commit's entry out instead of adding its own".to_owned()
    })
}

/// The nearest commit below `head` and above the last release tag (at most [`LOOK_BACK`])
/// whose change `own` undoes: the same files, each put back as it was before it.
fn undone(repo: &Repo, config: &Config, head: Oid, own: &Change) -> Option<Oid> {
    let tag = repo
        .latest_release_tag(head, &config.version.tag_prefix)
        .and_then(|(_, t)| repo.peel_to_commit(t));
    let mut at = repo.first_parent(head);
    for _ in 0..LOOK_BACK {
        let c = at.filter(|&c| Some(c) != tag)?;
        let inverse = change(repo, config, c).is_some_and(|theirs| undoes(own, &theirs));
        if inverse {
            return Some(c);
        }
        at = repo.first_parent(c);
    }
    None
}
