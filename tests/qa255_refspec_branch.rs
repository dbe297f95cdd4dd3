//! QA255: a commit pushed as a release tag (`git push origin HEAD:refs/tags/v0.1.0`) was told
//! "`git push --follow-tags origin` with your branch", naming no branch. The push names HEAD's
//! branch (quoted, `-u` where it has no upstream yet), and on a detached HEAD says how to find
//! the branch.

use crate::support::{Repo, installed_repo, ok, stderr, text};

/// The refusal of `git push origin HEAD:refs/tags/v0.1.0` in `repo`.
fn refused(repo: &Repo) -> String {
    let out = repo.git_output(&["push", "origin", "HEAD:refs/tags/v0.1.0"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    stderr(&out)
}

#[test]
fn the_fix_names_head_s_branch_quoted() {
    let repo = installed_repo();
    repo.with_origin();
    repo.git(&["switch", "-q", "-c", "it's"]);
    let err = refused(&repo);
    assert!(
        err.contains("then `git push --follow-tags -u origin 'it'\\''s'`"),
        "{err}"
    );
    assert!(!err.contains("with your branch"), "{err}");
}

#[test]
fn on_a_detached_head_the_fix_says_how_to_find_the_branch() {
    let repo = installed_repo();
    repo.with_origin();
    ok(repo.git_output(&["push", "-q", "-u", "origin", "main"]));
    repo.git(&["switch", "-q", "--detach"]);
    let err = refused(&repo);
    assert!(
        err.contains("`git push --follow-tags origin <branch>` with the branch that holds the release (HEAD is detached: `git branch --contains HEAD` lists them)"),
        "{err}"
    );
}
