//! Text from outside relhook (a config value, a file name, a commit message) as a terminal
//! shows it: a control character written into a value would otherwise be acted on (an
//! escape sequence clears the screen or sets the window title) instead of shown. Messages
//! pass the text through here; relhook's own colours are added after.

/// `s` with every control character but the tab as a visible stand-in: C0 and DEL as their
/// Unicode control pictures (ESC as `␛`), the C1 controls (a lone CSI, U+009B, which some
/// terminals obey too) as `\u{9b}`.
pub fn visible(s: &str) -> String {
    if !s.contains(|c: char| c.is_control() && c != '\t') {
        return s.to_owned();
    }
    let kept = quoted_breaks(s);
    let mut out = String::with_capacity(s.len() + 8);
    for (i, c) in s.char_indices() {
        match c {
            '\t' => out.push(c),
            '\n' if kept.contains(&i) => out.push(c),
            c if (c as u32) < 0x20 => {
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'))
            }
            '\u{7f}' => out.push('\u{2421}'),
            c if c.is_control() => out.extend(c.escape_unicode()),
            c => out.push(c),
        }
    }
    out
}

/// Where `s` holds the trailing line breaks of a word `shellword::quote` spelt for a shell
/// (`"$(printf '…')"` and then the breaks in single quotes, the one spelling old dash reads):
/// they are part of a command to paste, so they stay line breaks.
fn quoted_breaks(s: &str) -> Vec<usize> {
    let mut kept = Vec::new();
    let mut from = 0;
    while let Some(at) = s[from..].find("')\"'\n") {
        let start = from + at + 4;
        let run = s[start..].bytes().take_while(|&b| b == b'\n').count();
        if s.as_bytes().get(start + run) == Some(&b'\'') {
            kept.extend(start..start + run);
        }
        from = start + run;
    }
    kept
}

/// Paths (or names) for a message: each [`visible`], joined with `, `.
pub fn list(items: &[String]) -> String {
    items
        .iter()
        .map(|i| visible(i))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A message of several lines: each line [`visible`], the line breaks kept.
pub fn lines(s: &str) -> String {
    s.split('\n').map(visible).collect::<Vec<_>>().join("\n")
}

/// A writer that shows what passes through it as [`lines`] does: every control character but
/// the tab and the line break as its visible stand-in. For a stream that carries relhook's
/// messages only (never a test's own output or relhook's colours), so a file or ref name a
/// message quotes cannot move the cursor, rewrite the line (`\r`) or recolour the terminal.
pub struct Shown<W>(pub W);

impl<W: std::io::Write> std::io::Write for Shown<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let plain = |b: &u8| matches!(b, b'\t' | b'\n' | 0x20..=0x7e | 0x80..=0xc1 | 0xc3..);
        if buf.iter().all(plain) {
            self.0.write_all(buf)?;
            return Ok(buf.len());
        }
        let mut out = Vec::with_capacity(buf.len());
        let mut i = 0;
        while i < buf.len() {
            match buf[i] {
                b'\t' | b'\n' => out.push(buf[i]),
                b if b < 0x20 || b == 0x7f => {
                    let c = match b {
                        0x7f => '\u{2421}',
                        b => char::from_u32(0x2400 + u32::from(b)).unwrap_or('\u{FFFD}'),
                    };
                    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                }
                // A C1 control (U+0080..U+009F) is `C2 80`..`C2 9F` in UTF-8; a write is
                // whole `str` pieces, so its two bytes arrive together.
                0xc2 if buf.get(i + 1).is_some_and(|n| (0x80..0xa0).contains(n)) => {
                    out.extend_from_slice(format!("\\u{{{:x}}}", buf[i + 1]).as_bytes());
                    i += 1;
                }
                b => out.push(b),
            }
            i += 1;
        }
        self.0.write_all(&out)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(visible("plain `x.md`\ttab"), "plain `x.md`\ttab");
        assert_eq!(visible("\u{1b}[2Jx.md"), "␛[2Jx.md");
        assert_eq!(visible("Add\u{1b}]0;pwned\u{7}ed"), "Add␛]0;pwned␇ed");
        assert_eq!(visible("a\nb\rc\u{7f}d\u{9b}e"), "a␊b␍c␡d\\u{9b}e");
        assert_eq!(list(&["a".into(), "b\u{1b}c".into()]), "a, b␛c");
        assert_eq!(lines("one \u{1b}[5m\ntwo"), "one ␛[5m\ntwo");
    }

    #[test]
    fn a_quoted_words_trailing_line_breaks_stay_to_be_pasted() {
        let fix = "rm \"$(printf 'f\\no')\"'\n\n' && ls a\nb";
        assert_eq!(visible(fix), "rm \"$(printf 'f\\no')\"'\n\n' && ls a␊b");
        assert_eq!(visible("x')\"'\nno quote after"), "x')\"'␊no quote after");
    }

    #[test]
    fn a_shown_stream_shows_what_lines_shows() {
        use std::io::Write;
        let text = "ev\u{1b}[31mil\r.txt\tand\u{7f} \u{9b}2J é\nnext line\n";
        let mut w = Shown(Vec::new());
        write!(w, "{text}").unwrap();
        assert_eq!(String::from_utf8(w.0).unwrap(), lines(text));
    }
}
