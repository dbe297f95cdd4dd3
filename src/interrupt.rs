//! Ctrl-C, SIGTERM and SIGHUP in the middle of a change relhook must finish or undo (a release
//! between its commit and its tag, a test run in a temporary worktree). While a [`Deferred`]
//! guard lives these signals do not end the process: they are noted, the step under way
//! stops its child (the test command, see `testrun`) and returns [`Error::Interrupted`], and
//! its caller undoes what it did before relhook reports and exits 128 + the signal. Outside
//! a guard they end relhook as usual. Owns no state but the signal noted; prints nothing.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicI32, AtomicUsize, Ordering};
use std::time::Duration;

use crate::{Error, Result};

/// The signal noted while a guard lived (0: none). Never reset: a process that was asked to
/// stop stays asked.
static RECEIVED: AtomicI32 = AtomicI32::new(0);

/// The signals a guard defers: a terminal's Ctrl-C, a polite kill, a closed terminal.
#[cfg(unix)]
const SIGNALS: [libc::c_int; 3] = [libc::SIGINT, libc::SIGTERM, libc::SIGHUP];

/// How many signals guards noted: one more while [`stop`] waits for a child is a second
/// Ctrl-C, which ends the child at once.
static COUNT: AtomicUsize = AtomicUsize::new(0);

#[cfg(unix)]
extern "C" fn note(signal: libc::c_int) {
    // Only atomic operations (lock-free): all a signal handler may safely do here.
    RECEIVED.store(signal, Ordering::SeqCst);
    COUNT.fetch_add(1, Ordering::SeqCst);
}

/// What [`stop`] is doing about a child slow to end, for the CLI to say (see [`on_stop`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stopping {
    /// It got the signal and is waited for, up to this long, before SIGKILL.
    Waiting(Duration),
    /// A second signal came meanwhile: SIGKILL now.
    Killing,
}

/// What says a [`Stopping`]: set by the CLI, which alone prints.
static ON_STOP: OnceLock<fn(i32, Stopping)> = OnceLock::new();

/// Has `say` called (with the signal) when a child [`stop`] stops does not end at once, and
/// when a second signal kills it: seconds of silence after a Ctrl-C read as a hang.
pub fn on_stop(say: fn(i32, Stopping)) {
    let _ = ON_STOP.set(say);
}

fn say(signal: i32, what: Stopping) {
    if let Some(say) = ON_STOP.get() {
        say(signal, what);
    }
}

/// While alive, SIGINT, SIGTERM and SIGHUP are noted instead of ending the process; dropped,
/// the dispositions before it are back. Guards nest (each puts back what it found).
pub struct Deferred {
    #[cfg(unix)]
    previous: Vec<(libc::c_int, libc::sigaction)>,
}

impl Deferred {
    /// Starts deferring the signals, but those ignored already, which stay so.
    pub fn begin() -> Deferred {
        Deferred::deferring(false)
    }

    /// Starts deferring the signals, those ignored already too: for the hand tag's
    /// `committed` hook, whose front end (the shim, the link, the launcher) ignored them on
    /// relhook's behalf, so that none ends it before this guard.
    pub fn begin_taking_ignored() -> Deferred {
        Deferred::deferring(true)
    }

    fn deferring(ignored_too: bool) -> Deferred {
        #[cfg(unix)]
        {
            let mut previous = Vec::new();
            for signal in SIGNALS.into_iter().filter(|&s| ignored_too || !ignored(s)) {
                // SAFETY: sigaction with a zeroed struct filled in as POSIX documents it; the
                // handler only stores into an atomic (async-signal-safe).
                unsafe {
                    let mut action: libc::sigaction = std::mem::zeroed();
                    action.sa_sigaction = note as extern "C" fn(libc::c_int) as libc::sighandler_t;
                    action.sa_flags = libc::SA_RESTART;
                    libc::sigemptyset(&raw mut action.sa_mask);
                    let mut old: libc::sigaction = std::mem::zeroed();
                    if libc::sigaction(signal, &raw const action, &raw mut old) == 0 {
                        previous.push((signal, old));
                    }
                }
            }
            Deferred { previous }
        }
        #[cfg(not(unix))]
        {
            let _ = ignored_too;
            Deferred {}
        }
    }
}

/// Whether `signal` was set to be ignored (`nohup`, a non-interactive shell's `cmd &`): the
/// one who started relhook asked that it go on, so no guard notes it, and the children it
/// starts inherit the ignoring (a handler would be reset to the default at their exec).
#[cfg(unix)]
fn ignored(signal: libc::c_int) -> bool {
    // SAFETY: sigaction with no new action only reads the current one into `current`.
    unsafe {
        let mut current: libc::sigaction = std::mem::zeroed();
        libc::sigaction(signal, std::ptr::null(), &raw mut current) == 0
            && current.sa_sigaction == libc::SIG_IGN
    }
}

