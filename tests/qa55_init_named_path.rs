//! QA52: `relhook init` run outside the work tree (GIT_DIR and GIT_WORK_TREE set, the current
//! folder elsewhere) said `wrote .relconfig.toml`, a name that finds no file from where it ran.
//! It now names each file so that it is found from there: relative to the current folder at
//! the work tree's top, else its full path.

use crate::support::{Repo, ok, relhook_bin, stdout, text};

/// The files init's `wrote …` lines name, in order.
fn wrote(out: &str) -> Vec<String> {
    out.lines()
        .filter_map(|l| l.strip_prefix("wrote "))
        .map(str::to_owned)
        .collect()
}

/// Each named file is there when looked for from `cwd`, as a user would paste it.
fn found_from(repo: &Repo, cwd: &std::path::Path, names: &[String]) {
    for name in names {
        let out = repo
            .command_in("sh", cwd)
            .args(["-c", &format!("test -f '{name}'")])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{name} not found from {}",
            cwd.display()
        );
    }
}

#[test]
fn init_outside_the_work_tree_names_the_files_where_they_are() {
    let repo = Repo::new();
    let elsewhere = repo.scratch("elsewhere");
    let git_dir = repo.path().join(".git");
    let out = repo
        .command_in(relhook_bin(), &elsewhere)
        .env("GIT_DIR", &git_dir)
        .env("GIT_WORK_TREE", repo.path())
        .arg("init")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let names = wrote(&stdout(&out));
    let top = std::fs::canonicalize(repo.path()).unwrap();
    assert_eq!(names.len(), 2, "{}", text(&out));
    for (name, file) in names.iter().zip([".relconfig.toml", "CHANGELOG.md"]) {
        let named = std::fs::canonicalize(name).unwrap_or_else(|_| panic!("{name}"));
        assert_eq!(named, top.join(file), "{}", text(&out));
    }
    found_from(&repo, &elsewhere, &names);
    assert!(!elsewhere.join(".relconfig.toml").exists());
}

#[test]
fn init_below_the_top_names_the_files_where_they_are() {
    let repo = Repo::new();
    let sub = repo.path().join("sub");
    std::fs::create_dir_all(&sub).unwrap();
    let out = ok(repo.relhook_in(&sub, &["init"]));
    let names = wrote(&stdout(&out));
    assert_eq!(names.len(), 2, "{}", text(&out));
    assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");
    found_from(&repo, &sub, &names);
}

#[test]
fn init_at_the_top_names_the_files_as_before() {
    let repo = Repo::new();
    let out = ok(repo.relhook(&["init"]));
    assert_eq!(wrote(&stdout(&out)), [".relconfig.toml", "CHANGELOG.md"]);
}
