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

/// A stable release that would require a pre-release of another package of the workspace.
struct OnPre {
    what: String,
    dependency: String,
}

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
    let Some((name, on)) = stable_requiring_pre(members, read, &released, changes)? else {
        return Ok(None);
    };
    let dependency = &on.dependency;
    Ok(Some(Refusal::new(
        Reason::Dependent,
        on.what,
        format!(
            "release {dependency} as stable first (`{}`), or {name} as a pre-release too (`{} --pre rc`)",
            crate::resume_advice::release_of(Some(dependency)),
            crate::resume_advice::release_of(Some(&name))
        ),
    )))
}

/// What a hand tag would make, for [`hand_tag_on_pre`]: the package's tag form, its
/// `[version] pre_release_start`, and whether a tag name is taken already.
pub struct HandTag<'a> {
    /// The package's tag form.
    pub form: &'a crate::config::TagTemplate,
    /// The first pre-release number (`rc.1`).
    pub pre_start: u64,
    /// Whether a tag of that name exists already.
    pub taken: &'a dyn Fn(&str) -> bool,
}

/// [`stable_on_pre`] for a hand tag of package `name` at `version` (nothing else released,
/// no requirement rewritten): the refusal's words and fix, in one line, the pre-release way
/// on as the tag to make instead.
pub fn hand_tag_on_pre(
    config: &crate::config::Config,
    root: &Path,
    (name, version): (&str, &semver::Version),
    tag: &HandTag<'_>,
) -> Option<String> {
    if !version.pre.is_empty() {
        return None;
    }
    let members = super::left_behind::members(config);
    let disk = |rel: &Path| super::read_text(root, rel);
    let (_, on) = stable_requiring_pre(&members, &disk, &[(name, version)], &[]).ok()??;
    let dependency = &on.dependency;
    // The first rc of the version whose tag is free: `git tag` takes no `--pre`.
    let pre = (tag.pre_start..)
        .map(|n| {
            let mut v = version.clone();
            v.pre = semver::Prerelease::new(&format!("rc.{n}")).unwrap_or_default();
            v
        })
        .find(|v| !(tag.taken)(&tag.form.format(v)))?;
    let pre_tag = tag.form.format(&pre);
    let message = crate::shellword::quote(&format!("{name} {pre}"));
    Some(format!(
        "{}; release {dependency} as stable first (`relhook release --package {dependency}`), or tag {name} as a pre-release instead (`git tag -a {pre_tag} -m {message}`, or `relhook release --package {name} --pre rc`)",
        on.what
    ))
}

fn stable_requiring_pre(
    members: &[Member],
    read: &dyn Fn(&Path) -> Result<Option<String>>,
    released: &[(&str, &semver::Version)],
    changes: &[Change],
) -> Result<Option<(String, OnPre)>> {
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
                // Named by file and version: the file may spell it as an inline table.
                let what = format!(
                    "{name} {version} would be a stable release that requires a pre-release of {dependency} (`{}` in {})",
                    after.trim(),
                    file.display()
                );
                let dependency = dependency.clone();
                return Ok(Some((name.to_owned(), OnPre { what, dependency })));
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
    use super::*;

    #[test]
    fn a_hand_tag_is_told_the_first_free_pre_release_tag() {
        let tmp = tempfile::tempdir().unwrap();
        let write = |rel: &str, text: &str| {
            let path = tmp.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write(
            "core/Cargo.toml",
            "[package]\nname = \"core\"\nversion = \"1.0.0-rc.1\"\n",
        );
        write(
            "api/Cargo.toml",
            "[package]\nname = \"api\"\nversion = \"0.3.0\"\n[dependencies]\ncore = { path = \"../core\", version = \"1.0.0-rc.1\" }\n",
        );
        let text = "[packages.core]\npath = \"core\"\n[packages.api]\npath = \"api\"\n";
        let at = tmp.path().join(".relconfig.toml");
        let config = crate::config::Config::parse(&at, text).unwrap();
        let api = config.packages.iter().find(|p| p.name == "api").unwrap();
        let tag = HandTag {
            form: &api.tag,
            pre_start: 1,
            taken: &|t: &str| t == "api-v0.3.1-rc.1",
        };
        let v = semver::Version::new(0, 3, 1);
        let said = hand_tag_on_pre(&config, tmp.path(), ("api", &v), &tag).unwrap();
        assert!(said.contains("(`1.0.0-rc.1` in api/Cargo.toml)"), "{said}");
        assert!(
            said.contains("`git tag -a api-v0.3.1-rc.2 -m 'api 0.3.1-rc.2'`"),
            "{said}"
        );
        assert!(
            said.contains("`relhook release --package api --pre rc`"),
            "{said}"
        );
    }

    #[test]
    fn a_requirement_names_a_pre_release_by_its_comparators() {
        assert!(names_pre_release("1.1.0-rc.1"));
        assert!(names_pre_release("^2.0.0-beta.3"));
        assert!(!names_pre_release("^1.1.0"));
        assert!(!names_pre_release("workspace:*"));
        assert!(!names_pre_release("1.2"));
    }
}
