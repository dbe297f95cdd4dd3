//! A workspace member released under the repository's own tags (typos: `v1.48.0` releases
//! `crates/typos-cli` at 1.48.0, while its other crates have tags of their own): the root
//! project's, not a package. Proposed as a package, its tags would not exist and its first
//! release would release that version again; `init` lists its manifest in `[version] files`
//! instead.

use std::path::{Path, PathBuf};

use super::detect::{Found, toml_at};
use super::names_package;
use super::passed_over::{is_private, npm_manifest};
use super::tag_forms::VersionTag;

/// The member the repository's own tags release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RootMember {
    /// Its name, as `init` found it.
    pub name: String,
    /// Its manifest, relative to the top of the work tree.
    pub manifest: PathBuf,
    /// The key of its version in the manifest (`package.version`).
    pub key: &'static str,
    /// The greatest of the repository's own release tags (`v1.48.0`).
    pub tag: String,
}

/// Why `members` are not proposed as packages, as one sentence (as `one_project`'s); `None`
/// when there are none.
pub fn sentence(members: &[RootMember]) -> Option<String> {
    let first = members.first()?;
    let names: Vec<String> = members
        .iter()
        .map(|m| {
            let dir = m.manifest.parent().unwrap_or(Path::new(""));
            format!("{} ({})", m.name, dir.display())
        })
        .collect();
    let manifests: Vec<String> = members
        .iter()
        .map(|m| m.manifest.display().to_string())
        .collect();
    Some(if let [m] = members {
        format!(
            "{} is not proposed as a package: the repository's own release tags ({}, the greatest) released the version its {} declared there, and none is its own, so it is the root project's: `[version] files` lists {} and the root's changelog is its own (give it a {} table to release it alone).",
            names[0],
            m.tag,
            file_name(&m.manifest),
            manifests[0],
            crate::config::toml_text::package_table(&m.name),
        )
    } else {
        format!(
            "{} are not proposed as packages: the repository's own release tags ({}, the greatest) released the version each declared there, and none is their own, so they are the root project's: `[version] files` lists {} and the root's changelog is theirs (give one a [packages.<name>] table to release it alone).",
            names.join(", "),
            first.tag,
            manifests.join(", "),
        )
    })
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}

/// The packages of `found` (Cargo crates, npm packages, Python projects) with no tag of their
/// own that the greatest of the repository's own tags (`prefix` then a version, named after
/// no package) released: all of them are released together with those tags. When the top has
/// a version of its own (a root crate, a published package.json) for those tags to release, a
/// member is only when its manifest as `stored` at that tag (`stored(tag, manifest)`, its
/// text) declared the tag's version, as doctor tells a package released by the root's tags
/// (one added since at that version is a package); else also when it declares it now (bumped
/// since, it is still the tag's).
pub fn root_members(
    root: &Path,
    found: &[Found],
    tags: &[VersionTag],
    prefix: &str,
    stored: &dyn Fn(&str, &Path) -> Option<String>,
) -> Vec<RootMember> {
    let Some((_, name, version)) = tags
        .iter()
        .filter(|(p, _, _)| p == prefix && !found.iter().any(|f| names_package(&f.name, p)))
        .max_by(|a, b| a.2.cmp_precedence(&b.2))
    else {
        return Vec::new();
    };
    let own_tags = |f: &Found| {
        tags.iter().any(|(p, _, _)| {
            names_package(&f.name, p) || f.tag.as_deref() == Some(&format!("{p}{{version}}"))
        })
    };
    let top_s = own_version(root);
    let version = version.to_string();
    found
        .iter()
        .filter(|f| !own_tags(f))
        .filter_map(|f| {
            let manifest = f.path.join(manifest_name(f.from)?);
            let text = crate::fsx::regular_text(&root.join(&manifest))?;
            let (key, declared) = declared_in(f.from, &text)?;
            let released = || {
                stored(name, &manifest)
                    .and_then(|then| declared_in(f.from, &then))
                    .is_some_and(|(_, then)| then == version)
            };
            let root_s = (!top_s && declared == version) || released();
            root_s.then(|| RootMember {
                name: f.name.clone(),
                manifest,
                key,
                tag: name.clone(),
            })
        })
        .collect()
}

