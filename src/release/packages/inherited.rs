//! A crate whose version is its workspace's (`version.workspace = true`) shares
//! `[workspace.package] version` with every crate that inherits it, so a release of its package
//! alone cannot give it a version: the tree would keep the old one under the new tag, and the
//! requirements the release moves to the new version would not resolve (`failed to select a
//! version for the requirement`). Such a release is refused before anything is written; a
//! release at the version the workspace already says is left to go, and so is one where every
//! crate sharing the version is a package due on its own commits at the same next version: the
//! shared version moves once, with each package's tag (see [`refuse_inherited`]).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use semver::Version;

use super::{PackagePlan, Selection};
use crate::error::{Reason, Refusal};
use crate::history::version::files::{Locator, VersionFile, cargo_deps};
use crate::release::crates::{disk_text, workspace_root};
use crate::{Error, Result};

/// A package whose release its inherited version cannot take.
struct Stuck {
    package: String,
    version: String,
    manifest: PathBuf,
    name: String,
    /// The workspace's manifest.
    workspace: PathBuf,
    /// What `[workspace.package] version` says.
    shared: String,
    /// The other crates that inherit it.
    others: Vec<String>,
    /// The manifests of every crate that inherits it, its own included.
    sharing: Vec<PathBuf>,
    /// Released only because a package it requires is.
    dependent: bool,
}

impl Stuck {
    /// What stops the release (or the hand tag): the crate, where its version is and who
    /// shares it.
    fn why(&self) -> String {
        let shared_with = if self.others.is_empty() {
            String::new()
        } else {
            format!(", shared with {}", list(&self.others))
        };
        format!(
            "{}: crate {} takes its version from {}'s [workspace.package] version = \"{}\" (`version.workspace = true`){shared_with}, so package {} cannot be released alone as {}",
            self.manifest.display(),
            self.name,
            self.workspace.display(),
            self.shared,
            self.package,
            self.version,
        )
    }
}

/// The package `package` (its directory `dir`) at `version`, when its crate inherits its
/// version from its workspace and that says another.
fn stuck(root: &Path, package: &str, dir: &Path, version: &Version) -> Option<Stuck> {
    let read = |p: &Path| disk_text(root, p);
    let manifest = dir.join("Cargo.toml");
    let text = read(&manifest)?;
    let Some((name, true)) = cargo_deps::package_of(&text) else {
        return None;
    };
    let ws = workspace_root(&read, &manifest, &text)?;
    let workspace = ws.join("Cargo.toml");
    let shared = read(&workspace)
        .as_deref()
        .and_then(shared_version)
        .unwrap_or_default();
    if shared == version.to_string() {
        return None;
    }
    let sharing = inheriting(root, &ws);
    let others = sharing
        .iter()
        .map(|(_, n)| n.clone())
        .filter(|n| *n != name)
        .collect();
    Some(Stuck {
        package: package.to_owned(),
        version: version.to_string(),
        manifest,
        name,
        workspace,
        shared,
        others,
        sharing: sharing.into_iter().map(|(m, _)| m).collect(),
        dependent: false,
    })
}

/// The version a package's crate (in `dir`) takes from its workspace (`version.workspace =
/// true`), and where it is said: the package's current version while it has no tag, as the
/// version files of a crate with its own version are.
pub fn inherited_version(root: &Path, dir: &Path) -> Option<(Version, String)> {
    let read = |p: &Path| disk_text(root, p);
    let manifest = dir.join("Cargo.toml");
    let text = read(&manifest)?;
    let Some((_, true)) = cargo_deps::package_of(&text) else {
        return None;
    };
    let ws = workspace_root(&read, &manifest, &text)?;
    let workspace = ws.join("Cargo.toml");
    let shared = shared_version(&read(&workspace)?)?;
    let version = Version::parse(&shared).ok()?;
    Some((
        version,
        format!(
            "{}'s [workspace.package] version, which {} inherits (`version.workspace = true`)",
            workspace.display(),
            manifest.display()
        ),
    ))
}

/// Why a hand tag of `package` (its directory `dir`) at `version` cannot be made: its crate
/// inherits its version from its workspace, which says another (a hand tag changes one
/// package's version files, and the crate has none of its own).
pub fn hand_tag_inherited(
    root: &Path,
    package: &str,
    dir: &Path,
    version: &Version,
) -> Option<String> {
    let s = stuck(root, package, dir, version)?;
    Some(format!(
        "{}; give {} a version of its own (`version = \"{}\"` for `version.workspace = true`) and commit first, or release the workspace as one project (without [packages] tables)",
        s.why(),
        s.manifest.display(),
        s.shared
    ))
}

