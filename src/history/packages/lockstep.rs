//! A Cargo workspace whose crates each declare one same version (`version = "2.13.1"` in each,
//! not `version.workspace = true`) and are released together under the repository's own tags
//! (`v2.13.1`, git-cliff's layout): one project, not a package per crate, whose release tags
//! would not exist and whose first release would release that version again. Proposed by
//! `init` with the crates' Cargo.toml files as its `[version] files`.

use std::path::{Path, PathBuf};

use super::detect::{cargo_members, toml_at};
use super::names_package;
use super::passed_over::{inherits_version, unpublished_crate};
use super::tag_forms::VersionTag;

/// Crates released in lockstep: their one version and their manifests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lockstep {
    /// The version every crate declares.
    pub version: String,
    /// Each crate's Cargo.toml, relative to the top of the work tree, in path order.
    pub manifests: Vec<PathBuf>,
}

impl Lockstep {
    /// Why no `[packages]` tables are proposed, as one sentence (as `one_project`'s); `prefix`
    /// is the repository's tag prefix.
    pub fn sentence(&self, prefix: &str) -> String {
        format!(
            "No [packages] tables are proposed: the workspace's crates each declare version {}, and its release tags are the repository's own, none a crate's, so the workspace is released as one project, tagged `{prefix}{{version}}`; a release bumps the crates' Cargo.toml, listed in `[version] files` (give each crate a [packages.<name>] table to release it alone).",
            self.version
        )
    }
}

/// The published crates of the root's Cargo workspace when there are two or more, each
/// declares one same version for itself (with `[workspace.package] version`, if there is one,
/// the same), and `tags` (the repository's tags that end in a version) hold release tags of the
/// repository's own (`v1.4.0`) and none named after a crate (`app-v1.4.0`) or another package
/// of `others`. A workspace with no tags yet is not told apart: its crates are proposed as
/// packages, as before.
pub fn lockstep(root: &Path, tags: &[VersionTag], others: &[String]) -> Option<Lockstep> {
    let crates: Vec<PathBuf> = cargo_members(root)
        .into_iter()
        .filter(|dir| !unpublished_crate(root, dir) && !inherits_version(root, dir))
        .collect();
    if crates.len() < 2 {
        return None;
    }
    let field = |dir: &Path, keys: &[&str]| {
        toml_at(&root.join(dir).join("Cargo.toml"), keys)?
            .as_str()
            .map(str::to_owned)
    };
    let version = field(&crates[0], &["package", "version"])?;
    let agree = crates
        .iter()
        .all(|dir| field(dir, &["package", "version"]).as_deref() == Some(&version));
    let shared = field(Path::new(""), &["workspace", "package", "version"]);
    if !agree || shared.is_some_and(|s| s != version) {
        return None;
    }
    let names: Vec<String> = crates
        .iter()
        .map(|dir| {
            field(dir, &["package", "name"]).unwrap_or_else(|| dir.to_string_lossy().into_owned())
        })
        .collect();
    let crate_tags = tags
        .iter()
        .any(|(prefix, _, _)| names.iter().any(|n| names_package(n, prefix)));
    let root_tags = tags
        .iter()
        .any(|(prefix, _, _)| !names.iter().chain(others).any(|n| names_package(n, prefix)));
    (root_tags && !crate_tags).then(|| Lockstep {
        version,
        manifests: crates.iter().map(|d| d.join("Cargo.toml")).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::tag;
    use super::*;

    fn workspace(versions: &[(&str, &str)]) -> tempfile::TempDir {
        let tmp = tempfile::tempdir().unwrap();
        let members: Vec<String> = versions.iter().map(|(n, _)| format!("\"{n}\"")).collect();
        std::fs::write(
            tmp.path().join("Cargo.toml"),
            format!("[workspace]\nmembers = [{}]\n", members.join(", ")),
        )
        .unwrap();
        for (name, version) in versions {
            std::fs::create_dir_all(tmp.path().join(name)).unwrap();
            std::fs::write(
                tmp.path().join(name).join("Cargo.toml"),
                format!("[package]\nname = \"{name}\"\nversion = {version}\n"),
            )
            .unwrap();
        }
        tmp
    }

    #[test]
    fn crates_of_one_version_without_tags_of_their_own_are_one_project() {
        let same = workspace(&[("app", "\"1.4.0\""), ("core", "\"1.4.0\"")]);
        let found = lockstep(same.path(), &[tag("v1.4.0")], &[]).unwrap();
        assert_eq!(found.version, "1.4.0");
        assert_eq!(
            found.manifests,
            [
                PathBuf::from("app/Cargo.toml"),
                PathBuf::from("core/Cargo.toml")
            ]
        );
        // No tags yet: nothing says they go together.
        assert_eq!(lockstep(same.path(), &[], &[]), None);
        assert_eq!(lockstep(same.path(), &[tag("core-v1.4.0")], &[]), None);
        assert_eq!(
            lockstep(same.path(), &[tag("v1.4.0"), tag("app-v1.4.0")], &[]),
            None
        );
        // Only another package's tags (a Python one's) are not the root's.
        assert_eq!(
            lockstep(same.path(), &[tag("py-v1.0.0")], &["py".into()]),
            None
        );
        let apart = workspace(&[("app", "\"1.4.0\""), ("core", "\"0.3.0\"")]);
        assert_eq!(lockstep(apart.path(), &[tag("v1.4.0")], &[]), None);
        let alone = workspace(&[("app", "\"1.4.0\"")]);
        assert_eq!(lockstep(alone.path(), &[tag("v1.4.0")], &[]), None);
        let inherited = workspace(&[
            ("app", "{ workspace = true }"),
            ("core", "{ workspace = true }"),
        ]);
        assert_eq!(lockstep(inherited.path(), &[tag("v1.4.0")], &[]), None);
    }
}
