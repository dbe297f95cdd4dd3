//! What a package's tests build on outside its own directory: the directories of the workspace
//! packages it depends on (a Cargo `path`, also one inherited from `[workspace.dependencies]`;
//! an npm requirement on a workspace package's name, or a `file:`/`link:` path), followed
//! transitively, and the files at the top that every member builds with (the lock files, the
//! workspace manifests a member inherits lints, dependencies and profiles from, the
//! toolchain). A package's test record names them as one digest:
//! the record counts for another commit only where they are the same too, since a commit whose
//! package directory is unchanged may still fail to build against a changed dependency.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use git2::Oid;

use crate::config::Config;
use crate::git::Repo;
use crate::history::version::files::cargo_deps;
use crate::history::version::files::deps::{self, Manifest};

/// Files at the top of a workspace, whatever the ecosystem, that every member builds with: the
/// lock files, the workspace manifests (`lints.workspace = true`, `x = { workspace = true }`,
/// `[profile]` and `[patch]` are read from the root Cargo.toml; the root package.json's
/// dependencies are the workspace's), and the toolchain files.
const ROOT_LOCKS: &[&str] = &[
    "Cargo.toml",
    "package.json",
    "pnpm-workspace.yaml",
    "rust-toolchain.toml",
    "rust-toolchain",
    ".cargo/config.toml",
    "Cargo.lock",
    "package-lock.json",
    "npm-shrinkwrap.json",
    "pnpm-lock.yaml",
    "yarn.lock",
    "bun.lock",
    "bun.lockb",
    "uv.lock",
    "poetry.lock",
    "Pipfile.lock",
];

/// The dependencies of one package at one commit: each path with its id there, the
/// directories first (in path order), then the lock files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Depends {
    entries: Vec<(PathBuf, Oid)>,
}

impl Depends {
    /// What the package in `dir` depends on at `commit` (see the module's comment); `config`
    /// gives the workspace's other packages, whose names an npm requirement may name.
    pub fn at(repo: &Repo, config: &Config, commit: Oid, dir: &Path) -> Depends {
        let read = |path: &Path| {
            let file = repo.file_at(commit, path).ok()??;
            Some(String::from_utf8_lossy(&file.bytes).into_owned())
        };
        let mut npm_names: Option<BTreeMap<String, PathBuf>> = None;
        let mut seen = vec![dir.to_path_buf()];
        let mut queue = vec![dir.to_path_buf()];
        while let Some(at) = queue.pop() {
            let mut found = cargo_dirs(&read, &at);
            if let Some(text) = read(&at.join(Manifest::Npm.file_name())) {
                let names = npm_names.get_or_insert_with(|| npm_packages(repo, config, &read));
                found.extend(npm_dirs(&text, &at, names));
            }
            for d in found {
                if !seen.contains(&d) {
                    seen.push(d.clone());
                    queue.push(d);
                }
            }
        }
        seen.remove(0);
        seen.sort();
        let locks = ROOT_LOCKS.iter().map(PathBuf::from);
        let entries = seen
            .into_iter()
            .chain(locks)
            .filter_map(|p| Some((repo.path_id(commit, &p)?, p)))
            .map(|(id, p)| (p, id))
            .collect();
        Depends { entries }
    }

    /// One id for them all, the same wherever they are the same: the git blob id of their
    /// `<path>\t<id>` lines.
    pub fn digest(&self) -> String {
        let text: String = self
            .entries
            .iter()
            .map(|(p, id)| format!("{}\t{id}\n", p.display()))
            .collect();
        crate::git::blob_id(text.as_bytes())
    }

    /// `crates/util 1a2b3c4d5, Cargo.lock 6e7f8a9b0` (the first four, then how many more);
    /// `None` when there are none.
    pub fn describe(&self) -> Option<String> {
        let mut named: Vec<String> = self
            .entries
            .iter()
            .take(4)
            .map(|(p, id)| format!("{} {}", p.display(), crate::git::short_id(*id)))
            .collect();
        if self.entries.len() > 4 {
            named.push(format!("{} more", self.entries.len() - 4));
        }
        (!named.is_empty()).then(|| named.join(", "))
    }
}

