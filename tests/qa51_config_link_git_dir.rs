//! QA51: a `.relconfig.toml` linked to a file in `.git` (`.git/relconfig.toml`) passed the
//! check that refuses a link to a file outside the repository, as `.git` is inside its
//! folder; committed, the link dangled in every clone and every commit there was refused.
//! A link into the git directory is refused the same way now, with the copy to commit.

#![cfg(unix)]

use crate::support::{Repo, ok, stderr, text};

/// A repository whose `.relconfig.toml` links to `.git/relconfig.toml`, staged.
fn linked_into_git_dir() -> Repo {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.write(
        ".git/relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n",
    );
    std::os::unix::fs::symlink(".git/relconfig.toml", repo.path().join(".relconfig.toml")).unwrap();
    repo.write("a.txt", "a\n");
    repo.git(&["add", "-A"]);
    repo
}

#[test]
fn a_link_into_the_git_directory_is_refused_with_a_copy_to_commit() {
    let repo = linked_into_git_dir();
    let out = repo.git_output(&["commit", "-q", "-m", "feat: start"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("relconfig.toml`, in the git directory, outside the work tree"),
        "{err}"
    );
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(doctor.contains("INVALID  config"), "{doctor}");
    // The advice, pasted: the copy is committed, and the commit goes through.
    let fix = doctor
        .lines()
        .find_map(|l| l.trim().strip_prefix("fix: replace the link"))
        .and_then(|l| l.split('`').nth(1))
        .unwrap_or_else(|| panic!("{doctor}"))
        .to_owned();
    let pasted = repo.sh(&fix);
    assert!(pasted.status.success(), "{}", text(&pasted));
    repo.git(&["add", "-A"]);
    ok(repo.git_output(&["commit", "-q", "-m", "feat: start"]));
    let tracked = repo.git(&["ls-files", "-s", ".relconfig.toml"]);
    assert!(tracked.starts_with("100644"), "{tracked}");
}
