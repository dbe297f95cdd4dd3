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
            } else if let Some(t) = raw.strip_suffix('\r') {
                // A CRLF file that lost its final LF: the CR ends the line, no part of its
                // text, or a line appended after it would leave a CR alone mid-file.
                Line {
                    text: t.to_string(),
                    eol: "\r",
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

/// The end (exclusive) of the HTML comments that open the section whose heading is line
/// `h` of `lines`, blank lines between them included; `None` when it opens with none, or with a
/// comment that never closes.
pub(crate) fn comment_lead(lines: &[Line], h: usize) -> Option<usize> {
    let mut end = None;
    let mut i = h + 1;
    while let Some(line) = lines.get(i) {
        let t = line.text.trim();
        if t.is_empty() {
            i += 1;
            continue;
        }
        if !t.starts_with("<!--") {
            break;
        }
        // The first line at whose end no comment is open (`<!-- a --> <!-- b` leaves b
        // open: the lead goes on to where b closes).
        let mut open = false;
        let close = (i..lines.len()).find(|&j| {
            let mut rest = lines[j].text.as_str();
            loop {
                let mark = if open { "-->" } else { "<!--" };
                let Some(at) = rest.find(mark) else { break };
                open = !open;
                rest = &rest[at + mark.len()..];
            }
            !open
        })?;
        end = Some(close + 1);
        i = close + 1;
    }
    end
}
