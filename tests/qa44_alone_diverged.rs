//! QA44: a teammate pushed main while this clone released; after `git fetch`, `git push
//! --follow-tags` had main rejected by git (not a fast-forward) before pre-push, which got the
//! release tag alone and only noted it: the remote got the tag and not the branch. The tag is
//! now refused with the fix the same push gets without the fetch, and that fix ends pushable.

use crate::support::{Repo, clone_installed, ok, stderr, text, untested_installed};

/// This clone's release v0.1.0 above a teammate's push it has fetched (main has diverged).
fn released_behind_a_fetched_push() -> Repo {
    let repo = untested_installed();
    let origin = repo.with_origin();
    ok(repo.git_output(&["push", "-q", "-u", "origin", "main"]));
    let b = clone_installed(&repo, &origin, "b");
    std::fs::write(b.join("b.txt"), "b\n").unwrap();
    ok(repo.git_in(&b, &["add", "b.txt"], &[]));
    ok(repo.git_in(&b, &["commit", "-q", "-m", "fix: b"], &[]));
    ok(repo.git_in(&b, &["push", "-q", "origin", "main"], &[]));
    repo.commit_hooked("feat: c");
    ok(repo.relhook(&["release"]));
    ok(repo.git_output(&["fetch", "-q"]));
    repo
}

#[test]
fn a_release_tag_alone_on_a_diverged_branch_is_refused_with_the_way_to_a_pushed_release() {
    let repo = released_behind_a_fetched_push();
    let out = repo.git_output(&["push", "--follow-tags"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("v0.1.0, a release tag on"), "{err}");
    assert!(err.contains("goes alone: origin's main is at"), "{err}");
    assert!(err.contains("git reset --keep"), "{err}");
    assert!(err.contains("Nothing was pushed"), "{err}");
    assert!(repo.git(&["ls-remote", "--tags", "origin"]).is_empty());
    // The fix, pasted, ends with the release on origin's commits, pushable.
    let fix = err
        .split("make the release again on top of origin's commits: `")
        .nth(1)
        .and_then(|s| s.split('`').next())
        .unwrap_or_else(|| panic!("{err}"));
    ok(repo.sh(fix));
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
    let held = repo.git(&["branch", "-r", "--contains", "v0.1.0"]);
    assert!(held.contains("origin/main"), "{held}");
}

#[test]
fn a_release_tag_alone_on_a_branch_that_fast_forwards_is_still_only_noted() {
    let repo = untested_installed();
    repo.with_origin();
    ok(repo.git_output(&["push", "-q", "-u", "origin", "main"]));
    repo.commit_hooked("feat: c");
    ok(repo.relhook(&["release"]));
    let out = ok(repo.git_output(&["push", "origin", "v0.1.0"]));
    let err = stderr(&out);
    assert!(
        err.contains("v0.1.0 goes alone, and no branch of origin"),
        "{err}"
    );
}
