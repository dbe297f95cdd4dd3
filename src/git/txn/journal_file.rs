//! The journal file a transaction writes: made whole with its head lines, then kept open for
//! the lines each step appends (one write a line, not an open, a write and a close), each
//! open counted for `RELHOOK_TEST_JOURNAL_OPENS`.

use std::fs;
use std::io::Write;
use std::path::Path;

use crate::{Error, Result};

/// The times a transaction journal was opened to be written: a test bounds the files a
/// command opens by it (`RELHOOK_TEST_JOURNAL_OPENS`), where timing would be flaky.
static JOURNAL_OPENS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// How many times transaction journals were opened to be written so far ([`JOURNAL_OPENS`]).
pub fn journal_opens() -> usize {
    JOURNAL_OPENS.load(std::sync::atomic::Ordering::Relaxed)
}

/// `path` made (or emptied) to hold `head`, open to append to. A write that fails (a full
/// disk) leaves no part of a journal behind.
pub(super) fn write_new(path: &Path, head: &str) -> Result<fs::File> {
    JOURNAL_OPENS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(path)
        .and_then(|mut f| {
            f.set_len(0)?;
            f.write_all(head.as_bytes()).map(|()| f)
        })
        .map_err(|e| {
            let _ = fs::remove_file(path);
            Error::io("write", path, e)
        })
}

/// Appends `line` to the journal `file` at `path`, in one write: a line is whole in the file
/// or not there at all. No fsync: the journal guards against a killed process, whose writes
/// the kernel keeps in order; git itself does not fsync its lock files by default either.
pub(super) fn append_line(mut file: &fs::File, path: &Path, line: &str) -> Result<()> {
    let mut whole = Vec::with_capacity(line.len() + 1);
    whole.extend_from_slice(line.as_bytes());
    whole.push(b'\n');
    file.write_all(&whole)
        .map_err(|e| Error::io("write", path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A journal is made with its head alone (a stale file of the pid's emptied first), and
    /// each line appended after it, through the one open file, even once it is renamed.
    #[test]
    fn a_journal_is_written_whole_then_appended_to_through_one_open() {
        let dir = tempfile::tempdir().unwrap();
        let (pending, journal) = (dir.path().join("pending"), dir.path().join("journal"));
        fs::write(&pending, "stale from an earlier process\n").unwrap();
        let opens = journal_opens();
        let file = write_new(&pending, "relhook transaction\n").unwrap();
        fs::rename(&pending, &journal).unwrap();
        append_line(&file, &journal, "file a b CHANGELOG.md").unwrap();
        append_line(&file, &journal, "index-staged").unwrap();
        assert_eq!(journal_opens() - opens, 1);
        assert_eq!(
            fs::read_to_string(&journal).unwrap(),
            "relhook transaction\nfile a b CHANGELOG.md\nindex-staged\n"
        );
    }
}
