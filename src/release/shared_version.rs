//! A root crate with a version of its own (`[package] version`) beside the `[workspace.package]
//! version` that member crates inherit (`version.workspace = true`). `init` says those crates
//! release as one project, the root's, so the root's release finds that version too: bumped
//! with the root's when it says the same version, and left, with a note naming the crates and
//! the `files` line that bumps them with the root, when it says another (a found file at
//! another version is never bumped by itself).

use std::path::Path;

use crate::config::Config;
use crate::history::version::files::{Locator, VersionFile};

const KEY: &str = "workspace.package.version";

fn is_shared(f: &VersionFile) -> bool {
    f.path == Path::new("Cargo.toml") && matches!(&f.locator, Locator::TomlKey(k) if k == KEY)
}

/// The root manifest's `[workspace.package] version` as a found version file of the root
/// project, when `found` holds the root crate's own `package.version` (so detection stopped
/// there) and a published member, none a package's, inherits it. In a monorepo, one that a
/// package's crate inherits is the packages' (`held` leaves it).
pub(super) fn inherited(config: &Config, root: &Path, found: &[VersionFile]) -> Vec<VersionFile> {
    let own = |f: &VersionFile| {
        f.path == Path::new("Cargo.toml")
            && matches!(&f.locator, Locator::TomlKey(k) if k == "package.version")
    };
    if config.package.is_some() || !found.iter().any(own) || found.iter().any(is_shared) {
        return Vec::new();
    }
    let shared = VersionFile {
        path: "Cargo.toml".into(),
        locator: Locator::TomlKey(KEY.into()),
    };
    let crates = crate::history::packages::sharing_crates(root);
    let of_packages = |dir: &Path| config.packages.iter().any(|p| p.path == dir);
    let readable = crate::history::version::files::read_version(root, &shared).is_ok();
    if !readable || crates.is_empty() || crates.iter().any(|d| of_packages(d)) {
        return Vec::new();
    }
    vec![shared]
}

/// What a release that leaves the shared version at `old` says of it and the fix: the crates
/// that stay there with it and the `files` line (the release's other files, `kept`, and it)
/// that bumps them with the root. `None` when `f` is another file.
pub fn left_behind(
    root: &Path,
    f: &VersionFile,
    old: &str,
    kept: &[String],
) -> Option<(String, String)> {
    if !is_shared(f) {
        return None;
    }
    let crates: Vec<String> = crate::history::packages::sharing_crates(root)
        .iter()
        .map(|d| d.to_string_lossy().replace('\\', "/"))
        .collect();
    let mut entries = kept.to_vec();
    entries.push(super::links::entry("Cargo.toml", &f.locator));
    // Above the root crate's, it would be written down by the next release, which is
    // refused: the release that takes both along names a version above it.
    let then = match root_crate_version(root).zip(semver::Version::parse(old).ok()) {
        Some((own, shared)) if shared > own => format!(
            ", then release a version above {old} for both (`{} {}.{}.0`: a release never writes a version down)",
            crate::resume_advice::release_of(None),
            shared.major,
            shared.minor + 1
        ),
        _ => String::new(),
    };
    Some((
        format!(
            "Cargo.toml: [workspace.package] version is {old}, not the root crate's version, so the root's release leaves it, and {} (`version.workspace = true`) with it, at {old}",
            crates.join(", ")
        ),
        format!(
            "to release them with the root as one project, put this under [version] in .relconfig.toml (in place of any `files` key there) and commit: files = [{}]{then}",
            entries.join(", ")
        ),
    ))
}

/// The root crate's own `package.version` in Cargo.toml.
fn root_crate_version(root: &Path) -> Option<semver::Version> {
    let text = crate::fsx::regular_text(&root.join("Cargo.toml"))?;
    let table = text.parse::<toml::Table>().ok()?;
    let version = table.get("package")?.get("version")?.as_str()?;
    semver::Version::parse(version).ok()
}

/// The notes of `sorted` for the shared version it leaves, in place of the generic one: the
/// crates left with it and the `files` line that bumps them with the root.
pub(super) fn renote(root: &Path, sorted: &mut super::files::Sorted) {
    let kept = kept(sorted);
    for (f, note) in &mut sorted.left_alone {
        let old = crate::history::version::files::read_version(root, f).unwrap_or_default();
        if let Some((what, fix)) = left_behind(root, f, &old, &kept) {
            *note = format!("{what}; {fix}").into();
        }
    }
}

/// The `files` entries of the files `sorted` bumps.
fn kept(sorted: &super::files::Sorted) -> Vec<String> {
    sorted
        .bumped
        .iter()
        .map(|(f, _)| super::links::entry(&f.path.to_string_lossy(), &f.locator))
        .collect()
}

/// For `relhook doctor`: what a release to `next` would say of the shared version it leaves,
/// and the fix.
pub fn left_by_next(
    repo: &crate::git::Repo,
    config: &Config,
    root: &Path,
    next: &semver::Version,
) -> Option<(String, String)> {
    let sorted = super::files::sorted(repo, config, root, next).ok()?;
    let (f, _) = sorted.left_alone.iter().find(|(f, _)| is_shared(f))?;
    let old = crate::history::version::files::read_version(root, f).ok()?;
    left_behind(root, f, &old, &kept(&sorted))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(key: &str) -> Vec<VersionFile> {
        vec![VersionFile {
            path: "Cargo.toml".into(),
            locator: Locator::TomlKey(key.into()),
        }]
    }

    #[test]
    fn the_shared_version_is_found_beside_the_root_crate_s_own() {
        let tmp = tempfile::tempdir().unwrap();
        let r = tmp.path();
        std::fs::write(
            r.join("Cargo.toml"),
            "[package]\nname = \"app\"\nversion = \"0.5.0\"\n[workspace]\nmembers = [\"util\"]\n[workspace.package]\nversion = \"0.9.0\"\n",
        )
        .unwrap();
        std::fs::create_dir(r.join("util")).unwrap();
        let util = "[package]\nname = \"util\"\nversion.workspace = true\n";
        std::fs::write(r.join("util/Cargo.toml"), util).unwrap();
        let mut config = Config::default();
        let shared = inherited(&config, r, &found("package.version"));
        assert_eq!(shared, found(KEY));
        let note = left_behind(r, &shared[0], "0.9.0", &[]).unwrap();
        assert!(
            note.0.contains("util (`version.workspace = true`)"),
            "{note:?}"
        );
        // Only beside the root's own version, and never a package's crate's.
        assert!(inherited(&config, r, &found(KEY)).is_empty());
        assert!(inherited(&config, r, &[]).is_empty());
        config = Config::parse(
            Path::new(".relconfig.toml"),
            "[packages.util]\npath = \"util\"\n",
        )
        .unwrap();
        assert!(inherited(&config, r, &found("package.version")).is_empty());
        // A crate with a version of its own shares nothing.
        std::fs::write(
            r.join("util/Cargo.toml"),
            util.replace(".workspace = true", " = \"1.0.0\""),
        )
        .unwrap();
        assert!(inherited(&Config::default(), r, &found("package.version")).is_empty());
    }
}
