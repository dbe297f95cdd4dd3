//! Classic Mac OS line endings (a CR alone). relhook splits lines at LF, so such a file
//! reads as one long line (Markdown reads a lone CR as a line end): its sections would be
//! unseen, and a second `## [Unreleased]` appended. Refused wherever the file is read.

use super::ParseError;

/// The 1-based line (lines split at LF) holding the first CR no LF follows; `None` when
/// every CR ends a CRLF. A CR as the text's last byte is left be: it ends the last line
/// either way (a CRLF file that lost its final LF), and nothing is misread.
pub fn lone_cr_line(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let (at, _) = text
        .match_indices('\r')
        .find(|(i, _)| !matches!(bytes.get(i + 1), Some(b'\n') | None))?;
    Some(bytes[..at].iter().filter(|b| **b == b'\n').count() + 1)
}

/// The text [`Changelog::parse`](super::Changelog::parse) reads: past a byte order mark
/// (and whether there was one), refused with a CR alone in it. The callers that know the
/// file say so with the command that converts it (`Error::ChangelogCrOnly`).
pub(super) fn body(text: &str) -> Result<(bool, &str), ParseError> {
    let bom = text.starts_with('\u{feff}');
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    match lone_cr_line(body) {
        Some(line) => Err(ParseError {
            line,
            message: "CR-only line endings (old Mac): relhook reads LF or CRLF; convert the file"
                .into(),
            fix: None,
        }),
        None => Ok((bom, body)),
    }
}

#[cfg(test)]
mod tests {
    use super::lone_cr_line;

    #[test]
    fn finds_a_cr_alone_not_one_ending_a_crlf() {
        assert_eq!(lone_cr_line("# C\r\r## [Unreleased]\r"), Some(1));
        assert_eq!(lone_cr_line("# C\n\n- a\rb\n"), Some(3));
        assert_eq!(lone_cr_line("# C\r\n\r\n- a\n"), None);
        assert_eq!(lone_cr_line("\u{feff}# C\r\n- a\r- b\r"), Some(2));
        assert_eq!(lone_cr_line("# C\r\n- a\r"), None);
        assert_eq!(lone_cr_line("no CR at all\n"), None);
    }

    #[test]
    fn parse_refuses_a_cr_only_file_and_reads_crlf() {
        use super::super::Changelog;
        let e = Changelog::parse("# C\r\r## [Unreleased]\r").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(e.message.contains("CR-only"), "{}", e.message);
        assert!(Changelog::parse("# C\r\n\r\n## [Unreleased]\r\n").is_ok());
    }

    #[test]
    fn a_final_cr_alone_ends_its_line_through_an_edit() {
        use super::super::Changelog;
        for text in ["\r\n\r", "# C\r\n\r\n## [Unreleased]\r"] {
            let mut c = Changelog::parse(text).unwrap();
            assert_eq!(c.render(), text);
            c.add_entry("Added", "p", true);
            let out = c.render();
            assert!(Changelog::parse(&out).is_ok(), "{out:?}");
            assert!(lone_cr_line(&out).is_none(), "{out:?}");
        }
        let mut c = Changelog::parse("# C\r\n\r\n## [Unreleased]\r").unwrap();
        c.add_entry("Added", "p", true);
        assert!(c.render().starts_with("# C\r\n\r\n## [Unreleased]\r\n"));
    }
}
