//! Ctrl-C (SIGINT to the whole foreground process group) or a polite kill while `git tag -a`
//! runs relhook's `committed` hook, which makes the release commit and moves the tag onto it:
//! the hand tag ends whole or not at all, with one line saying which and what makes the
//! release, as `relhook release` does. Never a tag on a commit without its section, a release
//! commit with the tag left behind, a lock left in .git or a silent exit.

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Child, Output, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Repo, configured_with_a_feature, text};

/// `git tag -a v0.2.0` through the hooks, in a process group of its own (a terminal's
/// foreground job, which a Ctrl-C reaches whole), with `env` added to its environment.
fn spawn_tag(repo: &Repo, env: &[(&str, &OsStr)]) -> Child {
    use std::os::unix::process::CommandExt;
    let mut cmd = repo.command_in("git", &repo.path());
    cmd.args(["tag", "-a", "v0.2.0", "-m", "release"])
        .env("RELHOOK_DATE", "2026-11-21");
    for (key, value) in env {
        cmd.env(key, value);
    }
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()
        .expect("spawn git tag")
}

/// Waits (at most 30 s) for `file`, which says `moment` has come, while `child` still runs.
fn wait_for(child: &mut Child, file: &Path, moment: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !file.exists() {
        if let Ok(Some(status)) = child.try_wait() {
            panic!("git tag ended before {moment}: {status}");
        }
        assert!(Instant::now() < deadline, "{moment} never came");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// `git tag -a v0.2.0` ([`spawn_tag`]) paused (`RELHOOK_TEST_FAILPOINT`) at `step` of the
/// hand-tag rewrite; returns once the pause has begun.
fn tag_paused_at(repo: &Repo, step: &str) -> Child {
    let paused = repo.dir.path().join("paused");
    let failpoint = format!("{step}:pause");
    let mut child = spawn_tag(
        repo,
        &[
            ("RELHOOK_TEST_FAILPOINT", failpoint.as_ref()),
            ("RELHOOK_TEST_PAUSED", paused.as_ref()),
        ],
    );
    wait_for(&mut child, &paused, &format!("the pause at {step}"));
    child
}

/// Sends `signal` to the child's process group (a terminal's Ctrl-C) or to relhook alone.
fn send(child: &Child, signal: i32, group: bool) {
    let pid = i32::try_from(child.id()).unwrap();
    let target = if group {
        -pid
    } else {
        // relhook is the hook process, a child of git's: found by its command line.
        relhook_under(pid).expect("relhook runs under git tag")
    };
    // SAFETY: kill(2) on processes this test started.
    assert_eq!(unsafe { libc::kill(target, signal) }, 0);
}

/// The pid of the `relhook hook reference-transaction` process in process group `group`.
fn relhook_under(group: i32) -> Option<i32> {
    std::fs::read_dir("/proc").ok()?.flatten().find_map(|e| {
        let pid: i32 = e.file_name().to_str()?.parse().ok()?;
        let cmdline = std::fs::read(e.path().join("cmdline")).ok()?;
        let stat = std::fs::read_to_string(e.path().join("stat")).ok()?;
        // Field 5 of stat is the process group; fields after the `)` of the name.
        let pgrp: i32 = stat
            .rsplit_once(')')?
            .1
            .split_whitespace()
            .nth(2)?
            .parse()
            .ok()?;
        let hook = String::from_utf8_lossy(&cmdline).contains("reference-transaction");
        (pgrp == group && hook && String::from_utf8_lossy(&cmdline).contains("hook")).then_some(pid)
    })
}

/// Waits (at most 30 s) for git tag and for the hook, which may outlive a git killed by the
/// same Ctrl-C: the output pipe closes once both have ended.
fn finish(child: Child) -> Output {
    let pid = i32::try_from(child.id()).unwrap();
    let watchdog = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(30));
        // SAFETY: as in `send`; a group that has ended makes this a no-op.
        unsafe { libc::kill(-pid, libc::SIGKILL) };
    });
    let out = child.wait_with_output().expect("wait");
    drop(watchdog);
    out
}

/// A repository with a version file and a feature to release.
fn repo() -> Repo {
    let repo = configured_with_a_feature(|_| String::new());
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"x\"\nversion = \"0.1.0\"\n",
    );
    repo.git(&["add", "Cargo.toml"]);
    repo.git(&["commit", "-q", "-m", "chore: add Cargo.toml"]);
    repo
}

/// Nothing of the release is left: HEAD where it was, no tag, a clean tree, no lock and no
/// journal in .git; and the line git tag printed says so and names what makes the release.
fn assert_nothing_released(repo: &Repo, before: &str, out: &Output, signal: &str) {
    let said = text(out);
    assert_eq!(repo.git(&["rev-parse", "HEAD"]).trim(), before, "{said}");
    assert!(repo.git(&["tag", "-l"]).trim().is_empty(), "{said}");
    assert!(
        repo.is_clean(),
        "{}\n{said}",
        repo.git(&["status", "--short"])
    );
    let git_dir = repo.path().join(".git");
    for left in ["index.lock", "relhook-txn", "relhook-hand-tag"] {
        assert!(!git_dir.join(left).exists(), ".git/{left} left\n{said}");
    }
    assert!(said.contains(&format!("interrupted ({signal})")), "{said}");
    assert!(said.contains("v0.2.0 was removed"), "{said}");
    assert!(
        said.contains("`relhook release 0.2.0` makes both"),
        "{said}"
    );
    // And it does.
    let again = crate::support::dated_release(repo, &["0.2.0"]);
    assert_eq!(again.status.code(), Some(0), "{}", text(&again));
    assert!(
        repo.read("CHANGELOG.md")
            .contains("## [0.2.0] - 2026-11-21")
    );
}

