//! Whether a monorepo commit is the root project's: the one rule post-commit, `--sync`,
//! `--rebuild`, the next version, the notes and the release share (through
//! [`Filter`](super::Filter) and [`attribute`](super::attribute)).
//!
//! The root project has code of its own: the files outside every package's directory (a root
//! crate of `members = [".", "crates/*"]`, release-plz's `crates/release_plz`, CI, the
//! README). A commit is the root's when it belongs to no package, and also when it changes
//! such a file besides a package's, unless its scope is one of a package's `scopes` (the
//! scope says whose the change is). Files that every package's change touches, or that
//! relhook writes for them, are bookkeeping and make no commit the root's: the changelogs, the
//! configuration, and the lock files in the folders on the way to the packages (a package's
//! new dependency changes the workspace's `Cargo.lock`).
//!
//! Only a root that is a project of its own ([`has_code`]: a root crate, a published root
//! package) has such files: in a bare workspace (a private root package.json, or one with no
//! `name` or no `version`, a virtual Cargo manifest) the files outside the packages are
//! tooling (CI, tsconfig, the README), and a package's change that touches them stays the
//! package's alone, as before.

use std::path::PathBuf;

use crate::config::{Config, FILE_NAME};

/// The lock files a workspace shares, by name: a change to one alone is no root change.
pub const LOCK_FILES: &[&str] = &[
    "Cargo.lock",
    "package-lock.json",
    "npm-shrinkwrap.json",
    "yarn.lock",
    "pnpm-lock.yaml",
    "bun.lock",
    "bun.lockb",
    "poetry.lock",
    "uv.lock",
    "pdm.lock",
    "Pipfile.lock",
    "composer.lock",
    "Gemfile.lock",
    "go.sum",
    "go.work.sum",
];

/// The files (from the top) whose changes make no commit the root's: every changelog relhook
/// keeps (the root's and each package's) and the configuration file.
pub fn bookkeeping(config: &Config) -> Vec<PathBuf> {
    let mut files = vec![config.changelog.path.clone(), PathBuf::from(FILE_NAME)];
    files.extend(config.packages.iter().map(|p| p.changelog.clone()));
    files
}

/// Whether the top of `repo`'s work tree is a project of its own: a Cargo.toml with a
/// `[package]`, a package.json npm could publish ([`npm_project`]), or a pyproject.toml with
/// a `[project]` or `[tool.poetry]` table. Read once per walk or post-commit.
pub fn has_code(repo: &crate::git::Repo) -> bool {
    let Some(top) = repo.work_tree() else {
        return false;
    };
    let toml_has = |file: &str, keys: &[&[&str]]| {
        let Some(text) = crate::fsx::regular_text(&top.join(file)) else {
            return false;
        };
        let Ok(table) = text.parse::<toml::Table>() else {
            return false;
        };
        keys.iter().any(|path| {
            let mut value = Some(&table);
            for k in *path {
                value = value.and_then(|t| t.get(*k)?.as_table());
            }
            value.is_some()
        })
    };
    let npm_public = crate::fsx::regular_text(&top.join("package.json"))
        .and_then(|t| crate::history::version::files::json_value(t.as_bytes()))
        .is_some_and(|v| npm_project(&v));
    toml_has("Cargo.toml", &[&["package"]])
        || npm_public
        || toml_has("pyproject.toml", &[&["project"], &["tool", "poetry"]])
}

/// The folders of the root project's own code in a workspace whose top has none: those of the
/// files `[version] files` lists below the top and outside every package (release-plz's own
/// crate, which `init` makes the root project when it keeps its releases in the top's
/// changelog). A change there is the root's, as a root crate's would be.
pub fn code_dirs(config: &Config) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = Vec::new();
    for f in config.version.files.iter().flatten() {
        let Some(dir) = f.path.parent().filter(|d| !d.as_os_str().is_empty()) else {
            continue;
        };
        let in_package = config.packages.iter().any(|p| dir.starts_with(&p.path));
        if !in_package && !dirs.iter().any(|d| d == dir) {
            dirs.push(dir.to_owned());
        }
    }
    dirs
}

