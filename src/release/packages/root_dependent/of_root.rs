//! The packages that require a crate of the root project's release (`relhook release` or a
//! hand tag `v…`, which bump the root's crates and move the requirements on them): a package
//! whose shipped requirement moved is a dependent, as the root is of a package's release. The
//! root's release does not release packages, so the release commit writes the `**deps:**`
//! entry into the package's `## [Unreleased]`, which its next `relhook release --package`
//! ships (a patch, unless its commits call for more).

use std::path::Path;

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
        let entries: Vec<String> = moved
            .iter()
            .filter(|m| m.manifest == manifest && !m.section.contains("dev-dependencies"))
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
            name: "app".into(),
            before: "2.0.0".into(),
            after: "3.0.0".into(),
        };
        assert_eq!(
            entry(&m, &Version::new(3, 0, 0)),
            "**deps:** require app 3.0.0 (`2.0.0` → `3.0.0` in crates/api/Cargo.toml)"
        );
    }
}
