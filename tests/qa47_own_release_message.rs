//! QA47: a commit of the user's own under relhook's release message (`chore(release): 0.1.0`,
//! as standard-version writes it), holding the hand-written section and work of their own
//! (`notes.txt`), was taken for relhook's release commit: a failed test on its tag advised
//! `git tag -d v0.1.0 && git reset --keep HEAD~1`, which, pasted, dropped that work. Only a
//! commit touching nothing but what a release writes is relhook's to undo.

use crate::qa47_failed_hand_section_tag::hand_section_written;
use crate::support::{hand_tag, ok, stderr, text};

#[test]
fn a_users_commit_under_the_release_message_is_never_advised_away() {
    let repo = hand_section_written();
    repo.write("notes.txt", "important work\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore(release): 0.1.0"]);
    let ours = repo.git(&["rev-parse", "HEAD"]);
    ok(hand_tag(&repo, &["-a", "v0.1.0", "-m", "release 0.1.0"]));

    let push = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
    assert!(!push.status.success(), "{}", text(&push));
    let err = stderr(&push);
    assert!(!err.contains("reset") && !err.contains("rebase"), "{err}");
    assert!(err.contains("(`git tag -d v0.1.0`;"), "{err}");
    ok(repo.sh("git tag -d v0.1.0"));
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), ours);
    assert_eq!(repo.read("notes.txt"), "important work\n");
}
