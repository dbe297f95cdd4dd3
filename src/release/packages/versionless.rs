//! A crate with no `version` key at all (Cargo reads it as 0.0.0, and never publishes it): it
//! has no version file, so a release of its package would tag `x-v0.1.0` and leave the
//! manifest saying no version. Refused before anything is written, with the key to add; its
//! version is then a version file like any crate's.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use semver::Version;

use super::{PackagePlan, Selection};
use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::release::crates::disk_text;
use crate::{Error, Result};

/// The manifest and crate name of the crate in `dir`, when it has `[package]` but neither a
/// `version` nor `version.workspace` (see `inherited` for that one).
fn versionless(root: &Path, dir: &Path) -> Option<(PathBuf, String)> {
    let manifest = dir.join("Cargo.toml");
    let text = disk_text(root, &manifest)?;
    let doc = crate::history::version::files::parsed_toml(text.as_str())?;
    let package = doc.as_item().get("package")?;
    let name = package.get("name")?.as_str()?.to_owned();
    package.get("version").is_none().then_some((manifest, name))
}

/// What stops a release of `package` (its crate in `dir`) as `version`.
fn why(root: &Path, package: &str, dir: &Path, version: &Version) -> Option<(String, String)> {
    let (manifest, name) = versionless(root, dir)?;
    let manifest = manifest.display();
    Some((
        format!(
            "{manifest}: crate {name} has no `version` under [package] (Cargo reads it as 0.0.0), so package {package} released as {version} would keep a manifest that says no version"
        ),
        format!("add `version = \"{version}\"` under [package] in {manifest} and commit"),
    ))
}

/// Why a hand tag of `package` (its directory `dir`) at `version` cannot be made: its crate
/// has no version for the tag's release to write.
pub fn hand_tag_versionless(
    root: &Path,
    package: &str,
    dir: &Path,
    version: &Version,
) -> Option<String> {
    let (what, fix) = why(root, package, dir, version)?;
    Some(format!("{what}; {fix} first"))
}

/// Refuses the release of `chosen` when one of its crates has no version; `selection` names
/// the command to run again, `off` whether `[release] bump_dependents = false` is a way on.
pub fn refuse_versionless(
    root: &Path,
    chosen: &BTreeMap<String, PackagePlan>,
    selection: &Selection,
    off: bool,
) -> Result<()> {
    let first = chosen.values().find_map(|p| {
        let dir = &p.view.package.as_ref()?.path;
        Some((why(root, &p.name, dir, &p.version)?, p.info.is_none()))
    });
    let Some(((what, fix), dependent)) = first else {
        return Ok(());
    };
    let mut fix = format!(
        "{fix}, then run `{}` again",
        super::inherited::again(selection)
    );
    // Released only because a package it requires is: that can be left off instead.
    if off && dependent {
        fix.push_str(", or set `[release] bump_dependents = false`");
    }
    Err(Error::Refused(Refusal::new(
        Reason::VersionFile,
        format!("{what}; nothing was released"),
        fix,
    )))
}

/// The single project's own crate (the root `Cargo.toml`) with no version, refused as a
/// package's is: its release would tag a version the manifest never says (`--version` of the
/// built program prints 0.0.0). Not with `[version] detect = false`, which leaves the
/// manifests out on purpose.
pub fn versionless_root(config: &Config, root: &Path, version: &Version) -> Option<Refusal> {
    if config.package.is_some() || !config.version.detect {
        return None;
    }
    let (what, fix) = why_root(root, version)?;
    Some(Refusal::new(
        Reason::VersionFile,
        format!("{what}; nothing was released"),
        format!(
            "{fix}, then run `{} {version}` again (or set `[version] detect = false` to release without it)",
            config.release_command()
        ),
    ))
}

/// Why a hand tag of the single project at `version` cannot be made (see `versionless_root`).
pub fn hand_tag_versionless_root(
    config: &Config,
    root: &Path,
    version: &Version,
) -> Option<String> {
    if config.package.is_some() || !config.version.detect {
        return None;
    }
    let (what, fix) = why_root(root, version)?;
    Some(format!("{what}; {fix} first"))
}

fn why_root(root: &Path, version: &Version) -> Option<(String, String)> {
    if let Some(why) = inherits_none(root, version) {
        return Some(why);
    }
    let (manifest, name) = versionless(root, Path::new(""))?;
    let manifest = manifest.display();
    Some((
        format!(
            "{manifest}: crate {name} has no `version` under [package] (Cargo reads it as 0.0.0), so released as {version} it would keep a manifest that says no version"
        ),
        format!("add `version = \"{version}\"` under [package] in {manifest} and commit"),
    ))
}

/// The root crate takes its version from its own `[workspace.package]` (`version.workspace =
/// true`), which has none: Cargo cannot build it, and the release would tag a version no
/// manifest says.
fn inherits_none(root: &Path, version: &Version) -> Option<(String, String)> {
    let manifest = Path::new("Cargo.toml");
    let text = disk_text(root, manifest)?;
    let doc = crate::history::version::files::parsed_toml(text.as_str())?;
    let package = doc.as_item().get("package")?;
    let name = package.get("name")?.as_str()?;
    let inherited = package
        .get("version")
        .and_then(|v| v.get("workspace"))
        .and_then(|w| w.as_bool())
        == Some(true);
    let shared = doc
        .as_item()
        .get("workspace")
        .and_then(|w| w.get("package"))
        .and_then(|p| p.get("version"));
    (inherited && shared.is_none()).then(|| {
        (
            format!(
                "Cargo.toml: crate {name} takes its version from [workspace.package] (`version.workspace = true`), which has no `version`, so released as {version} no manifest would say it"
            ),
            format!("add `version = \"{version}\"` under [workspace.package] in Cargo.toml and commit"),
        )
    })
}
