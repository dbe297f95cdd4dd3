//! Attribution and views on real repositories made with git.

use std::path::{Path, PathBuf};

use super::*;

use crate::git::testing::git;

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

const CONFIG: &str = r#"
[packages.api]
path = "crates/api"
scopes = ["api", "server"]

[packages.web]
path = "web"
tag = "@acme/web@{version}"
"#;

fn config() -> Config {
    Config::parse(Path::new(".relconfig.toml"), CONFIG).unwrap()
}

fn commit(dir: &Path, files: &[&str], message: &str) -> Oid {
    for f in files {
        write(dir, f, message);
    }
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "--allow-empty", "-m", message]);
    Repo::open(dir).unwrap().head().unwrap()
}

/// A bare workspace (no root crate, a private root package.json): the files outside the
/// packages are tooling, and a package's change touching them stays the package's alone.
#[test]
fn a_bare_workspace_s_root_files_make_no_package_change_the_root_s() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    git(dir, &["init", "-q", "-b", "main"]);
    write(
        dir,
        "package.json",
        "{\"private\": true, \"workspaces\": [\"web\"]}\n",
    );
    let c = config();
    let first = commit(dir, &["tsconfig.json", "web/index.js"], "feat: start");
    let repo = Repo::open(dir).unwrap();
    let a = attribute(&repo, &c, first, "feat: start").unwrap();
    assert!(a.outside && !a.root, "{a:?}");
    let tooling = commit(dir, &["tsconfig.json"], "build: tooling");
    let a = attribute(&repo, &c, tooling, "build: tooling").unwrap();
    assert!(a.root, "a commit of no package is the root's: {a:?}");
    let mut filter = Filter::new(&repo, &c);
    assert!(!filter.counts(first, "feat: start").unwrap());
    assert!(filter.counts(tooling, "build: tooling").unwrap());
}

#[test]
fn a_commit_belongs_to_the_packages_it_touches_or_names() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    git(dir, &["init", "-q", "-b", "main"]);
    let c = config();
    let names = |id: Oid, message: &str| {
        let repo = Repo::open(dir).unwrap();
        let a = attribute(&repo, &c, id, message).unwrap();
        let names: Vec<String> = a.packages.iter().map(|p| p.name.clone()).collect();
        (names, a.outside, a.root)
    };
    let api_only = || vec!["api".to_owned()];
    // A root crate: the root is a project of its own (`roots::has_code`).
    write(
        dir,
        "Cargo.toml",
        "[package]\nname = \"root\"\nversion = \"1.0.0\"\n",
    );
    // A package's change with a root file: the root project's too.
    let first = commit(dir, &["README.md", "crates/api/src/lib.rs"], "feat: start");
    assert_eq!(names(first, "feat: start"), (api_only(), true, true));
    let root_only = commit(dir, &["README.md"], "docs: words");
    assert_eq!(names(root_only, "docs: words"), (vec![], true, true));
    let both = commit(dir, &["crates/api/a.rs", "web/index.js"], "feat: both");
    assert_eq!(
        names(both, "feat: both"),
        (vec!["api".into(), "web".into()], false, false)
    );
    // A package's scope says whose the change is, root files or not.
    let scoped = commit(dir, &["README.md"], "fix(server): named by scope");
    assert_eq!(
        names(scoped, "fix(server): named by scope"),
        (api_only(), true, false)
    );
    // `crates/api-old` is not under `crates/api`.
    let sibling = commit(dir, &["crates/api-old/x.rs"], "fix: sibling");
    assert_eq!(names(sibling, "fix: sibling"), (vec![], true, true));
    // Lock files on the way to a package, the changelogs and the configuration are
    // bookkeeping: no root change.
    let locked = commit(
        dir,
        &[
            "crates/api/b.rs",
            "Cargo.lock",
            "crates/Cargo.lock",
            "CHANGELOG.md",
        ],
        "feat: locked",
    );
    assert_eq!(names(locked, "feat: locked"), (api_only(), false, false));
    let configured = commit(dir, &["web/x.js", ".relconfig.toml"], "feat: configured");
    assert_eq!(
        names(configured, "feat: configured"),
        (vec!["web".to_owned()], false, false)
    );
    // A lock file elsewhere is the root's like any other file.
    let elsewhere = commit(dir, &["web/y.js", "tools/Cargo.lock"], "feat: tools");
    assert_eq!(
        names(elsewhere, "feat: tools"),
        (vec!["web".to_owned()], true, true)
    );
    let repo = Repo::open(dir).unwrap();
    let api = find(&c, "api").unwrap();
    let web = find(&c, "web").unwrap();
    assert!(belongs(&repo, api, first, "feat: start"));
    assert!(belongs(&repo, api, both, "feat: both") && belongs(&repo, web, both, "feat: both"));
    assert!(!belongs(&repo, web, first, "feat: start"));
    assert!(belongs(&repo, api, scoped, "fix(server): named by scope"));
    assert!(!belongs(&repo, api, sibling, "fix: sibling"));
    // The root's history is the root project's commits, [`attribute`]'s `root`; a view's,
    // its package's.
    for (id, message, root) in [
        (first, "feat: start", true),
        (root_only, "docs: words", true),
        (both, "feat: both", false),
        (scoped, "fix(server): named by scope", false),
        (locked, "feat: locked", false),
        (elsewhere, "feat: tools", true),
    ] {
        assert_eq!(counts(&repo, &c, id, message).unwrap(), root, "{message}");
    }
    let v = view(&c, "web", dir).unwrap();
    assert!(counts(&repo, &v, both, "feat: both").unwrap());
    assert!(!counts(&repo, &v, root_only, "docs: words").unwrap());
    assert!(counts(&repo, &Config::default(), first, "feat: start").unwrap());
}

