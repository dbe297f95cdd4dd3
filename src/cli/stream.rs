//! stdout and stderr for everything relhook prints.
//!
//! A reader that goes away (`relhook check | head`, an IDE that closes a hook's stderr) must
//! not change a verdict: a failed lint that could not be printed is still a failed lint. So a
//! closed pipe is not an error here: the rest of the output is dropped, the command runs to its
//! end, and the exit code stays the check's own.

use std::io::{self, Write};

use super::pasted::Pasted;

/// A writer that drops its output once the reader has gone (`EPIPE`).
pub struct Sink<W> {
    inner: W,
    closed: bool,
}

impl<W: Write> Sink<W> {
    pub fn new(inner: W) -> Self {
        Sink {
            inner,
            closed: false,
        }
    }

    /// Whether the reader went away (nothing written since reached anyone).
    #[cfg(test)]
    fn closed(&self) -> bool {
        self.closed
    }
}

impl<W: Write> Write for Sink<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        match self.inner.write(buf) {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(buf.len())
            }
            r => r,
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        match self.inner.flush() {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            r => r,
        }
    }
}

/// Locked stdout that outlives a closed pipe.
pub fn stdout() -> Sink<io::StdoutLock<'static>> {
    Sink::new(io::stdout().lock())
}

/// Locked stderr that outlives a closed pipe, for relhook's messages: a control character
/// a quoted file name, ref or message brings is shown, never obeyed (`printable::Shown`), and
/// the commands it names work pasted where git was run (`pasted`).
pub fn stderr() -> Sink<Pasted<crate::printable::Shown<io::StderrLock<'static>>>> {
    Sink::new(Pasted::new(crate::printable::Shown(io::stderr().lock())))
}

/// Locked stderr as it is, for output that colours itself (each quoted value already
/// `printable::visible`), its commands as [`stderr`] gives them.
pub fn styled_stderr() -> Sink<Pasted<io::StderrLock<'static>>> {
    Sink::new(Pasted::new(io::stderr().lock()))
}

/// Locked stdout for relhook's own report (install, uninstall, doctor): shown as
/// [`stderr`] shows it. Output meant for a file or a pipe (a changelog, notes, JSON) uses
/// [`stdout`], byte for byte.
pub fn shown_stdout() -> Sink<Pasted<crate::printable::Shown<io::StdoutLock<'static>>>> {
    Sink::new(Pasted::new(crate::printable::Shown(io::stdout().lock())))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Accepts `room` bytes, then fails as a closed pipe (or with `other`).
    struct Pipe {
        room: usize,
        got: Vec<u8>,
        fail: io::ErrorKind,
    }

    impl Write for Pipe {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.got.len() >= self.room {
                return Err(io::Error::from(self.fail));
            }
            let n = buf.len().min(self.room - self.got.len());
            self.got.extend_from_slice(&buf[..n]);
            Ok(n)
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_drops_the_rest_without_an_error() {
        let mut s = Sink::new(Pipe {
            room: 4,
            got: Vec::new(),
            fail: io::ErrorKind::BrokenPipe,
        });
        writeln!(s, "error: one\nerror: two").unwrap();
        writeln!(s, "more").unwrap();
        s.flush().unwrap();
        assert!(s.closed());
        assert_eq!(s.inner.got, b"erro");
    }

    #[test]
    fn other_write_errors_still_surface() {
        let mut s = Sink::new(Pipe {
            room: 0,
            got: Vec::new(),
            fail: io::ErrorKind::StorageFull,
        });
        let e = writeln!(s, "x").unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::StorageFull);
        assert!(!s.closed());
    }
}
