//! QA37: `git commit --allow-empty-message --no-verify -m ""` heard nothing from relhook (git's
//! reflog line is `commit:`, without the space after the colon), though pre-push refuses the
//! commit; any other message the lint refuses is told at once.

use crate::support::{installed_repo, stderr, text};

#[test]
fn an_empty_message_made_past_the_hook_is_told_at_once() {
    let repo = installed_repo();
    let out = repo.git_output(&[
        "commit",
        "-q",
        "--allow-empty",
        "--allow-empty-message",
        "--no-verify",
        "-m",
        "",
    ]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains(
            "relhook: \"\" fails the commit lint (empty-message: the message is empty once git has cleaned it); pre-push refuses it; reword it with `git commit --amend`"
        ),
        "{}",
        text(&out)
    );
}
