//! HEAD's reflog as the reads of one step take it: parsed once while the repository holds
//! still (see [`Repo::hold_still`]). A hand tag's release plans its changelog from it four
//! times over (the commits lost, the amends and rewords, post-commit's rewrites, what made
//! each commit), and libgit2 parses the whole file each time, however few entries are read.

use std::rc::Rc;

use git2::Oid;

use super::Repo;

/// One entry of HEAD's reflog, newest first as libgit2 lists them.
pub(super) struct LogEntry {
    pub(super) old: Oid,
    pub(super) new: Oid,
    message: Option<Vec<u8>>,
}

impl LogEntry {
    /// The message as stored (`None`: the entry has none).
    pub(super) fn message_bytes(&self) -> Option<&[u8]> {
        self.message.as_deref()
    }

    /// The message, `None` when it has none or is not UTF-8 (as libgit2's reader gives it).
    pub(super) fn message(&self) -> Option<&str> {
        self.message_bytes()
            .and_then(|m| std::str::from_utf8(m).ok())
    }
}

thread_local! {
    /// How many times HEAD's reflog was parsed: the work a test bounds
    /// (`RELHOOK_TEST_REFLOG_READS`), where timing would be flaky.
    static READS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many times this thread parsed HEAD's reflog (see [`Repo::head_log`]).
pub fn head_log_reads() -> usize {
    READS.with(std::cell::Cell::get)
}

/// What was read of HEAD's reflog while held still: `None` until read, then the entries, or
/// `None` where there is no reflog to read.
pub(super) type Seen = std::cell::RefCell<Option<Option<Rc<Vec<LogEntry>>>>>;

impl Repo {
    /// HEAD's reflog entries, newest first; `None` where git keeps none (or it cannot be
    /// read). Read once while the repository holds still, else at each call.
    pub(super) fn head_log(&self) -> Option<Rc<Vec<LogEntry>>> {
        if let Some(seen) = self.head_log_seen.borrow().as_ref() {
            return seen.clone();
        }
        READS.with(|n| n.set(n.get() + 1));
        let log = self.inner.reflog("HEAD").ok().map(|log| {
            let entries = log.iter().map(|e| LogEntry {
                old: e.id_old(),
                new: e.id_new(),
                message: e.message_bytes().map(<[u8]>::to_vec),
            });
            Rc::new(entries.collect::<Vec<_>>())
        });
        if self.still.get() {
            *self.head_log_seen.borrow_mut() = Some(log.clone());
        }
        log
    }
}