#[test]
fn ctrl_c_after_the_release_commit_undoes_it_and_says_so() {
    let repo = repo();
    let before = repo.git(&["rev-parse", "HEAD"]).trim().to_owned();
    let child = tag_paused_at(&repo, "hand-committed");
    send(&child, libc::SIGINT, true);
    let out = finish(child);
    assert_nothing_released(&repo, &before, &out, "SIGINT");
}

#[test]
fn ctrl_c_before_the_release_commit_leaves_no_tag_without_its_section() {
    let repo = repo();
    let before = repo.git(&["rev-parse", "HEAD"]).trim().to_owned();
    let child = tag_paused_at(&repo, "hand-started");
    send(&child, libc::SIGINT, true);
    let out = finish(child);
    assert_nothing_released(&repo, &before, &out, "SIGINT");
}

#[test]
fn sigterm_to_the_hook_alone_undoes_the_release_commit() {
    let repo = repo();
    let before = repo.git(&["rev-parse", "HEAD"]).trim().to_owned();
    let child = tag_paused_at(&repo, "hand-committed");
    send(&child, libc::SIGTERM, false);
    let out = finish(child);
    assert_nothing_released(&repo, &before, &out, "SIGTERM");
}

#[test]
fn a_hand_tag_left_alone_still_releases() {
    // The deferral changes nothing when no signal comes.
    let repo = repo();
    let out = crate::support::hand_tag(&repo, &["-a", "v0.2.0", "-m", "release"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        repo.read("CHANGELOG.md")
            .contains("## [0.2.0] - 2026-11-21")
    );
    assert_eq!(repo.head_subject(), "chore(release): 0.2.0");
    assert!(repo.is_clean());
}

/// The user's own reference-transaction hook, which relhook chains and runs first: Ctrl-C while
/// it runs in `committed` must not end the shim before relhook has made (or withdrawn) the
/// release; the user's hook is told it started by the file `started` beside the repository.
#[test]
fn ctrl_c_while_a_chained_hook_runs_in_committed_still_ends_whole() {
    let repo = repo();
    let started = repo.dir.path().join("started");
    let hook = repo
        .path()
        .join(".git/hooks/reference-transaction.relhook-orig");
    std::fs::write(
        &hook,
        format!(
            "#!/bin/sh\ncat >/dev/null\n[ \"$1\" = committed ] || exit 0\ntouch '{}'\nsleep 1\n",
            started.display()
        ),
    )
    .unwrap();
    crate::support::chmod(&hook, 0o755);
    let before = repo.git(&["rev-parse", "HEAD"]).trim().to_owned();
    let mut child = spawn_tag(&repo, &[]);
    wait_for(&mut child, &started, "the chained hook ran");
    send(&child, libc::SIGINT, true);
    let out = finish(child);
    let said = text(&out);
    // Whole: the tag on its release commit, said; or nothing: no tag, HEAD where it was, said.
    match repo.git_output(&["rev-parse", "-q", "--verify", "v0.2.0^{commit}"]) {
        o if o.status.success() => {
            let tagged = String::from_utf8_lossy(&o.stdout).trim().to_owned();
            assert_eq!(tagged, repo.git(&["rev-parse", "HEAD"]).trim(), "{said}");
            let log = repo.git(&["show", "v0.2.0:CHANGELOG.md"]);
            assert!(log.contains("## [0.2.0] - 2026-11-21"), "{said}");
            assert!(said.contains("now points at release commit"), "{said}");
        }
        _ => {
            assert_eq!(repo.git(&["rev-parse", "HEAD"]).trim(), before, "{said}");
            assert!(said.contains("v0.2.0 was removed"), "{said}");
        }
    }
    assert!(
        repo.is_clean(),
        "{}\n{said}",
        repo.git(&["status", "--short"])
    );
}

/// QA38: while a hand tag's hook is still making its release commit, the tag stands on HEAD
/// without its section, as an interrupted one does. doctor called it interrupted (exit 1) and
/// named `relhook release --resume`, which then ran into the hook's own work. Now both say
/// the hook is at work and to wait; once it is done (here: Ctrl-C), nothing is left.
#[test]
fn a_hand_tag_whose_hook_is_at_work_is_not_called_interrupted() {
    let repo = repo();
    let before = repo.git(&["rev-parse", "HEAD"]).trim().to_owned();
    let child = tag_paused_at(&repo, "hand-started");
    let wait = "the hook of the `git tag` still running (pid";
    let doctor = repo.relhook(&["doctor"]);
    let said = String::from_utf8_lossy(&doctor.stdout).into_owned();
    assert!(said.contains(wait), "{said}");
    assert!(
        !said.contains("was interrupted") && !said.contains("INVALID"),
        "{said}"
    );
    for args in [&["release", "--resume"][..], &["release"]] {
        let out = repo.relhook(args);
        assert!(!out.status.success(), "{args:?}: {}", text(&out));
        assert!(text(&out).contains(wait), "{args:?}: {}", text(&out));
    }
    send(&child, libc::SIGINT, true);
    let out = finish(child);
    assert_nothing_released(&repo, &before, &out, "SIGINT");
}
