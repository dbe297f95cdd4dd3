//! QA51: the relay of the test output held about three times its cap in memory while
//! relhook's standard error was a pipe not read (200 MB for a suite printing 300 MB, the cap
//! 64 MiB): its buffer grew by doubling to twice the cap, and the backlog was copied whole to
//! be passed on. The cap now bounds the memory, and the end of the output still comes last,
//! whole lines after a line saying what was left out, then relhook's line and the exit code.
//! The peak is measured from outside: the rusage wait4(2) gives for relhook.

#![cfg(target_os = "linux")]

use std::io::Read;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::support::{Repo, configured_with_a_feature, relhook_bin};

const LINE: &str = "0123456789012345678901234567890123456789012345678901234567890123456789";

/// The cap set for the test (the knob relhook reads): small, for a quick run.
const CAP: i64 = 16 << 20;

/// `relhook test` printing `lines` lines of [`LINE`] and a failure, its standard error a pipe
/// left unread until the test command has ended: relhook's peak RSS in bytes, its exit code
/// and what it wrote.
// Reaped by wait4 itself, which gives its rusage; `Child::wait` gives none.
#[allow(clippy::zombie_processes)]
fn run_unread(repo: &Repo, lines: u64) -> (i64, i32, String) {
    let done = repo.scratch("done").join(lines.to_string());
    let mut child = repo
        .command_in(relhook_bin(), &repo.path())
        .arg("test")
        .env("RELHOOK_TEST_RELAY_CAP", CAP.to_string())
        .env("LINES_OUT", lines.to_string())
        .env("DONE", &done)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while !done.exists() {
        assert!(Instant::now() < deadline, "the test command never ended");
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut said = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut said)
        .unwrap();
    let pid = libc::pid_t::try_from(child.id()).unwrap();
    let mut status = 0;
    // SAFETY: a zeroed rusage is valid, filled in by wait4 for the child the test started.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::wait4(pid, &mut status, 0, &mut usage) }, pid);
    assert!(libc::WIFEXITED(status), "{status}");
    // Linux gives the peak in kB.
    (usage.ru_maxrss * 1024, libc::WEXITSTATUS(status), said)
}

#[test]
fn an_unread_standard_error_costs_the_cap_and_still_gets_the_end() {
    let repo = configured_with_a_feature(|_| {
        format!(
            "[checks]\ntest = [\"sh\", \"-c\", \"yes {LINE} | head -n \\\"$LINES_OUT\\\"; \
             echo 'FAILURE: the last test'; touch \\\"$DONE\\\"; exit 3\"]\n"
        )
    });
    // relhook's own size, with output that fits in the pipe.
    let (base, code, said) = run_unread(&repo, 100);
    assert_eq!(code, 3, "{said}");
    // About 100 MB, six times the cap.
    let (peak, code, said) = run_unread(&repo, 1_400_000);
    let tail = &said[said.len().saturating_sub(400)..];
    assert_eq!(code, 3, "{tail}");
    let held = peak - base;
    assert!(
        held < CAP + CAP / 2,
        "relhook held {} MiB for a cap of {} MiB",
        held >> 20,
        CAP >> 20
    );
    assert!(
        said.ends_with(&format!(
            "{LINE}\nFAILURE: the last test\nrelhook: tests failed (exit code 3); nothing recorded\n"
        )),
        "{tail}"
    );
    let lines: Vec<&str> = said.lines().collect();
    let notice = lines
        .iter()
        .rposition(|l| {
            l.starts_with("relhook: ")
                && l.ends_with(
                    "bytes of the test output left out: standard error took them more slowly \
                     than the tests wrote them",
                )
        })
        .unwrap_or_else(|| panic!("nothing said left out: {tail}"));
    let after = &lines[notice + 1..lines.len() - 2];
    assert!(after.len() > 1000, "{}", after.len());
    assert!(after.iter().all(|l| *l == LINE), "not whole lines: {tail}");
}