/// The directories the `Cargo.toml` in `dir` names by `path`, its own or inherited from the
/// root's `[workspace.dependencies]`.
fn cargo_dirs(read: &dyn Fn(&Path) -> Option<String>, dir: &Path) -> Vec<PathBuf> {
    let Some(text) = read(&dir.join(Manifest::Cargo.file_name())) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = cargo_deps::path_deps(&text)
        .unwrap_or_default()
        .iter()
        .filter(|d| d.section != "workspace.dependencies")
        .filter_map(|d| inside(dir, &d.path))
        .collect();
    let inherited = deps::inherited(&text).unwrap_or_default();
    if !inherited.is_empty() {
        let root = read(Path::new("Cargo.toml"))
            .and_then(|t| cargo_deps::path_deps(&t))
            .unwrap_or_default();
        out.extend(
            root.iter()
                .filter(|d| d.section == "workspace.dependencies")
                .filter(|d| inherited.iter().any(|(key, _)| *key == d.key))
                .filter_map(|d| inside(Path::new(""), &d.path)),
        );
    }
    out
}

/// The directories of the workspace packages the `package.json` `text` in `dir` requires:
/// by name, or by a `file:`/`link:` path.
fn npm_dirs(text: &str, dir: &Path, names: &BTreeMap<String, PathBuf>) -> Vec<PathBuf> {
    deps::requirements(Manifest::Npm, text)
        .unwrap_or_default()
        .iter()
        .filter_map(|r| {
            let path = r
                .text
                .strip_prefix("file:")
                .or(r.text.strip_prefix("link:"));
            match path {
                Some(p) => inside(dir, p),
                None => names.get(&r.name).cloned(),
            }
        })
        .collect()
}

/// The published name of every workspace package, as `read` gives its `package.json`: the configured packages' and
/// the other workspace members' (`package.json` `name`), the top excluded.
fn npm_packages(
    repo: &Repo,
    config: &Config,
    read: &dyn Fn(&Path) -> Option<String>,
) -> BTreeMap<String, PathBuf> {
    let members = repo
        .work_tree()
        .map(|root| crate::history::packages::detect::workspace_dirs(&root))
        .unwrap_or_default();
    let dirs = config
        .packages
        .iter()
        .map(|p| p.path.clone())
        .chain(members);
    dirs.filter(|d| !d.as_os_str().is_empty())
        .filter_map(|d| {
            let text = read(&d.join(Manifest::Npm.file_name()))?;
            Some((deps::package_name(Manifest::Npm, &text)?, d))
        })
        .collect()
}

/// `rel`, written in `dir`, as a path from the top; `None` when it leaves the repository (or
/// is the top itself, whose tree is everything).
fn inside(dir: &Path, rel: &str) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in dir.join(rel).components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::Normal(part) => out.push(part),
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    (!out.as_os_str().is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_taken_from_the_top_and_never_leave_it() {
        let d = Path::new("crates/api");
        assert_eq!(inside(d, "../util"), Some(PathBuf::from("crates/util")));
        assert_eq!(inside(d, "./../util/"), Some(PathBuf::from("crates/util")));
        assert_eq!(inside(d, "../../../elsewhere"), None);
        assert_eq!(inside(d, "../.."), None);
        assert_eq!(inside(d, "/abs"), None);
    }

    #[test]
    fn npm_requirements_name_workspace_packages_or_paths() {
        let names = BTreeMap::from([("@x/util".to_owned(), PathBuf::from("packages/util"))]);
        let text = r#"{ "name": "@x/api", "dependencies": { "@x/util": "workspace:*", "left-pad": "1.0.0" },
            "devDependencies": { "local": "file:../local" } }"#;
        let mut got = npm_dirs(text, Path::new("packages/api"), &names);
        got.sort();
        assert_eq!(
            got,
            [
                PathBuf::from("packages/local"),
                PathBuf::from("packages/util")
            ]
        );
    }

    #[test]
    fn cargo_paths_are_followed_with_those_inherited_from_the_workspace() {
        let files = BTreeMap::from([
            (
                PathBuf::from("Cargo.toml"),
                "[workspace]\nmembers = [\"crates/*\"]\n[workspace.dependencies]\ncore = { path = \"crates/core\" }\nlone = { path = \"crates/lone\" }\n",
            ),
            (
                PathBuf::from("crates/api/Cargo.toml"),
                "[package]\nname = \"api\"\n[dependencies]\nutil = { path = \"../util\", version = \"0.1\" }\ncore = { workspace = true }\nserde = \"1\"\n[dev-dependencies]\nkit = { path = \"../kit\" }\n",
            ),
        ]);
        let read = |p: &Path| files.get(p).map(|t| (*t).to_owned());
        let mut got = cargo_dirs(&read, Path::new("crates/api"));
        got.sort();
        assert_eq!(
            got,
            ["crates/core", "crates/kit", "crates/util"].map(PathBuf::from)
        );
    }
}
