//! QA51: `git tag -a v0.2.0 HEAD~1` where HEAD is the v0.1.0 release commit and HEAD~1 is
//! released in it was refused (rightly), advising "tag HEAD (`git tag -a v0.2.0`), or let
//! relhook choose the version: `relhook release`": both refused, as nothing was committed
//! since v0.1.0. The refusal now says there is nothing new to release and offers neither.

use crate::support::{dated_release, hand_tag, ok, stderr, untested_installed};

#[test]
fn a_hand_tag_below_a_release_commit_at_head_says_nothing_is_new() {
    let repo = untested_installed();
    repo.commit_hooked("feat: a");
    ok(dated_release(&repo, &["--no-test"]));
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = hand_tag(&repo, &["-a", "v0.2.0", "-m", "x", "HEAD~1"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(128), "{err}");
    assert!(err.contains("is already released in v0.1.0"), "{err}");
    assert!(
        err.contains(
            "HEAD is release v0.1.0's and nothing was committed since, so there is nothing new to release since v0.1.0"
        ),
        "{err}"
    );
    // Advised as no release: only the way past relhook names the refused `git tag`.
    let advice: Vec<&str> = err
        .lines()
        .filter(|l| !l.starts_with("relhook: to tag anyway: "))
        .collect();
    let advice = advice.join("\n");
    assert!(
        !advice.contains("git tag -a v0.2.0") && !advice.contains("`relhook release`"),
        "{err}"
    );
    assert_eq!(repo.git(&["tag", "-l", "v0.2.0"]), "");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
}
