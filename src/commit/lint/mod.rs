//! Lint: a cleaned message → findings. Findings are data (`Diagnostic`), not errors; `report`
//! renders them and `cli` turns them into an exit code. The rules themselves are in `rules`.

pub mod package_scope;
mod rules;

use serde::Serialize;

use crate::commit::message::{self, Cleaned, Cleanup, CommentPrefix};
pub use crate::commit::vocab::{Level, Rule};
use crate::config::CommitConfig;

/// Where the message is being judged: the commit-msg hook accepts work in progress that a
/// range check (CI, pre-push) refuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `relhook lint` and the commit-msg hook.
    Hook,
    /// `relhook check` and pre-push.
    Check,
}

/// One finding. Lines are 1-based lines of the input; columns are 1-based characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The rule's name.
    #[serde(serialize_with = "rule_name")]
    pub rule: Rule,
    /// `error` or `warning`.
    pub severity: Level,
    /// What is wrong.
    pub message: String,
    /// Line in the input.
    pub line: usize,
    /// First column underlined.
    pub column: usize,
    /// How many characters are underlined (at least 1).
    pub width: usize,
    /// The line as it will be stored.
    pub source_line: String,
    /// What the rule expects.
    pub expected: Option<String>,
    /// The corrected line, when the fix is evident.
    pub suggestion: Option<String>,
    /// Further advice.
    pub help: Option<String>,
}

fn rule_name<S: serde::Serializer>(rule: &Rule, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(rule.name())
}

/// The verdict on one message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Verdict {
    /// The findings, errors and warnings, in message order.
    pub diagnostics: Vec<Diagnostic>,
    /// The `ignore` pattern (or other reason) that exempted the message, if any.
    pub ignored: Option<String>,
    /// The header as stored (first line of the cleaned message).
    pub header: String,
}

impl Verdict {
    /// Whether any finding is an error.
    pub fn failed(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == Level::Error)
    }
}

/// How to read a raw message.
#[derive(Debug, Clone)]
pub struct Input {
    /// Git's cleanup mode for this message.
    pub cleanup: Cleanup,
    /// The comment prefix for `Strip`.
    pub comment: CommentPrefix,
}

/// Lints raw message bytes (a commit-msg file, stdin, `--message`).
pub fn lint_bytes(raw: &[u8], input: &Input, config: &CommitConfig, mode: Mode) -> Verdict {
    lint_encoded(raw, None, input, config, mode)
}

/// [`lint_bytes`] for a message in `encoding` (`i18n.commitEncoding` for one being written,
/// a stored commit's `encoding` header): a message that is not UTF-8 is decoded from it when
/// relhook knows it (ISO-8859-1, Windows-1252), and one in another is refused as such.
pub fn lint_encoded(
    raw: &[u8],
    encoding: Option<&str>,
    input: &Input,
    config: &CommitConfig,
    mode: Mode,
) -> Verdict {
    let declared = encoding.filter(|e| !crate::git::is_utf8_name(e));
    if let Some(name) = declared.filter(|_| std::str::from_utf8(raw).is_err()) {
        match crate::git::decode_known(raw, name) {
            Some(text) => return lint_utf8(text.as_bytes(), None, input, config, mode),
            None => return lint_utf8(raw, Some(name), input, config, mode),
        }
    }
    lint_utf8(raw, None, input, config, mode)
}

/// [`lint_bytes`]; `unknown`: the encoding the message declares, which relhook cannot decode.
fn lint_utf8(
    raw: &[u8],
    unknown: Option<&str>,
    input: &Input,
    config: &CommitConfig,
    mode: Mode,
) -> Verdict {
    let mut pre = Vec::new();
    if let Some(at) = raw.iter().position(|b| *b == 0) {
        let mut d = encoding_finding(
            raw,
            at,
            "the message contains a NUL byte, which git refuses to store",
            config,
        );
        // Its text is UTF-8 or not: the NUL is the fault, not the encoding.
        d.expected = Some("text without a NUL byte".into());
        d.help = Some("delete the NUL byte, shown as �: no commit message can hold one".into());
        pre.push(d);
    }
    let (text, bad) = message::decode(raw);
    if let Some(at) = bad {
        let mut d = encoding_finding(raw, at, "the message is not valid UTF-8", config);
        if let Some(name) = unknown {
            d.message = format!(
                "the message is in {name} (`i18n.commitEncoding`), which relhook cannot decode: it reads UTF-8, ISO-8859-1 and Windows-1252"
            );
            d.expected = Some("text relhook can decode".into());
            // Not `--no-verify`: the entry would be unreadable, and pre-push refuses the commit.
            d.help = Some(
                "re-save the message as UTF-8 and set `git config i18n.commitEncoding UTF-8`"
                    .into(),
            );
        }
        pre.push(d);
    }
    let text = text.replace('\0', "\u{FFFD}");
    let cleaned = message::clean(&text, input.cleanup, &input.comment);
    let mut verdict = lint_cleaned(&cleaned, config, mode);
    pre.retain(|d| d.severity != Level::Off);
    pre.append(&mut verdict.diagnostics);
    verdict.diagnostics = pre;
    verdict
}

/// Lints a message as git stored it (from history).
pub fn lint_stored(message: &str, config: &CommitConfig, mode: Mode) -> Verdict {
    // Stored messages are already clean; this only folds CRLF and the final newline.
    let cleaned = message::clean(message, Cleanup::Stored, &CommentPrefix::default());
    lint_cleaned(&cleaned, config, mode)
}

