//! A Python project's release to a version PEP 440 cannot take, refused before anything is
//! written: one uv's lock cannot spell (PEP 440 has no `1.3.0-next.1`), or one that does not
//! go up in PEP 440's order though it does in SemVer's (`1.3.0-dev.1` after `1.3.0-beta.1`
//! is `1.3.0.dev1` after `1.3.0b1`; `1.3.0-rc.1` after `1.3.0-pre.1` is `rc1` again), or a
//! SemVer pre-release PEP 440 reads as a post-release (`1.3.0-post.1` is `1.3.0.post1`,
//! above `1.3.0`, so the orders disagree whatever follows), or one a release tag SemVer puts
//! below is at or above in PEP 440's order (`1.3.0` after `v1.3.0-post.1`, whatever the
//! version files say now), or one package metadata (`pyproject.toml`) cannot spell, uv.lock
//! or not. Each refusal names the nearest version that is above every release there is
//! in both orders (`1.3.0-rc.2` after `1.3.0-rc.1`): `relhook release`'s names that
//! release, a hand tag's that tag. A Cargo or npm project keeps SemVer's order alone.

use std::path::Path;

use semver::Version;

use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::history::version::files::{
    self, Edit, LocksLeft, Pep440Error, VersionFile, VersionFileError,
};

/// The `uv.lock` edits of a release to `new` of `bumped` (the version files, each with what
/// it says), and the locks it leaves; refused when a Python one cannot take `new` (see the
/// module), naming the version to release instead.
pub fn uv_lock_edits(
    repo: &Repo,
    config: &Config,
    locks: files::Locks<'_>,
    root: &Path,
    bumped: &[(VersionFile, String)],
    new: &str,
) -> crate::Result<(Vec<Edit>, LocksLeft)> {
    checked(repo, config, locks, root, bumped, new)
        .map_err(|e| refusal(repo, config, root, bumped, e))
}

/// The checks of the module in order, then the `uv.lock` edits: uv's own refusal of a
/// spelling comes before the metadata's, which says less.
fn checked(
    repo: &Repo,
    config: &Config,
    locks: files::Locks<'_>,
    root: &Path,
    bumped: &[(VersionFile, String)],
    new: &str,
) -> Result<(Vec<Edit>, LocksLeft), VersionFileError> {
    files::check_pep440_order(bumped, new)?;
    if let Ok(version) = Version::parse(new) {
        files::check_pep440_tags(bumped, &version, &release_tags(repo, config))?;
    }
    let edits = files::uv_lock_edits(locks, root, bumped, new)?;
    files::check_pep440_spelled(bumped, new)?;
    Ok(edits)
}

/// The release tags with their versions: SemVer's, and PEP 440's pre-releases relhook
/// passes over (`v1.0.0b1`), which PyPI has all the same.
fn release_tags(repo: &Repo, config: &Config) -> Vec<(String, Version)> {
    let prefix = &config.version.tag_prefix;
    (repo.tags_under(prefix).into_iter())
        .filter_map(|(name, _)| {
            let rest = name.get(prefix.len()..)?;
            let version = Version::parse(rest)
                .ok()
                .or_else(|| files::semver_spelling(rest))?;
            Some((name, version))
        })
        .collect()
}

/// `e`, a Python version file that cannot take the release's version refused with the
/// release of the nearest version it can; any other error as it is.
fn refusal(
    repo: &Repo,
    config: &Config,
    root: &Path,
    bumped: &[(VersionFile, String)],
    e: VersionFileError,
) -> crate::Error {
    let (reason, version) = match &e {
        VersionFileError::NoLockSpelling { version, .. } => (Reason::VersionFile, version),
        VersionFileError::NotAbovePep440 { version, .. } => (Reason::NotGreater, version),
        VersionFileError::PostAsPre { version, .. } => (Reason::VersionFile, version),
        VersionFileError::Pep440(Pep440Error::BelowTag { version, .. }) => {
            (Reason::NotGreater, version)
        }
        VersionFileError::Pep440(Pep440Error::Unspelled { version, .. }) => {
            (Reason::VersionFile, version)
        }
        _ => return e.into(),
    };
    let Ok(version) = Version::parse(version) else {
        return e.into();
    };
    let instead = instead(repo, config, root, &version, bumped);
    let release = config.release_command();
    let fix = format!("release {instead} instead: `{release} {instead}`");
    crate::Error::Refused(Refusal::new(reason, e.to_string(), fix))
}

