//! QA39: a package's "release anyway" advice named the root's command (`relhook release
//! patch`, which releases the root instead), and so did the other refusals that name a
//! version to release; an absent package changelog was said to be made by `relhook
//! changelog`, which makes no package changelog while it would list nothing.

use crate::support::{Repo, stderr, text, two_packages};

/// Packages `a` (tagged a-v1.0.0) and `b`, then a `docs:` commit in p/a.
fn docs_only() -> Repo {
    let repo = two_packages(
        r#"{"name": "a", "version": "1.0.0"}"#,
        r#"{"name": "b", "version": "1.0.0"}"#,
    );
    repo.git_skipping_relhook(&["tag", "-a", "a-v1.0.0", "-m", "a-v1.0.0"]);
    repo.write("p/a/README.md", "a\n");
    repo.git(&["add", "p/a/README.md"]);
    repo.commit_hooked("docs: a readme");
    repo
}

#[test]
fn a_packages_release_anyway_advice_names_the_package() {
    let repo = docs_only();
    let out = repo.relhook(&["release", "--package", "a"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("create p/a/CHANGELOG.md, write what it changes under its `## [Unreleased]` heading and commit it, then name the version: `relhook release --package a patch`"),
        "{said}"
    );
    assert!(!said.contains("`relhook release patch`"), "{said}");
    // Following it releases the package.
    repo.write(
        "p/a/CHANGELOG.md",
        "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- a readme\n",
    );
    repo.git(&["add", "p/a/CHANGELOG.md"]);
    repo.commit_hooked("docs(a): what the release brings");
    let out = repo.relhook(&["release", "--package", "a", "patch"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.git(&["tag"]).contains("a-v1.0.1"), "{}", text(&out));
}

#[test]
fn a_packages_other_refusals_name_its_release_command() {
    let repo = docs_only();
    // A breaking change on a header that is no Conventional Commit: the major by hand.
    repo.write("p/a/y.txt", "y\n");
    repo.git(&["add", "p/a/y.txt"]);
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "-m",
        "Big change\n\nBREAKING CHANGE: all new",
    ]);
    let out = repo.relhook(&["version", "--package", "a", "--next"]);
    assert!(
        stderr(&out).contains("release the major by hand: `relhook release --package a 2.0.0`"),
        "{}",
        text(&out)
    );
    let out = repo.relhook(&["release", "--package", "a", "1.0.1+b"]);
    assert!(
        stderr(&out).contains("release `relhook release --package a 1.0.1` and put the build"),
        "{}",
        text(&out)
    );
}

#[test]
fn an_absent_package_changelog_is_created_by_hand() {
    let repo = two_packages(
        r#"{"name": "a", "version": "1.0.0"}"#,
        r#"{"name": "b", "version": "1.0.0"}"#,
    );
    repo.write("p/a/README.md", "a\n");
    repo.git(&["add", "p/a/README.md"]);
    repo.commit_hooked("docs: a readme");
    let out = repo.relhook(&["release", "--package", "a"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("create p/a/CHANGELOG.md, write what this release changes under its `## [Unreleased]` heading and commit it"),
        "{said}"
    );
    assert!(!said.contains("`relhook changelog` makes"), "{said}");
}
