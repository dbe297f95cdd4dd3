//! QA245: the first push of a branch with no upstream. `relhook release`'s `next:` line names
//! `git push --follow-tags -u <remote> <branch>` there, so that the push gives the branch its
//! upstream and a plain `git push` works after; once it has one, the plain form.

use crate::support::{Repo, next_command, ok, stderr};

/// `git init`, `relhook install` (no test record required), a `feat:` commit, a remote added
/// and never pushed to.
fn installed_with_a_remote() -> Repo {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat: start");
    repo.with_origin();
    repo
}

#[test]
fn the_first_push_sets_the_upstream_and_the_next_one_is_plain() {
    let repo = installed_with_a_remote();
    let err = stderr(&ok(repo.relhook(&["release"])));
    let push = next_command(&err);
    assert_eq!(push, "git push --follow-tags -u origin main", "{err}");
    assert!(
        err.contains("(or: git push -u origin HEAD v0.1.0;"),
        "the other push sets it too: {err}"
    );
    ok(repo.sh(&push));
    assert_eq!(
        repo.git(&["rev-parse", "--abbrev-ref", "main@{upstream}"]),
        "origin/main"
    );
    assert!(
        repo.git(&["ls-remote", "origin"])
            .contains("refs/tags/v0.1.0")
    );
    // The branch has its upstream now: the next release's push is the plain one.
    repo.commit_hooked("fix: second");
    let err = stderr(&ok(repo.relhook(&["release"])));
    assert_eq!(next_command(&err), "git push --follow-tags", "{err}");
    ok(repo.sh(&next_command(&err)));
    assert!(
        repo.git(&["ls-remote", "origin"])
            .contains("refs/tags/v0.1.1")
    );
}

#[test]
fn with_no_remote_the_push_after_adding_one_sets_the_upstream() {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat: start");
    let err = stderr(&ok(repo.relhook(&["release"])));
    assert_eq!(
        next_command(&err),
        "git remote add origin <url> && git push --follow-tags -u origin main",
        "{err}"
    );
}
