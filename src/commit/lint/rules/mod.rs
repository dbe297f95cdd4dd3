//! One small function per rule. `check_message` runs them in order; work-in-progress and
//! ignored messages return early so later rules do not report noise on them.
//!
//! The header's rules are in `header`, the lines after it in `body`; the finding builders
//! they share are here.

mod body;
mod header;
mod mend;

use super::{Finding, Mode, Rule, Sink};
use crate::commit::parse;

/// Runs every rule; returns the reason when the message is exempt.
pub(super) fn check_message(sink: &mut Sink<'_>, header: &str, mode: Mode) -> Option<String> {
    if sink.cleaned.text.trim().is_empty() {
        sink.push(
            finding(
                Rule::EmptyMessage,
                0,
                0..1,
                "the message is empty once git has cleaned it".into(),
            )
            // The hook cannot see `--allow-empty-message`: true with and without it.
            .help("a commit's message says what it changes (git refuses an empty one unless `--allow-empty-message`); write a header like `feat: add a thing`"),
        );
        return None;
    }
    if let Some(p) = sink.config.ignore.iter().find(|p| p.is_match(header)) {
        return Some(format!("matches an `ignore` pattern ({})", pattern_text(p)));
    }
    if let Some(prefix) = ["fixup! ", "squash! ", "amend! "]
        .iter()
        .find(|p| header.starts_with(**p))
    {
        let allowed = match mode {
            Mode::Hook => sink.config.fixup_in_hook,
            Mode::Check => sink.config.fixup_in_check,
        };
        if allowed {
            return Some(format!(
                "`{}` commit: work in progress, to be squashed",
                prefix.trim_end()
            ));
        }
        sink.push(
            finding(
                Rule::Fixup,
                0,
                0..prefix.len() - 1,
                format!(
                    "`{}` commit must be squashed before it is shared",
                    prefix.trim_end()
                ),
            )
            .help("squash it into its target: `git rebase -i --autosquash <base>`"),
        );
        return None;
    }
    let (inner, offset) = unwrap_revert(header);
    if offset > 0 && sink.config.ignore.iter().any(|p| p.is_match(inner)) {
        return Some("reverts a commit whose header is ignored".into());
    }
    header::check_header(sink, header, inner, offset);
    body::check_rest(sink);
    None
}

fn pattern_text(p: &crate::config::Pattern) -> String {
    match p {
        crate::config::Pattern::Prefix(s) => format!("^{s}"),
        crate::config::Pattern::Regex(r) => r.as_str().to_owned(),
    }
}

/// Git's `Revert "<header>"` (and `Reapply "<header>"`) is judged by the quoted header.
fn unwrap_revert(header: &str) -> (&str, usize) {
    parse::unwrap_revert(header)
}

fn finding(rule: Rule, line: usize, span: std::ops::Range<usize>, message: String) -> Finding {
    Finding {
        rule,
        line,
        span,
        message,
        expected: None,
        suggestion: None,
        help: None,
    }
}

impl Finding {
    fn expected(mut self, text: impl Into<String>) -> Self {
        self.expected = Some(text.into());
        self
    }
    fn suggest(mut self, line: Option<String>) -> Self {
        self.suggestion = line;
        self
    }
    fn help(mut self, text: impl Into<String>) -> Self {
        self.help = Some(text.into());
        self
    }
}

/// `line` with `inner`'s range replaced (suggestions always show the whole line).
fn splice(line: &str, range: std::ops::Range<usize>, with: &str) -> String {
    format!("{}{}{}", &line[..range.start], with, &line[range.end..])
}
