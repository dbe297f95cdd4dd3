//! QA120: changesets/changesets after `relhook init`: a pnpm workspace whose private root
//! package.json says `"version": "1.0.0"`, its packages set up (`[packages."@x/a"]`), no root
//! changelog (init writes none: the root is not released). `relhook release` without
//! `--package` planned the private root's first release, v1.0.0, with a new root CHANGELOG.md
//! of its CI commits, and `git tag -a v1.0.0` made it. Both are now refused in one line that
//! names the packages' releases (and how to release the root too); nothing is written.

use crate::support::{Repo, ok, stderr, stdout, text};

/// The private root at 1.0.0, package @x/a (2.0.0, its changelog) released as @x/a@2.0.0,
/// then a root commit (`fix(ci): y`) and a fix of a.
fn packages_only() -> Repo {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\n  \"name\": \"root\",\n  \"version\": \"1.0.0\",\n  \"private\": true,\n  \"workspaces\": [\"packages/*\"]\n}\n",
    );
    repo.write(
        "packages/a/package.json",
        "{\n  \"name\": \"@x/a\",\n  \"version\": \"2.0.0\"\n}\n",
    );
    repo.write("packages/a/CHANGELOG.md", "# @x/a\n\n## 2.0.0\n\n- first\n");
    repo.write(
        ".relconfig.toml",
        "[packages.\"@x/a\"]\npath = \"packages/a\"\ntag = \"@x/a@{version}\"\n\n[checks]\nrequire_tested_tags = false\n",
    );
    ok(repo.git_output(&["add", "-A"]));
    repo.commit("chore: init");
    repo.git(&["tag", "-a", "@x/a@2.0.0", "-m", "@x/a@2.0.0"]);
    repo.write(".github/ci.yml", "on: push\n");
    ok(repo.git_output(&["add", "-A"]));
    repo.commit("fix(ci): do not publish from forks");
    repo.write("packages/a/index.js", "x\n");
    ok(repo.git_output(&["add", "-A"]));
    repo.commit("fix: a's fix");
    repo
}

const REFUSED: &str = "the root package.json is private (`\"private\": true`), so the root is not released: its packages are released";

fn tags(repo: &Repo) -> String {
    stdout(&ok(repo.git_output(&["tag", "--list"])))
}

#[test]
fn the_root_release_is_refused_and_names_the_packages_releases() {
    let repo = packages_only();
    for args in [&["release", "--dry-run"][..], &["release"]] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out));
        let err = stderr(&out);
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains("release refused"), "{err}");
        assert!(err.contains(REFUSED), "{err}");
        assert!(err.contains("`relhook release --all`"), "{err}");
        assert!(err.contains("`relhook release --package @x/a`"), "{err}");
        assert!(!stdout(&out).contains("CHANGELOG.md"), "{}", text(&out));
    }
    assert_eq!(tags(&repo).trim(), "@x/a@2.0.0");
    assert!(!repo.path().join("CHANGELOG.md").exists());
    let status = stdout(&ok(repo.git_output(&["status", "--porcelain"])));
    assert_eq!(status, "", "{status}");

    // A hand tag of the root is refused the same way, before it is made.
    ok(repo.relhook(&["install"]));
    let out = repo.git_output(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains(REFUSED), "{}", text(&out));
    assert_eq!(tags(&repo).trim(), "@x/a@2.0.0");

    // The advice, pasted, releases the package.
    let out = ok(repo.sh("relhook release --package @x/a"));
    assert!(tags(&repo).contains("@x/a@2.0.1"), "{}", text(&out));
}

#[test]
fn a_listed_root_package_json_is_released() {
    // `[version] files` naming the root's package.json says the root is released too.
    let repo = packages_only();
    let config = repo.read(".relconfig.toml");
    repo.write(
        ".relconfig.toml",
        format!(
            "[version]\nfiles = [{{ path = \"package.json\", key = \"version\" }}]\n\n{config}"
        ),
    );
    ok(repo.git_output(&["add", "-A"]));
    ok(repo.git_output(&[
        "commit",
        "-q",
        "--no-verify",
        "-m",
        "chore: release the root",
    ]));
    let out = ok(repo.relhook(&["release", "--dry-run"]));
    assert!(text(&out).contains("v1.0.0"), "{}", text(&out));
}
