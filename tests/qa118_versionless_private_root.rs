//! QA118: a workspace whose private root package.json has no `"version"` at all, under a
//! release tag of the root from before (`v1.0.0`), and no package set up. `relhook release`
//! released the private root as v1.0.1 (a tag no package.json says) and doctor said nothing.
//! The release is now refused in one line with the advice of the root at `0.0.0` (qa109):
//! `relhook init`, whose `[packages.<name>]` tables, committed, release a package; doctor's
//! version-files row says the same.

use crate::support::{Repo, ok, stderr, stdout, text};

/// The private root with no version, packages a (1.2.0) and b (3.0.0) under p/, tagged v1.0.0.
fn versionless_root() -> Repo {
    crate::qa109_private_root::private_root_with(
        "{\n  \"name\": \"root\",\n  \"private\": true,\n  \"workspaces\": [\"p/*\"]\n}\n",
        "p",
    )
}

const WRITES: &str = "the root package.json is private (`\"private\": true`), so the workspace's packages are what is released, not the root: `relhook init` writes .relconfig.toml with a `[packages.<name>]` table for each package, released under its own tags; commit it";

fn tags(repo: &Repo) -> String {
    stdout(&ok(repo.git_output(&["tag", "--list"])))
}

#[test]
fn the_root_release_is_refused_with_init_as_the_advice() {
    let repo = versionless_root();
    let out = repo.relhook(&["release"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("release refused"), "{err}");
    assert!(err.trim_end().ends_with(WRITES), "{err}");
    assert_eq!(tags(&repo).trim(), "v1.0.0");
    let status = stdout(&ok(repo.git_output(&["status", "--porcelain"])));
    assert_eq!(status, "", "{status}");

    // Doctor's version-files row says the same.
    let said = stdout(&repo.relhook(&["doctor"]));
    let mut lines = said.lines();
    lines.find(|l| l.contains("version files:")).expect(&said);
    let fix = lines.next().expect(&said);
    assert!(fix.trim_end().ends_with(WRITES), "{said}");

    // Pasted, then committed: no row, and a package is released.
    let out = repo.sh("relhook init");
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.read(".relconfig.toml").contains("[packages.a]"));
    ok(repo.git_output(&["add", ".relconfig.toml"]));
    ok(repo.git_output(&["commit", "-q", "--no-verify", "-m", "chore: adopt relhook"]));
    assert!(!stdout(&repo.relhook(&["doctor"])).contains("version files:"));
    let out = ok(repo.relhook(&["release", "--package", "a"]));
    assert!(tags(&repo).contains("a-v1.2.0"), "{}", text(&out));
}

#[test]
fn a_listed_root_file_is_the_release_unit() {
    // `[version] files` names what is released: the root's release is not the refusal's.
    let repo = versionless_root();
    repo.write(
        ".relconfig.toml",
        "[version]\nfiles = [{ path = \"p/a/package.json\", key = \"version\" }]\n",
    );
    ok(repo.git_output(&["add", ".relconfig.toml"]));
    repo.commit("chore: settings");
    let out = repo.relhook(&["release", "--dry-run"]);
    assert_ne!(out.status.code(), Some(2), "{}", text(&out));
    assert!(!stderr(&out).contains("relhook init"), "{}", text(&out));
}