/// Lints a commit from history (`check`, pre-push): its message bytes as git stored them, in
/// check mode. `None` for a merge commit when `ignore_merge_commits` skips it.
pub fn lint_stored_commit(
    message: &[u8],
    encoding: Option<&str>,
    parents: usize,
    config: &CommitConfig,
) -> Option<Verdict> {
    if parents > 1 && config.ignore_merge_commits {
        return None;
    }
    let input = Input {
        cleanup: Cleanup::Stored,
        comment: CommentPrefix::default(),
    };
    Some(lint_encoded(message, encoding, &input, config, Mode::Check))
}

/// Lints a cleaned message.
pub fn lint_cleaned(cleaned: &Cleaned, config: &CommitConfig, mode: Mode) -> Verdict {
    let header = cleaned.text.lines().next().unwrap_or("").to_owned();
    let mut sink = Sink::new(config, cleaned, Some(mode));
    let ignored = rules::check_message(&mut sink, &header, mode);
    Verdict {
        diagnostics: sink.diagnostics,
        ignored,
        header,
    }
}

fn encoding_finding(raw: &[u8], at: usize, message: &str, config: &CommitConfig) -> Diagnostic {
    let before = &raw[..at];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let line_end = raw[at..]
        .iter()
        .position(|b| *b == b'\n')
        .map_or(raw.len(), |i| at + i);
    let source_line = String::from_utf8_lossy(&raw[start..line_end]).replace('\0', "\u{FFFD}");
    let column = String::from_utf8_lossy(&raw[start..at]).chars().count() + 1;
    Diagnostic {
        rule: Rule::Encoding,
        severity: config.levels.of(Rule::Encoding),
        message: message.to_owned(),
        line,
        column,
        width: 1,
        source_line,
        expected: Some("UTF-8 text".into()),
        suggestion: None,
        help: Some("re-save the message as UTF-8 (git's `i18n.commitEncoding` aside, every tool reading history expects it)".into()),
    }
}

/// Collects findings, applying levels and turning byte spans into columns.
pub(crate) struct Sink<'a> {
    pub(crate) config: &'a CommitConfig,
    pub(crate) cleaned: &'a Cleaned,
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// The mode each suggestion is linted in before it is offered; `None` while linting one.
    verify: Option<Mode>,
}

/// A finding before levels and positions are applied.
pub(crate) struct Finding {
    pub(crate) rule: Rule,
    /// 0-based line of the cleaned message.
    pub(crate) line: usize,
    /// Byte range within that line.
    pub(crate) span: std::ops::Range<usize>,
    pub(crate) message: String,
    pub(crate) expected: Option<String>,
    pub(crate) suggestion: Option<String>,
    pub(crate) help: Option<String>,
}

impl<'a> Sink<'a> {
    fn new(config: &'a CommitConfig, cleaned: &'a Cleaned, verify: Option<Mode>) -> Self {
        Sink {
            config,
            cleaned,
            diagnostics: Vec::new(),
            verify,
        }
    }

    /// Whether the message with cleaned line `line` replaced by `fixed` has no error left on
    /// that line: a `try:` refused when pasted is worse than none.
    fn passes_with(&self, mode: Mode, line: usize, fixed: &str) -> bool {
        if fixed.contains('\n') {
            return true;
        }
        let mut lines: Vec<&str> = self.cleaned.text.lines().collect();
        let Some(slot) = lines.get_mut(line) else {
            return true;
        };
        *slot = fixed;
        let cleaned = Cleaned {
            text: lines.join("\n"),
            origin: self.cleaned.origin.clone(),
        };
        let header = cleaned.text.lines().next().unwrap_or("").to_owned();
        let mut sink = Sink::new(self.config, &cleaned, None);
        rules::check_message(&mut sink, &header, mode);
        let at = cleaned.origin_of(line);
        !(sink.diagnostics.iter()).any(|d| d.line == at && d.severity == Level::Error)
    }

    /// Whether a rule is on (so that rules skip work nobody asked for).
    pub(crate) fn on(&self, rule: Rule) -> bool {
        self.config.levels.of(rule) != Level::Off
    }

    pub(crate) fn push(&mut self, f: Finding) {
        let severity = self.config.levels.of(f.rule);
        if severity == Level::Off {
            return;
        }
        let source_line = self
            .cleaned
            .text
            .lines()
            .nth(f.line)
            .unwrap_or("")
            .to_owned();
        let (column, width) = columns(&source_line, &f.span);
        let suggestion = match self.verify {
            Some(mode) => f.suggestion.filter(|s| self.passes_with(mode, f.line, s)),
            None => f.suggestion,
        };
        self.diagnostics.push(Diagnostic {
            rule: f.rule,
            severity,
            message: f.message,
            line: self.cleaned.origin_of(f.line),
            column,
            width,
            source_line,
            expected: f.expected,
            suggestion,
            help: f.help,
        });
    }
}

/// Byte span → (1-based character column, character width ≥ 1), safe for any span.
fn columns(line: &str, span: &std::ops::Range<usize>) -> (usize, usize) {
    let floor = |mut i: usize| {
        i = i.min(line.len());
        while !line.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(span.start);
    let end = floor(span.end.max(span.start));
    let column = line[..start].chars().count() + 1;
    let past_end = span.end.saturating_sub(line.len().max(start));
    let width = line[start..end].chars().count() + past_end.min(1);
    (column, width.max(1))
}

#[cfg(test)]
mod tests;
