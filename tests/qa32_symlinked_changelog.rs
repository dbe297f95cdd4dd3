//! QA32: a CHANGELOG.md committed as a symbolic link to a file outside the repository: the
//! release and the hand tag said the last release's section had been taken out ("a revert of
//! the release commit?") and advised `git tag -d` of a published-looking tag, where doctor
//! named the link.

use crate::support::{Repo, hand_tag, stderr, text, untested_installed};

fn linked() -> Repo {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let outside = repo.scratch("outside").join("CHANGELOG.md");
    std::fs::write(&outside, repo.read("CHANGELOG.md")).unwrap();
    std::fs::remove_file(repo.path().join("CHANGELOG.md")).unwrap();
    std::os::unix::fs::symlink(&outside, repo.path().join("CHANGELOG.md")).unwrap();
    repo.git(&["add", "-A"]);
    let out = repo.git_in(
        &repo.path(),
        &["commit", "-q", "-m", "docs: link the changelog"],
        &[("RELHOOK_SKIP", "1")],
    );
    assert!(out.status.success(), "{}", text(&out));
    repo.commit_hooked("fix: two");
    repo
}

#[test]
fn a_symlinked_changelog_is_named_not_taken_for_a_revert() {
    let repo = linked();
    let out = repo.relhook(&["release", "--no-test"]);
    assert_ne!(out.status.code(), Some(0), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        !said.contains("git tag -d") && !said.contains("a revert"),
        "{said}"
    );
    assert!(
        said.contains("symbolic link") || said.contains("link"),
        "{said}"
    );

    let out = hand_tag(&repo, &["-a", "v0.1.1", "-m", "x"]);
    assert_eq!(out.status.code(), Some(128), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        !said.contains("git tag -d") && !said.contains("a revert"),
        "{said}"
    );
    assert!(said.contains("link"), "{said}");
    assert_eq!(repo.git(&["tag"]), "v0.1.0");
}
