//! A monorepo whose root is never released: its package.json says `"private": true` (a
//! changesets or yarn workspace root), or its Cargo.toml is a virtual manifest with no
//! `[workspace.package] version`, and nothing else at the top holds a version of the
//! root's (lerna's fixed mode, a crate, a Python project). Each package keeps its own
//! changelog; `init` writes no root changelog there, and post-commit does not send a root
//! commit's entry to `init` for one.

use std::path::Path;

use super::passed_over::{is_private, lerna_fixed, npm_manifest};

/// Why the root of the workspace at `root` (the top of the work tree) is not released, as a
/// clause (`the root package.json is private`); `None` when it may be.
pub fn unreleased(root: &Path) -> Option<&'static str> {
    private_npm_root(root).or_else(|| virtual_cargo_root(root))
}

/// A Cargo workspace's virtual manifest (`[workspace]`, no `[package]`, no `[workspace.package]
/// version`) with nothing else at the top that holds a version: it has no version of its own
/// to release, only its crates have.
fn virtual_cargo_root(root: &Path) -> Option<&'static str> {
    let text = crate::fsx::regular_text(&root.join("Cargo.toml"))?;
    let table = text.parse::<toml::Table>().ok()?;
    let workspace = table.get("workspace")?.as_table()?;
    let shared = workspace
        .get("package")
        .and_then(|p| p.as_table())
        .is_some_and(|p| p.contains_key("version"));
    if table.contains_key("package") || shared {
        return None;
    }
    crate::history::version::files::detect(root).is_empty().then_some(
        "the root Cargo.toml is a virtual manifest (`[workspace]` with no `[package]` and no `[workspace.package] version`), so the root has no version of its own and is not released",
    )
}

/// Whether the root is [`unreleased`] for its private package.json (not a virtual Cargo
/// manifest): the file a fix names.
pub fn private_npm(root: &Path) -> bool {
    private_npm_root(root).is_some()
}

/// [`unreleased`] for a private root package.json.
fn private_npm_root(root: &Path) -> Option<&'static str> {
    let manifest = npm_manifest(root, Path::new(""))?;
    if !is_private(&manifest) || lerna_fixed(root) {
        return None;
    }
    // A version file of the root's beside it (a Cargo.toml `[package]`, a pyproject.toml
    // `[project]`): that project is released.
    let files = crate::history::version::files::detect(root);
    files
        .iter()
        .all(|f| f.path == Path::new("package.json"))
        .then_some(
            "the root package.json is private (`\"private\": true`), so the root is not released",
        )
}

/// Whether the root at `root` is a private workspace root ([`unreleased`]) with members: its
/// packages are what is released, each with a `[packages.<name>]` table `init` proposes. Not
/// where every package has the root's version (vue's core before `init`): that workspace is
/// released as one project, under the root's tags.
pub fn releases_members(root: &Path) -> bool {
    let members = super::detect::npm_members(root).0;
    unreleased(root).is_some()
        && !members.is_empty()
        && super::passed_over::one_version(root, &members).is_none()
}

/// Why the root project is not released under `config`, the root's own (no package's view):
/// packages set up, no `[version] files` listed, and the root [`unreleased`]. Its packages
/// are what is released; the root's package.json (`1.0.0`, `0.0.0`) is no release's version.
pub fn packages_only(config: &crate::config::Config, root: &Path) -> Option<&'static str> {
    let set_up =
        config.package.is_none() && config.version.files.is_none() && !config.packages.is_empty();
    set_up.then(|| unreleased(root)).flatten()
}

/// Whether the root at `root` [`releases_members`] and its package.json has no `version`: no
/// file then says a version of the root's, whatever root tags from before say.
pub fn versionless(root: &Path) -> bool {
    releases_members(root)
        && npm_manifest(root, Path::new("")).is_some_and(|m| m.get("version").is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_private_root_alone_is_not_released() {
        let tmp = tempfile::tempdir().unwrap();
        let r = tmp.path();
        std::fs::write(
            r.join("package.json"),
            r#"{"private": true, "workspaces": ["packages/*"]}"#,
        )
        .unwrap();
        assert!(unreleased(r).is_some());
        std::fs::write(r.join("lerna.json"), r#"{"version": "1.2.0"}"#).unwrap();
        assert_eq!(unreleased(r), None);
        std::fs::remove_file(r.join("lerna.json")).unwrap();
        std::fs::write(
            r.join("Cargo.toml"),
            "[package]\nname = \"x\"\nversion = \"0.1.0\"\n",
        )
        .unwrap();
        assert_eq!(unreleased(r), None);
        std::fs::remove_file(r.join("Cargo.toml")).unwrap();
        std::fs::write(r.join("package.json"), r#"{"workspaces": ["packages/*"]}"#).unwrap();
        assert_eq!(unreleased(r), None);
    }
}
