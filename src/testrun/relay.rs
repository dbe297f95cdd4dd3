//! The test command's output, passed on through relhook when its standard error is no
//! terminal (a CI log, a file): relhook then knows whether the output ended its last line,
//! and ends it before its own line (`all goodrelhook: tests passed` otherwise). At a terminal
//! the command keeps the terminal itself, for its colours and progress bars.
//!
//! The output goes into an unlinked temporary file that relhook reads as it grows, not into a
//! pipe: a process the command leaves running (`(sleep 1; echo late) &`) writes on into the
//! file once relhook has exited, where a pipe with no reader left would kill it (SIGPIPE).

use std::io::{IsTerminal, Write};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// No output yet, or output that ended its line.
const ENDED: u8 = b'\n';

/// How often the file is looked at for more output: the latency of the stream.
const POLL: Duration = Duration::from_millis(15);

/// How long the file stays as it is, the command ended and processes of its group still
/// running (or no group of its own to ask), before the rest is taken for theirs.
const QUIET: Duration = Duration::from_millis(300);

/// The output being passed on.
pub struct Relay {
    last: Arc<AtomicU8>,
    state: Arc<State>,
    done: Receiver<()>,
}

/// How many chunks the passing thread has passed on, and whether it is to stop at the
/// file's end.
#[derive(Default)]
struct State {
    passed: AtomicU64,
    stop: AtomicBool,
}

/// Points `cmd`'s standard output and error at a file relhook passes on to its standard error,
/// when that is no terminal; `None` (the command writes to relhook's standard error itself)
/// at a terminal, or when no file can be made.
#[cfg(unix)]
pub fn attach(cmd: &mut Command) -> Option<Relay> {
    use std::os::unix::fs::FileExt;
    if std::io::stderr().is_terminal() {
        return None;
    }
    let file = tempfile::tempfile().ok()?;
    // One open file for both: written at one offset, in the order the command writes.
    let (out, err) = (file.try_clone().ok()?, file.try_clone().ok()?);
    // Its own descriptor for standard error: relhook may hold std's lock on it meanwhile.
    let mut to = std::fs::File::from(
        std::os::fd::AsFd::as_fd(&std::io::stderr())
            .try_clone_to_owned()
            .ok()?,
    );
    cmd.stdout(Stdio::from(out)).stderr(Stdio::from(err));
    let last = Arc::new(AtomicU8::new(ENDED));
    let state = Arc::new(State::default());
    let (tell, done) = channel();
    let (seen, doing) = (Arc::clone(&last), Arc::clone(&state));
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        let mut at = 0u64;
        loop {
            // Asked before the read: a stop asked for is seen with the output up to then.
            let stopping = doing.stop.load(Ordering::SeqCst);
            match file.read_at(&mut buf, at) {
                Ok(0) if stopping => break,
                Ok(0) => std::thread::sleep(POLL),
                Ok(n) => {
                    // A closed standard error: the output is passed over all the same.
                    let _ = to.write_all(&buf[..n]);
                    at += n as u64;
                    seen.store(buf[n - 1], Ordering::SeqCst);
                    doing.passed.fetch_add(1, Ordering::SeqCst);
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => break,
            }
        }
        let _ = tell.send(());
    });
    Some(Relay { last, state, done })
}

#[cfg(not(unix))]
pub fn attach(_: &mut Command) -> Option<Relay> {
    None
}

/// Whether a process of the process group `group` still runs (one the command left).
#[cfg(unix)]
fn group_runs(group: u32) -> bool {
    let Ok(group) = libc::pid_t::try_from(group) else {
        return false;
    };
    // SAFETY: kill with signal 0 only checks that a process of the group exists.
    let r = unsafe { libc::kill(-group, 0) };
    r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
fn group_runs(_: u32) -> bool {
    true
}

impl Relay {
    /// Once the command has ended: passes on the rest of its output, however slowly standard
    /// error takes it, then ends its last line. With no process of its group (`group`, when
    /// it has one of its own) left, that is the file's end; else once the file has stayed as
    /// it is for [`QUIET`]: what a process it left running writes later stays in the file.
    pub fn finish(self, group: Option<u32>) {
        let mut passed = self.state.passed.load(Ordering::SeqCst);
        let mut quiet_since = Instant::now();
        let waiting = std::sync::mpsc::RecvTimeoutError::Timeout;
        loop {
            if group.is_some_and(|g| !group_runs(g)) {
                break;
            }
            let now = self.state.passed.load(Ordering::SeqCst);
            if now != passed {
                (passed, quiet_since) = (now, Instant::now());
            } else if quiet_since.elapsed() >= QUIET {
                break;
            }
            if self.done.recv_timeout(Duration::from_millis(10)) != Err(waiting) {
                break;
            }
        }
        self.state.stop.store(true, Ordering::SeqCst);
        let _ = self.done.recv();
        if self.last.load(Ordering::SeqCst) != ENDED {
            let _ = std::io::stderr().lock().write_all(b"\n");
        }
    }
}
