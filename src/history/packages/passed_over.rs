//! What `relhook init` does not propose as packages, and why: a workspace released as one
//! project (lerna's fixed mode, every package at the root's version), crates that share one
//! version (`version.workspace = true`), and packages that are never published (npm's
//! `"private": true`, Cargo's `publish = false`).

use std::path::{Path, PathBuf};

use super::detect::{cargo_members, npm_members, python_projects, toml_at};

/// What [`super::detect::detect`] passed over and why, as comment lines for the proposed
/// configuration: a workspace versioned as one, packages never published.
pub fn passed_over(root: &Path) -> String {
    if let Some(sentence) = one_project(root) {
        let (npm, _) = npm_members(root);
        let words = if one_version(root, &npm).is_some() {
            format!(
                "{sentence} A release bumps the version files relhook finds (lerna.json, a root package.json with a version); list the packages' package.json files in `[version] files` for it to bump them too (`relhook release --dry-run` names any left)."
            )
        } else if toml_at(&root.join("Cargo.toml"), &["package", "version"])
            .is_some_and(|v| v.is_str())
        {
            // The root crate's own version is the one a release finds first.
            sentence
        } else {
            format!(
                "{sentence} A release bumps [workspace.package] version, the crates' requirements on each other and Cargo.lock."
            )
        };
        return comment(&words);
    }
    left_out(root).map_or_else(String::new, |s| comment(&s))
}

/// `words` wrapped as a comment, about as wide as the template's, after a blank line.
pub fn comment(words: &str) -> String {
    let mut text = String::from("\n#");
    for word in words.split(' ') {
        if text.len() - text.rfind('\n').unwrap_or(0) + word.len() > 92 {
            text.push_str("\n#");
        }
        text = text + " " + word;
    }
    text + "\n"
}

/// The members of a workspace that are never published, each with what says so, as one
/// sentence (`init` writes it into the configuration and says it on the console).
pub fn left_out(root: &Path) -> Option<String> {
    let mut found: Vec<String> = cargo_members(root)
        .into_iter()
        .filter(|dir| unpublished_crate(root, dir))
        .map(|dir| format!("{} (`publish = false`)", dir.display()))
        .collect();
    let (npm, _) = npm_members(root);
    found.extend(npm.iter().filter_map(|dir| {
        let why = unpublished_npm(dir, &npm_manifest(root, dir)?)?;
        Some(format!("{} ({why})", dir.display()))
    }));
    let mut sentences = Vec::new();
    let builds: Vec<PathBuf> = python_projects(root)
        .into_iter()
        .filter(|dir| crate_build(root, dir))
        .collect();
    if !builds.is_empty() {
        sentences.push(format!(
            "Not proposed as Python packages, as maturin builds them from a crate, at that crate's version (`build-backend = \"maturin\"`, no `[project] version`): {}.",
            paths(&builds.iter().map(|d| d.join("pyproject.toml")).collect::<Vec<_>>())
        ));
    }
    if !found.is_empty() {
        sentences.push(format!(
            "Not proposed as packages, as they are never published: {}. A [packages.<name>] table releases one all the same.",
            found.join(", ")
        ));
    }
    // Sharing the workspace's version beside packages proposed (else `one_project` says it).
    let sharing = sharing_crates(root);
    if !sharing.is_empty() && !super::detect::detect(root).is_empty() {
        sentences.push(format!(
            "Not proposed as packages, as they share one version with the workspace, [workspace.package] version (`version.workspace = true`), so they release as one project, the root's: {}.",
            paths(&sharing)
        ));
    }
    (!sentences.is_empty()).then(|| sentences.join(" "))
}

/// The published members of the root's Cargo workspace that take their version from its
/// `[workspace.package] version` (`version.workspace = true`): they share one version, so no
/// package of theirs can be released alone (a package's release refuses them).
pub fn sharing_crates(root: &Path) -> Vec<PathBuf> {
    let shared = toml_at(
        &root.join("Cargo.toml"),
        &["workspace", "package", "version"],
    )
    .is_some_and(|v| v.is_str());
    if !shared {
        return Vec::new();
    }
    cargo_members(root)
        .into_iter()
        .filter(|dir| !unpublished_crate(root, dir) && inherits_version(root, dir))
        .collect()
}

/// Whether the crate in `dir` says `version.workspace = true`.
pub(super) fn inherits_version(root: &Path, dir: &Path) -> bool {
    toml_at(
        &root.join(dir).join("Cargo.toml"),
        &["package", "version", "workspace"],
    )
    .and_then(|v| v.as_bool())
        == Some(true)
}

fn paths(dirs: &[PathBuf]) -> String {
    let dirs: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
    dirs.join(", ")
}