#[test]
fn a_view_is_the_package_s_changelog_tags_and_files() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write(
        dir,
        "crates/api/Cargo.toml",
        "[package]\nname = \"api\"\nversion = \"0.4.0\"\n",
    );
    write(
        dir,
        "web/package.json",
        "{\"name\": \"@acme/web\", \"version\": \"2.0.0\"}\n",
    );
    let c = config();
    let api = view(&c, "api", dir).unwrap();
    assert_eq!(api.changelog.path, Path::new("crates/api/CHANGELOG.md"));
    assert_eq!(api.version.tag_prefix, "api-v");
    let files: Vec<PathBuf> = api
        .version
        .files
        .unwrap()
        .into_iter()
        .map(|f| f.path)
        .collect();
    assert_eq!(files, [PathBuf::from("crates/api/Cargo.toml")]);
    assert!(!api.version.detect);
    let web = view(&c, "web", dir).unwrap();
    assert_eq!(web.version.tag_prefix, "@acme/web@");
    let e = view(&c, "nope", dir).unwrap_err().to_string();
    assert!(e.contains("api, web"), "{e}");
    assert_eq!(
        parse_tag(&c.packages, "@acme/web@2.1.0").map(|(p, v)| (p.name.as_str(), v.to_string())),
        Some(("web", "2.1.0".to_owned()))
    );
    assert_eq!(parse_tag(&c.packages, "v1.0.0"), None);
}

#[cfg(unix)]
#[test]
fn a_package_directory_must_stay_inside_the_work_tree() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("repo");
    let outside = tmp.path().join("elsewhere");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::create_dir_all(dir.join("crates")).unwrap();
    std::os::unix::fs::symlink(&outside, dir.join("crates/api")).unwrap();
    std::fs::write(dir.join(".relconfig.toml"), CONFIG).unwrap();
    let c = Config::load(&dir).unwrap();
    match view(&c, "api", &dir) {
        Err(Error::Config {
            line,
            column,
            message,
            ..
        }) => {
            assert_eq!((line, column), (3, 8), "where its `path` is");
            assert!(message.contains("outside the work tree"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    match view(&c, "web", &dir) {
        Err(Error::Config { message, .. }) => {
            assert!(message.contains("does not exist"), "{message}")
        }
        other => panic!("{other:?}"),
    }
}

/// QA49: a package's changelog whose folder leads out through a symbolic link is said at its
/// `changelog` value, naming the changelog (its `path` line named the link as its folder).
#[cfg(unix)]
#[test]
fn a_package_changelog_out_of_the_work_tree_is_said_at_its_line() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("repo");
    let outside = tmp.path().join("elsewhere");
    std::fs::create_dir_all(dir.join("p")).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    std::os::unix::fs::symlink(&outside, dir.join("lnk")).unwrap();
    let text = "[packages.web]\npath = \"p\"\nchangelog = \"lnk/CHANGELOG.md\"\n";
    std::fs::write(dir.join(".relconfig.toml"), text).unwrap();
    let c = Config::load(&dir).unwrap();
    match view(&c, "web", &dir) {
        Err(Error::Config {
            line,
            column,
            message,
            ..
        }) => {
            assert_eq!((line, column), (3, 13), "where its `changelog` is");
            assert!(
                message.starts_with(
                    "package `web`: `lnk/CHANGELOG.md` cannot be used: its folder resolves to"
                ),
                "{message}"
            );
        }
        other => panic!("{other:?}"),
    }
}

/// A package removed (its folder and its table, in one commit): its commits, as the
/// configuration committed with them has it, are neither the root's nor another package's.
#[test]
fn a_removed_package_s_commits_stay_its_own() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    git(dir, &["init", "-q", "-b", "main"]);
    write(dir, ".relconfig.toml", CONFIG);
    commit(dir, &["web/index.js"], "chore: start");
    let api = commit(dir, &["crates/api/a.rs"], "feat: rework api");
    std::fs::remove_dir_all(dir.join("crates")).unwrap();
    let web_only = "[packages.web]\npath = \"web\"\n";
    write(dir, ".relconfig.toml", web_only);
    commit(dir, &[], "chore: remove api");
    let readme = commit(dir, &["README.md"], "fix: readme");
    let repo = Repo::open(dir).unwrap();
    let today = Config::parse(Path::new(".relconfig.toml"), web_only).unwrap();
    let mut root = Filter::new(&repo, &today);
    assert!(root.counts(readme, "fix: readme").unwrap());
    assert!(!root.counts(api, "feat: rework api").unwrap());
    let web = view(&today, "web", dir).unwrap();
    assert!(!counts(&repo, &web, api, "feat: rework api").unwrap());
}

/// The last package removed: with no package left today, its commits are still not the
/// root's, and those of a configuration without packages are.
#[test]
fn the_last_removed_package_s_commits_stay_its_own() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    git(dir, &["init", "-q", "-b", "main"]);
    let before = commit(dir, &["README.md"], "fix: before packages");
    write(
        dir,
        ".relconfig.toml",
        "[packages.api]\npath = \"api\"\nscopes = [\"api\"]\n",
    );
    let api = commit(dir, &["api/a.rs"], "feat: x");
    let scoped = commit(dir, &["docs.md"], "docs(api): x");
    std::fs::remove_dir_all(dir.join("api")).unwrap();
    write(dir, ".relconfig.toml", "");
    let readme = commit(dir, &["README.md"], "fix: readme");
    let repo = Repo::open(dir).unwrap();
    let today = Config::parse(Path::new(".relconfig.toml"), "").unwrap();
    let mut root = Filter::new(&repo, &today);
    assert!(root.counts(readme, "fix: readme").unwrap());
    assert!(!root.counts(scoped, "docs(api): x").unwrap());
    assert!(!root.counts(api, "feat: x").unwrap());
    assert!(root.counts(before, "fix: before packages").unwrap());
}

