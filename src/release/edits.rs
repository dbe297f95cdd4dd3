//! The file edits of a release, planned without writing: the changelog section, the version
//! files, the lock files that follow them, and the requirements of internal dependents.

use std::path::{Path, PathBuf};

use semver::Version;

use super::{changelog, check_listed_exist, crates, dependents, files, npm_lock, same_file};
use crate::Result;
use crate::config::Config;
use crate::git::Repo;
use crate::history::version::files::{self as vfiles, Edit};

/// The file edits of a release: the changelog section, the version files, Cargo.lock.
pub struct Edits {
    /// Changelog first, then version files, then Cargo.lock.
    pub edits: Vec<Edit>,
    /// The version files found.
    pub bumped: Vec<vfiles::VersionFile>,
    /// What each of them said before.
    pub old_file_versions: Vec<String>,
    /// The found version files left as they are, each with its note (see `files::sort_version_files`).
    pub left_alone: files::LeftAlone,
    /// The notes naming what the release bumps beyond the files at its version.
    pub also: Vec<String>,
    /// The lock files it leaves alone as HEAD does not track them, each with its note.
    pub untracked: Vec<(PathBuf, String)>,
}

/// Computes the edits that turn the work tree into release `version`, writing nothing. A
/// package's (a hand tag of it) moves its version in npm's root lock too, as `release
/// --package` does for every package it releases.
pub fn edits_for(
    repo: &Repo,
    config: &Config,
    root: &Path,
    version: &Version,
    date: &str,
) -> Result<Edits> {
    let mut e = edits_with(repo, config, root, version, date, &[])?;
    if config.package.is_some() {
        npm_lock::package_release(repo, config, root, &mut e, version)?;
        e.leave_out_untracked_locks(repo);
    }
    // bun's binary lock holds the package.json files too, and only bun writes it.
    super::bun_lock::binary_notes(repo, root, &e.edits, &mut e.untracked);
    Ok(e)
}

/// [`edits_for`], with `extra` entries (Markdown, without the `- `) added to the `Changed`
/// sub-section of the released section when the changelog does not hold them yet: the reasons
/// a monorepo package is released without commits of its own (see `dependents`).
pub fn edits_with(
    repo: &Repo,
    config: &Config,
    root: &Path,
    version: &Version,
    date: &str,
    extra: &[String],
) -> Result<Edits> {
    check_listed_exist(config, root)?;
    super::dirty::refuse_dirty_version(repo, config, root)?;
    let (changelog, mut carried_once) =
        changelog::changelog_edit(repo, config, root, version, date, extra)?;
    let mut edits = vec![changelog];
    let sorted = files::sorted(repo, config, root, version)?;
    super::split_lock::refuse(repo, config, root, &sorted)?;
    let new = version.to_string();
    let plan = |locks: vfiles::Locks<'_>| {
        files::bump_edits(repo, config, locks, root, &sorted.bumped, &new)
    };
    let (bumps, locks_left) = plan(vfiles::Locks::WorkTree)?;
    super::dirty_locks::refuse_unmoved(repo, root, &config.commit, &bumps, |locks| {
        Ok(plan(locks)?.0)
    })?;
    edits.extend(bumps);
    // A package of a `[packages]` monorepo: its dependents are the monorepo release's.
    let dependents = config.package.is_none() && config.release.bump_dependents;
    let mut also = Vec::new();
    if config.package.is_none() {
        let rewrite = config.release.bump_dependents;
        let moved = crates::requirement_edits(root, &mut edits, &sorted.bumped, version, rewrite)?;
        // The packages requiring the root's crates: their Unreleased names the new requirement.
        let (logs, notes) = super::packages::root_dependent::of_root::unreleased_edits(
            repo, config, root, &moved, version,
        )?;
        edits.extend(logs);
        also = notes;
        // In a monorepo the root's own requirements that moved are in its notes, as a
        // package dependent's are: the section is made again with them.
        let own = super::packages::root_dependent::of_root::own_entries(root, &moved, version);
        let own: Vec<String> = own.into_iter().filter(|e| !extra.contains(e)).collect();
        if !config.packages.is_empty() && !own.is_empty() {
            let extra = [extra, &own].concat();
            let (log, carried) =
                changelog::changelog_edit(repo, config, root, version, date, &extra)?;
            edits[0] = log;
            carried_once = carried;
        }
    }
    let (bumped, old_file_versions): (Vec<_>, Vec<_>) = sorted.bumped.into_iter().unzip();
    if dependents {
        dependents::lerna_requirements(root, &mut edits, &bumped, version)?;
    }
    same_file::fold(&mut edits, &config.commit)?;
    let mut e = Edits {
        edits,
        bumped,
        old_file_versions,
        left_alone: [sorted.left_alone, locks_left].concat(),
        also: sorted
            .also
            .into_iter()
            .chain(carried_once)
            .chain(also)
            .collect(),
        untracked: Vec::new(),
    };
    e.leave_out_untracked_locks(repo);
    Ok(e)
}
