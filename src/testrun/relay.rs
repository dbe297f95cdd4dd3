//! The test command's output, passed on through relhook when its standard error is no
//! terminal (a CI log, a file): relhook then knows whether the output ended its last line,
//! and ends it before its own line (`all goodrelhook: tests passed` otherwise). At a terminal
//! the command keeps the terminal itself, for its colours and progress bars.

use std::io::{IsTerminal, Read, Write};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

/// No output yet, or output that ended its line.
const ENDED: u8 = b'\n';

/// The output being passed on.
pub struct Relay {
    last: Arc<AtomicU8>,
    state: Arc<State>,
    done: Receiver<()>,
}

/// What the passing thread is doing: waiting on the pipe (`reading`), and how many chunks it
/// has passed on so far.
#[derive(Default)]
struct State {
    reading: AtomicBool,
    passed: AtomicU64,
}

/// How long the pipe stays empty, the command ended, before the rest is taken for a process
/// it left running (which would keep the pipe open for good).
const QUIET: Duration = Duration::from_millis(300);

/// Points `cmd`'s standard output and error at a pipe relhook passes on to its standard error,
/// when that is no terminal; `None` (the command writes to relhook's standard error itself)
/// at a terminal, or when no pipe can be made.
#[cfg(unix)]
pub fn attach(cmd: &mut Command) -> Option<Relay> {
    use std::os::fd::{FromRawFd, OwnedFd};
    if std::io::stderr().is_terminal() {
        return None;
    }
    let mut fds = [0; 2];
    // SAFETY: pipe2 writes two new descriptors into `fds`, owned here from then on.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return None;
    }
    // SAFETY: both descriptors were just made and nothing else owns them.
    let (read, write) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
    let second = write.try_clone().ok()?;
    // Its own descriptor for standard error: relhook may hold std's lock on it meanwhile.
    let mut to = std::fs::File::from(
        std::os::fd::AsFd::as_fd(&std::io::stderr())
            .try_clone_to_owned()
            .ok()?,
    );
    cmd.stdout(Stdio::from(write)).stderr(Stdio::from(second));
    let last = Arc::new(AtomicU8::new(ENDED));
    let state = Arc::new(State::default());
    let (tell, done) = channel();
    let (seen, doing) = (Arc::clone(&last), Arc::clone(&state));
    std::thread::spawn(move || {
        let mut from = std::fs::File::from(read);
        let mut buf = [0u8; 8192];
        loop {
            doing.reading.store(true, Ordering::SeqCst);
            let got = from.read(&mut buf);
            doing.reading.store(false, Ordering::SeqCst);
            match got {
                Ok(0) => break,
                Ok(n) => {
                    // A closed standard error: the output is read all the same, so that the
                    // command never blocks on a full pipe.
                    let _ = to.write_all(&buf[..n]);
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

impl Relay {
    /// Once the command has ended (its `Command` dropped, so relhook holds no end of the
    /// pipe): passes on the rest of its output, however slowly standard error takes it, then
    /// ends its last line. Done at the pipe's end, or once it has stayed empty for [`QUIET`]
    /// with the thread waiting on it: a process the command left running holds it open, and
    /// what it writes after relhook exits is lost (it gets SIGPIPE).
    pub fn finish(self) {
        let mut passed = self.state.passed.load(Ordering::SeqCst);
        let mut quiet_since = std::time::Instant::now();
        let waiting = std::sync::mpsc::RecvTimeoutError::Timeout;
        while self.done.recv_timeout(Duration::from_millis(10)) == Err(waiting) {
            let now = self.state.passed.load(Ordering::SeqCst);
            if now != passed || !self.state.reading.load(Ordering::SeqCst) {
                (passed, quiet_since) = (now, std::time::Instant::now());
            } else if quiet_since.elapsed() >= QUIET {
                break;
            }
        }
        if self.last.load(Ordering::SeqCst) != ENDED {
            let _ = std::io::stderr().lock().write_all(b"\n");
        }
    }
}
