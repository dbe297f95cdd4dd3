//! QA50: a hand tag on a commit a published release above it holds (`git tag -a v0.2.0
//! <commit below v0.1.0>`) was advised a release on a branch of its own at that commit; pasted,
//! it made a "first release" of shipped code, and after the merge its changes stood under both
//! versions. The tag hook now says the commit is released in v0.1.0 and advises tagging HEAD,
//! and `relhook release` on a branch at such a commit says there is nothing to release.

use crate::support::{Repo, hand_tag_refused, ok, stderr, text};

/// v0.1.0 released over `feat: a` and pushed, `fix: b` committed on top; the id of `feat: a`.
fn released_below() -> (Repo, String) {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.with_origin();
    repo.commit_hooked("feat: a");
    let old = repo.git(&["rev-parse", "HEAD"]);
    ok(repo.relhook(&["release", "--no-test"]));
    ok(repo.git_skipping_relhook(&["push", "-q", "--follow-tags", "-u", "origin", "main"]));
    repo.commit_hooked("fix: b");
    (repo, old)
}

#[test]
fn a_hand_tag_on_a_released_commit_names_the_release_and_tags_head() {
    let (repo, old) = released_below();
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = crate::support::hand_tag(&repo, &["-a", "v0.2.0", &old, "-m", "0.2.0"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(128), "{err}");
    assert!(
        err.contains(&format!(
            "commit {} is already released in v0.1.0",
            &old[..9]
        )),
        "{err}"
    );
    assert!(
        !err.contains("--allow-branch") && !err.contains("git switch -c"),
        "{err}"
    );
    assert!(
        err.contains("tag HEAD (`git tag -a v0.2.0 -m v0.2.0`)"),
        "{err}"
    );
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    // The advice, followed: the release of what came since.
    let out = crate::support::hand_tag(&repo, &["-a", "v0.2.0", "-m", "0.2.0"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert_eq!(log.matches("- a\n").count(), 1, "{log}");
}

#[test]
fn a_release_of_a_branch_at_a_released_commit_has_nothing_to_release() {
    let (repo, old) = released_below();
    repo.git(&["switch", "-q", "-c", "release-0.2.0", &old]);
    for args in [
        &["release", "0.2.0", "--allow-branch", "--no-test"][..],
        &["release", "--allow-branch", "--no-test"][..],
    ] {
        let out = repo.relhook(args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(
            err.contains("nothing to release: HEAD") && err.contains("released in v0.1.0"),
            "{err}"
        );
    }
    assert_eq!(repo.git(&["tag", "-l", "v0.2.0"]), "");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), old);
}

/// Where HEAD too is released, the tag's refusal names no tag of HEAD.
#[test]
fn a_hand_tag_below_a_released_head_sends_to_the_branch_with_new_commits() {
    let (repo, old) = released_below();
    repo.git(&["switch", "-q", "--detach", &old]);
    let err = hand_tag_refused(&repo, "v0.2.0");
    assert!(err.contains("is already released in v0.1.0"), "{err}");
    assert!(err.contains("git branch --contains v0.1.0"), "{err}");
    assert!(!err.contains("branch of its own"), "{err}");
}
