//! The `committed` step of a hand tag: the release commit `relhook release` would make, and the
//! tag moved onto it; all of it, or the commit undone.

use std::path::Path;

use git2::Oid;

use super::Update;
use super::{needs_section, notes, peel, version_of};
use crate::config::Config;
use crate::git::Repo;
use crate::{Error, Result};

/// What the `committed` step did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewritten {
    /// The release commit now tagged.
    pub commit: Oid,
    /// The files that changed in it.
    pub files: Vec<String>,
    /// The notes on the found version files it left as they are.
    pub notes: Vec<String>,
    /// The version released before (the release tag below, else what the version files
    /// said), whose leftovers in other files are worth a note.
    pub old: Option<String>,
}

/// `committed`: for a tag on HEAD whose changelog lacks the section, make the release commit
/// and move the tag onto it (same name, tagger and message). `None`: nothing to do. On `Err`
/// nothing was changed (a release commit already made is undone); the caller withdraws the
/// tag with [`withdraw`], so that no tag is left on a commit without its section.
pub fn complete(
    repo: &Repo,
    config: &Config,
    root: &Path,
    u: &Update,
    date: &str,
) -> Result<Option<Rewritten>> {
    complete_with(repo, config, root, u, date, true)
}

/// [`complete`] without moving the tag: the release commit is made and the tag stays on the
/// commit before it, as a hook killed after that commit leaves it. `relhook release --resume`
/// does this when it tests the commit: the tag moves onto it ([`move_onto`]) only once the
/// tests pass, so a release whose tests fail never looks released.
pub fn complete_untagged(
    repo: &Repo,
    config: &Config,
    root: &Path,
    u: &Update,
    date: &str,
) -> Result<Option<Rewritten>> {
    complete_with(repo, config, root, u, date, false)
}

fn complete_with(
    repo: &Repo,
    config: &Config,
    root: &Path,
    u: &Update,
    date: &str,
    move_tag: bool,
) -> Result<Option<Rewritten>> {
    let Some(version) = version_of(config, &u.tag) else {
        return Ok(None);
    };
    if u.old.is_some() {
        return Ok(None);
    }
    let commit = peel(repo, u.new)?;
    if !needs_section(repo, config, &version, commit) {
        return Ok(None);
    }
    if repo.head() != Some(commit) {
        // Judged on HEAD (a tag elsewhere is refused before it is made): HEAD moved since,
        // a `git switch` while the hook ran. No release commit on another branch's tip, and
        // no tag left without its release.
        if move_tag {
            return Err(head_moved(u, commit));
        }
        return Ok(None);
    }
    let edits = crate::release::edits_for(repo, config, root, &version, date)?;
    let old = crate::release::bumped_from_at(repo, config, &version, commit)
        .into_iter()
        .next()
        .map(|(v, _)| v.to_string())
        .or_else(|| edits.old_file_versions.first().cloned())
        .filter(|old| *old != version.to_string());
    // Never a release without notes, though `prepared` judged it (the file may have changed,
    // or a revert committed with the hooks off cancels what Unreleased lists).
    if let Err(e) = crate::release::notes::release_notes(repo, &edits.edits[0], &version, config) {
        return Err(
            notes::reverted_only(repo, config, &edits.edits[0], &version).map_or(e, Error::from),
        );
    }
    // In a monorepo the release commit names the tag (`api-v1.3.0`): a version alone would
    // not say which package it releases.
    let label = match &config.package {
        Some(_) => u.tag.clone(),
        None => version.to_string(),
    };
    let message = config.release.commit_message.replace("{version}", &label);
    // The reads are done (see the caller's `hold_still`): from here on HEAD and files move,
    // but no attributes file unless the commit writes one.
    if !edits.edits.iter().any(|e| touches_attributes(&e.path)) {
        repo.hold_attributes_still();
    }
    repo.let_go();
    crate::history::version::files::let_go();
    let new =
        crate::release::commit_edits(repo, root, &edits, &version, (&message, &config.commit))?;
    // A signal deferred by the hook (see `interrupt`) undoes the commit rather than leave it
    // without its tag.
    let moved = crate::git::txn::failpoint("hand-committed")
        .and_then(|()| crate::interrupt::check("moving the tag"))
        .and_then(|()| {
            if move_tag {
                retag(repo, u, new)
            } else {
                Ok(())
            }
        });
    if let Err(e) = moved {
        // No test runs in between: HEAD is on the branch the commit was made on.
        let branch = repo.head_ref_name()?;
        return match crate::release::undo_commit(repo, &branch, commit, new, &edits.edits, None) {
            Ok(()) => Err(e),
            Err(undo) => Err(crate::release::not_undone(e, &undo, resumes())),
        };
    }
    Ok(Some(Rewritten {
        commit: new,
        files: edits
            .edits
            .iter()
            .map(|e| e.path.display().to_string())
            .collect(),
        notes: (edits.left_alone.into_iter().map(|(_, note)| note.short))
            .chain(edits.also)
            .chain(edits.untracked.into_iter().map(|(_, note)| note))
            .collect(),
        old,
    }))
}

/// Deletes the tag the user just made, if it still points where they made it: used when its
/// release commit could not be made, so that no release tag names a commit without its section.
pub fn withdraw(repo: &Repo, u: &Update) -> Result<()> {
    repo.cas_ref(
        &format!("refs/tags/{}", u.tag),
        Some(u.new),
        None,
        "relhook: withdraw the tag",
    )
}

/// Moves hand tag `u`, left on the commit before its release commit by
/// [`complete_untagged`], onto that release commit `commit`, as [`complete`] would have.
pub fn move_onto(repo: &Repo, u: &Update, commit: Oid) -> Result<()> {
    retag(repo, u, commit)
}

/// Points the tag at `commit`: a new tag object with the same tagger and message, or the
/// lightweight ref moved; either way only if the tag still points where the user made it.
fn retag(repo: &Repo, u: &Update, commit: Oid) -> Result<()> {
    let target = repo
        .tag_object_like(u.new, &u.tag, commit)?
        .unwrap_or(commit);
    repo.cas_ref(
        &format!("refs/tags/{}", u.tag),
        Some(u.new),
        Some(target),
        "relhook: release commit",
    )?;
    // Tagged: no resume is due, so the flags kept for one go, as after `relhook release`.
    repo.release_given_tagged(commit);
    Ok(())
}

/// How a hand tag's release commit that could not be undone is finished.
fn resumes() -> String {
    format!("`{}` finishes the release", crate::resume_advice::command())
}

/// Whether writing `path` (from the top) can change what gitattributes say.
fn touches_attributes(path: &std::path::Path) -> bool {
    path.file_name() == Some(std::ffi::OsStr::new(".gitattributes"))
}

/// The refusal of hand tag `u` on `commit` once HEAD has left that commit while its hook ran.
fn head_moved(u: &Update, commit: Oid) -> Error {
    let tag = crate::shellword::quote(&u.tag);
    Error::Refused(crate::error::Refusal::new(
        crate::error::Reason::ChangedSincePlan,
        format!(
            "HEAD moved off {} (a `git switch` or checkout) while relhook made {}'s release",
            crate::git::short_id(commit),
            u.tag
        ),
        format!(
            "switch back to the branch you tagged (its tip is {}), then tag again: `git tag -a {tag}`",
            crate::git::short_id(commit)
        ),
    ))
}
