//! Whether the process a journal (or an index lock's mark) names is still the relhook that
//! wrote it. A pid alone
//! cannot say: it may be reused by an unrelated process, or be the killed relhook not yet
//! reaped (a zombie). Taken for running, either would leave a killed transaction unrecovered
//! and let a commit take its CHANGELOG.md back. Where `/proc` tells more, it decides.

use super::lock::alive;

/// What `/proc/<pid>/stat` says of a process.
struct Stat {
    /// The state letter: `Z` a zombie, `X` dead.
    state: char,
    /// Field 22: when it started, in clock ticks since boot (unique with the pid).
    started: u64,
    /// Field 9: the kernel's flags (`PF_EXITING`: it is tearing itself down).
    flags: u64,
}

/// The kernel's flag of a process in `do_exit`: it runs none of its own code again.
const PF_EXITING: u64 = 0x4;

fn stat(pid: &str) -> Option<Stat> {
    parse_stat(&std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?)
}

fn parse_stat(text: &str) -> Option<Stat> {
    // `pid (comm) state ...`: the name may hold spaces and parentheses, the last `)` ends it.
    let (head, rest) = text.rsplit_once(')')?;
    head.split_once('(')?;
    let mut fields = rest.split_whitespace();
    let state = fields.next()?.chars().next()?;
    // Fields 4 to 8 lie between the state and the flags, 10 to 21 before the start time.
    let flags = fields.nth(5)?.parse().ok()?;
    let started = fields.nth(12)?.parse().ok()?;
    Some(Stat {
        state,
        started,
        flags,
    })
}

/// When process `pid` (or `self`) started, as [`is_writer`] compares it; `None` without `/proc`.
pub(super) fn start_time(pid: &str) -> Option<u64> {
    stat(pid).map(|s| s.started)
}

/// This process's start time, read once: the lock and the journal both record it.
pub(super) fn own_start_time() -> Option<u64> {
    static OWN: std::sync::OnceLock<Option<u64>> = std::sync::OnceLock::new();
    *OWN.get_or_init(|| start_time("self"))
}

/// The journal line naming this process's start time, for [`is_writer`] to tell it from a
/// later process given the same pid; empty where `/proc` is missing.
pub(super) fn started_line() -> String {
    own_start_time().map_or_else(String::new, |t| format!("started {t}\n"))
}

/// The text of a mark naming this process (`pid N`, then its start time where `/proc` tells
/// it), for [`marked_live`] to read back.
pub fn own_mark() -> String {
    format!("pid {}\n{}", std::process::id(), started_line())
}

/// The text of a mark naming process `pid` (its parent, say) as [`own_mark`] names this one.
pub fn mark_of(pid: u32) -> String {
    let started =
        start_time(&pid.to_string()).map_or_else(String::new, |t| format!("started {t}\n"));
    format!("pid {pid}\n{started}")
}

/// The process a mark names ([`own_mark`]'s text, or an older relhook's bare pid), when it is
/// still the relhook that wrote it: a pid reused since, or a zombie, is not.
pub fn marked_live(text: &str) -> Option<u32> {
    let (pid, started) = marked(text)?;
    is_writer(pid, started).then_some(pid)
}

/// The process a mark names when it is no longer the relhook that wrote it (gone, a zombie,
/// its pid given again); `None` for a live one, or a text that names none (half written).
pub fn marked_dead(text: &str) -> Option<u32> {
    let (pid, started) = marked(text)?;
    (!is_writer(pid, started)).then_some(pid)
}

/// The pid and start time a mark names.
fn marked(text: &str) -> Option<(u32, Option<u64>)> {
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name)?.strip_prefix(' '))
            .and_then(|v| v.trim().parse::<u64>().ok())
    };
    let pid = match field("pid") {
        Some(pid) => u32::try_from(pid).ok()?,
        None => text.trim().parse().ok()?,
    };
    Some((pid, field("started")))
}

