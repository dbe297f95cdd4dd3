//! QA85: a release whose section gave a commit its missing entry (a commit made with the
//! hooks off), then undone as doctor advises (`git revert` of the release commit, `git tag
//! -d`, release again): the entry the revert took out with the section was still taken for
//! written by the release commit, so `--sync`, doctor and the new release left that commit
//! without an entry. What a commit added and its revert took out accounts for nothing.

use crate::support::{Repo, ok, stdout, text};

/// v0.1.0 released over `feat: a` (hooked) and `fix: b` (hooks off: its entry comes from
/// the release), then the release commit reverted and its tag deleted.
fn undone_release() -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: cfg"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    repo.write("b.txt", "b\n");
    repo.git(&["add", "b.txt"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "fix: b"]));
    ok(repo.relhook(&["release"]));
    let released = repo.read("CHANGELOG.md");
    assert!(
        released.contains("## [0.1.0]") && released.contains("- b"),
        "{released}"
    );
    let out = repo.git_output(&["revert", "--no-edit", "HEAD"]);
    assert!(out.status.success(), "{}", text(&out));
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(doctor.contains("git tag -d v0.1.0"), "{doctor}");
    repo.git(&["tag", "-d", "v0.1.0"]);
    repo
}

/// The Unreleased section of a changelog text.
fn unreleased(log: &str) -> &str {
    let start = log.find("## [Unreleased]").expect("Unreleased");
    let rest = &log[start..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |i| i + 3);
    &rest[..end]
}

#[test]
fn sync_gives_back_the_entry_the_reverted_release_wrote() {
    let repo = undone_release();
    let out = ok(repo.relhook(&["changelog", "--sync", "--stdout"]));
    let log = stdout(&out);
    let section = unreleased(&log);
    assert!(section.contains("- a\n"), "{log}");
    assert!(section.contains("- b\n"), "{log}");
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("all is well"), "{doctor}");
    assert!(doctor.contains("relhook changelog --sync"), "{doctor}");
}

#[test]
fn the_release_made_again_lists_every_commit() {
    let repo = undone_release();
    let out = repo.relhook(&["release"]);
    assert!(out.status.success(), "{}", text(&out));
    let notes = stdout(&ok(repo.relhook(&["notes", "v0.1.0"])));
    assert!(notes.contains("- a"), "{notes}");
    assert!(notes.contains("- b"), "{notes}");
    let log = repo.read("CHANGELOG.md");
    assert_eq!(log.matches("- b\n").count(), 1, "{log}");
    assert_eq!(log.matches("- a\n").count(), 1, "{log}");
}
