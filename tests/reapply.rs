//! git's `Reapply "<header>"` (a revert of a revert, git 2.43 and later) is the reapplied
//! change itself: its entry is the original header's, carried by the commit when the revert
//! it undoes was released, and read alike by lint, `--sync`, `version` and release notes.

use crate::support::{Repo, hand_tag, installed_repo, ok, stderr, stdout, text};

/// `fix: beta` released in v0.1.0, its revert released in v0.1.1 (`- revert "beta"`).
fn revert_released() -> Repo {
    let repo = installed_repo();
    repo.write("b.txt", "1\n");
    repo.git(&["add", "b.txt"]);
    repo.git(&["commit", "-q", "-m", "fix: beta"]);
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "r"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_output(&["revert", "--no-edit", ":/^fix: beta"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = hand_tag(&repo, &["-a", "v0.1.1", "-m", "r"]);
    assert!(out.status.success(), "{}", text(&out));
    repo
}

/// HEAD's changelog above the last release.
fn unreleased(repo: &Repo) -> String {
    let log = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    log.split("## [0.1.1]")
        .next()
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn a_reapply_of_a_released_revert_carries_the_original_entry() {
    let repo = revert_released();
    let out = repo.git_output(&["revert", "--no-edit", ":/^Revert"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.head_subject(), "Reapply \"fix: beta\"");
    assert!(
        stderr(&out).contains("added `- beta` under Fixed"),
        "{}",
        text(&out)
    );
    assert!(
        unreleased(&repo).contains("### Fixed\n\n- beta\n"),
        "{}",
        unreleased(&repo)
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    // `--sync` agrees, lint and check pass it, the version counts it, the notes list it.
    let before = repo.read("CHANGELOG.md");
    ok(repo.relhook(&["changelog", "--sync"]));
    assert_eq!(repo.read("CHANGELOG.md"), before);
    ok(repo.relhook(&["check", "v0.1.1..HEAD"]));
    let next = ok(repo.relhook(&["version", "--next"]));
    assert_eq!(stdout(&next).trim(), "0.1.2", "{}", text(&next));
    let dry = ok(repo.relhook(&["release", "--dry-run"]));
    assert!(
        !stderr(&dry).contains("not a Conventional Commit"),
        "{}",
        text(&dry)
    );
    assert!(stdout(&dry).contains("- beta"), "{}", text(&dry));
}

#[test]
fn a_reapply_of_an_unreleased_revert_adds_nothing() {
    // The revert of a released change, still unreleased: git's revert of the revert takes
    // `- revert "beta"` out again, and beta's release stands, so nothing is added.
    let repo = installed_repo();
    repo.write("b.txt", "1\n");
    repo.git(&["add", "b.txt"]);
    repo.git(&["commit", "-q", "-m", "fix: beta"]);
    let out = hand_tag(&repo, &["-a", "v0.1.1", "-m", "r"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.git(&["revert", "--no-edit", ":/^fix: beta"]);
    assert!(
        unreleased(&repo).contains("- revert \"beta\""),
        "{}",
        unreleased(&repo)
    );
    let out = repo.git_output(&["revert", "--no-edit", "HEAD"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.head_subject(), "Reapply \"fix: beta\"");
    assert!(!stderr(&out).contains("relhook"), "{}", text(&out));
    assert!(!unreleased(&repo).contains("beta"), "{}", unreleased(&repo));
    let before = repo.read("CHANGELOG.md");
    ok(repo.relhook(&["changelog", "--sync"]));
    assert_eq!(repo.read("CHANGELOG.md"), before);

    // Both unreleased: the change, its revert and the reapply leave the change's entry.
    repo.write("c.txt", "1\n");
    repo.git(&["add", "c.txt"]);
    repo.git(&["commit", "-q", "-m", "fix: gamma"]);
    repo.git(&["revert", "--no-edit", "HEAD"]);
    repo.git(&["revert", "--no-edit", "HEAD"]);
    assert_eq!(repo.head_subject(), "Reapply \"fix: gamma\"");
    let log = unreleased(&repo);
    assert_eq!(log.matches("- gamma").count(), 1, "{log}");
    let before = repo.read("CHANGELOG.md");
    ok(repo.relhook(&["changelog", "--sync"]));
    assert_eq!(repo.read("CHANGELOG.md"), before);
    let dry = ok(repo.relhook(&["release", "--dry-run"]));
    assert_eq!(stdout(&dry).matches("- gamma").count(), 1, "{}", text(&dry));
}
