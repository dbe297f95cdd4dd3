//! QA51: `nohup relhook release`, then the terminal's SIGHUP, undid the release (exit 129), as
//! did a SIGINT a script's `relhook release &` had set to be ignored: relhook's guard took
//! the signals whatever their disposition, and its test command got the default back. A
//! signal ignored when relhook starts stays ignored now, by the test command too.

use std::os::unix::process::CommandExt;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::qa50_sigint_lines::to_group;
use crate::support::{configured_with_a_feature, relhook_bin, text};

/// `relhook release` started with `signal` ignored, whose test command signals itself and
/// then, once it has started, gets its process group `signal` too: the release is made.
fn an_ignored_signal_leaves_the_release_alone(signal: i32, name: &str) {
    let started = tempfile::tempdir().unwrap();
    let started = started.path().join("started");
    let repo = configured_with_a_feature(|_| {
        format!(
            "[checks]\ntest = [\"sh\", \"-c\", \"kill -{name} $$; touch '{}'; sleep 1\"]\n",
            started.display()
        )
    });
    let mut cmd = repo.command_in(relhook_bin(), &repo.path());
    cmd.arg("release")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    // SAFETY: only signal(2), async-signal-safe, between fork and exec: as `nohup` does.
    unsafe {
        cmd.pre_exec(move || {
            libc::signal(signal, libc::SIG_IGN);
            Ok(())
        });
    }
    let child = cmd.spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while !started.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    if started.exists() {
        // The terminal closes (nohup's case) or the script's Ctrl-C comes.
        to_group(&child, signal);
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(!text(&out).contains("interrupted"), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l"]).trim(), "v0.1.0", "{}", text(&out));
}

#[test]
fn a_hangup_nohup_ignores_does_not_undo_the_release() {
    an_ignored_signal_leaves_the_release_alone(libc::SIGHUP, "HUP");
}

#[test]
fn a_ctrl_c_a_script_ignores_does_not_undo_the_release() {
    an_ignored_signal_leaves_the_release_alone(libc::SIGINT, "INT");
}