/// Whether the top of the work tree declares a version itself: a root crate's, a
/// `[workspace.package] version`, a root package.json's unless it is private or the
/// placeholder `0.0.0` (a workspace's root, never published).
fn own_version(root: &Path) -> bool {
    let cargo = root.join("Cargo.toml");
    toml_at(&cargo, &["package", "version"]).is_some()
        || toml_at(&cargo, &["workspace", "package", "version"]).is_some()
        || npm_manifest(root, Path::new("")).is_some_and(|m| {
            let version = m.get("version").and_then(|v| v.as_str());
            !is_private(&m) && version.is_some_and(|v| v != "0.0.0")
        })
}

/// The file name of the manifest of a package found by `from`.
fn manifest_name(from: &str) -> Option<&'static str> {
    match from {
        "Cargo workspace" => Some("Cargo.toml"),
        "npm workspace" | "yarn workspace" | "pnpm workspace" => Some("package.json"),
        "pyproject.toml" => Some("pyproject.toml"),
        _ => None,
    }
}

/// The version key of a manifest (`text`) of a package found by `from`, and the version it
/// declares.
fn declared_in(from: &str, text: &str) -> Option<(&'static str, String)> {
    if manifest_name(from)? == "package.json" {
        let json = crate::history::version::files::json_value(text.as_bytes())?;
        return Some(("version", json.get("version")?.as_str()?.to_owned()));
    }
    let table: toml::Table = text.parse().ok()?;
    let at = |keys: &[&str]| {
        let (last, path) = keys.split_last()?;
        let mut t = &table;
        for k in path {
            t = t.get(*k)?.as_table()?;
        }
        t.get(*last)?.as_str().map(str::to_owned)
    };
    let keys: &[(&[&str], &'static str)] = match from {
        "Cargo workspace" => &[(&["package", "version"], "package.version")],
        _ => &[
            (&["project", "version"], "project.version"),
            (&["tool", "poetry", "version"], "tool.poetry.version"),
        ],
    };
    keys.iter().find_map(|(path, key)| Some((*key, at(path)?)))
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{crate_found, tag};
    use super::*;

    /// A virtual workspace (`root` = the top's Cargo.toml text) with crates at versions.
    fn workspace(top: &str, crates: &[(&str, &str)]) -> tempfile::TempDir {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("Cargo.toml"), top).unwrap();
        for (name, version) in crates {
            let dir = tmp.path().join("crates").join(name);
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(
                dir.join("Cargo.toml"),
                format!("[package]\nname = \"{name}\"\nversion = \"{version}\"\n"),
            )
            .unwrap();
        }
        tmp
    }

    fn none(_: &str, _: &Path) -> Option<String> {
        None
    }

    const VIRTUAL: &str = "[workspace]\nmembers = [\"crates/*\"]\n";

    #[test]
    fn the_crate_the_repository_tags_release_is_the_roots() {
        let ws = workspace(VIRTUAL, &[("cli", "1.48.0"), ("lib", "1.40.0")]);
        let found = [crate_found("cli"), crate_found("lib")];
        let tags = [tag("v1.47.0"), tag("v1.48.0"), tag("lib-v1.40.0")];
        let members = root_members(ws.path(), &found, &tags, "v", &none);
        let [member] = members.as_slice() else {
            panic!("{members:?}")
        };
        assert_eq!(member.name, "cli");
        assert_eq!(member.manifest, PathBuf::from("crates/cli/Cargo.toml"));
        assert_eq!(member.key, "package.version");
        assert_eq!(member.tag, "v1.48.0");
        assert!(sentence(&members).unwrap().starts_with(
            "cli (crates/cli) is not proposed as a package: the repository's own release tags (v1.48.0, the greatest)"
        ));
    }

    #[test]
    fn only_the_members_at_the_greatest_tag_s_version_are_the_roots() {
        let found = [crate_found("cli"), crate_found("lib")];
        // The version of an older tag, not the greatest.
        let ws = workspace(VIRTUAL, &[("cli", "1.47.0"), ("lib", "1.40.0")]);
        assert_eq!(
            root_members(
                ws.path(),
                &found,
                &[tag("v1.47.0"), tag("v1.48.0")],
                "v",
                &none
            ),
            []
        );
        // Bumped since the tag, whose commit held the tag's version: still the tag's.
        let ws = workspace(VIRTUAL, &[("cli", "2.0.0"), ("lib", "1.40.0")]);
        let stored = |tag: &str, manifest: &Path| {
            (tag == "v1.48.0" && manifest == Path::new("crates/cli/Cargo.toml"))
                .then(|| "[package]\nname = \"cli\"\nversion = \"1.48.0\"\n".to_owned())
        };
        let bumped = root_members(ws.path(), &found, &[tag("v1.48.0")], "v", &stored);
        assert_eq!(bumped.len(), 1);
        assert_eq!(bumped[0].manifest, PathBuf::from("crates/cli/Cargo.toml"));
        // Two crates at that version: both are.
        let ws = workspace(VIRTUAL, &[("cli", "1.48.0"), ("lib", "1.48.0")]);
        let both = root_members(ws.path(), &found, &[tag("v1.48.0")], "v", &none);
        assert_eq!(both.len(), 2);
        assert!(
            sentence(&both)
                .unwrap()
                .starts_with("cli (crates/cli), lib (crates/lib) are not proposed as packages"),
            "{both:?}"
        );
        // The crate has tags of its own: it is a package.
        let ws = workspace(VIRTUAL, &[("cli", "1.48.0"), ("lib", "1.40.0")]);
        let tags = [tag("v1.48.0"), tag("cli-v1.48.0")];
        assert_eq!(root_members(ws.path(), &found, &tags, "v", &none), []);
        // No tags of the repository's own, or of another prefix.
        assert_eq!(root_members(ws.path(), &found, &[], "v", &none), []);
        assert_eq!(
            root_members(ws.path(), &found, &[tag("v1.48.0")], "rel-", &none),
            []
        );
        // The top declares a version: the tags are its own.
        for top in [
            "[package]\nname = \"top\"\nversion = \"1.48.0\"\n[workspace]\n",
            "[workspace]\nmembers = [\"crates/*\"]\n[workspace.package]\nversion = \"1.48.0\"\n",
        ] {
            let ws = workspace(top, &[("cli", "1.48.0"), ("lib", "1.40.0")]);
            assert_eq!(
                root_members(ws.path(), &found, &[tag("v1.48.0")], "v", &none),
                []
            );
            // Unless the tag released the crate: its manifest there declared that version.
            let stored = |tag: &str, manifest: &Path| {
                (tag == "v1.48.0" && manifest == Path::new("crates/cli/Cargo.toml"))
                    .then(|| "[package]\nname = \"cli\"\nversion = \"1.48.0\"\n".to_owned())
            };
            let members = root_members(ws.path(), &found, &[tag("v1.48.0")], "v", &stored);
            assert_eq!(members.len(), 1);
            assert_eq!(members[0].name, "cli");
        }
    }

    #[test]
    fn a_private_or_placeholder_root_package_json_has_no_version_of_its_own() {
        let tmp = tempfile::tempdir().unwrap();
        let json = |text: &str| std::fs::write(tmp.path().join("package.json"), text).unwrap();
        json(r#"{"private":true,"version":"2.3.0","workspaces":["p/*"]}"#);
        assert!(!own_version(tmp.path()));
        json(r#"{"name":"root","version":"0.0.0","workspaces":["p/*"]}"#);
        assert!(!own_version(tmp.path()));
        json(r#"{"name":"root","version":"2.3.0","workspaces":["p/*"]}"#);
        assert!(own_version(tmp.path()));
    }
}
