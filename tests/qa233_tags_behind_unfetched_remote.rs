//! QA233: pushing a branch to a remote this clone never fetched (`git remote add origin
//! <bare>`, no remote-tracking refs), every commit reads as new to it, and pre-push said the
//! release tags from before `relhook install` on them "stay behind" though the remote had them
//! all. Such a count is now checked against the remote's tags; where the remote lacks them
//! (an empty remote), or once it was fetched, it is said as before.

use std::path::PathBuf;

use crate::support::{Repo, ok, stderr, text};

/// Two releases tagged by hand before relhook came (`v0.1.0`, `v0.1.1`), `remote` beside the
/// clone (a bare copy of it then, holding both tags, or an empty one), relhook installed and
/// `fix: c` committed; `origin` added, never fetched.
fn tagged_before_install(copy: bool) -> (Repo, PathBuf) {
    let repo = Repo::new();
    for (message, tag) in [("feat: a", "v0.1.0"), ("fix: b", "v0.1.1")] {
        repo.commit(message);
        repo.git(&["tag", "-a", tag, "-m", tag]);
    }
    let remote = repo.scratch("remote.git");
    let remote_arg = remote.to_str().unwrap();
    if copy {
        repo.git(&["clone", "-q", "--bare", ".", remote_arg]);
    } else {
        repo.git(&["init", "-q", "--bare", remote_arg]);
    }
    ok(repo.relhook(&["install"]));
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix: c");
    repo.git(&["remote", "add", "origin", remote_arg]);
    (repo, remote)
}

/// pre-push's line for the release tags from before the install a push of `branch` leaves.
fn behind_line(repo: &Repo, branch: &str) -> Option<String> {
    let refspec = format!("HEAD:refs/heads/{branch}");
    let out = repo.git_output(&["push", "origin", &refspec]);
    assert!(out.status.success(), "{}", text(&out));
    stderr(&out)
        .lines()
        .find(|l| l.contains("stay behind") || l.contains("stays behind"))
        .map(str::to_owned)
}

#[test]
fn a_remote_never_fetched_that_has_the_tags_is_not_told_they_stay_behind() {
    let (repo, _) = tagged_before_install(true);
    assert_eq!(behind_line(&repo, "topic"), None);
    // Fetched: still none.
    repo.git(&["fetch", "-q", "origin"]);
    repo.commit_hooked("fix: d");
    assert_eq!(behind_line(&repo, "other"), None);
}

#[test]
fn an_empty_remote_is_told_until_the_tags_are_pushed() {
    let (repo, _) = tagged_before_install(false);
    assert_eq!(
        behind_line(&repo, "main").as_deref(),
        Some(
            "relhook: note: 2 release tags from before `relhook install` stay behind (`git push origin --tags` sends them; they are not judged)"
        )
    );
    ok(repo.git_output(&["push", "-q", "origin", "--tags"]));
    repo.git(&["fetch", "-q", "origin"]);
    repo.commit_hooked("fix: d");
    assert_eq!(behind_line(&repo, "topic"), None);
}
