//! QA226: a `relhook release` killed after its commit in a linked worktree (`main` checked
//! out there) left `main` with a release commit and no tag; `relhook doctor` in the main
//! worktree said "all is well". It names the release, and the command that finishes it where
//! it can run: `cd <worktree> && relhook release --resume`.

use crate::qa221_half_release_other_worktree::{
    main_in_a_linked_worktree, release_killed_after_its_commit,
};
use crate::support::{path_with, stdout, text};

#[test]
fn doctor_names_a_half_made_release_in_another_worktree() {
    let (repo, linked) = main_in_a_linked_worktree(false);
    release_killed_after_its_commit(&repo, &linked);

    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert_ne!(out.status.code(), Some(0), "{}", text(&out));
    assert!(!said.contains("all is well"), "{said}");
    let resume = format!("cd {} && relhook release --resume", linked.display());
    assert!(said.contains(&resume), "{resume}\n{said}");
    assert!(said.contains("main"), "{said}");

    // Pasted where doctor ran, it finishes the release; doctor is then content.
    let pasted = repo
        .command_in("sh", &repo.path())
        .env("PATH", path_with(&[&repo.relhook_on_path()]))
        .args(["-c", &resume])
        .output()
        .unwrap();
    assert!(pasted.status.success(), "{}", text(&pasted));
    let tagged = repo.git(&["rev-parse", "v0.1.0^{commit}"]);
    assert_eq!(repo.git(&["rev-parse", "main"]), tagged);
    let after = repo.relhook(&["doctor"]);
    assert!(!stdout(&after).contains("resume"), "{}", text(&after));
}
