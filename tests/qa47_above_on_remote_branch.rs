//! QA47: a pre-release tag v1.1.0-rc.1 made on a branch `next` that was pushed and then
//! deleted here (only `origin/next` holds it): a release on main said the tag "is on
//! <commit>, which no branch here holds", though `git branch -a --contains` names
//! `origin/next`. The note now names the remote-tracking branch and the merge that works.

use crate::support::{Repo, ok, stderr, text};

/// main at v1.0.0 and a fix; v1.1.0-rc.1 on `next`, pushed to origin, the local `next`
/// deleted (with `drop_remote`, its remote-tracking branch too).
fn tag_on_a_deleted_branch(drop_remote: bool) -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"a\"\nversion = \"1.0.0\"\n",
    );
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "1.0.0"]);
    repo.with_origin();
    ok(repo.relhook(&["install"]));
    repo.git(&["switch", "-q", "-c", "next"]);
    repo.commit_hooked("feat: n");
    let tag = ["tag", "-a", "v1.1.0-rc.1", "-m", "rc"];
    ok(repo.git_in(&repo.path(), &tag, &[("RELHOOK_SKIP", "1")]));
    let push = [
        "push",
        "-q",
        "origin",
        "main",
        "next",
        "v1.0.0",
        "v1.1.0-rc.1",
    ];
    ok(repo.git_in(&repo.path(), &push, &[("RELHOOK_SKIP", "1")]));
    repo.git(&["switch", "-q", "main"]);
    repo.git(&["branch", "-q", "-D", "next"]);
    if drop_remote {
        repo.git(&["branch", "-q", "-d", "-r", "origin/next"]);
    }
    repo.commit_hooked("fix: b");
    repo
}

#[test]
fn the_note_names_the_remote_tracking_branch_that_holds_the_tag() {
    let repo = tag_on_a_deleted_branch(false);
    let out = ok(repo.relhook(&["release", "--dry-run"]));
    let err = stderr(&out);
    assert!(
        err.contains("v1.1.0-rc.1 is on")
            && err.contains("which only `origin/next` holds (no local branch)")
            && err.contains("`git merge origin/next`"),
        "{}",
        text(&out)
    );
    assert!(!err.contains("no branch here holds"), "{err}");
    // The merge it names works as pasted.
    ok(repo.git_in(
        &repo.path(),
        &["merge", "-q", "--no-edit", "origin/next"],
        &[],
    ));
}

#[test]
fn a_tag_no_branch_holds_at_all_is_still_said_so() {
    let repo = tag_on_a_deleted_branch(true);
    let out = ok(repo.relhook(&["release", "--dry-run"]));
    let err = stderr(&out);
    assert!(err.contains("which no branch here holds"), "{}", text(&out));
}
