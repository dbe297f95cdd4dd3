//! QA50: a hand tag on a feature branch was told to `git switch main` and tag there. Where the
//! branch has commits main lacks, that released main without them (or found nothing to
//! release). The advice merges the branch first where main lacks its commits, and names the
//! plain switch only where main already holds HEAD.

use crate::support::{Repo, hand_tag, hand_tag_refused, ok, text, untested_installed};

/// A release v0.1.0 on main, then a feature branch `feature` with a commit main lacks.
fn feature_ahead() -> Repo {
    let repo = untested_installed();
    repo.commit_hooked("feat: a");
    ok(hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"]));
    repo.git(&["switch", "-q", "-c", "feature"]);
    repo.commit_hooked("feat: the new feature");
    repo
}

#[test]
fn a_hand_tag_on_a_branch_main_lacks_is_told_to_merge_it_first() {
    let repo = feature_ahead();
    let err = hand_tag_refused(&repo, "v0.2.0");
    assert!(
        err.contains(
            "main lacks commits of `feature`, so merge them first: `git switch main && git merge feature`, then tag there, or `relhook release --allow-branch 0.2.0` for a maintenance release"
        ),
        "{err}"
    );
    assert!(!err.contains("`git switch main` and tag there"), "{err}");
    // The advice, pasted, releases the feature.
    ok(repo.sh("git switch main && git merge feature"));
    let out = hand_tag(&repo, &["-a", "v0.2.0", "-m", "v0.2.0"]);
    assert!(out.status.success(), "{}", text(&out));
    let held = repo.git_output(&["merge-base", "--is-ancestor", "feature", "v0.2.0"]);
    assert!(held.status.success(), "the feature is in v0.2.0");
    assert!(repo.read("CHANGELOG.md").contains("the new feature"));
}

#[test]
fn a_branch_main_already_holds_is_told_the_plain_switch() {
    let repo = untested_installed();
    repo.commit_hooked("feat: a");
    repo.git(&["switch", "-q", "-c", "feature", "HEAD~1"]);
    let err = hand_tag_refused(&repo, "v0.1.0");
    assert!(
        err.contains("; `git switch main` and tag there, or"),
        "{err}"
    );
    assert!(!err.contains("git merge"), "{err}");
}

#[test]
fn in_a_linked_worktree_the_merge_is_made_where_main_is_checked_out() {
    let repo = untested_installed();
    repo.commit_hooked("feat: a");
    let wt = repo.dir.path().join("wt");
    repo.git(&[
        "worktree",
        "add",
        "-q",
        "-b",
        "feature",
        wt.to_str().unwrap(),
    ]);
    repo.write("../wt/new.txt", "new\n");
    repo.git_in(&wt, &["add", "new.txt"], &[]);
    ok(repo.git_in(&wt, &["commit", "-q", "-m", "feat: new"], &[]));
    let out = repo
        .command_in("git", &wt)
        .env("RELHOOK_DATE", "2026-11-21")
        .args(["tag", "-a", "v0.1.0", "-m", "x"])
        .output()
        .unwrap();
    assert!(!out.status.success(), "{}", text(&out));
    let cd = format!(
        "so merge them first: `cd {} && git merge feature`, then tag there",
        repo.path().display()
    );
    assert!(text(&out).contains(&cd), "{cd}: {}", text(&out));
}
