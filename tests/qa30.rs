//! QA of 2026-12-02: what new users met on the first run and on real histories.

use crate::support::{hand_tag, hand_tag_refused, installed_repo, stderr, text};

/// An untracked file refused the hand tag with "commit or stash first", and plain `git stash`
/// leaves new files where they are: the refusal names `git stash -u` and `.gitignore`, and
/// after `git stash -u` the tag goes.
#[test]
fn a_hand_tag_refused_for_a_new_file_names_stash_u() {
    let repo = installed_repo();
    repo.write("untracked.txt", "u\n");
    let err = hand_tag_refused(&repo, "v0.1.0");
    assert!(
        err.contains("(untracked.txt)")
            && err.contains("`git stash -u`")
            && err.contains(".gitignore"),
        "{err}"
    );
    repo.git(&["stash", "-q", "-u"]);
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("now points at release commit"),
        "{}",
        text(&out)
    );
}
