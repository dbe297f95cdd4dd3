//! QA299: a clone of a remote whose HEAD names a branch that does not exist is left on that
//! unborn branch; its first commit starts a history of its own. `git tag -a v0.1.1` there
//! made a release commit with a changelog started over, listing that branch's commit as if
//! v0.1.0 (which it cannot reach) had never been. Refused now in one line saying why and
//! where to tag; a tag on the branch that holds the release still releases.

use crate::support::{hand_tag, ok, stderr, untested_installed};

#[test]
fn a_hand_tag_on_a_branch_unrelated_to_the_releases_is_refused() {
    let repo = untested_installed();
    let origin = repo.with_origin();
    repo.commit_hooked("feat: one");
    ok(hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"]));
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
    let bare = origin.to_str().unwrap();
    repo.git(&["-C", bare, "symbolic-ref", "HEAD", "refs/heads/trunk"]);
    let clone = repo.dir.path().join("clone");
    let out = repo.git_in(
        repo.dir.path(),
        &["clone", "-q", bare, clone.to_str().unwrap()],
        &[],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    ok(repo.relhook_in(&clone, &["install"]));
    let out = repo.try_commit_in(&clone, "feat: zed");
    assert!(out.status.success(), "{}", stderr(&out));
    let before = repo.git_in(&clone, &["rev-parse", "HEAD"], &[]).stdout;

    let tag = repo.git_in(
        &clone,
        &["tag", "-a", "v0.1.1", "-m", "v0.1.1"],
        &[("RELHOOK_DATE", "2026-11-21")],
    );
    assert!(!tag.status.success(), "{}", stderr(&tag));
    let err = stderr(&tag);
    assert!(
        err.contains("branch `trunk` shares no history with v0.1.0 (the latest release)")
            && err.contains("`git switch main` and tag there"),
        "{err}"
    );
    // Nothing made: no tag, no release commit, no changelog.
    let after = repo.git_in(&clone, &["rev-parse", "HEAD"], &[]).stdout;
    assert_eq!(before, after);
    let tags = repo.git_in(&clone, &["tag", "-l", "v0.1.1"], &[]).stdout;
    assert!(tags.is_empty());
    assert!(!clone.join("CHANGELOG.md").exists());

    // The way it names works: on main the release is made.
    let switch = repo.git_in(&clone, &["switch", "-q", "main"], &[]);
    assert!(switch.status.success(), "{}", stderr(&switch));
    let out = repo.try_commit_in(&clone, "fix: two");
    assert!(out.status.success(), "{}", stderr(&out));
    let tag = repo.git_in(
        &clone,
        &["tag", "-a", "v0.1.1", "-m", "v0.1.1"],
        &[("RELHOOK_DATE", "2026-11-21")],
    );
    assert!(tag.status.success(), "{}", stderr(&tag));
    let log = std::fs::read_to_string(clone.join("CHANGELOG.md")).unwrap();
    assert!(
        log.contains("## [0.1.1] - 2026-11-21") && log.contains("## [0.1.0]"),
        "{log}"
    );
    assert!(log.contains("- two") && !log.contains("zed"), "{log}");
}

#[test]
fn a_hand_tag_on_an_orphan_branch_names_the_local_branch_that_holds_the_release() {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    ok(hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"]));
    repo.git(&["switch", "-q", "--orphan", "site"]);
    repo.commit_hooked("feat: pages");
    let out = hand_tag(&repo, &["-a", "v0.2.0", "-m", "v0.2.0"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains(
            "branch `site` shares no history with v0.1.0 (the latest release), so its release would start the changelog over"
        ) && stderr(&out).contains("`git switch main` and tag there"),
        "{}",
        stderr(&out)
    );
    assert!(repo.git(&["tag", "-l", "v0.2.0"]).is_empty());
}
