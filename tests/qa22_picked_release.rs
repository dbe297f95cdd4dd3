//! QA22: a release commit made on a maintenance branch and cherry-picked onto another branch is
//! a copy, not a rewrite: its tag is right where it is. pre-push and doctor refuse the copy
//! (its section describes the other branch's history) and name the way that keeps the tag:
//! drop the copy and merge the release in; never `git tag -d`, never a reset onto the other
//! branch.

use crate::support::{Repo, configured_with_a_feature, dated_release, ok, stderr, text};

/// main pushed with one feature; branch `maint` with a fix only it has, released there as
/// 0.1.0; then the release commit cherry-picked onto main.
fn picked_onto_main() -> (Repo, String) {
    let repo = configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".to_owned());
    repo.with_origin();
    repo.git(&["push", "-q", "-u", "origin", "main"]);
    repo.git(&["switch", "-q", "-c", "maint"]);
    repo.commit_hooked("fix: only on maint");
    ok(dated_release(&repo, &["--allow-branch"]));
    let tagged = repo.git(&["rev-parse", "v0.1.0^{commit}"]);
    repo.git(&["switch", "-q", "main"]);
    ok(repo.git_output(&["cherry-pick", "maint"]));
    (repo, tagged)
}

#[test]
fn pre_push_names_the_merge_for_a_picked_release_commit_and_keeps_the_tag() {
    let (repo, tagged) = picked_onto_main();
    let out = repo.git_output(&["push", "origin", "main"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("copy of the release commit"), "{err}");
    assert!(err.contains("`maint`"), "{err}");
    assert!(err.contains("git reset --keep "), "{err}");
    assert!(err.contains("&& git merge maint"), "{err}");
    assert!(!err.contains("git tag -d"), "the tag is right: {err}");
    assert!(!err.contains("relhook release --resume"), "{err}");
    // The advice works: main gets the release through the merge, the tag never moved.
    let head = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    ok(repo.git_output(&["reset", "--keep", &format!("{head}~1")]));
    ok(repo.git_output(&["merge", "-q", "--no-edit", "maint"]));
    assert_eq!(repo.git(&["rev-parse", "v0.1.0^{commit}"]), tagged);
    let out = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn doctor_says_the_same_for_a_picked_release_commit() {
    let (repo, _) = picked_onto_main();
    let out = repo.relhook(&["doctor"]);
    let all = text(&out);
    assert!(all.contains("git merge maint"), "{all}");
    assert!(!all.contains("git tag -d v0.1.0"), "{all}");
}

#[test]
fn a_published_maintenance_release_picked_onto_main_is_not_reset_onto_it() {
    let (repo, _) = picked_onto_main();
    // The maintenance branch and its tag are published: still a copy, and main must not be
    // put back on the maintenance branch's commit.
    repo.git(&["push", "-q", "--follow-tags", "origin", "maint"]);
    let out = repo.git_output(&["push", "origin", "main"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("git merge maint"), "{err}");
    let tagged = repo.git(&["rev-parse", "--short=9", "v0.1.0^{commit}"]);
    assert!(
        !err.contains(&format!("git reset --soft {tagged}")),
        "{err}"
    );
}
