//! Ctrl-C, SIGTERM and SIGHUP while relhook runs the tests: the release transaction is undone
//! (or left for `--resume` to finish) with one line saying so, the exit code is 128 + the
//! signal, the test command is stopped and the temporary test worktree goes with it. Each
//! signal is sent once the test command has started (it touches a file), to relhook alone or
//! to its whole process group, as a terminal's Ctrl-C does.

use std::path::{Path, PathBuf};
use std::process::{Child, Output, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Repo, relhook_bin, text};

/// A test command that says it started (`started`, beside the repository), writes its pid and
/// then sleeps, unless `quick` exists: then it passes at once.
fn slow_test(repo: &Repo) -> String {
    let dir = repo.dir.path().display();
    format!(
        r#"["sh", "-c", "test -e {dir}/quick && exit 0; echo $$ > {dir}/pid; touch {dir}/started; exec sleep 30"]"#
    )
}

/// A repository with relhook installed, `[checks] test` = [`slow_test`] plus `extra` config
/// lines, and one feature to release.
fn repo_with_slow_tests(extra: &str) -> Repo {
    crate::support::configured_with_a_feature(|repo| {
        format!("[checks]\ntest = {}\n{extra}", slow_test(repo))
    })
}

/// The temporary directory relhook's children get (`TMPDIR`), to see what is left in it.
fn tmp(repo: &Repo) -> PathBuf {
    repo.scratch("tmp")
}

/// Starts `program ARGS` in a process group of its own, output captured, `TMPDIR` set, with
/// the signals' default dispositions: a suite run under `nohup` passes SIGHUP on ignored,
/// which relhook rightly keeps ignored, and the SIGHUP cases would then wait for nothing.
fn spawn(repo: &Repo, program: &Path, args: &[&str]) -> Child {
    use std::os::unix::process::CommandExt;
    let mut cmd = repo.command_in(program, &repo.path());
    cmd.args(args)
        .env("TMPDIR", tmp(repo))
        .env("RELHOOK_DATE", "2026-11-21")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    // SAFETY: signal(2) is async-signal-safe, as pre_exec requires.
    unsafe {
        cmd.pre_exec(|| {
            for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
                libc::signal(signal, libc::SIG_DFL);
            }
            Ok(())
        });
    }
    cmd.spawn().expect("spawn")
}

/// Waits until the test command has started.
fn wait_started(repo: &Repo, child: &mut Child) {
    let started = repo.dir.path().join("started");
    let deadline = Instant::now() + Duration::from_secs(30);
    while !started.exists() {
        if let Ok(Some(status)) = child.try_wait() {
            panic!("ended before its tests started: {status}");
        }
        assert!(Instant::now() < deadline, "the tests never started");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Sends `signal` to the child alone, or to its whole process group.
fn send(child: &Child, signal: i32, group: bool) {
    let pid = i32::try_from(child.id()).unwrap();
    let target = if group { -pid } else { pid };
    // SAFETY: kill(2) on a process (group) this test started.
    assert_eq!(unsafe { libc::kill(target, signal) }, 0);
}

/// Waits for the child (at most 30 s, then kills its group) and returns its output.
fn finish(child: Child) -> Output {
    let pid = i32::try_from(child.id()).unwrap();
    let watchdog = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(30));
        // SAFETY: as in `send`; a group that has ended already makes this a no-op.
        unsafe { libc::kill(-pid, libc::SIGKILL) };
    });
    let out = child.wait_with_output().expect("wait");
    drop(watchdog);
    out
}

