//! QA92: a hand tag on a detached HEAD that is a release branch's tip (`git checkout
//! --detach`, a CI checkout) was refused with a maintenance release's three steps (a branch of
//! its own, `relhook release --allow-branch`, a merge back), where `relhook release` says
//! `git switch main`. Now the hand tag names the switch too, and tagging again then works.

use crate::support::{hand_tag, text, untested_installed};

#[test]
fn a_detached_head_at_the_release_branch_s_tip_is_told_to_switch_to_it() {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    repo.git(&["checkout", "-q", "--detach"]);
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"]);
    assert!(!out.status.success(), "{}", text(&out));
    let said = text(&out);
    assert!(
        said.contains("HEAD is detached, so the release commit would be on no branch"),
        "{said}"
    );
    assert!(
        said.contains("`git switch main` (its tip is HEAD's commit), then tag again"),
        "{said}"
    );
    assert!(!said.contains("--allow-branch"), "{said}");
    repo.git(&["switch", "-q", "main"]);
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
}

#[test]
fn a_detached_head_no_branch_holds_still_gets_a_branch_of_its_own() {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    repo.git(&["checkout", "-q", "--detach"]);
    repo.commit_hooked("feat: two");
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"]);
    assert!(!out.status.success(), "{}", text(&out));
    let said = text(&out);
    assert!(
        said.contains("release this commit on a branch of its own: `git switch -c release-0.1.0`"),
        "{said}"
    );
}
