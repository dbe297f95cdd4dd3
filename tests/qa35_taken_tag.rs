//! QA35: two clones each released 0.1.1; one pushed only its tag. The other's
//! `git push --follow-tags origin main` sent its release commit and git left its v0.1.1
//! behind (the remote has another), so the remote's main held a release commit of 0.1.1 that
//! the remote's v0.1.1 does not name: a release half made, published, with exit 0. pre-push
//! now asks the remote for a tag it leaves behind and refuses such a push.

use crate::support::{Repo, clone_installed, ok, stderr, text, untested_installed};

#[test]
fn a_branch_push_whose_release_tag_the_remote_has_elsewhere_is_refused() {
    let repo: Repo = untested_installed();
    let origin = repo.with_origin();
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release", "--no-test"]));
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
    let other = clone_installed(&repo, &origin, "other");
    // This clone releases 0.2.1 and publishes the tag alone.
    repo.commit_hooked("fix: here");
    ok(repo.relhook(&["release", "--no-test"]));
    let tag = repo.git(&["describe", "--tags", "--abbrev=0"]);
    let tag = tag.trim();
    ok(repo.git_output(&["push", "-q", "origin", tag]));
    // The other clone makes its own release of the same version.
    let commit = |msg: &str| {
        std::fs::write(other.join("q.txt"), msg).unwrap();
        ok(repo.git_in(&other, &["add", "q.txt"], &[]));
        ok(repo.git_in(&other, &["commit", "-q", "-m", msg], &[]));
    };
    commit("fix: there");
    ok(repo.relhook_in(&other, &["release", "--no-test"]));
    let theirs = repo.git_in(&other, &["describe", "--tags", "--abbrev=0"], &[]);
    assert_eq!(String::from_utf8_lossy(&theirs.stdout).trim(), tag);
    let before = repo.git(&["ls-remote", origin.to_str().unwrap(), "refs/heads/main"]);
    let out = repo.git_in(&other, &["push", "--follow-tags", "origin", "main"], &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains(&format!("origin already has {tag}")), "{err}");
    assert!(err.contains(&format!("git tag -d {tag}")), "{err}");
    // Nothing was published.
    let after = repo.git(&["ls-remote", origin.to_str().unwrap(), "refs/heads/main"]);
    assert_eq!(before, after);
    assert!(
        err.contains(&format!("`git fetch origin tag {tag}`")),
        "{err}"
    );
    // The fix, followed once the other clone's branch is published too: released above it.
    ok(repo.git_output(&["push", "-q", "origin", "main"]));
    ok(repo.git_in(&other, &["tag", "-d", tag], &[]));
    ok(repo.git_in(&other, &["reset", "-q", "--keep", "HEAD~1"], &[]));
    ok(repo.git_in(&other, &["fetch", "-q", "origin", "tag", tag], &[]));
    ok(repo.git_in(&other, &["pull", "-q", "--rebase", "origin", "main"], &[]));
    ok(repo.relhook_in(&other, &["release", "--no-test"]));
    ok(repo.git_in(
        &other,
        &["push", "-q", "--follow-tags", "origin", "main"],
        &[],
    ));
}
