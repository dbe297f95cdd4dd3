//! Non-canonical terminal input for one line, so that the header's length can be shown
//! as it is typed. Echo and signals are handled here and the modes restored on drop.

use std::io::{Read, Write};

pub(super) struct RawMode {
    saved: libc::termios,
}

impl RawMode {
    pub(super) fn enter() -> Option<RawMode> {
        // SAFETY: termios is plain data; tcgetattr fills it for fd 0 or fails.
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        if unsafe { libc::tcgetattr(0, &mut t) } != 0 {
            return None;
        }
        let saved = t;
        t.c_lflag &= !(libc::ICANON | libc::ECHO | libc::ISIG | libc::IEXTEN);
        t.c_cc[libc::VMIN] = 1;
        t.c_cc[libc::VTIME] = 0;
        // SAFETY: sets fd 0's modes from a termios tcgetattr returned.
        if unsafe { libc::tcsetattr(0, libc::TCSANOW, &t) } != 0 {
            return None;
        }
        Some(RawMode { saved })
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        // SAFETY: restores the modes saved in `enter`.
        unsafe {
            libc::tcsetattr(0, libc::TCSANOW, &self.saved);
        }
    }
}

fn redraw(out: &mut dyn Write, prefix: &str, text: &str, max: usize) -> std::io::Result<()> {
    let len = prefix.chars().count() + text.chars().count();
    let counter = if len > max {
        format!("  [{len}/{max}: {} over]", len - max)
    } else {
        format!("  [{len}/{max}]")
    };
    write!(
        out,
        "\r\x1b[Kdescription: {prefix}{text}{counter}\x1b[{}D",
        counter.chars().count()
    )?;
    out.flush()
}

/// Reads one line; `None` on Ctrl-C, or Ctrl-D on an empty line.
pub(super) fn edit(
    out: &mut dyn Write,
    prefix: &str,
    max: usize,
) -> std::io::Result<Option<String>> {
    let mut text = String::new();
    let mut pending: Vec<u8> = Vec::new();
    let mut stdin = std::io::stdin().lock();
    redraw(out, prefix, &text, max)?;
    let mut byte = [0u8; 1];
    loop {
        if stdin.read(&mut byte)? == 0 {
            writeln!(out)?;
            return Ok(None);
        }
        match byte[0] {
            b'\r' | b'\n' => {
                // Leave the line as typed, without the counter.
                write!(out, "\r\x1b[Kdescription: {prefix}{text}\r\n")?;
                out.flush()?;
                return Ok(Some(text));
            }
            0x03 => {
                write!(out, "^C\r\n")?;
                return Ok(None);
            }
            0x04 if text.is_empty() => {
                write!(out, "\r\n")?;
                return Ok(None);
            }
            0x7f | 0x08 => {
                text.pop();
            }
            0x15 => text.clear(),
            0x1b => {
                // An escape sequence (arrow keys ...): skip it.
                let mut b = [0u8; 1];
                if stdin.read(&mut b)? == 1 && (b[0] == b'[' || b[0] == b'O') {
                    while stdin.read(&mut b)? == 1 && !(0x40..=0x7e).contains(&b[0]) {}
                }
            }
            b if b < 0x20 => {}
            b => {
                pending.push(b);
                match std::str::from_utf8(&pending) {
                    Ok(s) => {
                        text.push_str(s);
                        pending.clear();
                    }
                    Err(e) if e.error_len().is_some() => pending.clear(),
                    Err(_) => continue,
                }
            }
        }
        redraw(out, prefix, &text, max)?;
    }
}
