//! A changelog's physical lines, each with its own terminator, so that rendering them
//! gives back every byte, CRLF or LF, and a last line without one.

/// One physical line: its text without the terminator, and the terminator
/// itself (`""` only for a last line that has none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    pub text: String,
    pub eol: &'static str,
}

/// Splits text into lines, keeping each terminator exactly.
pub(crate) fn split_lines(text: &str) -> Vec<Line> {
    text.split_inclusive('\n')
        .map(|raw| {
            if let Some(t) = raw.strip_suffix("\r\n") {
                Line {
                    text: t.to_string(),
                    eol: "\r\n",
                }
            } else if let Some(t) = raw.strip_suffix('\n') {
                Line {
                    text: t.to_string(),
                    eol: "\n",
                }
            } else {
                Line {
                    text: raw.to_string(),
                    eol: "",
                }
            }
        })
        .collect()
}

/// Picks the line ending used by most lines (LF on a tie or with none).
pub(crate) fn dominant_eol(lines: &[Line]) -> &'static str {
    let crlf = lines.iter().filter(|l| l.eol == "\r\n").count();
    let lf = lines.iter().filter(|l| l.eol == "\n").count();
    if crlf > lf { "\r\n" } else { "\n" }
}
