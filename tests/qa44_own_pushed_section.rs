//! QA: a section written by hand in this clone and pushed, never tagged, was taken for
//! another clone's release: `relhook release` led with `git fetch origin tag v0.2.0`, which
//! fails (no clone made that tag), before its fallback. A section this clone's own commit
//! wrote now gets the written-by-hand advice; one a pull brought keeps the fetch advice.

use crate::support::{Repo, clone_installed, ok, stderr, text};

/// A released v0.1.0, then `feat: b` and a hand-written `## [0.2.0]` section, pushed.
fn pushed_hand_section() -> (Repo, std::path::PathBuf) {
    let repo = Repo::new();
    repo.git(&["branch", "-M", "main"]);
    let origin = repo.with_origin();
    ok(repo.relhook(&["install"]));
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.write("a", "a\n");
    repo.git(&["add", "a"]);
    repo.git(&["commit", "-q", "-m", "feat: a"]);
    ok(repo.relhook(&["release"]));
    repo.write("b", "b\n");
    repo.git(&["add", "b"]);
    repo.git(&["commit", "-q", "-m", "feat: b"]);
    let log = repo.read("CHANGELOG.md").replacen(
        "## [Unreleased]\n",
        "## [Unreleased]\n\n## [0.2.0] - 2026-11-30\n",
        1,
    );
    repo.write("CHANGELOG.md", &log);
    repo.git(&["commit", "-q", "-am", "docs: changelog for 0.2.0"]);
    let out = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    (repo, origin)
}

#[test]
fn a_section_this_clone_wrote_and_pushed_is_tagged_not_fetched() {
    let (repo, _) = pushed_hand_section();
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("was written by hand in"), "{err}");
    assert!(!err.contains("git fetch"), "{err}");
    assert!(
        err.contains("`git tag -a v0.2.0 -m \"release 0.2.0\"`"),
        "{err}"
    );
}

#[test]
fn a_section_a_pull_brought_keeps_the_fetch_advice() {
    let (repo, origin) = pushed_hand_section();
    let other = clone_installed(&repo, &origin, "other");
    // The other clone holds v0.1.0 (fetched with the clone) but made nothing itself.
    let out = repo.relhook_in(&other, &["release"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("git fetch origin tag v0.2.0"), "{err}");
}
