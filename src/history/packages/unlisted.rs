//! Manifests no workspace lists: a standalone crate or npm package below the top (a CLI in
//! `tools/`, beside an npm workspace). `init` proposes no table for one, so it says so
//! rather than pass it over in silence: its commits go to the root project's changelog.

use std::path::{Path, PathBuf};

use super::detect::{Found, SAMPLES, SKIP, cargo_members, expand, npm_members, subdirs, toml_at};
use super::passed_over::{is_private, npm_manifest};

/// How deep below the top a standalone manifest is looked for.
const DEPTH: usize = 3;

/// The sentences `init` says of the manifests below the top that no workspace lists and
/// `found` (the packages proposed) does not hold; `None` when there are none. Those at
/// `root_version` (the root's newest release; git-cliff's npm wrapper) look released with the
/// root project, but init does not list them in `[version] files` (it lists only what a
/// workspace or the tags tie to the root), so the sentence says plainly a release leaves them.
pub fn unlisted(root: &Path, found: &[Found], root_version: Option<&str>) -> Option<String> {
    let mut listed: Vec<PathBuf> = found.iter().map(|f| f.path.clone()).collect();
    listed.extend(cargo_members(root));
    listed.extend(npm_members(root).0);
    let manifest = root.join("Cargo.toml");
    if let Some(exclude) = toml_at(&manifest, &["workspace", "exclude"]) {
        let patterns = exclude.as_array().cloned().unwrap_or_default();
        for p in patterns.iter().filter_map(|p| p.as_str()) {
            listed.extend(expand(root, p)); // left out of the workspace on purpose
        }
    }
    let mut out = Vec::new();
    walk(root, Path::new(""), 0, &listed, &mut out);
    let (along, alone): (Vec<_>, Vec<_>) = out
        .into_iter()
        .partition(|(_, v)| root_version.is_some_and(|r| v == r));
    let mut sentences = Vec::new();
    if let (false, Some(version)) = (along.is_empty(), root_version) {
        sentences.push(format!(
            "Not bumped by a release, though at the root project's version {version}: {}; list {} in `[version] files` to bump {} with the root.",
            names(&along),
            if along.len() == 1 { "it" } else { "each" },
            if along.len() == 1 { "it" } else { "them" }
        ));
    }
    if !alone.is_empty() {
        sentences.push(format!(
            "Not proposed as packages, as no workspace lists them: {}. Their commits go to the root project's changelog; a [packages.<name>] table with their `path` releases one on its own.",
            names(&alone)
        ));
    }
    (!sentences.is_empty()).then(|| sentences.join(" "))
}

type Manifests = Vec<(String, String)>;

fn names(list: &[(String, String)]) -> String {
    let files: Vec<&str> = list.iter().map(|(f, _)| f.as_str()).collect();
    files.join(", ")
}

fn walk(root: &Path, rel: &Path, depth: usize, listed: &[PathBuf], out: &mut Manifests) {
    if listed
        .iter()
        .any(|l| rel.starts_with(l) && !l.as_os_str().is_empty())
    {
        return; // a member's own folders are its own
    }
    if depth > 0 {
        if let Some((file, version)) = standalone(root, rel) {
            out.push((rel.join(file).display().to_string(), version));
            return;
        }
    }
    if depth == DEPTH {
        return;
    }
    for child in subdirs(&root.join(rel)) {
        let skip = child.starts_with('.')
            || SKIP.contains(&child.as_str())
            || SAMPLES.contains(&child.as_str());
        if !skip {
            walk(root, &rel.join(child), depth + 1, listed, out);
        }
    }
}

/// The manifest in `rel` that makes it a project released on its own: a crate with a version
/// that is published, or an npm package with a name and a version that is not private; with
/// that version.
fn standalone(root: &Path, rel: &Path) -> Option<(&'static str, String)> {
    let cargo = root.join(rel).join("Cargo.toml");
    let version = toml_at(&cargo, &["package", "version"]);
    if let Some(v) = version.as_ref().and_then(|v| v.as_str())
        && toml_at(&cargo, &["package", "publish"]).and_then(|p| p.as_bool()) != Some(false)
    {
        return Some(("Cargo.toml", v.to_owned()));
    }
    let npm = npm_manifest(root, rel)?;
    let named = npm.get("name").is_some_and(|n| n.is_string());
    let version = npm.get("version")?.as_str()?.to_owned();
    (named && !is_private(&npm)).then_some(("package.json", version))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(root: &Path, path: &str, text: &str) {
        let file = root.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, text).unwrap();
    }

    #[test]
    fn a_crate_beside_an_npm_workspace_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            "package.json",
            r#"{"private":true,"workspaces":["packages/*"]}"#,
        );
        write(
            root,
            "packages/a/package.json",
            r#"{"name":"a","version":"1.0.0"}"#,
        );
        write(
            root,
            "packages/a/sub/package.json",
            r#"{"name":"s","version":"1.0.0"}"#,
        );
        let cli = "[package]\nname = \"cli\"\nversion = \"0.3.0\"\n";
        write(root, "tools/cli/Cargo.toml", cli);
        write(
            root,
            "tests/fixtures/x/package.json",
            r#"{"name":"x","version":"1.0.0"}"#,
        );
        write(
            root,
            "node_modules/y/package.json",
            r#"{"name":"y","version":"1.0.0"}"#,
        );
        write(
            root,
            "web/package.json",
            r#"{"name":"web","version":"1.0.0","private":true}"#,
        );
        let unpublished = "[package]\nname = \"u\"\nversion = \"0.1.0\"\npublish = false\n";
        write(root, "tools/u/Cargo.toml", unpublished);
        let found = crate::history::packages::detect::detect(root);
        let said = unlisted(root, &found, None).expect("the crate is said");
        assert!(said.contains(": tools/cli/Cargo.toml. "), "{said}");
        for other in ["sub", "fixtures", "node_modules", "web", "tools/u"] {
            assert!(!said.contains(other), "{other} in {said}");
        }
    }

    #[test]
    fn members_and_excluded_crates_are_not_named() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let ws = "[workspace]\nmembers = [\"crates/*\"]\nexclude = [\"crates/old\"]\n";
        write(root, "Cargo.toml", ws);
        let member = "[package]\nname = \"a\"\nversion = \"1.0.0\"\n";
        write(root, "crates/a/Cargo.toml", member);
        write(root, "crates/old/Cargo.toml", member);
        let found = crate::history::packages::detect::detect(root);
        assert_eq!(unlisted(root, &found, None), None);
    }

    /// git-cliff's npm wrapper is at the crate's version: said as left by a release, unless listed.
    #[test]
    fn a_manifest_at_the_root_version_goes_in_version_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            "Cargo.toml",
            "[package]\nname = \"c\"\nversion = \"2.1.0\"\n",
        );
        let wrapper = r#"{"name":"c","version":"2.1.0"}"#;
        write(root, "npm/c/package.json", wrapper);
        write(
            root,
            "tools/t/package.json",
            r#"{"name":"t","version":"0.1.0"}"#,
        );
        let said = unlisted(root, &[], Some("2.1.0")).unwrap();
        assert!(
            said.starts_with("Not bumped by a release, though at the root project's version 2.1.0: npm/c/package.json; list it in `[version] files`"),
            "{said}"
        );
        assert!(
            said.contains("no workspace lists them: tools/t/package.json."),
            "{said}"
        );
    }
}