/// Whether the test command (its pid in `pid`) still runs.
fn test_command_alive(repo: &Repo) -> bool {
    let pid: i32 = std::fs::read_to_string(repo.dir.path().join("pid"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    // A moment to be reaped by init once its parent is gone.
    std::thread::sleep(Duration::from_millis(100));
    // SAFETY: signal 0 only asks whether the process exists.
    unsafe { libc::kill(pid, 0) == 0 }
}

fn reset(repo: &Repo) {
    let _ = std::fs::remove_file(repo.dir.path().join("started"));
    let _ = std::fs::remove_file(repo.dir.path().join("pid"));
}

/// The relhook-test-* directories left in [`tmp`].
fn leftovers(repo: &Repo) -> Vec<String> {
    std::fs::read_dir(tmp(repo))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("relhook-test-"))
        .collect()
}

fn worktrees(repo: &Repo) -> usize {
    repo.git(&["worktree", "list", "--porcelain"])
        .lines()
        .filter(|l| l.starts_with("worktree "))
        .count()
}

/// The release undone: HEAD back on `head`, no tag, no test record, a clean tree.
fn nothing_released(repo: &Repo, head: &str, out: &Output) {
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head, "{}", text(out));
    assert_eq!(repo.git(&["tag", "-l"]), "", "{}", text(out));
    assert_eq!(repo.git(&["notes", "--ref=relhook-tests", "list"]), "");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

#[test]
fn ctrl_c_to_the_process_group_while_testing_undoes_the_release() {
    let repo = repo_with_slow_tests("");
    let head = repo.git(&["rev-parse", "HEAD"]);
    let mut child = spawn(&repo, &relhook_bin(), &["release"]);
    wait_started(&repo, &mut child);
    send(&child, libc::SIGINT, true);
    let out = finish(child);
    assert_eq!(out.status.code(), Some(130), "{}", text(&out));
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    let last = err.lines().last().unwrap_or_default();
    assert_eq!(
        last, "relhook: release interrupted (SIGINT) while testing: undone, nothing was released",
        "{err}"
    );
    nothing_released(&repo, &head, &out);
}

#[test]
fn sigterm_or_sighup_to_relhook_alone_stops_the_tests_and_undoes_the_release() {
    let repo = repo_with_slow_tests("");
    let head = repo.git(&["rev-parse", "HEAD"]);
    for (signal, name, code) in [
        (libc::SIGTERM, "SIGTERM", 143),
        (libc::SIGHUP, "SIGHUP", 129),
    ] {
        reset(&repo);
        let mut child = spawn(&repo, &relhook_bin(), &["release"]);
        wait_started(&repo, &mut child);
        send(&child, signal, false);
        let out = finish(child);
        assert_eq!(out.status.code(), Some(code), "{}", text(&out));
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(
            err.contains(&format!(
                "relhook: release interrupted ({name}) while testing: undone, nothing was released"
            )),
            "{err}"
        );
        assert!(!test_command_alive(&repo), "the test command is stopped");
        nothing_released(&repo, &head, &out);
    }
}

/// A release killed after its commit, with a commit on top: `--resume` tests a temporary
/// worktree of the release commit.
fn half_made_below_head() -> Repo {
    let repo = repo_with_slow_tests("");
    repo.relhook_killed_at("release-committed", &["release"]);
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
    repo.write("later.txt", "later\n");
    repo.git(&["add", "later.txt"]);
    repo.git(&["commit", "-q", "-m", "fix: later"]);
    std::fs::create_dir_all(tmp(&repo)).unwrap();
    repo
}

#[test]
fn ctrl_c_during_resume_removes_its_worktree_and_keeps_the_release_commit() {
    let repo = half_made_below_head();
    let head = repo.git(&["rev-parse", "HEAD"]);
    let mut child = spawn(&repo, &relhook_bin(), &["release", "--resume"]);
    wait_started(&repo, &mut child);
    send(&child, libc::SIGINT, true);
    let out = finish(child);
    assert_eq!(out.status.code(), Some(130), "{}", text(&out));
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        err.contains("relhook: release interrupted (SIGINT) while testing")
            && err.contains("`relhook release --resume`"),
        "{err}"
    );
    assert_eq!(worktrees(&repo), 1, "{}", repo.git(&["worktree", "list"]));
    assert_eq!(leftovers(&repo), Vec::<String>::new());
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert_eq!(repo.git(&["tag", "-l"]), "");
    assert_eq!(repo.git(&["notes", "--ref=relhook-tests", "list"]), "");
}

