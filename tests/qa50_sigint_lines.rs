//! QA50: Ctrl-C lines that were missing. A Ctrl-C while a hand tag's `prepared` hook judged
//! the tag killed relhook without a word: git's "ref updates aborted by hook" read as a
//! refusal. A Ctrl-C during a release whose test command ignores it was seconds of silence
//! before "undone" (a second Ctrl-C changed nothing). Both are said now, at once.

use std::io::BufRead;
use std::os::unix::process::CommandExt;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::support::{configured_with_a_feature, installed_repo, relhook_bin, text};

/// Sends `signal` to the process group `child` leads: a terminal's Ctrl-C.
pub(crate) fn to_group(child: &std::process::Child, signal: i32) {
    let group = -i32::try_from(child.id()).unwrap();
    // SAFETY: kill(2) on the process group the test started.
    assert_eq!(unsafe { libc::kill(group, signal) }, 0);
}

/// Waits (up to 30 s) for `file` to exist.
fn wait_for(file: &std::path::Path) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !file.exists() {
        assert!(Instant::now() < deadline, "{} never came", file.display());
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Once the test command `child` runs has touched `started`: a Ctrl-C, which must be said at
/// once as stopping it "then {after}", and a second, which must kill it now. Returns the
/// lines said after the first, with the status.
pub(crate) fn ctrl_c_twice(
    mut child: std::process::Child,
    started: &std::path::Path,
    after: &str,
) -> (std::process::ExitStatus, Vec<String>) {
    let mut lines = std::io::BufReader::new(child.stderr.take().unwrap()).lines();
    wait_for(started);
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
        format!(
            "relhook: interrupted (SIGINT): stopping the test command (up to 5 s; Ctrl-C again kills it now), then {after}"
        )
    );
    // The second Ctrl-C: killed now, said, well before the 5 s.
    to_group(&child, libc::SIGINT);
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    let status = child.wait().unwrap();
    assert!(asked.elapsed() < Duration::from_secs(4), "{rest:?}");
    assert_eq!(
        rest[0],
        format!("relhook: interrupted again: killing the test command now, then {after}"),
        "{rest:?}"
    );
    (status, rest)
}

#[test]
fn a_ctrl_c_while_the_hand_tag_is_judged_is_said_and_the_tag_not_made() {
    let repo = installed_repo();
    repo.commit_hooked("feat: a");
    let paused = repo.scratch("paused");
    let _ = std::fs::remove_dir_all(&paused);
    let child = repo
        .command_in("git", &repo.path())
        .args(["tag", "-a", "v0.1.0", "-m", "v0.1.0"])
        .env("RELHOOK_TEST_FAILPOINT", "tag-judging:pause")
        .env("RELHOOK_TEST_PAUSED", &paused)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()
        .unwrap();
    wait_for(&paused);
    to_group(&child, libc::SIGINT);
    let out = child.wait_with_output().unwrap();
    assert!(
        text(&out).contains("relhook: interrupted (SIGINT): tag v0.1.0 was not made\n"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["tag", "-l", "v0.1.0"]), "");
}

#[test]
fn a_test_command_slow_to_stop_is_said_at_once_and_a_second_ctrl_c_kills_it() {
    let started = tempfile::tempdir().unwrap();
    let started = started.path().join("started");
    let repo = configured_with_a_feature(|_| {
        format!(
            "[checks]\ntest = [\"sh\", \"-c\", \"trap '' INT TERM HUP; touch '{}'; sleep 30\"]\n",
            started.display()
        )
    });
    let child = repo
        .command_in(relhook_bin(), &repo.path())
        .arg("release")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()
        .unwrap();
    let (status, rest) = ctrl_c_twice(child, &started, "undoing");
    assert_eq!(status.code(), Some(130), "{rest:?}");
    assert!(
        rest.iter()
            .any(|l| l.contains("release interrupted (SIGINT) while testing: undone")),
        "{rest:?}"
    );
    assert_eq!(repo.git(&["tag", "-l"]), "");
}
