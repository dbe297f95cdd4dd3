//! release-plz's configuration (`release-plz.toml`, `.release-plz.toml`): a `[[package]]`
//! whose `changelog_path` is the top's CHANGELOG.md (release-plz's own repository) keeps its
//! releases in the root's changelog. A package cannot share the root's changelog, so `init`
//! makes that crate the root project's: its tags the root's, its manifest a version file.

use std::path::Path;

use super::detect::Found;
use super::names_package;
use super::root_member::RootMember;
use super::tag_forms::VersionTag;

/// The names of the packages release-plz's configuration gives the top's CHANGELOG.md.
pub fn root_changelog_packages(root: &Path) -> Vec<String> {
    let Some(table) = ["release-plz.toml", ".release-plz.toml"]
        .iter()
        .find_map(|name| {
            crate::fsx::regular_text(&root.join(name))?
                .parse::<toml::Table>()
                .ok()
        })
    else {
        return Vec::new();
    };
    let packages = table.get("package").and_then(toml::Value::as_array);
    packages
        .into_iter()
        .flatten()
        .filter(|p| {
            p.get("changelog_path")
                .and_then(toml::Value::as_str)
                .is_some_and(|c| c.trim_start_matches("./") == "CHANGELOG.md")
        })
        .filter_map(|p| p.get("name")?.as_str().map(str::to_owned))
        .collect()
}

/// The crate of `f` as the root project's when the root's tag prefix (`prefix`) is its tags'
/// (`release-plz-v`), with the greatest of them.
pub fn as_root_member(f: &Found, tags: &[VersionTag], prefix: &str) -> Option<RootMember> {
    if f.from != "Cargo workspace" || !names_package(&f.name, prefix) {
        return None;
    }
    let (_, tag, _) = tags
        .iter()
        .filter(|(p, _, _)| p == prefix)
        .max_by(|a, b| a.2.cmp_precedence(&b.2))?;
    Some(RootMember {
        name: f.name.clone(),
        manifest: f.path.join("Cargo.toml"),
        key: "package.version",
        tag: tag.clone(),
    })
}

/// Why `members` are the root project's, as one sentence.
pub fn sentence(members: &[RootMember]) -> Option<String> {
    let m = members.first()?;
    Some(format!(
        "release-plz.toml's `changelog_path` gives {} the top's CHANGELOG.md, which a package cannot share with the root: it is the root project, tagged as before ({}), with {} in `[version] files`.",
        m.name,
        m.tag,
        m.manifest.display()
    ))
}