/// A package moved away and a new one given its old folder: each reads the commits the
/// configuration committed with them gives it, and the root none of theirs.
#[test]
fn a_new_package_on_a_moved_one_s_folder_starts_with_its_table() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    git(dir, &["init", "-q", "-b", "main"]);
    write(dir, ".relconfig.toml", "[packages.a]\npath = \"pk/a\"\n");
    let old = commit(dir, &["pk/a/x.js"], "fix: old a fix");
    git(dir, &["mv", "pk/a", "legacy"]);
    let at_legacy = "[packages.a]\npath = \"legacy\"\n";
    write(dir, ".relconfig.toml", at_legacy);
    let moved = commit(dir, &[], "refactor: move a");
    let both = format!("{at_legacy}[packages.b]\npath = \"pk/a\"\n");
    write(dir, ".relconfig.toml", &both);
    let new = commit(dir, &["pk/a/y.js"], "feat: new b");
    let repo = Repo::open(dir).unwrap();
    let today = Config::parse(Path::new(".relconfig.toml"), &both).unwrap();
    let (a, b) = (
        view(&today, "a", dir).unwrap(),
        view(&today, "b", dir).unwrap(),
    );
    let (mut fa, mut fb) = (Filter::new(&repo, &a), Filter::new(&repo, &b));
    let mut root = Filter::new(&repo, &today);
    for (id, message, of_a, of_b) in [
        (new, "feat: new b", false, true),
        (moved, "refactor: move a", true, false),
        (old, "fix: old a fix", true, false),
    ] {
        assert_eq!(fa.counts(id, message).unwrap(), of_a, "a: {message}");
        assert_eq!(fb.counts(id, message).unwrap(), of_b, "b: {message}");
        assert!(!root.counts(id, message).unwrap(), "root: {message}");
    }
}

/// A crate committed before its table: the root's, as post-commit had it then, in every view.
#[test]
fn a_commit_before_a_package_s_table_is_the_root_s() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    git(dir, &["init", "-q", "-b", "main"]);
    write(
        dir,
        ".relconfig.toml",
        "[packages.core]\npath = \"crates/core\"\n",
    );
    commit(dir, &["crates/core/lib.rs"], "chore: start");
    let early = commit(dir, &["crates/util/lib.rs"], "feat(util): new util crate");
    let tables = "[packages.core]\npath = \"crates/core\"\n\n[packages.util]\npath = \"crates/util\"\nscopes = [\"util\"]\n";
    write(dir, ".relconfig.toml", tables);
    let later = commit(dir, &["crates/util/more.rs"], "fix: util fix");
    let repo = Repo::open(dir).unwrap();
    let today = Config::parse(Path::new(".relconfig.toml"), tables).unwrap();
    let util = view(&today, "util", dir).unwrap();
    let mut root = Filter::new(&repo, &today);
    let mut own = Filter::new(&repo, &util);
    assert!(own.counts(later, "fix: util fix").unwrap());
    assert!(!root.counts(later, "fix: util fix").unwrap());
    // Neither its folder nor its scope was util's then.
    assert!(!own.counts(early, "feat(util): new util crate").unwrap());
    assert!(root.counts(early, "feat(util): new util crate").unwrap());
}
