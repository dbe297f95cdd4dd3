//! Found by QA on a Cargo workspace released per package (`[packages]`) whose crates all
//! inherit `[workspace.package] version`: with every one of them due at the same next version,
//! `relhook release --all` refused, saying a package "cannot be released alone", though none was
//! released alone. Such a release bumps the shared version once (and each crate's Cargo.lock
//! entry), tags each package and makes one release commit. It is still refused when only some
//! of the crates sharing the version are due, or when their next versions differ.

use crate::qa22_cargo_inherit::{
    A, B, PACKAGES, refused_untouched, resolves, shared_version_moved, workspace,
};
use crate::support::{dated_release, hand_tag_refused, text};

/// `a` and `b` sharing 0.3.0, each with a change of its own (`a`'s first, then `b_change`).
fn both_changed(b_change: &str) -> crate::support::Repo {
    let repo = workspace(PACKAGES, A, B, &["a-v0.3.0", "b-v0.3.0"]);
    repo.write("crates/b/src/lib.rs", "pub fn other() {}\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked(b_change);
    repo
}

#[test]
fn every_crate_sharing_the_version_due_at_one_version_is_released_together() {
    let repo = both_changed("fix(b): other");
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = dated_release(&repo, &["--all", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        repo.git(&["rev-parse", "HEAD~1"]),
        head,
        "one release commit"
    );
    assert_eq!(
        repo.git(&["tag", "--points-at", "HEAD"]),
        "a-v0.3.1\nb-v0.3.1"
    );
    // The shared version moves once; the crates still inherit it.
    shared_version_moved(&repo);
    for changelog in ["crates/a/CHANGELOG.md", "crates/b/CHANGELOG.md"] {
        assert!(repo.read(changelog).contains("## [0.3.1]"), "{changelog}");
    }
    resolves(&repo);
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

#[test]
fn crates_sharing_the_version_at_different_next_versions_are_refused() {
    let repo = both_changed("feat(b)!: other");
    let err = refused_untouched(&repo, &["--all", "--no-test"]);
    for says in [
        "`version.workspace = true`",
        "cannot be released alone",
        "nothing was released",
    ] {
        assert!(err.contains(says), "{says}: {err}");
    }
    // Due together, a hand tag of one of them still names a version its crate does not have.
    let repo = both_changed("fix(b): other");
    let err = hand_tag_refused(&repo, "a-v0.3.1");
    assert!(err.contains("`version.workspace = true`"), "{err}");
    assert!(err.contains("shared with b"), "{err}");
}