/// Whether process `pid` is the relhook that wrote a journal recording `started` (`None`:
/// an older relhook's journal, judged alive unless a zombie).
pub(super) fn is_writer(pid: u32, started: Option<u64>) -> bool {
    if pid == 0 || !alive(pid) {
        return false;
    }
    let Some(s) = stat(&pid.to_string()) else {
        // No `/proc` to ask: alive is all there is to know. With `/proc`, the process ended
        // between the two looks.
        return stat("self").is_none();
    };
    if matches!(s.state, 'Z' | 'X') || killed(pid, &s) {
        return false;
    }
    // An older relhook's journal has no start time: a live, unreaped process is taken for its
    // writer (its name cannot tell: a hook git starts from its `#!` line is named after the
    // hook file, `post-commit`, not relhook).
    started.is_none_or(|t| s.started == t)
}

/// Whether process `pid` (`s`, its stat) was killed and is on its way out: a kill -9 takes a
/// moment to end a process (one in the kernel, in an fsync say, finishes that call first),
/// and a recovery run in that moment took it for a relhook at work and left its journal.
/// Waited for (a bounded time) until it runs none of its own code, so no write of its lands
/// after the recovery read the files.
fn killed(pid: u32, s: &Stat) -> bool {
    if s.flags & PF_EXITING != 0 {
        return true;
    }
    if !kill_pending(pid) {
        return false;
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while std::time::Instant::now() < deadline {
        match stat(&pid.to_string()) {
            Some(now) if now.started != s.started => return true,
            Some(now) if !matches!(now.state, 'Z' | 'X') && now.flags & PF_EXITING == 0 => {}
            _ => return true,
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    false
}

/// Whether a SIGKILL is pending for process `pid` (`/proc/<pid>/status`, `SigPnd`/`ShdPnd`).
fn kill_pending(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/status")).is_ok_and(|t| holds_kill(&t))
}

/// Whether a `/proc/<pid>/status` text has SIGKILL (signal 9, bit 8) among its pending signals.
fn holds_kill(status: &str) -> bool {
    status.lines().any(|l| {
        let mask = l
            .strip_prefix("SigPnd:")
            .or_else(|| l.strip_prefix("ShdPnd:"));
        mask.and_then(|m| u64::from_str_radix(m.trim(), 16).ok())
            .is_some_and(|m| m & (1 << 8) != 0)
    })
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    fn this_process_is_the_writer_only_with_its_own_start_time() {
        let line = started_line();
        let started: u64 = line
            .strip_prefix("started ")
            .and_then(|s| s.trim_end().parse().ok())
            .expect("a start time");
        let me = std::process::id();
        assert!(is_writer(me, Some(started)));
        assert!(!is_writer(me, Some(started + 1)));
        assert!(!is_writer(0, Some(started)));
    }

    #[test]
    fn a_name_with_spaces_and_parentheses_is_read_whole() {
        let text = "42 (re) (lhook x) Z 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 98765 23\n";
        let s = parse_stat(text).expect("parsed");
        assert_eq!((s.state, s.started, s.flags), ('Z', 98765, 9));
        assert!(parse_stat("42 (cut").is_none());
    }

    #[test]
    fn a_process_killed_and_exiting_is_no_writer() {
        // Read from a relhook killed mid-release: still `R`, its flags saying it exits.
        let text =
            "27266 (relhook) R 1 27000 27000 0 -1 4228108 10 0 0 0 1 1 0 0 20 0 1 0 896138 0\n";
        let s = parse_stat(text).expect("parsed");
        assert!(killed(u32::MAX, &s));
        let alive = parse_stat(&text.replace("4228108", "4194560")).expect("parsed");
        assert!(!killed(u32::MAX, &alive));
        assert!(holds_kill(
            "Name:\trelhook\nSigPnd:\t0000000000000000\nShdPnd:\t0000000000000100\n"
        ));
        assert!(!holds_kill(
            "SigPnd:\t0000000000000000\nShdPnd:\t0000000000004000\n"
        ));
    }
}
