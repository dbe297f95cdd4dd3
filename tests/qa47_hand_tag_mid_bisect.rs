//! QA47: a hand tag made mid `git bisect` (HEAD detached at the commit it tests) got the
//! generic detached-HEAD advice, a branch of its own, while the bisect was still under way.
//! The refusal names the bisect: `git bisect reset` first, then tag the branch.

use crate::support::{hand_tag, installed_repo, ok, stderr, text};

#[test]
fn a_hand_tag_mid_bisect_names_the_bisect_first() {
    let repo = installed_repo();
    repo.commit_hooked("feat: one");
    repo.commit_hooked("fix: two");
    repo.commit_hooked("fix: three");
    repo.git(&["bisect", "start", "HEAD", "HEAD~3"]);
    assert!(
        repo.git_output(&["symbolic-ref", "-q", "HEAD"])
            .status
            .code()
            == Some(1)
    );
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "first"]);
    assert_eq!(out.status.code(), Some(128), "{}", text(&out));
    let err = stderr(&out);
    let line = err
        .lines()
        .find(|l| l.starts_with("relhook: refusing tag v0.1.0: "))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(
        line.ends_with("a bisect is in progress, so HEAD is detached at the commit it tests and the release commit would be on no branch; end it (`git bisect reset`), then tag the branch"),
        "{line}"
    );
    assert!(!err.contains("git switch -c"), "{err}");
    assert_eq!(repo.git(&["tag"]), "");
    // Done as said, the tag makes the release on the branch.
    ok(repo.sh("git bisect reset"));
    ok(hand_tag(&repo, &["-a", "v0.1.0", "-m", "first"]));
    assert!(repo.read("CHANGELOG.md").contains("## [0.1.0]"));
    assert_eq!(repo.git(&["branch", "--contains", "v0.1.0"]), "* main");
}
