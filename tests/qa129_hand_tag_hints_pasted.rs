//! QA129: the hints that tell the user to make a release tag by hand printed `git tag -a TAG`
//! with no `-m`: pasted, git opens an editor for the message, and with no terminal (a CI job,
//! a script, `GIT_EDITOR=false` here) it fails. Each now prints `git tag -a TAG -m TAG`, which
//! makes the tag pasted as it is.

use std::process::Output;

use crate::support::{
    Repo, configured_with_a_feature, hand_tag, hand_tag_refused, installed_repo, stderr, text,
};

/// The last command in backquotes in `said` that makes a tag with `git tag -a`, pasted into a
/// shell where git can open no editor.
fn paste_hand_tag(repo: &Repo, said: &str) -> Output {
    let command = said
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|c| c.contains("git tag -a"))
        .last()
        .unwrap_or_else(|| panic!("no `git tag -a` in: {said}"));
    assert!(command.contains(" -m "), "{command}");
    let path = format!(
        "{}:{}",
        repo.relhook_on_path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    repo.command_in("sh", &repo.path())
        .env("PATH", path)
        .env("GIT_EDITOR", "false")
        .env("RELHOOK_DATE", "2026-11-21")
        .args(["-c", command])
        .output()
        .expect("run sh")
}

#[test]
fn the_tag_an_untagged_release_commit_is_told_is_made_pasted() {
    let repo = configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".into());
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.git(&["tag", "-d", "v0.1.0"]);
    let head = repo.git(&["rev-parse", "HEAD"]);

    let err = hand_tag_refused(&repo, "v0.2.0");
    let out = paste_hand_tag(&repo, &err);
    assert!(out.status.success(), "{err}\n{}", text(&out));
    assert!(
        stderr(&out).contains("v0.1.0: completes the release of 0.1.0"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head, "no other commit");
    assert_eq!(repo.git(&["cat-file", "-t", "v0.1.0"]), "tag");
}

#[test]
fn the_ascii_spelling_of_a_tag_is_made_pasted() {
    let repo = installed_repo();
    let err = hand_tag_refused(&repo, "v１.０.０");
    let out = paste_hand_tag(&repo, &err);
    assert!(out.status.success(), "{err}\n{}", text(&out));
    assert_eq!(repo.head_subject(), "chore(release): 1.0.0");
    assert_eq!(repo.git(&["tag", "-l", "v1.0.0"]), "v1.0.0");
}

#[test]
fn a_lightweight_release_tag_is_told_an_annotated_one_that_works_pasted() {
    let repo = installed_repo();
    let out = hand_tag(&repo, &["v0.1.0"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l"]), "", "no tag was made");
    let err = stderr(&out);
    let out = paste_hand_tag(&repo, &err);
    assert!(out.status.success(), "{err}\n{}", text(&out));
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
    assert_eq!(repo.git(&["cat-file", "-t", "v0.1.0"]), "tag");
}

#[test]
fn the_replacement_of_a_release_tag_is_made_pasted() {
    let repo = installed_repo();
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.commit_hooked("docs: more");
    let out = hand_tag(&repo, &["-f", "-a", "v0.1.0", "-m", "v0.1.0"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    // `git tag -d`, then the tag made again past the hook, where it was to move.
    let delete = repo.git(&["tag", "-d", "v0.1.0"]);
    assert!(delete.starts_with("Deleted tag"), "{delete}");
    let out = paste_hand_tag(&repo, &err);
    assert!(out.status.success(), "{err}\n{}", text(&out));
    assert_eq!(
        repo.git(&["rev-parse", "v0.1.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD"])
    );
}