/// The version to release instead of `version`: PEP 440 spells it, and it is above, in both
/// orders, every release tag and changelog section below `version` (those `version` had to
/// be above) and what the version files say. The nearest one left the advice refused too
/// (`1.3.0-rc.1` advised after `1.3.0-rc.1`).
fn instead(
    repo: &Repo,
    config: &Config,
    root: &Path,
    version: &Version,
    bumped: &[(VersionFile, String)],
) -> Version {
    let below = |v: &Version| v.cmp_precedence(version).is_lt();
    let tags = release_tags(repo, config).into_iter().map(|(_, v)| v);
    let section = super::above::greatest_in_work_tree(repo, config, root);
    let released = tags.chain(section);
    let mut floors: Vec<String> = released.filter(below).map(|v| v.to_string()).collect();
    let new = version.to_string();
    floors.extend(
        bumped
            .iter()
            .map(|(_, old)| old)
            .filter(|old| **old != new)
            .cloned(),
    );
    files::pep440_instead(version, &floors)
}

/// For a hand tag of `version` (judged in `prepared`): why its release commit cannot be made
/// when a Python version file of a project the release bumps cannot take it (see the
/// module), with the tag to make instead. A stable version can be refused too: a release
/// tag of a post-release (`v1.3.0-post.1`) is above `1.3.0` in PEP 440's order.
pub fn hand_tag(
    repo: &Repo,
    config: &Config,
    root: &Path,
    version: &semver::Version,
) -> Option<String> {
    let new = version.to_string();
    let sorted = super::files::sorted(repo, config, root, version).ok()?;
    let locks = files::Locks::WorkTree;
    let e = checked(repo, config, locks, root, &sorted.bumped, &new).err()?;
    if !of_pep440(&e) {
        return None;
    }
    let instead = instead(repo, config, root, version, &sorted.bumped);
    let tag = format!("{}{instead}", config.version.tag_prefix);
    Some(format!(
        "{e}, so its release commit cannot be made; tag {tag} instead: `git tag -a {tag} -m \"release {instead}\"` (or `{} {instead}`)",
        config.release_command()
    ))
}

/// Whether `e` is a refusal of this module (a Python version file cannot take the version).
fn of_pep440(e: &VersionFileError) -> bool {
    matches!(
        e,
        VersionFileError::NoLockSpelling { .. }
            | VersionFileError::NotAbovePep440 { .. }
            | VersionFileError::PostAsPre { .. }
            | VersionFileError::Pep440(_)
    )
}

/// The version a release of `version` would be refused for in favour of (see the module):
/// `None` when a Python version file can take `version`, or when there is none.
pub fn in_place_of(
    repo: &Repo,
    config: &Config,
    root: &Path,
    version: &Version,
) -> Option<Version> {
    let sorted = super::files::sorted(repo, config, root, version).ok()?;
    let locks = files::Locks::WorkTree;
    let e = checked(
        repo,
        config,
        locks,
        root,
        &sorted.bumped,
        &version.to_string(),
    )
    .err()?;
    of_pep440(&e).then(|| instead(repo, config, root, version, &sorted.bumped))
}

/// For `relhook version --next` (and each package of `--all`): the refusal the release of
/// `version` would meet when a Python version file cannot take it (see the module), so the
/// version shown is one the release makes, never one it then refuses (`--pre dev` after a
/// beta is `.dev0`, below it).
pub fn next_refused(
    repo: &Repo,
    config: &Config,
    root: &Path,
    version: &Version,
) -> Option<Refusal> {
    let new = version.to_string();
    let sorted = super::files::sorted(repo, config, root, version).ok()?;
    let locks = files::Locks::WorkTree;
    let e = checked(repo, config, locks, root, &sorted.bumped, &new).err()?;
    match refusal(repo, config, root, &sorted.bumped, e) {
        crate::Error::Refused(r) => Some(r),
        // Anything else (a lock relhook cannot read) the release says when it gets there.
        _ => None,
    }
}
