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
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\t' => out.push(c),
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
}
