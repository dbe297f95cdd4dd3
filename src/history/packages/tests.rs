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

#[test]
fn a_commit_belongs_to_the_packages_it_touches_or_names() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    git(dir, &["init", "-q", "-b", "main"]);
    let c = config();
    let names = |id: Oid, message: &str| {
        let repo = Repo::open(dir).unwrap();
        let a = attribute(&repo, &c.packages, id, message).unwrap();
        let names: Vec<String> = a.packages.iter().map(|p| p.name.clone()).collect();
        (names, a.outside)
    };
    let first = commit(dir, &["README.md", "crates/api/src/lib.rs"], "feat: start");
    assert_eq!(names(first, "feat: start"), (vec!["api".to_owned()], true));
    let root_only = commit(dir, &["README.md"], "docs: words");
    assert_eq!(names(root_only, "docs: words"), (vec![], true));
    let both = commit(dir, &["crates/api/a.rs", "web/index.js"], "feat: both");
    assert_eq!(
        names(both, "feat: both"),
        (vec!["api".into(), "web".into()], false)
    );
    let scoped = commit(dir, &["README.md"], "fix(server): named by scope");
    assert_eq!(
        names(scoped, "fix(server): named by scope"),
        (vec!["api".to_owned()], true)
    );
    // `crates/api-old` is not under `crates/api`.
    let sibling = commit(dir, &["crates/api-old/x.rs"], "fix: sibling");
    assert_eq!(names(sibling, "fix: sibling"), (vec![], true));
    let repo = Repo::open(dir).unwrap();
    let api = find(&c, "api").unwrap();
    let web = find(&c, "web").unwrap();
    assert!(belongs(&repo, api, first, "feat: start"));
    assert!(belongs(&repo, api, both, "feat: both") && belongs(&repo, web, both, "feat: both"));
    assert!(!belongs(&repo, web, first, "feat: start"));
    assert!(belongs(&repo, api, scoped, "fix(server): named by scope"));
    assert!(!belongs(&repo, api, sibling, "fix: sibling"));
    // The root's history is the commits of no package; a view's, its package's.
    assert!(!counts(&repo, &c, first, "feat: start").unwrap());
    assert!(counts(&repo, &c, root_only, "docs: words").unwrap());
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
