//! QA103: changesets adopted before `relhook init`. Its tags are its packages'
//! (`@changesets/cli@3.0.1`) and its root package.json is private; with no `[packages.*]`
//! table, those tags were left out as "a package's", so relhook took the repository for one
//! project never released: `version --next` said 1.0.0, and doctor advised a `--sync` that
//! put every conventional commit since 2019 under Unreleased. Tags of a package still in the
//! workspace, with no package set up, are named instead, with `relhook init` as the way on.

use crate::support::{Repo, ok, stderr, stdout, text};

/// A workspace of `@x/a` and `@x/b`, each released under its own tags, then one more fix.
fn workspace() -> Repo {
    let repo = Repo::new();
    repo.write(
        "package.json",
        r#"{"name":"root","private":true,"version":"1.0.0","workspaces":["packages/*"]}"#,
    );
    repo.write(
        "packages/a/package.json",
        r#"{"name":"@x/a","version":"1.0.0"}"#,
    );
    repo.write(
        "packages/b/package.json",
        r#"{"name":"@x/b","version":"2.0.0"}"#,
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "feat: start"]);
    repo.git(&["tag", "@x/a@1.0.0"]);
    repo.git(&["tag", "@x/b@2.0.0"]);
    repo.write("packages/a/v", "1");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "fix(a): a fix"]);
    repo
}

#[test]
fn a_workspace_s_package_tags_with_no_package_set_up_are_named() {
    let repo = workspace();
    let out = repo.relhook(&["version", "--next"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains(
            "the release tags here are the workspace's packages' (`@x/b@2.0.0`, and 1 more package's), none under the default tag_prefix \"v\", and no package is set up"
        ),
        "{err}"
    );
    assert!(
        err.contains("`relhook init` writes .relconfig.toml with a `[packages.<name>]` table for each package"),
        "{err}"
    );
    // Doctor names it too, instead of a `--sync` from the first commit.
    let out = repo.relhook(&["doctor"]);
    let said = text(&out);
    assert!(
        said.contains("INVALID  version: the release tags here are the workspace's packages'"),
        "{said}"
    );
    assert!(!said.contains("changelog --sync"), "{said}");
    let out = repo.relhook(&["changelog", "--sync", "--stdout"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));

    // The advice, followed: each package goes on from its own tags.
    ok(repo.relhook(&["init"]));
    repo.git(&["add", ".relconfig.toml"]);
    repo.git(&["commit", "-qm", "chore: adopt relhook"]);
    let out = ok(repo.relhook(&["version", "--next", "--package", "@x/a"]));
    assert_eq!(stdout(&out).trim(), "1.0.1", "{}", text(&out));
}

#[test]
fn with_a_config_file_the_tables_are_named_to_add() {
    let repo = workspace();
    repo.write(".relconfig.toml", "[commit]\nheader_max_length = 100\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "chore: settings"]);
    let out = repo.relhook(&["version"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("add a `[packages.<name>]` table for each package to .relconfig.toml (`path`, and `tag = \"@x/b@{version}\"` for @x/b)"),
        "{err}"
    );
}
