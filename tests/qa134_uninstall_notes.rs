//! QA134: `relhook uninstall` is said to leave no trace but `.git/relhook-adopted`, yet it left
//! the notes relhook keeps in the git dir: the lines said once (`relhook-told-…`), the commits
//! post-commit left without their entry at a held lock (`relhook-lock-met`), and the flags of
//! the last release (`relhook-release-given`), which a hand tag also left behind though that
//! record goes once its release commit is tagged. A hand tag now drops that record, and
//! uninstall removes the others.

use crate::support::{Repo, ok, text};

/// relhook's files in the git dir.
fn notes(repo: &Repo) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(repo.path().join(".git"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("relhook-"))
        .collect();
    names.sort();
    names
}

#[test]
fn a_hand_tag_keeps_no_release_record_and_uninstall_leaves_only_the_adoption_note() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    ok(repo.relhook(&["install"]));
    repo.git(&["add", ".relconfig.toml"]);
    // A `chore:` commit makes no changelog yet, which post-commit says once.
    repo.commit_hooked("chore: start");
    repo.commit_hooked("feat: one");
    let tag = repo.git_output(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    assert!(tag.status.success(), "{}", text(&tag));
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
    assert!(
        !notes(&repo).contains(&"relhook-release-given".to_owned()),
        "{:?}",
        notes(&repo)
    );

    // A lock post-commit met, as it notes it.
    let head = repo.git(&["rev-parse", "HEAD"]);
    repo.write(
        ".git/relhook-lock-met",
        format!("{head} 1767268800 index.lock\n"),
    );
    assert!(notes(&repo).iter().any(|n| n.starts_with("relhook-told-")));

    let out = ok(repo.relhook(&["uninstall"]));
    assert_eq!(notes(&repo), ["relhook-adopted"], "{}", text(&out));
}
