//! QA25: a monorepo's merged branches, package by package.
//! - `git revert -m 1` of a merge a *package* released (tag `a-v0.1.0`, not the repository's
//!   `v…`) gets its `revert "…"` entry in that package's changelog, as in a one-package
//!   repository; `--sync` and `--rebuild` of the package write the same.
//! - A merged branch touching two packages: each package's `revert "…"` entry names only the
//!   branch's commits that touched that package, not both packages' joined into one; in
//!   post-commit, `--sync`, `--rebuild` and notes alike.

use crate::support::{Repo, ok, text};

/// Packages `a` (tags `a-v1.2.0`) and `b` (tags `b@1.2.0`), relhook installed, one feature
/// each on main; then a topic branch with `feat(a): topic a` (and, when `both`, `feat(b):
/// topic b`) merged with `--no-ff`, every package released, and the merge reverted with
/// `git revert -m 1`.
fn released_then_reverted(both: bool) -> (Repo, std::process::Output) {
    let repo = Repo::new();
    repo.write("packages/a/a.txt", "a\n");
    repo.write("packages/b/b.txt", "b\n");
    repo.write(
        ".relconfig.toml",
        "[packages.a]\npath = \"packages/a\"\ntag = \"a-v{version}\"\n\n[packages.b]\npath = \"packages/b\"\ntag = \"b@{version}\"\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    change(&repo, "packages/a/a.txt", "feat(a): first a");
    change(&repo, "packages/b/b.txt", "feat(b): first b");
    repo.git(&["switch", "-q", "-c", "topic"]);
    change(&repo, "packages/a/a.txt", "feat(a): topic a");
    if both {
        change(&repo, "packages/b/b.txt", "feat(b): topic b");
    }
    repo.git(&["switch", "-q", "main"]);
    ok(repo.git_output(&["merge", "-q", "--no-ff", "--no-edit", "topic"]));
    ok(repo.relhook(&["release", "--package", "a"]));
    ok(repo.relhook(&["release", "--package", "b"]));
    assert!(repo.git(&["tag"]).contains("a-v0.1.0"));
    let out = ok(repo.git_output(&["revert", "--no-edit", "-m", "1", ":/^Merge branch"]));
    (repo, out)
}

/// Appends a line to `file` and commits it through the hooks.
fn change(repo: &Repo, file: &str, message: &str) {
    let mut body = repo.read(file);
    body.push_str(message);
    body.push('\n');
    repo.write(file, body);
    repo.git(&["add", file]);
    let out = repo.git_output(&["commit", "-q", "-m", message]);
    assert!(out.status.success(), "{}", text(&out));
}

/// The Unreleased section of `path` as HEAD stores it.
fn unreleased(repo: &Repo, path: &str) -> String {
    let log = repo.git(&["show", &format!("HEAD:{path}")]);
    let from = log.find("## [Unreleased]").expect("Unreleased");
    let rest = &log[from..];
    let end = rest[1..].find("\n## ").map_or(rest.len(), |i| i + 1);
    rest[..end].to_owned()
}

/// The Unreleased section `relhook changelog ARGS --stdout` prints.
fn printed_unreleased(repo: &Repo, args: &[&str]) -> String {
    let mut all = vec!["changelog"];
    all.extend(args);
    all.push("--stdout");
    let out = ok(repo.relhook(&all));
    let log = String::from_utf8_lossy(&out.stdout).into_owned();
    let from = log.find("## [Unreleased]").expect("Unreleased");
    let rest = &log[from..];
    let end = rest[1..].find("\n## ").map_or(rest.len(), |i| i + 1);
    rest[..end].to_owned()
}

#[test]
fn a_merge_a_package_released_gets_its_revert_entry_when_reverted() {
    let (repo, out) = released_then_reverted(false);
    let a = unreleased(&repo, "packages/a/CHANGELOG.md");
    assert!(
        a.contains("### Removed\n\n- **a:** revert \"topic a\"\n"),
        "{a}\n{}",
        text(&out)
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    // The package's other changelog is untouched, and history reads the same.
    let b = unreleased(&repo, "packages/b/CHANGELOG.md");
    assert!(!b.contains("revert"), "{b}");
    assert_eq!(printed_unreleased(&repo, &["--sync", "--package", "a"]), a);
    assert_eq!(
        printed_unreleased(&repo, &["--rebuild", "--package", "a"]),
        a
    );
}

#[test]
fn a_merge_of_two_packages_reverted_after_release_gives_each_its_own_entry() {
    let (repo, out) = released_then_reverted(true);
    for (path, own, other) in [
        (
            "packages/a/CHANGELOG.md",
            "- **a:** revert \"topic a\"\n",
            "topic b",
        ),
        (
            "packages/b/CHANGELOG.md",
            "- **b:** revert \"topic b\"\n",
            "topic a",
        ),
    ] {
        let log = unreleased(&repo, path);
        assert!(
            log.contains(&format!("### Removed\n\n{own}")),
            "{path}: {log}\n{}",
            text(&out)
        );
        assert!(!log.contains(other), "{path}: {log}");
        let name = if path.contains("/a/") { "a" } else { "b" };
        assert_eq!(
            printed_unreleased(&repo, &["--sync", "--package", name]),
            log
        );
        assert_eq!(
            printed_unreleased(&repo, &["--rebuild", "--package", name]),
            log
        );
    }
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    // Notes built from history (tags made with relhook bypassed, so no section) say the same.
    for (tag, own, other) in [
        ("a-v0.1.1", "- **a:** revert \"topic a\"", "topic b"),
        ("b@0.1.1", "- **b:** revert \"topic b\"", "topic a"),
    ] {
        ok(repo.git_skipping_relhook(&["tag", "-a", tag, "-m", "x"]));
        let notes = ok(repo.relhook(&["notes", tag]));
        let notes = String::from_utf8_lossy(&notes.stdout).into_owned();
        assert!(notes.contains(own), "{tag}: {notes}");
        assert!(!notes.contains(other), "{tag}: {notes}");
    }
}
