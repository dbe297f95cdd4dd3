//! QA50: a Ctrl-C while pre-push tested a tag with a command that ignores it was seconds of
//! silence (release and `relhook test` said it at once; pre-push never asked to). Said now.

use std::os::unix::process::CommandExt;
use std::process::Stdio;

use crate::qa50_sigint_lines::ctrl_c_twice;
use crate::support::{configured_with_a_feature, git_abs, text};

#[test]
fn a_test_command_slow_to_stop_in_pre_push_is_said_at_once_and_killed_by_a_second_ctrl_c() {
    let started = tempfile::tempdir().unwrap();
    let started = started.path().join("started");
    let repo = configured_with_a_feature(|_| {
        format!(
            "[checks]\nrun_tests_on_push = true\ntest = [\"sh\", \"-c\", \"trap '' INT TERM HUP; touch '{}'; sleep 30\"]\n",
            started.display()
        )
    });
    let remote = repo.with_origin();
    let out = repo.git_skipping_relhook(&["push", "-q", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let child = repo
        .command_in(git_abs(), &repo.path())
        .args(["push", "--follow-tags", "origin", "main"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()
        .unwrap();
    // The second Ctrl-C finds git gone and relhook still in the group.
    let (_, rest) = ctrl_c_twice(child, &started, "refusing the push");
    assert!(
        rest.iter().any(|l| l.contains("nothing was pushed")),
        "{rest:?}"
    );
    let tags = repo.git(&["ls-remote", "--tags", remote.to_str().unwrap()]);
    assert_eq!(tags, "", "the tag did not leave");
}
