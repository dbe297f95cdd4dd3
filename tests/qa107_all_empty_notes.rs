//! QA107: `relhook release --all` judged a package's empty notes only before its first
//! release. A package released before, whose commits since had their entries taken out of
//! its `## [Unreleased]` by hand, stopped the whole release (no other package released
//! either), where `release --package` refuses it alone and `--all` leaves alone any package
//! with nothing to release. `--all` (and `version --all`) now apply `release --package`'s
//! empty-notes rule: that package is left alone, with why, and the others are released.

use crate::support::{Repo, ok, stderr, stdout, text, two_packages};

/// Packages a and b released at 0.1.0 (a `feat:` each), then `feat(a): two` and `fix(b): two`
/// through the hooks, and a's entry taken out of its changelog by hand and committed.
fn a_entry_taken_out() -> Repo {
    let repo = two_packages(
        "{\"name\":\"a\",\"version\":\"0.1.0\"}\n",
        "{\"name\":\"b\",\"version\":\"0.1.0\"}\n",
    );
    let change = |file: &str, message: &str| {
        repo.write(file, "x\n");
        repo.git(&["add", file]);
        repo.commit_hooked(message);
    };
    change("p/a/one.js", "feat(a): one");
    change("p/b/one.js", "feat(b): one");
    ok(repo.relhook(&["release", "--all", "--no-test"]));
    change("p/a/two.js", "feat(a): two");
    change("p/b/two.js", "fix(b): two");
    let log = repo.read("p/a/CHANGELOG.md");
    assert!(log.contains("- **a:** two\n"), "{log}");
    repo.write("p/a/CHANGELOG.md", log.replace("- **a:** two\n", ""));
    repo.git(&["add", "p/a/CHANGELOG.md"]);
    repo.commit_hooked("docs(a): not that one");
    repo
}

#[test]
fn release_all_leaves_a_package_with_empty_notes_alone_and_releases_the_others() {
    let repo = a_entry_taken_out();
    // `--package a` refuses it: the rule `--all` now follows.
    let out = repo.relhook(&["release", "--package", "a", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stderr(&out).contains("would be empty"), "{}", text(&out));
    let a_log = repo.read("p/a/CHANGELOG.md");
    let out = ok(repo.relhook(&["release", "--all", "--no-test"]));
    let err = stderr(&out);
    assert!(err.contains("b-v0.1.1"), "{err}");
    assert!(
        err.contains("relhook: a is not released: nothing for the changelog: the `## [0.1.1]` section of p/a/CHANGELOG.md would be empty"),
        "{err}"
    );
    assert_eq!(repo.git(&["tag", "-l", "a-v*"]), "a-v0.1.0");
    assert_eq!(repo.git(&["tag", "-l", "b-v*"]), "b-v0.1.0\nb-v0.1.1");
    assert_eq!(repo.read("p/a/CHANGELOG.md"), a_log);
    assert!(repo.read("p/a/package.json").contains("\"0.1.0\""));
    assert!(repo.read("p/b/CHANGELOG.md").contains("## [0.1.1]"));
}

#[test]
fn version_all_has_no_next_version_for_it_either() {
    let repo = a_entry_taken_out();
    let out = ok(repo.relhook(&["version", "--all", "--next"]));
    let said = stdout(&out);
    assert!(said.contains("a 0.1.0 (nothing to release)"), "{said}");
    assert!(said.contains("b 0.1.0 -> 0.1.1"), "{said}");
}