/// Refuses the release of `chosen` when one of its crates inherits its version from its
/// workspace and the release gives it another; `selection` names the command to run again,
/// `off` whether `[release] bump_dependents = false` is a way on (see `bump_off_keeps_met`).
/// When every crate sharing a workspace's version is a chosen package due on its own commits
/// at one next version, that version is theirs to move: each of those packages gets the
/// workspace's `[workspace.package] version` as a version file of its own (the same edit for
/// each, combined into one, and Cargo.lock's entries of every inheriting crate follow it).
pub fn refuse_inherited(
    root: &Path,
    chosen: &mut BTreeMap<String, PackagePlan>,
    selection: &Selection,
    off: bool,
) -> Result<()> {
    let all: Vec<Stuck> = chosen
        .values()
        .filter_map(|p| {
            let dir = &p.view.package.as_ref()?.path;
            let s = stuck(root, &p.name, dir, &p.version)?;
            Some(Stuck {
                dependent: p.info.is_none(),
                ..s
            })
        })
        .collect();
    // Each chosen package's crate manifest, with its version and whether it is due on its own.
    let due: Vec<(PathBuf, &Version, bool)> = chosen
        .values()
        .filter_map(|p| {
            let dir = &p.view.package.as_ref()?.path;
            Some((dir.join("Cargo.toml"), &p.version, p.info.is_some()))
        })
        .collect();
    let together = |s: &Stuck| {
        s.sharing.iter().all(|m| {
            due.iter()
                .any(|(d, v, own)| d == m && *own && v.to_string() == s.version)
        })
    };
    let (moved, stuck): (Vec<Stuck>, Vec<Stuck>) = all.into_iter().partition(together);
    let Some(first) = stuck.first() else {
        for s in moved {
            let Some(p) = chosen.get_mut(&s.package) else {
                continue;
            };
            let shared = VersionFile {
                path: s.workspace.clone(),
                locator: Locator::TomlKey("workspace.package.version".to_owned()),
            };
            p.view
                .version
                .files
                .get_or_insert_with(Vec::new)
                .push(shared);
        }
        return Ok(());
    };
    let what = format!("{}; nothing was released", first.why());
    let manifests: Vec<String> = stuck
        .iter()
        .map(|s| s.manifest.display().to_string())
        .collect();
    let command = again(selection);
    let each = if manifests.len() > 1 { " each" } else { "" };
    let mut fix = format!(
        "give {}{each} a version of its own (`version = \"{}\"` for `version.workspace = true`), commit, and run `{command}` again, or release the workspace as one project (without [packages] tables)",
        list(&manifests),
        first.shared,
    );
    if off && stuck.iter().all(|s| s.dependent) {
        fix.push_str(", or set `[release] bump_dependents = false`");
    }
    Err(Error::Refused(Refusal::new(Reason::VersionFile, what, fix)))
}

/// The release command of `selection`, to run again once the refusal's fix is committed: the
/// one given, its version and `--pre` too (without them, it releases the version relhook
/// chooses); `selection`'s when no release was given (`version --all --next`).
pub(super) fn again(selection: &Selection) -> String {
    if let Some(asked) = crate::resume_advice::asked() {
        return crate::resume_advice::release_asked(&asked);
    }
    let args = match selection {
        Selection::All => "--all".to_owned(),
        Selection::Named(names) => {
            let args: Vec<String> = names
                .iter()
                .map(|n| format!("--package {}", crate::shellword::quote(n)))
                .collect();
            args.join(" ")
        }
    };
    // With the `--config FILE` and the flags given: pasted without them, refused again.
    format!(
        "relhook{} release {args}{}",
        crate::resume_advice::global(),
        crate::resume_advice::release_flags(None)
    )
}

/// `[workspace.package] version` of a workspace's manifest `text`.
fn shared_version(text: &str) -> Option<String> {
    let doc = crate::history::version::files::parsed_toml(text)?;
    let version = doc
        .as_item()
        .get("workspace")?
        .get("package")?
        .get("version")?;
    version.as_str().map(str::to_owned)
}

/// The crates of the workspace in `dir` (its own and its members') that inherit its version,
/// each with its manifest.
fn inheriting(root: &Path, dir: &Path) -> Vec<(PathBuf, String)> {
    let mut manifests = vec![dir.join("Cargo.toml")];
    for m in crate::history::packages::detect::cargo_members(&root.join(dir)) {
        let manifest = dir.join(m).join("Cargo.toml");
        if !manifests.contains(&manifest) {
            manifests.push(manifest);
        }
    }
    let mut crates: Vec<(PathBuf, String)> = manifests
        .into_iter()
        .filter_map(|m| {
            let (name, inherited) = cargo_deps::package_of(&disk_text(root, &m)?)?;
            inherited.then_some((m, name))
        })
        .collect();
    crates.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    crates
}

/// `a`, `a and b`, `a, b and c`.
fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
