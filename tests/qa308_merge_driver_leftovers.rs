//! QA308: a `git merge` killed (SIGKILL) while relhook's changelog merge driver ran left
//! git's copies of CHANGELOG.md for the driver (`.merge_file_XXXXXX`) at the top of the work
//! tree. A release then said to commit them, stash them or add them to .gitignore; they are
//! git's temporary files, to remove, and the refusal names the `rm` that does it.

use crate::support::{Repo, hand_tag, installed_repo, ok, stderr, text};

/// A repository with a feature to release and the leftovers of a killed merge beside it.
fn killed_merge_leftovers() -> Repo {
    let repo = installed_repo();
    repo.commit_hooked("feat: one");
    for name in [".merge_file_Ab12Cd", ".merge_file_x9Yz0W"] {
        repo.write(name, repo.read("CHANGELOG.md"));
    }
    repo
}

/// The first command in backquotes in `said` that starts with `rm `.
fn rm_command(said: &str) -> String {
    said.split('`')
        .find(|c| c.starts_with("rm "))
        .unwrap_or_else(|| panic!("no `rm` named in:\n{said}"))
        .to_owned()
}

#[test]
fn a_release_names_the_removal_of_a_killed_merges_temporary_files() {
    let repo = killed_merge_leftovers();
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains(".merge_file_Ab12Cd"), "{err}");
    assert!(!err.contains(".gitignore"), "{err}");
    assert!(!err.contains("commit them"), "{err}");
    ok(repo.sh(&rm_command(&err)));
    assert!(repo.is_clean());
    ok(repo.relhook(&["release", "--no-test"]));
}

#[test]
fn a_hand_tag_names_the_removal_too_and_the_rest_is_still_to_commit() {
    let repo = killed_merge_leftovers();
    repo.write("notes.txt", "mine\n");
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"]);
    let err = stderr(&out);
    assert!(err.contains("notes.txt"), "{err}");
    assert!(err.contains("commit"), "{err}");
    ok(repo.sh(&rm_command(&err)));
    assert!(!repo.path().join(".merge_file_x9Yz0W").exists());
    assert!(
        repo.path().join("notes.txt").exists(),
        "only git's files go"
    );
}
