//! What a command tells people on stderr beside its progress (notes, warnings, a package left
//! out, the `next:` step), kept as it is written so that its `--format json` report carries
//! every one of those lines: a script reading the JSON misses nothing stderr says.

use std::io::{self, Write};

use serde::Serialize;

/// A writer that passes everything to relhook's stderr and keeps a copy of the text.
pub(super) struct Told {
    err: Box<dyn Write>,
    text: Vec<u8>,
}

/// The lines a [`Told`] kept, as a report gives them.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Lines {
    /// Each note as printed after `relhook: note: ` (or, for a line with no kind, such as
    /// a package left out or a tag not tested, after `relhook: `), in order.
    pub notes: Vec<String>,
    /// Each warning as printed after `relhook: warning: `, in order.
    pub warnings: Vec<String>,
    /// The step printed after `next: `, if any.
    pub next: Option<String>,
}

impl Told {
    /// To relhook's stderr.
    pub(super) fn stderr() -> Told {
        Told {
            err: Box::new(super::stream::stderr()),
            text: Vec::new(),
        }
    }

    /// The lines written so far, sorted by kind. A line indented under the one before it (the
    /// commits a warning lists) is part of it, as in the single release's report.
    pub(super) fn lines(&self) -> Lines {
        sorted(&String::from_utf8_lossy(&self.text))
    }
}

fn sorted(text: &str) -> Lines {
    let mut out = Lines::default();
    // Where an indented line goes: the entry written last.
    let mut last: Option<&mut String> = None;
    for line in text.lines() {
        if line.starts_with("  ") {
            if let Some(entry) = last.as_deref_mut() {
                entry.push('\n');
                entry.push_str(line);
            }
            continue;
        }
        last = if let Some(w) = line.strip_prefix("relhook: warning: ") {
            out.warnings.push(w.to_owned());
            out.warnings.last_mut()
        } else if let Some(n) = line.strip_prefix("next: ") {
            out.next.insert(n.to_owned()).into()
        } else if line.trim().is_empty() {
            None
        } else {
            let n = line.strip_prefix("relhook: ").unwrap_or(line);
            out.notes
                .push(n.strip_prefix("note: ").unwrap_or(n).to_owned());
            out.notes.last_mut()
        };
    }
    out
}

impl Write for Told {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.text.extend_from_slice(buf);
        // stderr is shown, never a reason to lose what the report carries.
        let _ = self.err.write_all(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.err.flush()
    }
}

/// A report with what stderr says beside it, as the release's report has them: each note as
/// printed after `relhook: note: ` (or `relhook: `), each warning after `relhook: warning: `.
#[derive(Debug, Serialize)]
pub(super) struct Said<T> {
    #[serde(flatten)]
    pub report: T,
    pub notes: Vec<String>,
    pub warnings: Vec<String>,
}

impl<T> Said<T> {
    /// `report` with the notes and warnings `told` kept.
    pub(super) fn new(report: T, told: Lines) -> Self {
        let (notes, warnings) = (told.notes, told.warnings);
        Said {
            report,
            notes,
            warnings,
        }
    }
}

/// [`Said`] with the `next:` step stderr ends with, if any.
#[derive(Debug, Serialize)]
pub(super) struct SaidNext<T> {
    #[serde(flatten)]
    pub report: T,
    pub notes: Vec<String>,
    pub warnings: Vec<String>,
    pub next: Option<String>,
}

impl<T> SaidNext<T> {
    /// `report` with the lines `told` kept.
    pub(super) fn new(report: T, told: Lines) -> Self {
        let (notes, warnings, next) = (told.notes, told.warnings, told.next);
        SaidNext {
            report,
            notes,
            warnings,
            next,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Lines, sorted};

    #[test]
    fn each_line_goes_by_its_kind_and_an_indented_one_with_the_line_before() {
        let text = "relhook: warning: 2 commits are not Conventional Commits:\n  abc one\n  def two\n\
                    relhook: note: a tag above\n\
                    relhook: web is not released: nothing changed\n\
                    relhook: web-v1.0.0 was not tested (--no-test)\n\
                    next: git push --follow-tags\n";
        assert_eq!(
            sorted(text),
            Lines {
                notes: vec![
                    "a tag above".into(),
                    "web is not released: nothing changed".into(),
                    "web-v1.0.0 was not tested (--no-test)".into(),
                ],
                warnings: vec![
                    "2 commits are not Conventional Commits:\n  abc one\n  def two".into()
                ],
                next: Some("git push --follow-tags".into()),
            }
        );
    }
}
