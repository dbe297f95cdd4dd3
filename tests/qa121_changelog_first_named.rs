//! QA121: tags under another prefix (a CI's `build-1.2.3`) before the first release, in a
//! project whose Cargo.toml says 2.3.0. `version` and `release` advise, if the tags are not
//! this project's releases, `relhook release 2.3.0`; `changelog --sync` and `--rebuild` named
//! `version.initial` instead (`relhook release 0.1.0`), which pasted was refused as below the
//! version Cargo.toml says. All of them now name the version the files say, and pasting it
//! releases, after which the changelog syncs.

use crate::support::{Repo, ok, stderr, text};

/// Cargo.toml at 2.3.0, tagged `build-1.2.3`, and a fix after it.
fn ci_tagged() -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"x\"\nversion = \"2.3.0\"\nedition = \"2021\"\n",
    );
    repo.git(&["add", "."]);
    repo.commit("feat: start");
    repo.git(&["tag", "build-1.2.3"]);
    repo.write("f.txt", "1\n");
    repo.git(&["add", "."]);
    repo.commit("fix: one");
    repo
}

/// The `relhook release …` the hint names for "not this project's releases".
fn named_release(err: &str) -> String {
    let at = err
        .find("if they are not this project's releases")
        .unwrap_or_else(|| panic!("{err}"));
    let rest = &err[at..];
    let from = rest.find("`relhook release ").unwrap() + 1;
    let len = rest[from..].find('`').unwrap();
    rest[from..from + len].to_owned()
}

#[test]
fn sync_and_rebuild_name_the_version_the_files_say() {
    let repo = ci_tagged();
    let version = stderr(&repo.relhook(&["version", "--next"]));
    assert_eq!(
        named_release(&version),
        "relhook release 2.3.0",
        "{version}"
    );
    for args in [
        &["changelog", "--sync"][..],
        &["changelog", "--rebuild"],
        &["changelog", "--stdout"],
    ] {
        let out = repo.relhook(args);
        assert!(!out.status.success(), "{}", text(&out));
        let err = stderr(&out);
        assert_eq!(
            named_release(&err),
            "relhook release 2.3.0",
            "{args:?}: {err}"
        );
    }
}

#[test]
fn the_named_release_pasted_releases_and_the_changelog_then_syncs() {
    let repo = ci_tagged();
    let err = stderr(&repo.relhook(&["changelog", "--sync"]));
    let out = repo.sh(&named_release(&err));
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l", "v*"]).trim(), "v2.3.0");
    ok(repo.relhook(&["changelog", "--sync"]));
    ok(repo.relhook(&["changelog", "--rebuild", "--stdout"]));
}
