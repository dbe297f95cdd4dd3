//! An npm, yarn or pnpm workspace whose packages share the root package.json's version
//! (vuejs/core's layout, without lerna.json): one project, tagged `v{version}`, whose release
//! bumps each package's package.json with the root's. Version detection finds the root
//! package.json alone (lerna's fixed mode is found whole), so `init` lists the packages' in
//! `[version] files`, and doctor flags a release that left them at the version before.

use std::path::{Path, PathBuf};

use super::detect::npm_members;
use super::passed_over::{lerna_fixed, npm_manifest, unpublished_npm};

fn version(manifest: &serde_json::Value) -> Option<String> {
    manifest.get("version")?.as_str().map(str::to_owned)
}

/// Each member's version, private or not, with its package.json (not lerna's fixed mode).
fn members(root: &Path) -> Vec<(PathBuf, Option<String>, bool)> {
    if lerna_fixed(root) {
        return Vec::new();
    }
    npm_members(root)
        .0
        .into_iter()
        .filter_map(|dir| {
            let m = npm_manifest(root, &dir)?;
            let unpublished = unpublished_npm(&dir, &m).is_some();
            Some((dir.join("package.json"), version(&m), unpublished))
        })
        .collect()
}

/// The package.json of each member at the root package.json's version, when every published
/// member (two or more) is at it: the files a release of the one project must bump too.
pub fn member_manifests(root: &Path) -> Vec<PathBuf> {
    let Some(own) = npm_manifest(root, Path::new("")).and_then(|m| version(&m)) else {
        return Vec::new();
    };
    one_version_members(root, &own).unwrap_or_default()
}

/// The members at `at` when every published member (two or more) is at it.
fn one_version_members(root: &Path, at: &str) -> Option<Vec<PathBuf>> {
    let members = members(root);
    let published: Vec<_> = members.iter().filter(|(_, _, private)| !private).collect();
    let one = published.len() > 1 && published.iter().all(|(_, v, _)| v.as_deref() == Some(at));
    one.then(|| {
        members
            .into_iter()
            .filter(|(_, v, _)| v.as_deref() == Some(at))
            .map(|(path, _, _)| path)
            .collect()
    })
}

/// The members a release of the root to `current` left behind: every published member (two
/// or more) still at one older version, none of them a version file of the release
/// (`listed`), while the root package.json says `current`. The older version and the
/// manifests at it.
pub fn left_behind(
    root: &Path,
    current: &str,
    listed: &dyn Fn(&Path) -> bool,
) -> Option<(String, Vec<PathBuf>)> {
    let own = npm_manifest(root, Path::new("")).and_then(|m| version(&m))?;
    if own != current || !listed(Path::new("package.json")) {
        return None;
    }
    let (_, old, _) = members(root).into_iter().find(|(_, _, private)| !private)?;
    let old = old.filter(|v| v != current)?;
    let manifests = one_version_members(root, &old)?;
    (!manifests.iter().any(|m| listed(m))).then_some((old, manifests))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packages_at_the_root_s_version_and_those_left_behind() {
        let tmp = tempfile::tempdir().unwrap();
        let r = tmp.path();
        let write = |rel: &str, text: &str| {
            std::fs::create_dir_all(r.join(rel).parent().unwrap()).unwrap();
            std::fs::write(r.join(rel), text).unwrap();
        };
        write("package.json", r#"{"private":true,"version":"1.0.0"}"#);
        write("pnpm-workspace.yaml", "packages:\n  - 'packages/*'\n");
        write(
            "packages/a/package.json",
            r#"{"name":"a","version":"1.0.0"}"#,
        );
        write(
            "packages/b/package.json",
            r#"{"name":"b","version":"1.0.0"}"#,
        );
        write(
            "packages/p/package.json",
            r#"{"private":true,"version":"0.0.0"}"#,
        );
        let both = [
            PathBuf::from("packages/a/package.json"),
            PathBuf::from("packages/b/package.json"),
        ];
        assert_eq!(member_manifests(r), both);
        let root_only = |p: &Path| p == Path::new("package.json");
        assert_eq!(left_behind(r, "1.0.0", &root_only), None);
        write("package.json", r#"{"private":true,"version":"1.0.1"}"#);
        assert!(member_manifests(r).is_empty());
        assert_eq!(
            left_behind(r, "1.0.1", &root_only),
            Some(("1.0.0".into(), both.to_vec()))
        );
        assert_eq!(left_behind(r, "1.0.1", &|_| true), None);
        // Versions of their own: packages, nobody's release left them behind.
        write(
            "packages/b/package.json",
            r#"{"name":"b","version":"2.0.0"}"#,
        );
        assert_eq!(left_behind(r, "1.0.1", &root_only), None);
    }
}
