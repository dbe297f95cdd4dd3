//! A stable release of a package whose manifest requires another package's pre-release
//! (`cli 0.3.0` with `core = "1.1.0-rc.1"`, left by a release of core's rc): it would ship a
//! stable version built on a release candidate. Refused, naming both ways on.

use std::collections::BTreeMap;
use std::path::Path;

use super::PackagePlan;
use crate::Result;
use crate::error::{Reason, Refusal};
use crate::history::version::files::deps::{self, Manifest};
use crate::release::dependents::{Change, Member};

/// The refusal, if a stable release in `chosen` would require a pre-release of another
/// package of the workspace (after the requirement changes `changes` this release makes).
pub(super) fn stable_on_pre(
    members: &[Member],
    read: &dyn Fn(&Path) -> Result<Option<String>>,
    chosen: &BTreeMap<String, PackagePlan>,
    changes: &[Change],
) -> Result<Option<Refusal>> {
    let released: Vec<(&str, &semver::Version)> = chosen
        .values()
        .map(|p| (p.name.as_str(), &p.version))
        .collect();
    stable_requiring_pre(members, read, &released, changes)
}

/// [`stable_on_pre`] for a hand tag of package `name` at `version` (nothing else released,
/// no requirement rewritten): the refusal's words and fix, in one line.
pub fn hand_tag_on_pre(
    config: &crate::config::Config,
    root: &Path,
    name: &str,
    version: &semver::Version,
) -> Option<String> {
    if !version.pre.is_empty() {
        return None;
    }
    let members = super::left_behind::members(config);
    let disk = |rel: &Path| super::read_text(root, rel);
    let r = stable_requiring_pre(&members, &disk, &[(name, version)], &[]).ok()??;
    Some(match r.fix {
        Some(fix) => format!("{}; {fix}", r.what),
        None => r.what,
    })
}

fn stable_requiring_pre(
    members: &[Member],
    read: &dyn Fn(&Path) -> Result<Option<String>>,
    released: &[(&str, &semver::Version)],
    changes: &[Change],
) -> Result<Option<Refusal>> {
    // Each member's published name, by manifest kind.
    let mut package_of = BTreeMap::new();
    for m in members {
        for kind in [Manifest::Cargo, Manifest::Npm] {
            if let Some(text) = read(&m.dir.join(kind.file_name()))?
                && let Some(name) = deps::package_name(kind, &text)
            {
                package_of.insert((kind.file_name(), name), (m.package.clone(), m.dir.clone()));
            }
        }
    }
    for &(name, version) in released.iter().filter(|(_, v)| v.pre.is_empty()) {
        let Some(m) = members.iter().find(|m| m.package == name) else {
            continue;
        };
        for kind in [Manifest::Cargo, Manifest::Npm] {
            let file = m.dir.join(kind.file_name());
            let Some(text) = read(&file)? else { continue };
            let mut listed: Vec<(deps::Requirement, std::path::PathBuf)> =
                deps::requirements(kind, &text)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|r| (r, file.clone()))
                    .collect();
            // `key = { workspace = true }`: the requirement the root's
            // `[workspace.dependencies]` states.
            if kind == Manifest::Cargo {
                listed.extend(inherited(read, &text)?);
            }
            for (r, file) in listed {
                let Some((dependency, dir)) = package_of.get(&(kind.file_name(), r.name.clone()))
                else {
                    continue;
                };
                let stated_in = file.parent().unwrap_or(Path::new(""));
                if !deps::points_at(&r, stated_in, dir) {
                    continue;
                }
                if r.dev || dependency == name {
                    continue;
                }
                // As this release leaves it.
                let after = changes
                    .iter()
                    .find(|c| c.dependent == name && c.name == r.name && c.file == file)
                    .map_or(r.text.as_str(), |c| c.after.as_str());
                if !names_pre_release(after) {
                    continue;
                }
                return Ok(Some(Refusal::new(
                    Reason::Dependent,
                    format!(
                        "{name} {version} would be a stable release that requires a pre-release of {dependency} (`{} = \"{after}\"` in {})",
                        r.key,
                        file.display()
                    ),
                    format!(
                        "release {dependency} as stable first (`relhook release --package {dependency}`), or {name} as a pre-release too (`--pre rc`)"
                    ),
                )));
            }
        }
    }
    Ok(None)
}

/// The requirements a member's Cargo.toml (`text`) inherits from the workspace root's
/// `[workspace.dependencies]`, each with the file that states it; development-only ones
/// marked so.
fn inherited(
    read: &dyn Fn(&Path) -> Result<Option<String>>,
    text: &str,
) -> Result<Vec<(deps::Requirement, std::path::PathBuf)>> {
    let keys = deps::inherited(text).unwrap_or_default();
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let root = Path::new("Cargo.toml");
    let Some(top) = read(root)? else {
        return Ok(Vec::new());
    };
    let stated = deps::workspace_requirements(&top).unwrap_or_default();
    Ok(keys
        .into_iter()
        .filter_map(|(key, dev)| {
            let mut r = stated.iter().find(|r| r.key == key)?.clone();
            r.dev |= dev;
            Some((r, root.to_path_buf()))
        })
        .collect())
}

/// Whether a version requirement (`1.1.0-rc.1`, `^2.0.0-beta.3`) names a pre-release.
fn names_pre_release(req: &str) -> bool {
    semver::VersionReq::parse(req.trim())
        .is_ok_and(|r| r.comparators.iter().any(|c| !c.pre.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::names_pre_release;

    #[test]
    fn a_requirement_names_a_pre_release_by_its_comparators() {
        assert!(names_pre_release("1.1.0-rc.1"));
        assert!(names_pre_release("^2.0.0-beta.3"));
        assert!(!names_pre_release("^1.1.0"));
        assert!(!names_pre_release("workspace:*"));
        assert!(!names_pre_release("1.2"));
    }
}
