//! Found by the third QA pass (`git tag` by hand, empty releases, conflict markers): each test
//! drives real git through the installed hooks and pins what relhook must refuse or say.

use crate::support::{Repo, stderr, text};

/// A repository with relhook's hooks installed and one commit through them.
fn installed() -> Repo {
    let repo = Repo::new();
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.commit_hooked("feat: init");
    repo
}

/// A hand tag (`git tag` with the hooks); the release date pinned.
fn tag(repo: &Repo, args: &[&str]) -> std::process::Output {
    let mut cmd = repo.command_in("git", &repo.path());
    cmd.env("RELHOOK_DATE", "2026-11-21").arg("tag").args(args);
    cmd.output().unwrap()
}

/// F9: `git tag -f` would move a release tag off its release commit onto later, unreleased
/// work, which pre-push then publishes. Refused in `prepared`, before the tag moves.
#[test]
fn git_tag_force_does_not_move_a_release_tag() {
    let repo = installed();
    let out = tag(&repo, &["-a", "v0.1.0", "-m", "first"]);
    assert!(out.status.success(), "{}", text(&out));
    let released = repo.git(&["rev-parse", "v0.1.0"]);
    repo.commit_hooked("fix: later");
    for args in [
        vec!["-a", "-f", "v0.1.0", "-m", "again"],
        vec!["-f", "v0.1.0"],
        vec!["-a", "-f", "v0.1.0", "-m", "again", "v0.1.0^{commit}"],
    ] {
        let out = tag(&repo, &args);
        assert_eq!(out.status.code(), Some(128), "{args:?}\n{}", text(&out));
        let err = stderr(&out);
        assert!(err.contains("refusing tag v0.1.0"), "{err}");
        assert!(err.contains("never moved"), "{err}");
        assert!(err.contains("RELHOOK_SKIP=1 git tag"), "{err}");
        assert_eq!(repo.git(&["rev-parse", "v0.1.0"]), released, "{args:?}");
    }
    // Tags that are not releases still move, and the deliberate bypass works.
    assert!(tag(&repo, &["nightly1", "HEAD~1"]).status.success());
    let out = tag(&repo, &["-f", "nightly1"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_skipping_relhook(&["tag", "-a", "-f", "v0.1.0", "-m", "meant"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_ne!(repo.git(&["rev-parse", "v0.1.0"]), released);
}

/// A hand tag's release commit syncs history like `relhook release`: a commit that never met
/// the hook (`RELHOOK_SKIP=1`, another clone) gets its entry in the section. The tag being made was taken for
/// the last release, so nothing was synced and the section came out without it.
#[test]
fn a_hand_tag_releases_the_commits_that_never_met_the_hook() {
    let repo = installed();
    assert!(
        tag(&repo, &["-a", "v0.1.0", "-m", "first"])
            .status
            .success()
    );
    repo.write("off.txt", "x\n");
    repo.git(&["add", "off.txt"]);
    let out = repo.git_skipping_relhook(&["commit", "-q", "-m", "fix: made with hooks off"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!repo.read("CHANGELOG.md").contains("hooks off"));
    let out = tag(&repo, &["-a", "v0.1.1", "-m", "second"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.git(&["show", "v0.1.1:CHANGELOG.md"]);
    assert!(
        log.contains("## [0.1.1] - 2026-11-21\n\n### Fixed\n\n- made with hooks off\n"),
        "{log}"
    );
}