/// Whether `commit`, which changes files outside every package (`outside`), changes the root
/// project's own: any such file in a root that [`has_code`] (`root_code`), else one under
/// its [`code_dirs`] (`dirs`).
pub fn changes_code(
    repo: &crate::git::Repo,
    commit: git2::Oid,
    outside: bool,
    root_code: bool,
    dirs: &[PathBuf],
) -> bool {
    outside && (root_code || dirs.iter().any(|d| repo.changes_path(commit, d)))
}

/// Whether a root package.json is a project's: a `name` and a `version`, and not
/// `"private": true`. A workspace root holding only `workspaces`, scripts and
/// devDependencies is the packages' tooling, never published.
fn npm_project(manifest: &serde_json::Value) -> bool {
    let has = |key: &str| {
        manifest
            .get(key)
            .and_then(serde_json::Value::as_str)
            .is_some()
    };
    has("name")
        && has("version")
        && manifest.get("private").and_then(serde_json::Value::as_bool) != Some(true)
}

/// Whether a commit is the root project's: `scoped`, its scope is one of a package's
/// `scopes`; `in_package`, it belongs to a package; `outside`, it changes a file outside
/// every package that is not [`bookkeeping`] (nor a [`LOCK_FILES`] one), in a root that
/// [`has_code`].
pub fn is_roots(scoped: bool, in_package: bool, outside: bool) -> bool {
    !scoped && (!in_package || outside)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_package_s_commit_is_the_root_s_too_when_it_changes_root_files() {
        assert!(is_roots(false, false, false), "no package's: the root's");
        assert!(is_roots(false, false, true));
        assert!(!is_roots(false, true, false), "a package's alone");
        assert!(
            is_roots(false, true, true),
            "a package's and root files: both"
        );
        assert!(
            !is_roots(true, true, true),
            "a package's scope says whose it is"
        );
        assert!(!is_roots(true, false, true));
    }

    #[test]
    fn only_a_named_versioned_public_package_json_is_a_project() {
        let cases = [
            (r#"{"workspaces":["packages/*"]}"#, false),
            (
                r#"{"workspaces":["p/*"],"devDependencies":{"x":"1"}}"#,
                false,
            ),
            (r#"{"name":"mono","workspaces":["p/*"]}"#, false),
            (r#"{"version":"1.0.0","workspaces":["p/*"]}"#, false),
            (r#"{"name":"m","version":"1.0.0","private":true}"#, false),
            (r#"{"name":"m","version":"1.0.0","private":false}"#, true),
            (
                r#"{"name":"m","version":"1.0.0","workspaces":["p/*"]}"#,
                true,
            ),
        ];
        for (text, project) in cases {
            let value: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(npm_project(&value), project, "{text}");
        }
    }

    #[test]
    fn the_folders_of_listed_version_files_outside_packages_are_the_roots_code() {
        let text = "[version]\nfiles = [\n  { path = \"crates/app/Cargo.toml\", key = \"package.version\" },\n  { path = \"crates/app/Cargo.toml\", key = \"x\" },\n  { path = \"crates/core/VERSION\", pattern = \"{version}\" },\n  { path = \"VERSION\", pattern = \"{version}\" },\n]\n[packages.core]\npath = \"crates/core\"\n";
        let config = Config::parse(std::path::Path::new(FILE_NAME), text).unwrap();
        assert_eq!(code_dirs(&config), [PathBuf::from("crates/app")]);
    }

    #[test]
    fn changelogs_and_the_configuration_are_bookkeeping() {
        let text = "[packages.api]\npath = \"packages/api\"\nchangelog = \"logs/api.md\"\n";
        let config = Config::parse(std::path::Path::new(FILE_NAME), text).unwrap();
        let files = bookkeeping(&config);
        for f in ["CHANGELOG.md", ".relconfig.toml", "logs/api.md"] {
            assert!(files.contains(&PathBuf::from(f)), "{f}: {files:?}");
        }
    }
}
