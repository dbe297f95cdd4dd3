//! QA50: a Ctrl-C while pre-push tested a tag with a command that ignores it was seconds of
//! silence (release and `relhook test` said it at once; pre-push never asked to). Said now.

use std::io::BufRead;
use std::os::unix::process::CommandExt;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::support::{configured_with_a_feature, git_abs, text};

/// Sends `signal` to the process group `child` leads: a terminal's Ctrl-C.
fn to_group(child: &std::process::Child, signal: i32) {
    let group = -i32::try_from(child.id()).unwrap();
    // SAFETY: kill(2) on the process group the test started.
    assert_eq!(unsafe { libc::kill(group, signal) }, 0);
}

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
    let mut child = repo
        .command_in(git_abs(), &repo.path())
        .args(["push", "--follow-tags", "origin", "main"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stderr.take().unwrap()).lines();
    let deadline = Instant::now() + Duration::from_secs(30);
    while !started.exists() {
        assert!(Instant::now() < deadline, "the tests never started");
        std::thread::sleep(Duration::from_millis(10));
    }
    let asked = Instant::now();
    to_group(&child, libc::SIGINT);
    let stopping = lines
        .by_ref()
        .map_while(Result::ok)
        .find(|l| l.contains("stopping the test command"))
        .expect("no line while the test command was stopped");
    assert!(asked.elapsed() < Duration::from_secs(2), "{stopping}");
    assert_eq!(
        stopping,
        "relhook: interrupted (SIGINT): stopping the test command (up to 5 s; Ctrl-C again kills it now), then refusing the push"
    );
    // The second Ctrl-C (git has gone; relhook is still in the group): killed now, said.
    to_group(&child, libc::SIGINT);
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    let _ = child.wait();
    assert!(asked.elapsed() < Duration::from_secs(4), "{rest:?}");
    assert_eq!(
        rest[0], "relhook: interrupted again: killing the test command now, then refusing the push",
        "{rest:?}"
    );
    assert!(
        rest.iter().any(|l| l.contains("nothing was pushed")),
        "{rest:?}"
    );
    let tags = repo.git(&["ls-remote", "--tags", remote.to_str().unwrap()]);
    assert_eq!(tags, "", "the tag did not leave");
}
