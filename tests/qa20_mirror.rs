//! `git push --mirror` deletes the remote's refs this clone lacks without a line for them on
//! pre-push's standard input: a published release tag deleted locally went with it.

use crate::support::{Repo, dated_release, ok, stderr, text};

/// A repository with `v0.1.0` released and pushed with its branch to `origin`, then deleted
/// here.
fn released_then_deleted_here() -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: b");
    let out = dated_release(&repo, &[]);
    assert!(out.status.success(), "{}", text(&out));
    repo.with_origin();
    ok(repo.git_output(&["push", "-q", "--follow-tags", "-u", "origin", "main"]));
    ok(repo.git_output(&["tag", "-d", "v0.1.0"]));
    repo
}

fn remote_tags(repo: &Repo) -> String {
    repo.git(&["ls-remote", "--tags", "origin"])
}

#[test]
fn a_mirror_push_that_would_delete_a_release_tag_is_refused() {
    let repo = released_then_deleted_here();
    let out = repo.git_output(&["push", "--mirror", "origin"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("deleting release tag v0.1.0"),
        "{}",
        text(&out)
    );
    assert!(remote_tags(&repo).contains("refs/tags/v0.1.0"));
    // As said, the tag comes back, and the mirror push goes through.
    let err = stderr(&out);
    let fix = err
        .split('`')
        .find(|c| c.starts_with("git fetch origin tag v0.1.0"))
        .unwrap_or_else(|| panic!("no way back:\n{err}"));
    ok(repo.sh(fix));
    let out = repo.git_output(&["push", "--mirror", "origin"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(remote_tags(&repo).contains("refs/tags/v0.1.0"));
}

/// A remote configured to mirror (`git remote add --mirror=push`): a plain `git push` mirrors.
#[test]
fn a_remote_that_mirrors_is_checked_on_a_plain_push() {
    let repo = released_then_deleted_here();
    repo.git(&["config", "remote.origin.mirror", "true"]);
    let out = repo.git_output(&["push", "origin"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(remote_tags(&repo).contains("refs/tags/v0.1.0"));
}