impl Drop for Deferred {
    fn drop(&mut self) {
        #[cfg(unix)]
        for (signal, old) in self.previous.drain(..).rev() {
            // SAFETY: puts back the action `begin` read for this signal.
            unsafe {
                libc::sigaction(signal, &raw const old, std::ptr::null_mut());
            }
        }
    }
}

/// The signal received under a guard, if any.
pub fn received() -> Option<i32> {
    match RECEIVED.load(Ordering::SeqCst) {
        0 => None,
        s => Some(s),
    }
}

/// `Err(Error::Interrupted)` naming `step` once a signal was received under a guard.
pub fn check(step: &'static str) -> Result<()> {
    match received() {
        Some(signal) => Err(interrupted(signal, step)),
        None => Ok(()),
    }
}

/// `e`, or, when a signal was received (a child git killed by the same Ctrl-C fails the step
/// with an error of its own), the interruption that caused it.
pub fn instead(e: Error, step: &'static str) -> Error {
    match received() {
        Some(signal) if e.interrupted().is_none() => interrupted(signal, step),
        _ => e,
    }
}

/// The error for `signal` received while doing `step`.
pub fn interrupted(signal: i32, step: &'static str) -> Error {
    Error::Interrupted {
        signal,
        name: name(signal),
        step,
    }
}

/// The signal's name as `kill -l` gives it, with the `SIG`.
pub fn name(signal: i32) -> &'static str {
    #[cfg(unix)]
    match signal {
        libc::SIGINT => return "SIGINT",
        libc::SIGTERM => return "SIGTERM",
        libc::SIGHUP => return "SIGHUP",
        _ => {}
    }
    let _ = signal;
    "a signal"
}

/// Stops a child running under a guard after `signal`: the same signal first (a test runner
/// cleans up on SIGINT or SIGTERM), SIGKILL when it is still running after `grace`, or at a
/// second signal (said through [`on_stop`], as is a wait past a moment). A child
/// that leads a process group of its own (the test command, see `testrun`) is stopped with
/// the whole group, and waited for until none of it is left: the workers `npm test` or `make`
/// start must not go on writing into a tree relhook then says is restored.
pub fn stop(child: &mut std::process::Child, signal: i32, grace: Duration) {
    #[cfg(unix)]
    if let Ok(pid) = libc::pid_t::try_from(child.id()) {
        use std::time::Instant;
        // SAFETY: kill(2) on our own child's process group, or the child alone (not yet
        // reaped, so its pid is still its own) when it leads none.
        let group = unsafe { libc::kill(-pid, signal) } == 0;
        if !group {
            unsafe { libc::kill(pid, signal) };
        }
        // SAFETY: signal 0 only asks whether any process of the group is left.
        let left = || group && unsafe { libc::kill(-pid, 0) } == 0;
        let began = Instant::now();
        let deadline = began + grace;
        let (seen, mut said) = (COUNT.load(Ordering::SeqCst), false);
        let mut ended = false;
        while Instant::now() < deadline {
            ended = ended || matches!(child.try_wait(), Ok(Some(_)));
            if ended && !left() {
                return;
            }
            // A command that ends on the signal ends within this; one that does not is said.
            if !said && began.elapsed() >= Duration::from_millis(200) {
                said = true;
                say(signal, Stopping::Waiting(deadline - Instant::now()));
            }
            if COUNT.load(Ordering::SeqCst) > seen {
                say(signal, Stopping::Killing);
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        if group {
            // SAFETY: as above; SIGKILL to what is left of the group.
            unsafe { libc::kill(-pid, libc::SIGKILL) };
        }
        let _ = child.kill();
        let _ = child.wait();
        // What SIGKILL ends is gone once its new parent has reaped it: a moment.
        let until = Instant::now() + Duration::from_secs(1);
        while left() && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(10));
        }
        return;
    }
    let _ = signal;
    let _ = child.kill();
    let _ = child.wait();
}

/// Makes a write past the file size limit (`ulimit -f`) fail with EFBIG, which every write
/// path undoes and reports in one line, instead of killing relhook with SIGXFSZ mid-write
/// (git then says only "died of signal 25", and a release is left for the next command to
/// undo). Its children inherit it: their writes fail the same way.
pub fn file_size_limit_as_error() {
    // SAFETY: SIG_IGN for a signal relhook has no handler for; no other thread yet.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}
