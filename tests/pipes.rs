//! A reader that goes away must not change a verdict: `relhook check | head`, an IDE that
//! closes a hook's stderr, `git push 2>&1 | head -1`. relhook's writes then fail with EPIPE,
//! which once counted as success, so a failed lint or a refused push exited 0.

use std::os::fd::{FromRawFd, OwnedFd};
use std::process::Stdio;

use crate::support::{Repo, hooked_changelog_repo, relhook_bin};

/// The write end of a pipe whose read end is already closed: every write fails with EPIPE.
fn closed_pipe() -> Stdio {
    let mut fds = [0; 2];
    // SAFETY: pipe() fills both descriptors on success; each is then owned exactly once.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
    let (read, write) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
    drop(read);
    Stdio::from(write)
}

fn status(repo: &Repo, args: &[&str], out: Stdio, err: Stdio) -> Option<i32> {
    repo.command_in(relhook_bin(), &repo.path())
        .args(args)
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .status()
        .unwrap()
        .code()
}

#[test]
fn a_failed_commit_message_lint_fails_with_nobody_reading() {
    let repo = Repo::new();
    repo.write("msg.txt", "bad message with no type\n");
    for _ in 0..3 {
        assert_eq!(
            status(
                &repo,
                &["hook", "commit-msg", "msg.txt"],
                Stdio::null(),
                closed_pipe()
            ),
            Some(1)
        );
        assert_eq!(
            status(&repo, &["lint", "msg.txt"], closed_pipe(), closed_pipe()),
            Some(1)
        );
    }
    repo.write("good.txt", "feat: a thing\n");
    assert_eq!(
        status(&repo, &["lint", "good.txt"], closed_pipe(), closed_pipe()),
        Some(0),
        "a pass stays a pass"
    );
}

#[test]
fn check_fails_with_its_output_cut_off() {
    let repo = hooked_changelog_repo();
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "no type here"]);
    for args in [
        &["check", "--all"][..],
        &["check", "--all", "--format", "json"],
    ] {
        assert_eq!(
            status(&repo, args, closed_pipe(), Stdio::null()),
            Some(1),
            "{args:?}"
        );
        assert_eq!(
            status(&repo, args, closed_pipe(), closed_pipe()),
            Some(1),
            "{args:?}"
        );
    }
}

#[test]
fn a_refused_push_stays_refused_with_stderr_closed() {
    let repo = hooked_changelog_repo();
    let remote = repo.scratch("remote.git");
    repo.git(&["init", "-q", "--bare", remote.to_str().unwrap()]);
    repo.git(&["remote", "add", "origin", remote.to_str().unwrap()]);
    repo.hooks(&["pre-push"]);
    repo.git(&["push", "-q", "origin", "main"]);
    repo.write("b.txt", "b\n");
    repo.git(&["add", "b.txt"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "dodged the lint"]);
    let pushed = repo
        .command_in("git", &repo.path())
        .args(["push", "-q", "origin", "main"])
        .stdout(closed_pipe())
        .stderr(closed_pipe())
        .status()
        .unwrap();
    assert!(!pushed.success());
    let remote_main = repo.git(&["ls-remote", remote.to_str().unwrap(), "refs/heads/main"]);
    let local_main = repo.git(&["rev-parse", "main"]);
    assert!(
        !remote_main.contains(local_main.trim()),
        "the unlinted commit reached the remote: {remote_main}"
    );
}
