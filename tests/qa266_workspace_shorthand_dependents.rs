//! QA266: pnpm and yarn publish a `workspace:*` requirement as the exact version of the
//! package it links (`workspace:^` as `^<version>`, `workspace:~` as `~<version>`). A release
//! of `@p/core` left its `workspace:*` dependent unreleased, said nothing of it, and the
//! dependent's published copy kept requiring the old version exactly (changesets releases
//! it). Such a dependent is now released with it, as one whose written requirement moved,
//! when what it publishes no longer admits the new version; its manifest keeps the shorthand.

use crate::support::{Repo, ok, text};

/// Packages a (`@p/core` 1.0.0) and b (`@p/ui` 2.1.0, requiring it as `req` in `section`) of
/// a pnpm workspace, both released, then `change` committed in a.
fn workspace(section: &str, req: &str, change: &str) -> Repo {
    let repo = crate::support::two_packages(
        "{\n  \"name\": \"@p/core\",\n  \"version\": \"1.0.0\"\n}\n",
        &format!(
            "{{\n  \"name\": \"@p/ui\",\n  \"version\": \"2.1.0\",\n  \"{section}\": {{\"@p/core\": \"{req}\"}}\n}}\n"
        ),
    );
    repo.write("pnpm-workspace.yaml", "packages:\n  - \"p/*\"\n");
    repo.write(
        "package.json",
        "{\n  \"name\": \"mono\",\n  \"private\": true\n}\n",
    );
    for (dir, version) in [("p/a", "1.0.0"), ("p/b", "2.1.0")] {
        repo.write(
            &format!("{dir}/CHANGELOG.md"),
            format!("# Changelog\n\n## [Unreleased]\n\n## [{version}] - 2020-01-01\n\n### Added\n\n- start\n"),
        );
    }
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: pnpm workspace"]);
    for tag in ["a-v1.0.0", "b-v2.1.0"] {
        ok(repo.git_skipping_relhook(&["tag", "-a", tag, "-m", tag]));
    }
    repo.write("p/a/x.js", "x\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked(change);
    repo
}

fn released_tags(repo: &Repo) -> String {
    repo.git(&["tag", "-l", "--points-at", "HEAD"])
}

#[test]
fn an_exact_workspace_dependent_is_released_with_its_requirement_kept() {
    let repo = workspace("dependencies", "workspace:*", "fix(a): x");
    let plan = ok(repo.relhook(&["release", "--package", "a", "--no-test", "--dry-run"]));
    let entry = "**deps:** require a 1.0.1 (`workspace:*` in p/b/package.json publishes `1.0.1`, not `1.0.0`)";
    assert!(text(&plan).contains("b-v2.1.1"), "{}", text(&plan));
    assert!(text(&plan).contains(entry), "{}", text(&plan));
    let out = ok(repo.relhook(&["release", "--package", "a", "--no-test"]));
    assert_eq!(released_tags(&repo), "a-v1.0.1\nb-v2.1.1", "{}", text(&out));
    let b = repo.read("p/b/package.json");
    assert!(
        b.contains("\"version\": \"2.1.1\"") && b.contains("\"@p/core\": \"workspace:*\""),
        "{b}"
    );
    assert!(repo.read("p/b/CHANGELOG.md").contains(entry));
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
}

#[test]
fn a_caret_workspace_dependent_is_released_only_when_it_no_longer_admits_the_version() {
    let repo = workspace("dependencies", "workspace:^", "fix(a): x");
    // Published as `^1.0.0`, it admits 1.0.1: nothing else is released.
    ok(repo.relhook(&["release", "--package", "a", "--no-test"]));
    assert_eq!(released_tags(&repo), "a-v1.0.1");
    repo.write("p/a/y.js", "y\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat(a)!: y");
    let out = ok(repo.relhook(&["release", "--package", "a", "--no-test"]));
    assert_eq!(released_tags(&repo), "a-v2.0.0\nb-v2.1.1", "{}", text(&out));
    assert!(
        repo.read("p/b/CHANGELOG.md")
            .contains("(`workspace:^` in p/b/package.json publishes `^2.0.0`, not `^1.0.1`)")
    );
    assert!(
        repo.read("p/b/package.json")
            .contains("\"@p/core\": \"workspace:^\"")
    );
}

#[test]
fn an_exact_workspace_dev_dependency_brings_no_release() {
    let repo = workspace("devDependencies", "workspace:*", "fix(a): x");
    let out = ok(repo.relhook(&["release", "--package", "a", "--no-test"]));
    assert_eq!(released_tags(&repo), "a-v1.0.1", "{}", text(&out));
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
}

/// QA266 (H3): a hand tag of a package with a `workspace:*` dependent released the package
/// alone and said nothing; b's published copy still requires a 1.0.0 exactly. The hook names
/// the release b needs, once.
#[test]
fn a_hand_tag_names_the_release_its_exact_workspace_dependent_needs() {
    let repo = workspace("dependencies", "workspace:*", "fix(a): x");
    let out = crate::support::hand_tag(&repo, &["-a", "a-v1.0.1", "-m", "a-v1.0.1"]);
    let err = text(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let lines: Vec<_> = err
        .lines()
        .filter(|l| l.contains("relhook release --package b"))
        .collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(lines[0].contains("workspace:*"), "{err}");
}

/// A `workspace:^` dependent that still admits the new version needs nothing: not named.
#[test]
fn a_hand_tag_names_no_release_for_a_caret_workspace_dependent_still_met() {
    let repo = workspace("dependencies", "workspace:^", "fix(a): x");
    let out = crate::support::hand_tag(&repo, &["-a", "a-v1.0.1", "-m", "a-v1.0.1"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(!text(&out).contains("--package b"), "{}", text(&out));
}
