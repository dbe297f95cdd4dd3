//! Where releases start before the first release tag: the version the project's files
//! already say, else `version.initial`; and the first releases that would take those files
//! down or could not tell where they start.

use std::path::Path;

use git2::Oid;
use semver::Version;

use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::history::version::files;

/// Before the first release tag the version files say the version: a release below it would
/// take them down. `relhook release` and a hand tag refuse it alike.
pub fn first_release_below_files(
    repo: &Repo,
    config: &Config,
    root: &Path,
    version: &Version,
) -> Option<Refusal> {
    let head = repo.head()?;
    let prefix = &config.version.tag_prefix;
    let own = format!("{prefix}{version}");
    if repo
        .latest_release_tag_except(head, prefix, Some(&own))
        .is_some()
    {
        return None;
    }
    let (current, from, filed) = from_files_or_initial_which(config, root);
    filed
        .then(|| super::unbumpable::below_files(version, (&current, &from), config, root))
        .flatten()
}

/// Before the first release tag, a version file that holds a version relhook cannot read as
/// SemVer (PEP 440's `1.2.3rc1`, `1.2.3.post1`, a calendar `2024.1`) while no file holds one
/// it can: the release could not tell where it starts, and would take the file to
/// `version.initial`, below what it says. Refused, with the SemVer spelling to write where
/// there is one.
pub fn unreadable_file_version(repo: &Repo, config: &Config, root: &Path) -> Option<Refusal> {
    let head = repo.head()?;
    if repo
        .latest_release_tag(head, &config.version.tag_prefix)
        .is_some()
    {
        return None;
    }
    let found = super::version_files(config, root);
    let texts: Vec<(&files::VersionFile, String)> = found
        .iter()
        .filter_map(|f| Some((f, files::read_version(root, f).ok()?)))
        .collect();
    if texts.iter().any(|(_, t)| Version::parse(t).is_ok()) {
        return None;
    }
    let (f, text) = texts.into_iter().next()?;
    let path = f.path.display();
    let (said, fix) = match crate::history::changelog::pep440_pre(&text) {
        Some(v) => (
            format!(" (PEP 440's spelling of SemVer `{v}`)"),
            format!("write `{v}` in {path} (the same version, as SemVer) and commit"),
        ),
        None => (
            String::new(),
            format!("write the SemVer version it stands for (`X.Y.Z`) in {path} and commit"),
        ),
    };
    Some(Refusal::new(
        Reason::VersionFile,
        format!(
            "{path} ({}) says `{text}`, which is not a SemVer version{said}, and no release tag says where releases start: relhook cannot tell whether a release goes up from it",
            f.locator
        ),
        format!("{fix}, then release"),
    ))
}

/// Before the first release tag, the version files are where the current version is read: one
/// relhook cannot read (a key written twice, a symbolic link out of the work tree, a manifest
/// that does not parse) fails `relhook version` as it fails the release, never passed over
/// for `version.initial`.
pub fn version_files_readable(config: &Config, root: &Path) -> crate::Result<()> {
    // A file where relhook never writes (a link, a folder out of the work tree), or a listed
    // one missing, is told as the release tells it, with the fix.
    let found = super::version_files(config, root);
    super::check_path_list(config, root, found.iter().map(|f| f.path.as_path()))?;
    super::check_listed_exist(config, root)?;
    for f in &found {
        files::read_version(root, f).map_err(|e| {
            match super::detected::unreadable(&e, config) {
                Some(r) => crate::Error::Refused(r),
                None => e.into(),
            }
        })?;
    }
    Ok(())
}

/// The version releases start from with no release tag (the version files', else
/// `version.initial`), where it was read, and whether a version file said it.
pub(super) fn from_files_or_initial_which(config: &Config, root: &Path) -> (Version, String, bool) {
    let found = super::version_files(config, root);
    let versions = found.iter().filter_map(|f| {
        let text = files::read_version(root, f).ok()?;
        Some((f, Version::parse(&text).ok()?))
    });
    // `0.0.0` and `0.0.0-development` are placeholders: no version yet.
    let found = super::files::untagged_current(config, versions)
        .filter(|(_, v)| !super::files::is_placeholder(v));
    if let Some((f, v)) = found {
        return (
            v,
            format!("{} ({}), no release tag yet", f.path.display(), f.locator),
            true,
        );
    }
    // A package's crate that takes its version from its Cargo workspace.
    if let Some((v, said)) = config
        .package
        .as_ref()
        .and_then(|p| super::packages::inherited_version(root, &p.path))
        .filter(|(v, _)| !super::files::is_placeholder(v))
    {
        return (v, format!("{said}, no release tag yet"), true);
    }
    (
        config.version.initial.clone(),
        "`version.initial`, no release tag or version file yet".into(),
        false,
    )
}

/// The version the project's files said at `commit` (read from the commit, not the work tree),
/// with the file that said it, as [`from_files_or_initial_which`] reads them: `None` when none
/// says one, and releases start from `version.initial`.
pub(super) fn files_version_at(
    repo: &Repo,
    config: &Config,
    root: &Path,
    commit: Oid,
) -> Option<(files::VersionFile, Version)> {
    let found = super::version_files(config, root);
    let versions = found.iter().filter_map(|f| {
        let stored = repo.file_at(commit, &f.path).ok().flatten()?;
        let text = String::from_utf8(stored.bytes).ok()?;
        Some((
            f,
            Version::parse(&files::read_version_in(f, &text).ok()?).ok()?,
        ))
    });
    super::files::untagged_current(config, versions)
        .filter(|(_, v)| !super::files::is_placeholder(v))
        .map(|(f, v)| (f.clone(), v))
}
