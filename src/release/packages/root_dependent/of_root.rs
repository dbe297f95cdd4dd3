//! The packages that require a crate of the root project's release (`relhook release` or a
//! hand tag `v…`, which bump the root's crates and move the requirements on them): a package
//! whose shipped requirement moved (its own, or one it inherits from `[workspace.dependencies]`)
//! is a dependent, as the root is of a package's release. The
//! root's release does not release packages, so the release commit writes the `**deps:**`
//! entry into the package's `## [Unreleased]`, which its next `relhook release --package`
//! ships (a patch, unless its commits call for more).

use std::path::{Path, PathBuf};

use semver::Version;

use crate::Result;
use crate::config::Config;
use crate::git::Repo;
use crate::history::version::files::Edit;
use crate::release::crates::Moved;

/// The changelog edits that give each package whose shipped requirement `moved` holds (the
/// root's release of `version`) its `**deps:**` entry, with the note naming each for the plan.
pub fn unreleased_edits(
    repo: &Repo,
    config: &Config,
    root: &Path,
    moved: &[Moved],
    version: &Version,
) -> Result<(Vec<Edit>, Vec<String>)> {
    let mut edits = Vec::new();
    let mut notes = Vec::new();
    for p in &config.packages {
        let manifest = p.path.join("Cargo.toml");
        let inherits = Inherits::of(root, &manifest);
        let entries: Vec<String> = moved
            .iter()
            .filter(|m| ships(m, &manifest, &inherits))
            .map(|m| entry(m, version))
            .collect();
        if entries.is_empty() {
            continue;
        }
        let view = crate::history::packages::view(config, &p.name, root)?;
        if let Some(edit) = super::entries_edit(repo, &view, root, &entries)? {
            for e in &entries {
                notes.push(format!(
                    "{e}: under `## [Unreleased]` in {}, for {}'s next release (`relhook release --package {}`)",
                    view.changelog.path.display(),
                    p.name,
                    crate::shellword::quote(&p.name)
                ));
            }
            edits.push(edit);
        }
    }
    Ok((edits, notes))
}

/// The entries of the root's own release for the requirements of `moved` (its release of
/// `version`) that the root crate ships, in the top Cargo.toml's dependency tables or inherited
/// from its `[workspace.dependencies]`: the release commit changed the root's manifest, and
/// its notes say so as a package dependent's do.
pub fn own_entries(root: &Path, moved: &[Moved], version: &Version) -> Vec<String> {
    let manifest = Path::new("Cargo.toml");
    let inherits = Inherits::of(root, manifest);
    let mut entries: Vec<String> = Vec::new();
    for m in moved.iter().filter(|m| ships(m, manifest, &inherits)) {
        let e = entry(m, version);
        if !entries.contains(&e) {
            entries.push(e);
        }
    }
    entries
}

/// What a crate takes from its workspace's `[workspace.dependencies]`.
#[derive(Default)]
struct Inherits {
    /// The workspace's manifest.
    workspace: Option<PathBuf>,
    /// Each key inherited (`key = { workspace = true }`), with whether it is dev-only.
    keys: Vec<(String, bool)>,
}

impl Inherits {
    /// What the crate of `manifest` inherits (nothing when it is not there).
    fn of(root: &Path, manifest: &Path) -> Inherits {
        let read = |p: &Path| crate::release::crates::disk_text(root, p);
        let Some(text) = read(manifest) else {
            return Inherits::default();
        };
        Inherits {
            workspace: crate::release::crates::workspace_root(&read, manifest, &text)
                .map(|w| w.join("Cargo.toml")),
            keys: crate::history::version::files::deps::inherited(&text).unwrap_or_default(),
        }
    }
}

/// Whether the crate of `manifest` ships the requirement `m` moved: written in its own
/// dependency tables, or in its workspace's `[workspace.dependencies]` under a key it inherits
/// outside `[dev-dependencies]` (one both shipped and dev-only counts as shipped).
fn ships(m: &Moved, manifest: &Path, inherits: &Inherits) -> bool {
    if m.section == "workspace.dependencies" {
        return inherits.workspace.as_deref() == Some(m.manifest.as_path())
            && inherits.keys.iter().any(|(k, dev)| *k == m.key && !dev);
    }
    m.manifest == manifest && !m.section.contains("dev-dependencies")
}

/// The entry of a moved requirement, as a package release's dependent gets it.
fn entry(m: &Moved, version: &Version) -> String {
    format!(
        "**deps:** require {} {version} (`{}` → `{}` in {})",
        m.name,
        m.before,
        m.after,
        m.manifest.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_entry_reads_as_a_package_dependents() {
        let m = Moved {
            manifest: "crates/api/Cargo.toml".into(),
            section: "dependencies".into(),
            key: "app".into(),
            name: "app".into(),
            before: "2.0.0".into(),
            after: "3.0.0".into(),
        };
        assert_eq!(
            entry(&m, &Version::new(3, 0, 0)),
            "**deps:** require app 3.0.0 (`2.0.0` → `3.0.0` in crates/api/Cargo.toml)"
        );
    }

    #[test]
    fn a_workspace_requirement_is_shipped_by_the_crates_inheriting_it() {
        let m = Moved {
            manifest: "Cargo.toml".into(),
            section: "workspace.dependencies".into(),
            key: "core".into(),
            name: "core".into(),
            before: "0.1.0".into(),
            after: "0.2.0".into(),
        };
        let api = Path::new("crates/api/Cargo.toml");
        let inherits = |keys: &[(&str, bool)]| Inherits {
            workspace: Some("Cargo.toml".into()),
            keys: keys.iter().map(|(k, d)| ((*k).to_owned(), *d)).collect(),
        };
        assert!(ships(&m, api, &inherits(&[("core", false)])));
        assert!(ships(
            &m,
            api,
            &inherits(&[("core", true), ("core", false)])
        ));
        assert!(!ships(&m, api, &inherits(&[("core", true)])));
        assert!(!ships(&m, api, &inherits(&[("other", false)])));
        // Another workspace's table is not the crate's.
        let elsewhere = Inherits {
            workspace: Some("tools/Cargo.toml".into()),
            ..inherits(&[("core", false)])
        };
        assert!(!ships(&m, api, &elsewhere));
        // The workspace's own manifest ships nothing of its table by itself.
        assert!(!ships(&m, Path::new("Cargo.toml"), &Inherits::default()));
    }
}
