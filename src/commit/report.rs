//! Findings → text. Human output follows rustc: the rule, the line with a caret under the
//! fault, what the rule wants and the corrected line. JSON gives every finding with its rule,
//! severity, line and column. Writers are passed in; this module decides nothing.

use std::io::{self, Write};

use owo_colors::{OwoColorize, Style};

use crate::commit::lint::{Diagnostic, Level, Verdict};
use crate::printable::visible;

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

/// The terminal columns `c` takes: 2 for East Asian wide characters and emoji, 0 for
/// combining marks and joiners, else 1 (the ranges that occur in commit messages; a full
/// table is not worth a dependency for a caret).
fn columns(c: char) -> usize {
    let u = u32::from(c);
    let zero = matches!(u, 0x0300..=0x036F | 0x200B..=0x200F | 0xFE00..=0xFE0F | 0x1F3FB..=0x1F3FF);
    let wide = matches!(
        u,
        // The emoji below U+2E80 that terminals draw two columns wide (gitmoji's ✨ ⚡ ✅ ⏪).
        0x231A..=0x231B
            | 0x23E9..=0x23EC
            | 0x23F0
            | 0x23F3
            | 0x25FD..=0x25FE
            | 0x2614..=0x2615
            | 0x2648..=0x2653
            | 0x267F
            | 0x2693
            | 0x26A1
            | 0x26AA..=0x26AB
            | 0x26BD..=0x26BE
            | 0x26C4..=0x26C5
            | 0x26CE
            | 0x26D4
            | 0x26EA
            | 0x26F2..=0x26F3
            | 0x26F5
            | 0x26FA
            | 0x26FD
            | 0x2705
            | 0x270A..=0x270B
            | 0x2728
            | 0x274C
            | 0x274E
            | 0x2753..=0x2755
            | 0x2757
            | 0x2795..=0x2797
            | 0x27B0
            | 0x27BF
            | 0x2B1B..=0x2B1C
            | 0x2B50
            | 0x2B55
            | 0x1100..=0x115F
            | 0x2E80..=0x303E
            | 0x3041..=0x33FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xA000..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6
            | 0x1F300..=0x1F64F
            | 0x1F680..=0x1F6FF
            | 0x1F7E0..=0x1F7EB
            | 0x1F900..=0x1F9FF
            | 0x1FA70..=0x1FAFF
            | 0x20000..=0x3FFFD
    );
    if zero {
        0
    } else if wide {
        2
    } else {
        1
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
        visible(&d.message).style(p.bold)
    )?;
    let num = d.line.to_string();
    let pad = " ".repeat(num.len());
    writeln!(
        out,
        "{pad}{} {}:{}:{}",
        "-->".style(p.gutter),
        visible(source),
        d.line,
        d.column
    )?;
    writeln!(out, "{pad} {}", "|".style(p.gutter))?;
    // A line of megabytes (a pasted log as the header) is shown as a window around the
    // span, as rustc does: the report stays a few lines whatever the message.
    let (shown, column, width) = window(&d.source_line, d.column, d.width);
    writeln!(
        out,
        "{} {} {}",
        num.style(p.gutter),
        "|".style(p.gutter),
        visible(&shown)
    )?;
    // Terminal columns, not characters: a CJK character or an emoji takes two, so the
    // carets stay under what they point at.
    let indent: String = shown
        .chars()
        .take(column - 1)
        .map(|c| match c {
            '\t' => "\t".to_owned(),
            c => " ".repeat(columns(c)),
        })
        .collect();
    // Past the end of the line (a missing description), a caret a character.
    let chars: Vec<char> = shown.chars().collect();
    let spanned: usize = (0..width)
        .map(|i| chars.get(column - 1 + i).map_or(1, |c| columns(*c)))
        .sum();
    let carets = "^".repeat(spanned.max(1));
    let expected = match &d.expected {
        // `commit.types` are the user's words: shown, never obeyed by the terminal.
        Some(e) => format!(" expected {}", visible(e)),
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
        writeln!(out, "{pad} {} {}", "= help:".style(p.note), visible(help))?;
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

/// Characters of a source line shown at most; a longer line is cut around the span.
const SHOWN_AT_MOST: usize = 120;

/// The part of `line` shown for a span at 1-based `column`, `width` characters wide, with
/// the span's column and width in it: the line itself when short, else a window of
/// [`SHOWN_AT_MOST`] characters starting a little before the span, `…` marking what is cut.
fn window(line: &str, column: usize, width: usize) -> (String, usize, usize) {
    let len = line.chars().count();
    if len <= SHOWN_AT_MOST {
        return (line.to_owned(), column.max(1), width);
    }
    let col0 = column.max(1) - 1;
    let start = col0.saturating_sub(20).min(len);
    let end = (start + SHOWN_AT_MOST).min(len);
    let lead = usize::from(start > 0);
    let mut shown = String::new();
    if lead == 1 {
        shown.push('…');
    }
    shown.extend(line.chars().skip(start).take(end - start));
    if end < len {
        shown.push('…');
    }
    // The carets stop at the window's edge: the rest of the span is cut with the line.
    let width = width.min(end.saturating_sub(col0)).max(1);
    (shown, col0.saturating_sub(start) + 1 + lead, width)
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

/// After a commit-msg refusal: where the message went and the way past the hook. Only the
/// hook says it: `relhook lint --message` has no file, and no hook to bypass.
/// `file` is the message file as a shell word. A message holding `git commit -v`'s diff below
/// the scissors line is reopened with `-v`: only a verbose commit both cuts the diff off and
/// strips git's comments (`--cleanup=scissors` keeps the comments above the line). relhook
/// cannot know the commit's other options (`-a`, `--amend`: git tells commit-msg nothing of an
/// amend, neither in its environment nor in the git dir), so the note names the amend's command
/// beside the commit's and asks for the rest; but a rebase's `reword` (`rewording`) is git's
/// own amend, which stopped the rebase on the pick: a plain `git commit` there has nothing to
/// commit, so the note names the amend and the way on.
pub fn hook_note(
    out: &mut dyn Write,
    v: &Verdict,
    p: &Palette,
    (file, scissors, rewording): (&str, bool, bool),
) -> io::Result<()> {
    if !v.failed() {
        return Ok(());
    }
    let verbose = if scissors { "-v " } else { "" };
    if rewording {
        return writeln!(
            out,
            "{} the message is kept in the file; `git commit --amend {verbose}-e -F {file} && git rebase --continue` rewords the commit the rebase stopped on with it and goes on, `--no-verify` or RELHOOK_SKIP=1 bypass",
            "note:".style(p.note)
        );
    }
    // An amend pasted without `--amend` makes a new commit on top: both are named.
    writeln!(
        out,
        "{} the message is kept in the file; `git commit {verbose}-e -F {file}` reopens it (`git commit --amend {verbose}-e -F {file}` if you were amending; add your commit's other options, e.g. `-a`), `--no-verify` or RELHOOK_SKIP=1 bypass",
        "note:".style(p.note)
    )
}

/// `1 error`, `2 warnings`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// How many items a one-line message names before it only counts the rest.
pub const NAMED: usize = 5;

/// `items` in a line: the first [`NAMED`], then `, and N more`. A refusal stays a line whose
/// advice a long list of commits does not push out of sight; its command lists them all.
pub fn first_few(items: impl ExactSizeIterator<Item = String>) -> String {
    let total = items.len();
    let named: Vec<String> = items.take(NAMED).collect();
    match total - named.len() {
        0 => named.join(", "),
        more => format!("{}, and {more} more", named.join(", ")),
    }
}

/// One message's verdict, as `--format json` gives it.
#[derive(Debug, serde::Serialize)]
pub struct MessageReport<'a> {
    /// Where the message came from (a file, `<stdin>`, `<message>`, or a short commit id).
    pub source: &'a str,
    /// No finding is an error.
    pub valid: bool,
    /// Why the message was exempted, if it was.
    pub ignored: Option<&'a str>,
    /// The header as stored.
    pub header: &'a str,
    /// Every finding, errors and warnings, in message order.
    pub findings: &'a [Diagnostic],
}

impl<'a> MessageReport<'a> {
    /// The report of one verdict.
    pub fn new(source: &'a str, v: &'a Verdict) -> Self {
        MessageReport {
            source,
            valid: !v.failed(),
            ignored: v.ignored.as_deref(),
            header: &v.header,
            findings: &v.diagnostics,
        }
    }
}

/// One message's verdict as JSON.
pub fn json_value(source: &str, v: &Verdict) -> serde_json::Value {
    serde_json::to_value(MessageReport::new(source, v)).unwrap_or_default()
}

/// GitHub's workflow-command escaping for a message: `%`, CR and LF.
pub fn github_escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// GitHub's workflow-command escaping for a property value: as data, plus `:` and `,`.
pub fn github_escape_property(s: &str) -> String {
    github_escape_data(s)
        .replace(':', "%3A")
        .replace(',', "%2C")
}

/// One finding on one commit as a GitHub Actions annotation (`::error title=...::message`),
/// which the runner shows on the run's summary and the pull request.
pub fn github_annotation(
    out: &mut dyn Write,
    short: &str,
    header: &str,
    d: &Diagnostic,
) -> io::Result<()> {
    let command = if d.severity == Level::Error {
        "error"
    } else {
        "warning"
    };
    let title = format!("relhook {}: commit {short}", d.rule.name());
    // A header's escape sequences shown, not acted on by the log's viewer.
    let mut message = format!("commit {short} \"{}\": {}", visible(header), d.message);
    if let Some(e) = &d.expected {
        message.push_str(&format!("\nexpected {e}"));
    }
    if let Some(fix) = &d.suggestion {
        message.push_str(&format!("\ntry: {fix}"));
    }
    if let Some(help) = &d.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    writeln!(
        out,
        "::{command} title={}::{}",
        github_escape_property(&title),
        github_escape_data(&message)
    )
}

/// An error that stopped `relhook check` as a GitHub Actions annotation, with its hint.
pub fn github_error(out: &mut dyn Write, e: &crate::Error) -> io::Result<()> {
    let mut message = e.to_string();
    if let Some(hint) = e.hint() {
        message.push_str(&format!("\nfix: {hint}"));
    }
    writeln!(
        out,
        "::error title={}::{}",
        github_escape_property("relhook check could not run"),
        github_escape_data(&message)
    )
}

/// One finding in GitLab's code-quality report (a subset of the Code Climate issue format:
/// `description`, `check_name`, `fingerprint`, `severity`, `location.path`,
/// `location.lines.begin`).
#[derive(Debug, Clone, serde::Serialize)]
pub struct CodeQualityIssue {
    /// What is wrong, naming the commit.
    pub description: String,
    /// The rule (`relhook/type-enum`).
    pub check_name: String,
    /// Stable per commit, rule and line, so GitLab can tell new findings from old ones.
    pub fingerprint: String,
    /// `major` for an error, `minor` for a warning; `blocker` when the check could not run.
    pub severity: &'static str,
    /// Where: the commit (its full id stands for the path) and the message line.
    pub location: CodeQualityLocation,
}

/// `location` of a [`CodeQualityIssue`].
#[derive(Debug, Clone, serde::Serialize)]
pub struct CodeQualityLocation {
    /// The full commit id (a commit message has no file).
    pub path: String,
    /// The line in the message.
    pub lines: CodeQualityLines,
}

/// `location.lines` of a [`CodeQualityIssue`].
#[derive(Debug, Clone, serde::Serialize)]
pub struct CodeQualityLines {
    /// 1-based line of the message.
    pub begin: usize,
}

impl CodeQualityIssue {
    /// The issue for one finding on commit `id`.
    pub fn new(id: &str, short: &str, header: &str, d: &Diagnostic) -> Self {
        let key = format!("relhook\0{id}\0{}\0{}", d.rule.name(), d.line);
        let fingerprint = crate::git::blob_id(key.as_bytes());
        CodeQualityIssue {
            description: format!("commit {short} \"{}\": {}", visible(header), d.message),
            check_name: format!("relhook/{}", d.rule.name()),
            fingerprint,
            severity: if d.severity == Level::Error {
                "major"
            } else {
                "minor"
            },
            location: CodeQualityLocation {
                path: id.to_owned(),
                lines: CodeQualityLines { begin: d.line },
            },
        }
    }

    /// The one issue of a report whose check could not run (a shallow clone, a base not
    /// fetched): GitLab's artifact stays a JSON array, and the merge request shows why and
    /// the fix. Its place is the CI file, where the fix usually goes.
    pub fn could_not_run(e: &crate::Error) -> Self {
        let mut description = format!("relhook check could not run: {e}");
        if let Some(hint) = e.hint() {
            description.push_str(&format!("; fix: {hint}"));
        }
        let key = format!("relhook\0could-not-run\0{e}");
        CodeQualityIssue {
            description,
            check_name: "relhook/could-not-run".into(),
            fingerprint: crate::git::blob_id(key.as_bytes()),
            severity: "blocker",
            location: CodeQualityLocation {
                path: ".gitlab-ci.yml".into(),
                lines: CodeQualityLines { begin: 1 },
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commit::lint::{Input, Mode, lint_bytes};
    use crate::commit::message::{Cleanup, CommentPrefix};
    use crate::config::CommitConfig;

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

    /// Carets go under what they point at in a terminal: CJK characters and emoji take two
    /// columns each.
    #[test]
    fn carets_count_wide_characters_twice() {
        let out = render("feature(日本語):追加");
        // `feature(` 8 + `日本語` 6 + `):` 2 columns, then the two-column `追`.
        assert!(
            out.contains(&format!("  | {}^^ expected `: `", " ".repeat(16))),
            "{out}"
        );
        let out = render("feat: 🎉 ok\n\nbody\n");
        assert!(!out.contains("error"), "{out}");
        assert_eq!(columns('🎉'), 2);
        for gitmoji in ['✨', '⚡', '✅', '🚀', '⏪', '❌'] {
            assert_eq!(columns(gitmoji), 2, "{gitmoji}");
        }
        assert_eq!(columns('✔'), 1, "text presentation");
        assert_eq!(columns('\u{301}'), 0);
        assert_eq!(columns('a'), 1);
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

    /// A header of megabytes is shown as a window around the fault, not repeated with as
    /// many carets: the report stays a few short lines.
    #[test]
    fn a_huge_line_is_shown_as_a_window() {
        let header = format!("feat: {}", "x".repeat(2_000_000));
        let text = render(&header);
        assert!(text.len() < 2_000, "{} bytes", text.len());
        assert!(text.contains("xxx…"), "{text}");
        // The caret still sits under the fault, whichever part of the line it is.
        let (w, col, width) = window(&"a".repeat(500), 300, 5);
        assert!(w.starts_with('…') && w.ends_with('…'), "{w}");
        assert_eq!(w.chars().nth(col - 1), Some('a'));
        assert_eq!((col, width), (22, 5));
        assert_eq!(window("short", 2, 3), ("short".to_owned(), 2, 3));
    }

    #[test]
    fn control_characters_are_neutralised() {
        let text = render("fxi: \u{1b}[31mred");
        assert!(!text.contains('\u{1b}'), "{text}");
    }

    #[test]
    fn github_escaping_follows_the_workflow_command_rules() {
        assert_eq!(github_escape_data("a%b\r\nc:d,e"), "a%25b%0D%0Ac:d,e");
        assert_eq!(
            github_escape_property("a%b\r\nc:d,e"),
            "a%25b%0D%0Ac%3Ad%2Ce"
        );
    }

    #[test]
    fn github_annotation_is_one_line_naming_commit_and_rule() {
        let input = Input {
            cleanup: Cleanup::Strip,
            comment: CommentPrefix::default(),
        };
        let v = lint_bytes(b"feat:x", &input, &CommitConfig::default(), Mode::Check);
        let mut out = Vec::new();
        github_annotation(&mut out, "abc123456", "feat:x", &v.diagnostics[0]).unwrap();
        let line = String::from_utf8(out).unwrap();
        assert!(
            line.starts_with("::error title=relhook header-format%3A commit abc123456::commit abc123456 \"feat:x\": "),
            "{line}"
        );
        assert_eq!(line.matches('\n').count(), 1, "{line}");
    }

    #[test]
    fn code_quality_issue_has_gitlabs_fields() {
        let input = Input {
            cleanup: Cleanup::Strip,
            comment: CommentPrefix::default(),
        };
        let v = lint_bytes(b"feature: x", &input, &CommitConfig::default(), Mode::Check);
        let id = "0123456789012345678901234567890123456789";
        let a = serde_json::to_value(CodeQualityIssue::new(
            id,
            "012345678",
            &v.header,
            &v.diagnostics[0],
        ))
        .unwrap();
        assert_eq!(a["check_name"], "relhook/type-enum");
        assert_eq!(a["severity"], "major");
        assert_eq!(a["location"]["path"], id);
        assert_eq!(a["location"]["lines"]["begin"], 1);
        assert_eq!(a["fingerprint"].as_str().unwrap().len(), 40);
        let other = CodeQualityIssue::new(
            "1123456789012345678901234567890123456789",
            "1",
            &v.header,
            &v.diagnostics[0],
        );
        assert_ne!(a["fingerprint"], other.fingerprint.as_str());
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
