//! The root project as a dependent: when it has a version and a changelog of its own (a root
//! crate `[package]`, a published top package.json) and a release moves a requirement its
//! manifest ships, it is due a release like a package dependent. `relhook release --package`
//! does not release the root, so the release commit writes the `**deps:**` entry into the
//! root's `## [Unreleased]`, which its next `relhook release` ships.

use std::path::Path;

use super::left_behind;
use crate::Result;
use crate::config::Config;
use crate::git::Repo;
use crate::history::version::files::cargo_deps;
use crate::history::version::files::{Edit, Locator};
use crate::release::dependents::Change;

// The other way round: the packages that depend on the root's release.
pub(crate) mod of_root;

/// The changes of `changes` the root project ships: in its own manifest, which is one of its
/// version files (a private package.json, or a Cargo.toml with `publish = false`, is never
/// published: what it requires ships nowhere), or in a published crate of no package that
/// inherits the `[workspace.package] version` the root releases (it is released with the
/// root), in its own manifest or in the `[workspace.dependencies]` it inherits the
/// requirement from.
pub(super) fn due(config: &Config, root: &Path, changes: &[Change]) -> Vec<Change> {
    let mut mine: Vec<&Change> = changes
        .iter()
        .filter(|c| left_behind::is_not_a_package(&c.dependent) && !c.dev)
        .collect();
    if mine.is_empty() {
        return Vec::new();
    }
    let files = crate::release::files::version_files(config, root);
    let own = |c: &Change| {
        left_behind::is_root(&c.dependent)
            && files.iter().any(|f| f.path == c.file)
            && !private(root, &c.file)
    };
    let shared = files.iter().any(|f| {
        f.path == Path::new("Cargo.toml")
            && matches!(&f.locator, Locator::TomlKey(k) if k == "workspace.package.version")
    });
    // The crate's own manifest: a requirement it inherits sits in the top's
    // `[workspace.dependencies]`, but the crate ships it all the same.
    let crate_of = |c: &Change| {
        let dir = left_behind::dir_of_not_a_package(&c.dependent)?;
        let cargo = c.file.file_name().is_some_and(|n| n == "Cargo.toml");
        cargo.then(|| dir.join("Cargo.toml"))
    };
    let published = |m: &Path| !private(root, m);
    mine.retain(|c| {
        own(c)
            || (shared && crate_of(c).is_some_and(|m| inherits_the_top(root, &m) && published(&m)))
    });
    mine.into_iter().cloned().collect()
}

/// The requirements moved in the root project's own manifest that are not `due` (see [`due`]),
/// each with why its changelog gets no entry for it: said as the root's, never as a member
/// with no package of its own.
pub(super) fn kept(root: &Path, changes: &[Change], due: &[Change]) -> Vec<(Change, String)> {
    let mut out: Vec<(Change, String)> = Vec::new();
    for c in changes
        .iter()
        .filter(|c| left_behind::is_root(&c.dependent))
    {
        // One requirement shipped and dev-only at once is the entry already.
        if due.iter().any(|d| d.entry() == c.entry()) || out.iter().any(|(k, _)| k == c) {
            continue;
        }
        let why = if c.dev {
            "the root project's development dependency: what its releases ship does not change, so its changelog gets no entry"
        } else if private(root, &c.file) && c.file.ends_with("Cargo.toml") {
            "the root project's, whose Cargo.toml says `publish = false`: it ships nowhere, so its changelog gets no entry"
        } else if private(root, &c.file) {
            "the root project's, whose package.json is private: it ships nowhere, so its changelog gets no entry"
        } else {
            "the root project's, whose manifest holds no version of its own: it is not published, so its changelog gets no entry"
        };
        out.push((c.clone(), why.to_owned()));
    }
    out
}

/// The requirements moved in members that are no package, neither the root's own manifest
/// nor `due`: nothing of theirs is released.
pub(super) fn elsewhere(changes: &[Change], due: &[Change]) -> Vec<Change> {
    let others = |c: &&Change| {
        left_behind::is_not_a_package(&c.dependent) && !left_behind::is_root(&c.dependent)
    };
    changes
        .iter()
        .filter(others)
        .filter(|c| !due.contains(c))
        .cloned()
        .collect()
}

/// Whether the crate of `manifest` takes its version from the top's `[workspace.package]`.
fn inherits_the_top(root: &Path, manifest: &Path) -> bool {
    let read = |p: &Path| crate::release::crates::disk_text(root, p);
    let Some(text) = read(manifest) else {
        return false;
    };
    let inherited = cargo_deps::package_of(&text).is_some_and(|(_, inherited)| inherited);
    inherited
        && crate::release::crates::workspace_root(&read, manifest, &text)
            .is_some_and(|w| w.as_os_str().is_empty())
}

/// Whether the manifest `file` says it is never published: a package.json's `"private":
/// true`, a Cargo.toml's `publish = false` (or `[]`, or inherited so from the workspace).
fn private(root: &Path, file: &Path) -> bool {
    if file.file_name().is_some_and(|n| n == "Cargo.toml") {
        let dir = file.parent().unwrap_or(Path::new(""));
        return crate::history::packages::unpublished_crate(root, dir);
    }
    if file.file_name().is_none_or(|n| n != "package.json") {
        return false;
    }
    let text = crate::fsx::regular_text(&root.join(file));
    let json = text.and_then(|t| crate::history::version::files::json_value(t.as_bytes()));
    json.and_then(|v| v.get("private")?.as_bool()) == Some(true)
}

