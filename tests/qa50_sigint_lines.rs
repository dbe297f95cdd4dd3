//! QA50: Ctrl-C lines that were missing. A Ctrl-C while a hand tag's `prepared` hook judged
//! the tag killed relhook without a word: git's "ref updates aborted by hook" read as a
//! refusal. It is said now, at once.

use std::os::unix::process::CommandExt;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::support::{installed_repo, text};

/// Sends `signal` to the process group `child` leads: a terminal's Ctrl-C.
fn to_group(child: &std::process::Child, signal: i32) {
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
