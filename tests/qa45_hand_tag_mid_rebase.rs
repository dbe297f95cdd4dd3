//! QA45: a hand tag while a rebase was stopped (`edit`) was refused with "HEAD is detached …:
//! `git switch -c release-0.1.0`, then `relhook release 0.1.0 --allow-branch`", and git
//! refuses both mid rebase. The refusal names the rebase's own commands first.

use crate::support::{hand_tag, installed_repo, ok, stderr, text};

#[test]
fn a_hand_tag_mid_rebase_names_the_rebase_first() {
    let repo = installed_repo();
    repo.commit_hooked("feat: one");
    repo.commit_hooked("fix: two");
    ok(repo.sh("GIT_SEQUENCE_EDITOR=\"sed -i '1s/^pick/edit/'\" git rebase -q -i HEAD~2"));
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "first"]);
    assert_eq!(out.status.code(), Some(128), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("a rebase is in progress, so the release commit cannot be made now; finish it (`git rebase --continue`) or abort it (`git rebase --abort`), then tag again"),
        "{err}"
    );
    assert!(!err.contains("git switch -c"), "{err}");
    assert_eq!(repo.git(&["tag"]), "");
    // Done as said, the tag makes the release.
    ok(repo.sh("git rebase --continue"));
    ok(hand_tag(&repo, &["-a", "v0.1.0", "-m", "first"]));
    assert!(repo.read("CHANGELOG.md").contains("## [0.1.0]"));
}