/// The edit of the root's changelog that lists `due` under `## [Unreleased]` (`Changed`, as a
/// package dependent's section does); `None` when there is nothing to add.
pub(super) fn unreleased_edit(
    repo: &Repo,
    config: &Config,
    root: &Path,
    due: &[Change],
) -> Result<Option<Edit>> {
    let entries: Vec<String> = due.iter().map(Change::entry).collect();
    entries_edit(repo, config, root, &entries)
}

/// The edit of the changelog of `config` (the root's, or a package's view) that lists `due`
/// (entries without the `- `) under `## [Unreleased]`; `None` when there is nothing to add.
fn entries_edit(repo: &Repo, config: &Config, root: &Path, due: &[String]) -> Result<Option<Edit>> {
    if due.is_empty() {
        return Ok(None);
    }
    let rel = config.changelog.path.clone();
    if let Some(r) = crate::release::changelog::not_a_file(repo, config, &rel, None) {
        return Err(crate::Error::Refused(r));
    }
    let before = crate::fsx::read_regular_optional(&root.join(&rel))?;
    let text = match &before {
        Some(b) => String::from_utf8(b.clone())
            .map_err(|e| crate::Error::changelog_not_utf8(&rel, e.as_bytes()))?,
        None => crate::history::changelog::TEMPLATE.to_owned(),
    };
    let order = &config.changelog.order;
    let Some(after) = with_entries(repo, &rel, order, &text, due)? else {
        return Ok(None);
    };
    Ok(Some(Edit {
        path: rel,
        before: before.unwrap_or_default(),
        after: after.into_bytes(),
        committed: None,
    }))
}

/// `text` (the changelog at `rel`, its sub-sections placed by `order`) with each entry of `due`
/// under Unreleased; `None` when it lists them all already.
fn with_entries(
    repo: &Repo,
    rel: &Path,
    order: &[String],
    text: &str,
    due: &[String],
) -> Result<Option<String>> {
    let mut log = crate::history::sync::parse_kept(repo, rel, text)?;
    log.set_order(order);
    let mut added = false;
    for entry in due {
        if !log.contains_entry(entry, true) {
            log.add_entry_as_named("Changed", entry, false);
            added = true;
        }
    }
    Ok(added.then(|| log.render()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::release::dependents::{self, Member};
    use std::collections::BTreeMap;

    /// A top manifest `top` beside package `a` (at 1.0.0, released as 2.0.0): the changes
    /// the root ships.
    fn shipped(file: &str, top: &str, a: (&str, &str)) -> Vec<String> {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("a")).unwrap();
        std::fs::write(tmp.path().join(file), top).unwrap();
        std::fs::write(tmp.path().join(a.0), a.1).unwrap();
        let read = |p: &Path| Ok(std::fs::read_to_string(tmp.path().join(p)).ok());
        let members = [
            Member {
                package: "a".into(),
                dir: "a".into(),
            },
            Member {
                package: "\0".into(),
                dir: "".into(),
            },
        ];
        let released: BTreeMap<String, semver::Version> =
            [("a".to_owned(), semver::Version::new(2, 0, 0))].into();
        let changes = dependents::changes(&members, &read, &released).unwrap();
        assert_eq!(changes.len(), 1, "{changes:?}");
        let at = tmp.path().join(".relconfig.toml");
        let config = Config::parse(&at, "[packages.a]\npath = \"a\"\n").unwrap();
        due(&config, tmp.path(), &changes)
            .iter()
            .map(Change::entry)
            .collect()
    }

    #[test]
    fn a_root_that_ships_its_manifest_is_due_the_entry() {
        let crate_a = (
            "a/Cargo.toml",
            "[package]\nname = \"a\"\nversion = \"1.0.0\"\n",
        );
        let root = "[package]\nname = \"app\"\nversion = \"3.0.0\"\n\n[dependencies]\na = { path = \"a\", version = \"1.0\" }\n";
        assert_eq!(
            shipped("Cargo.toml", root, crate_a),
            ["**deps:** require a 2.0.0 (`1.0` → `2.0` in Cargo.toml)"]
        );
        let npm_a = (
            "a/package.json",
            "{ \"name\": \"a\", \"version\": \"1.0.0\" }",
        );
        let top = "{ \"name\": \"app\", \"version\": \"3.0.0\", \"dependencies\": { \"a\": \"^1.0.0\" } }";
        assert_eq!(shipped("package.json", top, npm_a).len(), 1);
        // Private, it is published nowhere.
        let private = top.replace("{ \"name\"", "{ \"private\": true, \"name\"");
        assert!(shipped("package.json", &private, npm_a).is_empty());
        // A crate that says `publish = false` is published nowhere either.
        let unpublished = root.replace(
            "version = \"3.0.0\"\n",
            "version = \"3.0.0\"\npublish = false\n",
        );
        assert!(shipped("Cargo.toml", &unpublished, crate_a).is_empty());
    }
}
