//! The terminal `relhook commit` talks to: questions on stderr, answers from stdin, a yes/no
//! question, and the description line with the header's length shown as it is typed.

use std::io::{BufRead, Write};

#[cfg(unix)]
use super::raw;
use crate::{Error, Result};

/// The terminal: questions on stderr, answers from stdin.
pub(super) struct Term {
    pub(super) out: std::io::Stderr,
}

impl Term {
    pub(super) fn new() -> Term {
        Term {
            out: std::io::stderr(),
        }
    }

    pub(super) fn say(&mut self, line: &str) -> Result<()> {
        writeln!(self.out, "{line}").map_err(|e| Error::io("write", "<stderr>", e))
    }

    /// One line in the terminal's own line editing; `None` at end of input.
    pub(super) fn line(&mut self, prompt: &str) -> Result<Option<String>> {
        write!(self.out, "{prompt}")
            .and_then(|()| self.out.flush())
            .map_err(|e| Error::io("write", "<stderr>", e))?;
        let mut line = String::new();
        let n = std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| Error::io("read", "<stdin>", e))?;
        if n == 0 {
            writeln!(self.out).ok();
            return Ok(None);
        }
        Ok(Some(line.trim_end_matches(['\n', '\r']).to_owned()))
    }

    /// `[y/N]`; `None` at end of input.
    pub(super) fn confirm(&mut self, question: &str, default: bool) -> Result<Option<bool>> {
        let hint = if default { "[Y/n]" } else { "[y/N]" };
        loop {
            let Some(a) = self.line(&format!("{question} {hint} "))? else {
                return Ok(None);
            };
            match a.trim().to_ascii_lowercase().as_str() {
                "" => return Ok(Some(default)),
                "y" | "yes" => return Ok(Some(true)),
                "n" | "no" => return Ok(Some(false)),
                _ => self.say("  answer y or n")?,
            }
        }
    }

    /// The description, with `[length/max]` of the whole header redrawn after every key.
    pub(super) fn live_line(&mut self, prefix: &str, max: usize) -> Result<Option<String>> {
        #[cfg(unix)]
        if let Some(raw) = raw::RawMode::enter() {
            let r = raw::edit(&mut self.out, prefix, max);
            drop(raw);
            return r.map_err(|e| Error::io("read", "<stdin>", e));
        }
        let left = max.saturating_sub(prefix.chars().count());
        self.line(&format!(
            "description (the header is `{prefix}…`; {left} characters left): "
        ))
    }
}
