//! `relhook commit` driven through a pseudo-terminal, as a person would use it.

use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::support::{Repo, relhook_bin, text};

/// relhook running on the slave side of a pty; the test types into the master side.
pub(crate) struct Pty {
    master: std::fs::File,
    seen: Arc<Mutex<Vec<u8>>>,
    child: Child,
}

impl Pty {
    pub(crate) fn spawn(repo: &Repo, args: &[&str]) -> Pty {
        Self::spawn_env(repo, args, &[])
    }

    fn spawn_env(repo: &Repo, args: &[&str], env: &[(&str, &str)]) -> Pty {
        let (mut master, mut slave) = (0, 0);
        // SAFETY: openpty writes two descriptors; the null pointers ask for defaults.
        let rc = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                std::ptr::null(),
            )
        };
        assert_eq!(rc, 0, "openpty: {}", std::io::Error::last_os_error());
        // SAFETY: both descriptors were just opened and are owned here.
        let (master, slave) =
            unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        let mut cmd = repo.command_in(relhook_bin(), &repo.path());
        cmd.args(args).envs(env.iter().copied());
        cmd.stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave));
        let child = cmd.spawn().expect("spawn relhook");
        drop(cmd);
        let master = std::fs::File::from(master);
        let seen = Arc::new(Mutex::new(Vec::new()));
        let mut reader = master.try_clone().unwrap();
        let sink = Arc::clone(&seen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            // EIO once the child is gone and the slave is closed.
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Pty {
            master,
            seen,
            child,
        }
    }

    pub(crate) fn screen(&self) -> String {
        String::from_utf8_lossy(&self.seen.lock().unwrap()).into_owned()
    }

    /// Waits until `needle` has appeared after everything already matched.
    pub(crate) fn expect(&self, needle: &str, from: &mut usize) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.screen();
            if let Some(at) = screen[*from..].find(needle) {
                *from += at + needle.len();
                return;
            }
            assert!(
                Instant::now() < deadline,
                "waited for {needle:?}; the terminal shows:\n{}",
                &screen[*from..]
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub(crate) fn send(&mut self, keys: &str) {
        self.master.write_all(keys.as_bytes()).unwrap();
        self.master.flush().unwrap();
    }

    /// Ends relhook where it is (a test that has seen what it wanted).
    pub(crate) fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    pub(crate) fn finish(mut self) -> (i32, String) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                std::thread::sleep(Duration::from_millis(50));
                return (status.code().unwrap_or(-1), self.screen());
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("relhook commit did not finish:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn repo_with_recent_scope() -> Repo {
    let repo = Repo::new();
    repo.commit("feat(api): first");
    repo.commit("fix(api): second");
    repo.commit("docs(readme): third");
    repo.write("f0.txt", "changed\n");
    repo
}

#[test]
fn commit_asks_lints_and_commits_with_extra_git_arguments() {
    let repo = repo_with_recent_scope();
    let mut pty = Pty::spawn(&repo, &["commit", "-a", "-q"]);
    let mut at = 0;
    pty.expect(" 1) feat      a new feature", &mut at);
    pty.expect("type (number or name): ", &mut at);
    pty.send("feature\n");
    pty.expect("`feature` is not one of the types above", &mut at);
    pty.send("1\n");
    pty.expect("Scope (configured first, then recently used):", &mut at);
    pty.expect(" 1) api", &mut at);
    pty.expect(" 2) readme", &mut at);
    pty.expect("scope (empty for none): ", &mut at);
    pty.send("1\n");
    pty.expect("Is this a breaking change? [y/N] ", &mut at);
    pty.send("y\n");
    pty.expect("what breaks, and what to do instead: ", &mut at);
    pty.send("the v1 export is gone\n");
    pty.expect("description: feat(api)!: ", &mut at);
    pty.expect("[12/100]", &mut at);
    pty.send("add ");
    pty.expect("[16/100]", &mut at);
    pty.send("exportX\x7f");
    pty.expect("[22/100]", &mut at);
    pty.send("\r");
    pty.expect("> ", &mut at);
    pty.send("Exports as CSV.\n");
    pty.expect("> ", &mut at);
    pty.send("\n");
    pty.expect(
        "issues (e.g. #12, or `Closes #12`; empty for none): ",
        &mut at,
    );
    pty.send("12, #34\n");
    pty.expect("  | feat(api)!: add export", &mut at);
    pty.expect("Commit with this message? [Y/n] ", &mut at);
    pty.send("\n");
    let (code, screen) = pty.finish();
    assert_eq!(code, 0, "{screen}");
    assert_eq!(
        repo.git(&["log", "-1", "--format=%B"]),
        "feat(api)!: add export\n\nExports as CSV.\n\nBREAKING CHANGE: the v1 export is gone\nRefs: #12, #34"
    );
    assert!(repo.is_clean(), "-a reached git commit");
}

#[test]
fn commit_shows_a_header_over_the_limit_and_asks_again() {
    let repo = repo_with_recent_scope();
    repo.write(".relconfig.toml", "[commit]\nheader_max_length = 20\n");
    repo.git(&["add", "-A"]);
    let mut pty = Pty::spawn(&repo, &["commit"]);
    let mut at = 0;
    pty.expect("type (number or name): ", &mut at);
    pty.send("fix\n");
    pty.expect("scope (empty for none): ", &mut at);
    pty.send("\n");
    pty.expect("[y/N] ", &mut at);
    pty.send("\n");
    pty.expect("[5/20]", &mut at);
    pty.send("a much longer description");
    pty.expect("[30/20: 10 over]", &mut at);
    pty.send("\r");
    pty.expect("the header is 30 characters, over the 20 allowed", &mut at);
    pty.expect("[5/20]", &mut at);
    pty.send("short\r");
    pty.expect("> ", &mut at);
    pty.send("\n");
    pty.expect("issues", &mut at);
    pty.send("\n");
    pty.expect("Commit with this message? [Y/n] ", &mut at);
    pty.send("y\n");
    let (code, screen) = pty.finish();
    assert_eq!(code, 0, "{screen}");
    assert_eq!(repo.head_subject(), "fix: short");
}

#[test]
fn ctrl_c_commits_nothing() {
    let repo = repo_with_recent_scope();
    let head = repo.git(&["rev-parse", "HEAD"]);
    let mut pty = Pty::spawn(&repo, &["commit", "-a"]);
    let mut at = 0;
    pty.expect("type (number or name): ", &mut at);
    pty.send("2\n");
    pty.expect("scope (empty for none): ", &mut at);
    pty.send("\n");
    pty.expect("[y/N] ", &mut at);
    pty.send("n\n");
    pty.expect("[5/100]", &mut at);
    pty.send("abc\x03");
    pty.expect("relhook: nothing committed", &mut at);
    let (code, screen) = pty.finish();
    assert_eq!(code, 1, "{screen}");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
}

#[test]
fn without_a_terminal_commit_refuses_politely() {
    let repo = repo_with_recent_scope();
    let out = repo
        .command_in(relhook_bin(), &repo.path())
        .arg("commit")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        crate::support::stderr(&out).contains("asks its questions on a terminal"),
        "{}",
        text(&out)
    );
}

#[test]
fn progress_shows_on_a_terminal_only() {
    let repo = Repo::new();
    repo.feat_history(1500);
    let pty = Pty::spawn(&repo, &["check", "--all"]);
    let (code, screen) = pty.finish();
    assert_eq!(code, 0, "{screen}");
    let spinner_frame = screen.split("checking ").skip(1).any(|rest| {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && rest[digits..].starts_with(" commits (")
    });
    assert!(spinner_frame, "no `checking N commits (` frame: {screen}");
    assert!(screen.contains("checked 1500 commits in HEAD"), "{screen}");
    // Not in CI, even on a terminal.
    let cmd_env = Pty::spawn_env(&repo, &["check", "--all"], &[("CI", "true")]);
    let mut at = 0;
    cmd_env.expect("checked 1500 commits", &mut at);
    let (_, screen) = cmd_env.finish();
    assert!(!screen.contains("commits ("), "{screen}");
    // Not into a pipe.
    let out = repo.relhook(&["check", "--all"]);
    assert!(
        !crate::support::stderr(&out).contains("commits ("),
        "{}",
        text(&out)
    );
}
