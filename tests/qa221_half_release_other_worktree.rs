//! QA221: a `relhook release` killed after its commit, in a linked worktree that has `main`
//! checked out, and then `git push origin main` from the main worktree: pre-push rightly
//! refused the half-made release, but its fix said `git checkout main && relhook release
//! --resume`, which git refuses there ("'main' is already used by worktree at ..."). The fix
//! names `cd` to the worktree that holds the branch, and works pasted.

use crate::support::{Repo, configured_with_a_feature, ok, path_with, stderr, text};
use std::path::{Path, PathBuf};

/// A repository with a feature since no release and tests that pass (an origin too when
/// `origin`), `topic` checked out here and `main` in the linked worktree it returns.
pub(crate) fn main_in_a_linked_worktree(origin: bool) -> (Repo, PathBuf) {
    let repo = configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".into());
    if origin {
        repo.with_origin();
    }
    let linked = repo.dir.path().join("linked");
    repo.git(&["switch", "-q", "-c", "topic"]);
    repo.git(&["worktree", "add", "-q", linked.to_str().unwrap(), "main"]);
    (repo, linked)
}

/// `relhook release` in `linked`, killed once its release commit is made.
pub(crate) fn release_killed_after_its_commit(repo: &Repo, linked: &Path) {
    let mut killed = repo.command_in(crate::support::relhook_bin(), linked);
    killed
        .args(["release"])
        .env("RELHOOK_TEST_FAILPOINT", "release-committed:pause")
        .stderr(std::process::Stdio::piped());
    let mut child = killed.spawn().unwrap();
    let err = std::io::BufReader::new(child.stderr.take().unwrap());
    let paused = std::io::BufRead::lines(err).any(|l| l.is_ok_and(|l| l.contains("pausing")));
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(paused, "the release never reached its commit");
}

#[test]
fn a_half_made_release_pushed_from_another_worktree_is_resumed_where_its_branch_is() {
    let (repo, linked) = main_in_a_linked_worktree(true);
    release_killed_after_its_commit(&repo, &linked);

    let out = repo.git_output(&["push", "-q", "origin", "main"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    let resume = format!("`cd {} && relhook release --resume`", linked.display());
    assert!(err.contains(&resume), "{resume}\n{err}");
    assert!(!err.contains("git checkout main"), "{err}");

    // Pasted where the push was refused, it finishes the release.
    let line = &resume[1..resume.len() - 1];
    let pasted = repo
        .command_in("sh", &repo.path())
        .env("PATH", path_with(&[&repo.relhook_on_path()]))
        .args(["-c", line])
        .output()
        .unwrap();
    assert!(pasted.status.success(), "{}", text(&pasted));
    let tagged = repo.git(&["rev-parse", "v0.1.0^{commit}"]);
    assert_eq!(repo.git(&["rev-parse", "main"]), tagged);
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
}

/// The same for a release commit amended after its tag, in the linked worktree that has
/// `main`: the fix named `git checkout main` first.
#[test]
fn an_amended_release_commit_pushed_from_another_worktree_names_that_worktree() {
    let (repo, linked) = main_in_a_linked_worktree(true);
    ok(repo.relhook_in(&linked, &["release"]));
    let amend = [
        "commit",
        "-q",
        "--amend",
        "-m",
        "chore(release): 0.1.0 amended",
    ];
    ok(repo.git_in(&linked, &amend, &[]));

    let out = repo.git_output(&["push", "-q", "origin", "main"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    let cd = format!("`cd {}`, then `relhook release --resume`", linked.display());
    assert!(err.contains(&cd), "{cd}\n{err}");
    assert!(!err.contains("git checkout main"), "{err}");
}