/// [`half_made_below_head`] whose `--resume` was killed (SIGKILL, with its test command)
/// while it tested: its temporary worktree is left registered.
fn leaked_worktree() -> Repo {
    let repo = half_made_below_head();
    let mut child = spawn(&repo, &relhook_bin(), &["release", "--resume"]);
    wait_started(&repo, &mut child);
    // relhook and its test command, as a kill -9 of the job.
    send(&child, libc::SIGKILL, true);
    let _ = finish(child);
    assert_eq!(worktrees(&repo), 2, "leaked");
    repo
}

#[test]
fn a_worktree_leaked_by_sigkill_is_removed_by_the_next_run() {
    let repo = leaked_worktree();
    std::fs::write(repo.dir.path().join("quick"), "").unwrap();
    let out = repo.relhook(&["release", "--resume"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(worktrees(&repo), 1, "{}", repo.git(&["worktree", "list"]));
    assert_eq!(leftovers(&repo), Vec::<String>::new());
}

#[test]
fn doctor_names_a_leaked_worktree_with_the_command_that_removes_it() {
    let repo = leaked_worktree();
    let out = repo.relhook(&["doctor"]);
    let said = text(&out);
    let line = said
        .lines()
        .find(|l| l.contains("git worktree remove --force --force"))
        .unwrap_or_else(|| panic!("doctor does not name the leaked worktree:\n{said}"));
    let command = &line[line.find("git worktree remove").unwrap()..];
    assert!(command.contains("relhook-test-"), "{said}");
    let out = repo.sh(command);
    assert!(out.status.success(), "{command}: {}", text(&out));
    assert_eq!(worktrees(&repo), 1, "{}", repo.git(&["worktree", "list"]));
    assert_eq!(leftovers(&repo), Vec::<String>::new());
    let out = repo.relhook(&["doctor"]);
    assert!(!text(&out).contains("test worktree"), "{}", text(&out));
}

#[test]
fn ctrl_c_during_pre_push_tests_removes_the_worktree() {
    let repo = repo_with_slow_tests("run_tests_on_push = true\n");
    let remote = repo.with_origin();
    let out = repo.git_skipping_relhook(&["push", "-q", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    std::fs::create_dir_all(tmp(&repo)).unwrap();
    let git = crate::support::git_abs();
    let mut child = spawn(&repo, &git, &["push", "--follow-tags", "origin", "main"]);
    wait_started(&repo, &mut child);
    send(&child, libc::SIGINT, true);
    let out = finish(child);
    assert!(!out.status.success(), "{}", text(&out));
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        err.contains(
            "relhook: pre-push interrupted (SIGINT) while testing v0.1.0: its temporary worktree is removed and nothing was pushed"
        ),
        "{err}"
    );
    // relhook outlives git by the time its clean-up takes.
    let deadline = Instant::now() + Duration::from_secs(10);
    while (worktrees(&repo) > 1 || !leftovers(&repo).is_empty()) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(worktrees(&repo), 1, "{}", repo.git(&["worktree", "list"]));
    assert_eq!(leftovers(&repo), Vec::<String>::new());
    let tags = repo.git(&["ls-remote", "--tags", remote.to_str().unwrap()]);
    assert_eq!(tags, "", "the tag did not leave");
}

#[test]
fn ctrl_c_while_a_package_release_tests_undoes_it() {
    let repo = Repo::new();
    let test = slow_test(&repo);
    repo.write(
        ".relconfig.toml",
        format!("[checks]\ntest = {test}\n\n[packages.api]\npath = \"api\"\n"),
    );
    repo.write("api/lib.txt", "0\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.write("api/one.txt", "1\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "feat(api): one"]);
    let head = repo.git(&["rev-parse", "HEAD"]);
    let mut child = spawn(&repo, &relhook_bin(), &["release", "--package", "api"]);
    wait_started(&repo, &mut child);
    send(&child, libc::SIGINT, true);
    let out = finish(child);
    assert_eq!(out.status.code(), Some(130), "{}", text(&out));
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        err.contains(
            "relhook: release interrupted (SIGINT) while testing: undone, nothing was released"
        ),
        "{err}"
    );
    nothing_released(&repo, &head, &out);
}

/// A test command whose own child outlives it (`npm test`'s workers, `make`'s recipes): a
/// SIGTERM to relhook alone (a CI timeout) stops the whole command, grandchild included, so
/// nothing writes into the tree relhook says it restored.
#[test]
fn sigterm_to_relhook_stops_the_test_command_s_own_children_too() {
    let repo = crate::support::configured_with_a_feature(|repo| {
        let dir = repo.dir.path().display();
        format!(
            r#"[checks]
test = ["sh", "-c", "touch {dir}/started; sh -c 'sleep 1; echo late > {dir}/repo/late.txt'; true"]
"#
        )
    });
    let head = repo.git(&["rev-parse", "HEAD"]);
    let mut child = spawn(&repo, &relhook_bin(), &["release"]);
    wait_started(&repo, &mut child);
    send(&child, libc::SIGTERM, false);
    let out = finish(child);
    assert_eq!(out.status.code(), Some(143), "{}", text(&out));
    std::thread::sleep(Duration::from_millis(1500));
    assert!(!repo.path().join("late.txt").exists(), "{}", text(&out));
    nothing_released(&repo, &head, &out);
}

/// `relhook test` passes a signal sent to relhook alone on to the test command (which has a
/// process group of its own, out of a terminal's reach) and says so in its exit code.
#[test]
fn a_signal_to_relhook_test_stops_the_test_command() {
    let repo = repo_with_slow_tests("");
    let mut child = spawn(&repo, &relhook_bin(), &["test"]);
    wait_started(&repo, &mut child);
    send(&child, libc::SIGINT, false);
    let out = finish(child);
    assert_eq!(out.status.code(), Some(130), "{}", text(&out));
    assert!(!test_command_alive(&repo), "the test command is stopped");
}

/// At a terminal the test command stays in the terminal's foreground group: a test that sets
/// the terminal (`stty`, a pager, a prompt) used to be stopped for good (SIGTTOU) in a group
/// of its own, and `relhook test` never returned.
#[test]
fn at_a_terminal_a_test_command_that_uses_it_runs_to_the_end() {
    let repo = crate::support::configured_with_a_feature(|_| {
        "[checks]\ntest = [\"sh\", \"-c\", \"stty -echo < /dev/tty && stty echo < /dev/tty\"]\n"
            .into()
    });
    let mut cmd = repo.command_in(relhook_bin(), &repo.path());
    cmd.arg("test");
    // What it writes is drained, or it would block on a full pty.
    let (mut child, mut output) = crate::support::spawn_in_pty(cmd);
    let reader = std::thread::spawn(move || {
        let mut all = Vec::new();
        let _ = std::io::Read::read_to_end(&mut output, &mut all);
        String::from_utf8_lossy(&all).into_owned()
    });
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("relhook test never returned at a terminal");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let said = reader.join().unwrap_or_default();
    assert!(status.success(), "{status}: {said}");
}

/// QA32: a Ctrl-C once the tag is made ended relhook with exit 130 and half a line, where
/// the release was complete: a script took it for undone. The report goes out, with a line
/// on the signal, and the exit is 0.
#[test]
fn a_ctrl_c_after_the_tag_is_said_and_the_release_stands() {
    let repo = crate::support::configured_with_a_feature(|_| {
        "[checks]\nrequire_tested_tags = false\n".into()
    });
    let paused = repo.scratch("paused").join("step");
    let mut cmd = repo.command_in(relhook_bin(), &repo.path());
    cmd.args(["release", "--no-test"])
        .env("RELHOOK_TEST_FAILPOINT", "release-tagged:pause")
        .env("RELHOOK_TEST_PAUSED", &paused)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let child = cmd.spawn().expect("spawn");
    let deadline = Instant::now() + Duration::from_secs(30);
    while !paused.exists() {
        assert!(Instant::now() < deadline, "never paused");
        std::thread::sleep(Duration::from_millis(20));
    }
    send(&child, libc::SIGINT, false);
    let out = finish(child);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("relhook: SIGINT came once v0.1.0 was made: the release is complete"),
        "{err}"
    );
    assert!(err.contains("is tagged on"), "{err}");
    assert_eq!(repo.git(&["tag"]), "v0.1.0");
}