/// Whether the crate in `dir` says it is never published: `publish = false` or `publish = []`,
/// its own or inherited from `[workspace.package]`.
pub fn unpublished_crate(root: &Path, dir: &Path) -> bool {
    let none =
        |v: &toml::Value| v.as_bool() == Some(false) || v.as_array().is_some_and(|a| a.is_empty());
    let Some(publish) = toml_at(&root.join(dir).join("Cargo.toml"), &["package", "publish"]) else {
        return false;
    };
    if publish.get("workspace").and_then(toml::Value::as_bool) == Some(true) {
        return toml_at(
            &root.join("Cargo.toml"),
            &["workspace", "package", "publish"],
        )
        .is_some_and(|v| none(&v));
    }
    none(&publish)
}

/// Why no `[packages]` tables are proposed for a workspace released as one project, as one
/// whole sentence: `init` writes it into the configuration and says it on the console.
pub fn one_project(root: &Path) -> Option<String> {
    let (npm, _) = npm_members(root);
    let why = match one_version(root, &npm) {
        Some(why) => why,
        // Every crate proposed would take the workspace's one version: none is.
        None if !sharing_crates(root).is_empty() && super::detect::detect(root).is_empty() => {
            "the workspace's crates share one version, [workspace.package] version (`version.workspace = true`)"
        }
        None => return None,
    };
    Some(format!(
        "No [packages] tables are proposed: {why}, so the workspace is released as one project, tagged `v{{version}}`."
    ))
}

/// Whether an npm workspace's packages share one version, and what says so: lerna.json's fixed
/// mode (a version, not `"independent"`), or every published member at the root
/// package.json's version.
pub(super) fn one_version(root: &Path, members: &[PathBuf]) -> Option<&'static str> {
    let version = |v: &serde_json::Value| v.get("version")?.as_str().map(str::to_owned);
    if lerna_fixed(root) {
        return Some("lerna.json gives every package one version (lerna's fixed mode)");
    }
    let own = version(&npm_manifest(root, Path::new(""))?)?;
    let published: Vec<serde_json::Value> = members
        .iter()
        .filter_map(|d| npm_manifest(root, d).filter(|m| unpublished_npm(d, m).is_none()))
        .collect();
    (published.len() > 1
        && published
            .iter()
            .all(|m| version(m).as_deref() == Some(&own)))
    .then_some("every package of the workspace has the root package.json's version")
}

/// Whether lerna.json gives the workspace one version (a version, not `"independent"`).
pub(super) fn lerna_fixed(root: &Path) -> bool {
    crate::fsx::regular_text(&root.join("lerna.json"))
        .and_then(|t| crate::history::version::files::json_value(t.as_bytes()))
        .and_then(|l| l.get("version")?.as_str().map(str::to_owned))
        .is_some_and(|v| v != "independent")
}

pub(super) fn npm_manifest(root: &Path, dir: &Path) -> Option<serde_json::Value> {
    let text = crate::fsx::regular_text(&root.join(dir).join("package.json"))?;
    crate::history::version::files::json_value(text.as_bytes())
}

pub(super) fn is_private(manifest: &serde_json::Value) -> bool {
    manifest.get("private").and_then(serde_json::Value::as_bool) == Some(true)
}

/// Whether the package.json in `dir` says `"private": true`: npm never publishes it, and it
/// needs no version.
pub fn private_npm(root: &Path, dir: &Path) -> bool {
    npm_manifest(root, dir).is_some_and(|m| is_private(&m))
}

/// Why the npm member in `dir` is never published, in a few words: `"private": true`, or the
/// placeholder version 0.0.0 in a folder named private (vuejs/core's `packages-private/*`
/// before they said so): no release ever set it a version, and its folder says it is none.
pub(super) fn unpublished_npm(dir: &Path, manifest: &serde_json::Value) -> Option<&'static str> {
    if is_private(manifest) {
        return Some("`\"private\": true`");
    }
    let placeholder = manifest.get("version").and_then(|v| v.as_str()) == Some("0.0.0");
    let private_folder = dir.components().any(|c| {
        let name = c.as_os_str().to_string_lossy().to_ascii_lowercase();
        name.contains("private")
    });
    (placeholder && private_folder).then_some("version 0.0.0 in a folder named private")
}

/// Whether the Python project in `dir` is maturin's build of a crate (git-cliff's `pypi/`,
/// `build-backend = "maturin"` with no `[project] version`): its version is the crate's, so
/// it is released with that crate, never alone.
pub(super) fn crate_build(root: &Path, dir: &Path) -> bool {
    let file = root.join(dir).join("pyproject.toml");
    toml_at(&file, &["build-system", "build-backend"])
        .is_some_and(|b| b.as_str() == Some("maturin"))
        && toml_at(&file, &["project", "version"]).is_none()
        && toml_at(&file, &["tool", "poetry", "version"]).is_none()
}
