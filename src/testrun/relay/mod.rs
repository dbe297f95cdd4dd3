//! The test command's output, passed on through relhook when its standard error is no
//! terminal (a CI log, a file): relhook then knows whether the output ended its last line,
//! and ends it before its own line (`all goodrelhook: tests passed` otherwise). At a terminal
//! the command keeps the terminal itself, for its colours and progress bars.
//!
//! The output goes into an unlinked file ([`store`]) that relhook reads as it grows, not into
//! a pipe: a process the command leaves running (`(sleep 1; echo late) &`) writes on into the
//! file once relhook has exited, where a pipe with no reader left would kill it (SIGPIPE).
//! One thread reads the file as soon as it grows and frees what it read, so that the file
//! stays small however much the tests write; another passes what was read on, however slowly
//! standard error takes it, holding at most a cap of it meanwhile ([`backlog`]).

mod backlog;
mod store;

use std::io::{IsTerminal, Write};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use backlog::Backlog;

/// No output yet, or output that ended its line.
const ENDED: u8 = b'\n';

/// How often the file is looked at for more output: the latency of the stream.
const POLL: Duration = Duration::from_millis(15);

/// How long the file stays as it is, the command ended and processes of its group still
/// running (or no group of its own to ask), before the rest is taken for theirs.
const QUIET: Duration = Duration::from_millis(300);

/// How much output read may wait for standard error: beyond it, the oldest is given up (and
/// said). `RELHOOK_TEST_RELAY_CAP=<bytes>` sets it for a test.
const CAP: usize = 64 << 20;

/// How much is read before the part read is freed, besides whenever all of it is read.
const FREE_EVERY: u64 = 1 << 20;

/// How much of the backlog is passed on at a time: held besides the cap while standard error
/// takes it.
const PIECE: usize = 64 * 1024;

/// The output being passed on.
pub struct Relay {
    last: Arc<AtomicU8>,
    state: Arc<State>,
    done: Receiver<()>,
}

/// How many chunks the reading thread has read, whether it is to stop at the file's end, and
/// what it read for the passing thread.
struct State {
    chunks_read: AtomicU64,
    stop: AtomicBool,
    shared: Mutex<Shared>,
    more: Condvar,
}

/// What was read and not passed on yet; whether the reading ended, and why if not at the end.
struct Shared {
    backlog: Backlog,
    ended: bool,
    failed: Option<std::io::Error>,
}

fn cap() -> usize {
    std::env::var("RELHOOK_TEST_RELAY_CAP")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(CAP)
}

/// Points `cmd`'s standard output and error at a file relhook passes on to its standard error,
/// when that is no terminal; `None` (the command writes to relhook's standard error itself)
/// at a terminal, or when no file can be made.
#[cfg(unix)]
pub fn attach(cmd: &mut Command) -> Option<Relay> {
    if std::io::stderr().is_terminal() {
        return None;
    }
    let file = store::create()?;
    // One open file for both: written at one offset, in the order the command writes.
    let (out, err) = (file.try_clone().ok()?, file.try_clone().ok()?);
    // Its own descriptor for standard error: relhook may hold std's lock on it meanwhile.
    let to = std::fs::File::from(
        std::os::fd::AsFd::as_fd(&std::io::stderr())
            .try_clone_to_owned()
            .ok()?,
    );
    cmd.stdout(Stdio::from(out)).stderr(Stdio::from(err));
    let last = Arc::new(AtomicU8::new(ENDED));
    let state = Arc::new(State {
        chunks_read: AtomicU64::new(0),
        stop: AtomicBool::new(false),
        shared: Mutex::new(Shared {
            backlog: Backlog::new(cap()),
            ended: false,
            failed: None,
        }),
        more: Condvar::new(),
    });
    let (tell, done) = channel();
    let reading = Arc::clone(&state);
    std::thread::spawn(move || read(&file, &reading));
    let (seen, passing) = (Arc::clone(&last), Arc::clone(&state));
    std::thread::spawn(move || {
        pass(to, &passing, &seen);
        let _ = tell.send(());
    });
    Some(Relay { last, state, done })
}

