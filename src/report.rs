//! Findings → text. Human output follows rustc: the rule, the line with a caret under the
//! fault, what the rule wants and the corrected line. JSON gives every finding with its rule,
//! severity, line and column. Writers are passed in; this module decides nothing.

use std::io::{self, Write};

use owo_colors::{OwoColorize, Style};

use crate::lint::{Diagnostic, Level, Verdict};

/// Output styles, all plain when colour is off.
#[derive(Debug, Clone, Copy, Default)]
pub struct Palette {
    error: Style,
    warning: Style,
    note: Style,
    gutter: Style,
    fix: Style,
    bold: Style,
}

impl Palette {
    /// Colours on or off.
    pub fn new(color: bool) -> Self {
        if !color {
            return Palette::default();
        }
        Palette {
            error: Style::new().red().bold(),
            warning: Style::new().yellow().bold(),
            note: Style::new().cyan().bold(),
            gutter: Style::new().blue().bold(),
            fix: Style::new().green(),
            bold: Style::new().bold(),
        }
    }

    fn severity(&self, level: Level) -> Style {
        if level == Level::Error {
            self.error
        } else {
            self.warning
        }
    }
}

/// Renders one diagnostic the way rustc renders an error.
pub fn human(out: &mut dyn Write, d: &Diagnostic, source: &str, p: &Palette) -> io::Result<()> {
    let label = if d.severity == Level::Error {
        "error"
    } else {
        "warning"
    };
    let sev = p.severity(d.severity);
    writeln!(
        out,
        "{} {}",
        format!("{label}[{}]:", d.rule.name()).style(sev),
        d.message.style(p.bold)
    )?;
    let num = d.line.to_string();
    let pad = " ".repeat(num.len());
    writeln!(
        out,
        "{pad}{} {source}:{}:{}",
        "-->".style(p.gutter),
        d.line,
        d.column
    )?;
    writeln!(out, "{pad} {}", "|".style(p.gutter))?;
    writeln!(
        out,
        "{} {} {}",
        num.style(p.gutter),
        "|".style(p.gutter),
        visible(&d.source_line)
    )?;
    let indent: String = d
        .source_line
        .chars()
        .take(d.column - 1)
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    let carets = "^".repeat(d.width);
    let expected = match &d.expected {
        Some(e) => format!(" expected {e}"),
        None => format!(" {}", d.rule.summary()),
    };
    writeln!(
        out,
        "{pad} {} {indent}{}{}",
        "|".style(p.gutter),
        carets.style(sev),
        expected.style(sev)
    )?;
    writeln!(out, "{pad} {}", "|".style(p.gutter))?;
    if let Some(help) = &d.help {
        writeln!(out, "{pad} {} {help}", "= help:".style(p.note))?;
    }
    if let Some(fix) = &d.suggestion {
        writeln!(
            out,
            "{pad} {} {}",
            "= try:".style(p.note),
            visible(fix).style(p.fix)
        )?;
    }
    Ok(())
}

/// Control characters shown as their Unicode pictures, so that a hostile message cannot
/// drive the terminal.
fn visible(line: &str) -> String {
    line.chars()
        .map(|c| match c {
            '\t' => '\t',
            c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
            '\u{7f}' => '\u{2421}',
            c => c,
        })
        .collect()
}

/// The closing line for one message.
pub fn summary(out: &mut dyn Write, v: &Verdict, p: &Palette) -> io::Result<()> {
    let errors = v
        .diagnostics
        .iter()
        .filter(|d| d.severity == Level::Error)
        .count();
    let warnings = v.diagnostics.len() - errors;
    if errors > 0 {
        writeln!(
            out,
            "{} the commit message has {} and {}",
            "error:".style(p.error),
            plural(errors, "error"),
            plural(warnings, "warning")
        )?;
        writeln!(
            out,
            "{} the message is kept in the file; `git commit -e -F <file>` reopens it, `--no-verify` or RELHOOK_SKIP=1 bypass",
            "note:".style(p.note)
        )?;
    } else if warnings > 0 {
        writeln!(
            out,
            "{} {}, message accepted",
            "warning:".style(p.warning),
            plural(warnings, "warning")
        )?;
    }
    Ok(())
}

/// `1 error`, `2 warnings`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// One message's verdict as JSON.
pub fn json_value(source: &str, v: &Verdict) -> serde_json::Value {
    serde_json::json!({
        "source": source,
        "valid": !v.failed(),
        "ignored": v.ignored,
        "header": v.header,
        "findings": v.diagnostics,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::CommitConfig;
    use crate::lint::{Input, Mode, lint_bytes};
    use crate::message::{Cleanup, CommentPrefix};

    fn render(msg: &str) -> String {
        let input = Input {
            cleanup: Cleanup::Strip,
            comment: CommentPrefix::default(),
        };
        let v = lint_bytes(msg.as_bytes(), &input, &CommitConfig::default(), Mode::Hook);
        let mut out = Vec::new();
        for d in &v.diagnostics {
            human(&mut out, d, "MSG", &Palette::new(false)).unwrap();
        }
        summary(&mut out, &v, &Palette::new(false)).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn caret_under_the_fault() {
        let text = render("feature(api): add endpoint");
        let expected = "\
error[type-enum]: unknown commit type `feature`
 --> MSG:1:1
  |
1 | feature(api): add endpoint
  | ^^^^^^^ expected one of: feat, fix, docs, style, refactor, perf, test, build, ci, chore, revert
  |
  = help: did you mean `feat`?
  = try: feat(api): add endpoint
error: the commit message has 1 error and 0 warnings
";
        assert!(text.starts_with(expected), "{text}");
    }

    #[test]
    fn control_characters_are_neutralised() {
        let text = render("fxi: \u{1b}[31mred");
        assert!(!text.contains('\u{1b}'), "{text}");
    }

    #[test]
    fn json_has_rule_severity_line_column() {
        let input = Input {
            cleanup: Cleanup::Strip,
            comment: CommentPrefix::default(),
        };
        let v = lint_bytes(b"feat:x", &input, &CommitConfig::default(), Mode::Hook);
        let j = json_value("m", &v);
        assert_eq!(j["valid"], false);
        assert_eq!(j["findings"][0]["rule"], "header-format");
        assert_eq!(j["findings"][0]["severity"], "error");
        assert_eq!(j["findings"][0]["line"], 1);
        assert_eq!(j["findings"][0]["column"], 6);
    }
}