#[cfg(not(unix))]
pub fn attach(_: &mut Command) -> Option<Relay> {
    None
}

/// Reads the file as it grows into the backlog, freeing what it read, until a stop is asked
/// for and the file's end reached.
#[cfg(unix)]
fn read(file: &std::fs::File, state: &State) {
    use std::os::unix::fs::FileExt;
    let mut buf = vec![0u8; 64 * 1024];
    let (mut at, mut freed, mut freeing) = (0u64, 0u64, true);
    let mut free = |at: u64, freed: &mut u64| {
        // A file system that cannot free part of a file keeps it all, as before.
        freeing = freeing && store::free(file, *freed, at);
        *freed = at;
    };
    let failed = loop {
        // Asked before the read: a stop asked for is seen with the output up to then.
        let stopping = state.stop.load(Ordering::SeqCst);
        match file.read_at(&mut buf, at) {
            Ok(0) => {
                if at > freed {
                    free(at, &mut freed);
                }
                if stopping {
                    break None;
                }
                std::thread::sleep(POLL);
            }
            Ok(n) => {
                at += n as u64;
                lock(state).backlog.push(&buf[..n]);
                state.more.notify_one();
                state.chunks_read.fetch_add(1, Ordering::SeqCst);
                if at - freed >= FREE_EVERY {
                    free(at, &mut freed);
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => break Some(e),
        }
    };
    let mut shared = lock(state);
    (shared.ended, shared.failed) = (true, failed);
    state.more.notify_one();
}

fn lock(state: &State) -> std::sync::MutexGuard<'_, Shared> {
    state
        .shared
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Passes the backlog on to `to` as it fills, saying where output was given up, until the
/// reading ended and all it read is passed on.
fn pass(mut to: std::fs::File, state: &State, seen: &AtomicU8) {
    loop {
        let (skipped, bytes, ended, failed) = {
            let mut shared = lock(state);
            while shared.backlog.is_empty() && !shared.ended {
                shared = state
                    .more
                    .wait(shared)
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
            }
            let (skipped, bytes) = shared.backlog.take(PIECE);
            // Ended once all that was read is passed on, the reading's error last.
            let ended = shared.ended && shared.backlog.is_empty();
            let failed = if ended { shared.failed.take() } else { None };
            (skipped, bytes, ended, failed)
        };
        // A closed standard error: the output is passed over all the same.
        if skipped > 0 {
            let said = format!(
                "relhook: {skipped} bytes of the test output left out: standard error took them more slowly than the tests wrote them\n"
            );
            let _ = to.write_all(own_line(seen, &said).as_bytes());
        }
        if let Some(&end) = bytes.last() {
            let _ = to.write_all(&bytes);
            seen.store(end, Ordering::SeqCst);
        }
        if let Some(e) = failed {
            let said = format!("relhook: could not read the rest of the test output: {e}\n");
            let _ = to.write_all(own_line(seen, &said).as_bytes());
        }
        if ended {
            return;
        }
    }
}

/// `said`, after a newline when the output so far did not end its line.
fn own_line(seen: &AtomicU8, said: &str) -> String {
    let after = seen.swap(ENDED, Ordering::SeqCst) != ENDED;
    format!("{}{said}", if after { "\n" } else { "" })
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
        let mut read = self.state.chunks_read.load(Ordering::SeqCst);
        let mut quiet_since = Instant::now();
        let waiting = std::sync::mpsc::RecvTimeoutError::Timeout;
        loop {
            if group.is_some_and(|g| !group_runs(g)) {
                break;
            }
            let now = self.state.chunks_read.load(Ordering::SeqCst);
            if now != read {
                (read, quiet_since) = (now, Instant::now());
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
