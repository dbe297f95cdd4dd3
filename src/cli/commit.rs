//! `relhook commit`: asks for a Conventional Commit piece by piece (type from the configured
//! list, scope from the configured and recently used ones, the description with the header's
//! length shown as it is typed, a breaking change, issue references), lints the result with
//! the same linter as the hook, then runs `git commit -F -` with it and any extra arguments.
//! Questions go to stderr and answers come from stdin; both must be a terminal.

use std::io::{BufRead, IsTerminal, Write};

use super::args::CommitArgs;
use super::{Context, Outcome};
use crate::commit::lint::{Input, Mode, lint_bytes};
use crate::commit::message::{Cleanup, CommentPrefix};
use crate::commit::report::{self, Palette};
use crate::config::CommitConfig;
use crate::git::{Range, Repo};
use crate::{Error, Result};

/// What each standard type means, for the menu.
const DESCRIPTIONS: &[(&str, &str)] = &[
    ("feat", "a new feature"),
    ("fix", "a bug fix"),
    ("docs", "documentation only"),
    ("style", "formatting, no change in behaviour"),
    (
        "refactor",
        "a code change that neither fixes a bug nor adds a feature",
    ),
    ("perf", "a change that makes it faster"),
    ("test", "adding or correcting tests"),
    ("build", "the build system or dependencies"),
    ("ci", "CI configuration and scripts"),
    ("chore", "other changes that do not touch the code or tests"),
    ("revert", "reverts a previous commit"),
];

/// How many commits back "recently used scopes" looks.
const RECENT_COMMITS: usize = 300;

/// `relhook commit [GIT ARGS]`.
pub(super) fn commit(ctx: &Context, args: &CommitArgs) -> Result<Outcome> {
    if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
        return Err(Error::Usage(
            "`relhook commit` asks its questions on a terminal, and none is attached here; commit with `git commit -m \"type(scope): description\"` instead (the commit-msg hook and `relhook lint` check it)".into(),
        ));
    }
    let repo = Repo::open(&ctx.cwd)?;
    let root = repo
        .work_tree()
        .ok_or_else(|| Error::Usage("a bare repository has no work tree to commit".into()))?;
    let config = ctx.config(&root)?;
    let recent = recent_scopes(&repo);
    let mut term = Term::new();
    let palette = Palette::new(ctx.color_err);
    loop {
        let Some(answers) = ask(&mut term, &config.commit, &recent)? else {
            term.say("relhook: nothing committed")?;
            return Ok(Outcome::Failed);
        };
        let message = answers.message();
        let input = Input {
            cleanup: Cleanup::Whitespace,
            comment: CommentPrefix::default(),
        };
        let verdict = lint_bytes(message.as_bytes(), &input, &config.commit, Mode::Hook);
        for d in &verdict.diagnostics {
            report::human(&mut term.out, d, "<message>", &palette)
                .map_err(|e| Error::io("write", "<stderr>", e))?;
        }
        term.say("")?;
        term.say("The message:")?;
        for line in message.lines() {
            term.say(&format!("  | {line}"))?;
        }
        if verdict.failed() {
            if term.confirm("It does not pass the lint. Start again?", true)? == Some(true) {
                continue;
            }
            term.say("relhook: nothing committed")?;
            return Ok(Outcome::Failed);
        }
        match term.confirm("Commit with this message?", true)? {
            Some(true) => return run_git_commit(&root, &message, &args.git_args),
            _ => {
                term.say("relhook: nothing committed")?;
                return Ok(Outcome::Failed);
            }
        }
    }
}

/// `git commit -F - ARGS`, the message on git's stdin: nothing passes through a shell.
fn run_git_commit(root: &std::path::Path, message: &str, extra: &[String]) -> Result<Outcome> {
    let mut child = std::process::Command::new("git")
        .current_dir(root)
        .args(["commit", "-F", "-"])
        .args(extra)
        .stdin(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| Error::io("run", "git", e))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(message.as_bytes())
            .map_err(|e| Error::io("write", "git's standard input", e))?;
    }
    let status = child.wait().map_err(|e| Error::io("run", "git", e))?;
    Ok(match status.code() {
        Some(0) => Outcome::Ok,
        Some(c) => Outcome::Code(u8::try_from(c).unwrap_or(1)),
        None => Outcome::Failed,
    })
}

/// The answers, and the message they make.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Answers {
    ty: String,
    scope: Option<String>,
    description: String,
    breaking: Option<String>,
    body: Vec<String>,
    refs: Option<String>,
}

impl Answers {
    fn header_prefix(ty: &str, scope: Option<&str>, bang: bool) -> String {
        let scope = scope.map(|s| format!("({s})")).unwrap_or_default();
        let bang = if bang { "!" } else { "" };
        format!("{ty}{scope}{bang}: ")
    }

    fn message(&self) -> String {
        let mut m = Self::header_prefix(&self.ty, self.scope.as_deref(), self.breaking.is_some());
        m.push_str(&self.description);
        m.push('\n');
        if !self.body.is_empty() {
            m.push('\n');
            for line in &self.body {
                m.push_str(line);
                m.push('\n');
            }
        }
        let mut footers = Vec::new();
        if let Some(b) = &self.breaking {
            footers.push(format!("BREAKING CHANGE: {b}"));
        }
        if let Some(r) = &self.refs {
            footers.push(r.clone());
        }
        if !footers.is_empty() {
            m.push('\n');
            for f in footers {
                m.push_str(&f);
                m.push('\n');
            }
        }
        m
    }
}

/// Turns what was typed for "issues" into a footer: `#12, 34` → `Refs: #12, #34`; a footer
/// typed in full (`Closes #12`, `Refs: #3`) is kept as it is.
fn refs_footer(typed: &str) -> Option<String> {
    let t = typed.trim();
    if t.is_empty() {
        return None;
    }
    let numbers: Vec<&str> = t
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .collect();
    let all_numbers = numbers.iter().all(|n| {
        let n = n.strip_prefix('#').unwrap_or(n);
        !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())
    });
    if all_numbers {
        let refs: Vec<String> = numbers
            .iter()
            .map(|n| format!("#{}", n.trim_start_matches('#')))
            .collect();
        return Some(format!("Refs: {}", refs.join(", ")));
    }
    Some(t.to_owned())
}

/// Scopes of recent commits on HEAD, most used first.
fn recent_scopes(repo: &Repo) -> Vec<String> {
    let Some(head) = repo.head() else {
        return Vec::new();
    };
    let range = Range {
        tips: vec![head],
        describe: "HEAD".into(),
        ..Range::default()
    };
    let mut counts: Vec<(String, usize)> = Vec::new();
    let mut seen = 0;
    let _ = repo.walk(&range, |c| {
        seen += 1;
        let message = String::from_utf8_lossy(&c.message);
        let header = message.lines().next().unwrap_or("");
        if let Ok(h) = crate::commit::parse::header(header) {
            if let Some((scope, _)) = h.scope {
                for s in scope.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                    match counts.iter_mut().find(|(n, _)| n == s) {
                        Some((_, k)) => *k += 1,
                        None => counts.push((s.to_owned(), 1)),
                    }
                }
            }
        }
        seen < RECENT_COMMITS
    });
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts.into_iter().map(|(s, _)| s).collect()
}

/// Asks every question; `None` when the person gave up (end of input, Ctrl-C, Ctrl-D).
fn ask(term: &mut Term, config: &CommitConfig, recent: &[String]) -> Result<Option<Answers>> {
    let mut a = Answers::default();
    // Type.
    term.say("Type of change:")?;
    let width = config.types.iter().map(String::len).max().unwrap_or(4);
    for (i, t) in config.types.iter().enumerate() {
        let what = DESCRIPTIONS
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(t))
            .map_or("", |(_, d)| d);
        term.say(&format!("  {:>2}) {t:<width$}  {what}", i + 1))?;
    }
    a.ty = loop {
        let Some(answer) = term.line("type (number or name): ")? else {
            return Ok(None);
        };
        match pick(&answer, &config.types) {
            Some(t) => break t,
            None => term.say(&format!(
                "  `{}` is not one of the types above: give its number or its name",
                answer.trim()
            ))?,
        }
    };
    // Scope.
    let mut offered: Vec<String> = config.scopes.clone();
    for r in recent {
        if offered.len() >= config.scopes.len() + 8 {
            break;
        }
        if !offered.contains(r) && (config.scopes.is_empty() || config.scopes.contains(r)) {
            offered.push(r.clone());
        }
    }
    if !offered.is_empty() {
        term.say("Scope (configured first, then recently used):")?;
        for (i, s) in offered.iter().enumerate() {
            term.say(&format!("  {:>2}) {s}", i + 1))?;
        }
    }
    let optional = if config.require_scope {
        "required"
    } else {
        "empty for none"
    };
    a.scope = loop {
        let Some(answer) = term.line(&format!("scope ({optional}): "))? else {
            return Ok(None);
        };
        let answer = answer.trim();
        if answer.is_empty() {
            if config.require_scope {
                term.say("  a scope is required here (`commit.require_scope`)")?;
                continue;
            }
            break None;
        }
        if let Some(s) = pick(answer, &offered) {
            break Some(s);
        }
        if answer.contains(['(', ')']) {
            term.say("  a scope cannot contain parentheses")?;
            continue;
        }
        if !config.scopes.is_empty() && !config.scopes.iter().any(|s| s == answer) {
            term.say(&format!(
                "  `{answer}` is not a configured scope (`commit.scopes`): pick one above"
            ))?;
            continue;
        }
        break Some(answer.to_owned());
    };
    // Breaking change (asked before the description: its `!` counts towards the header).
    let breaking = match term.confirm("Is this a breaking change?", false)? {
        None => return Ok(None),
        Some(b) => b,
    };
    if breaking {
        a.breaking = loop {
            let Some(text) = term.line("what breaks, and what to do instead: ")? else {
                return Ok(None);
            };
            if !text.trim().is_empty() {
                break Some(text.trim().to_owned());
            }
            term.say("  say what breaks: it goes into the `BREAKING CHANGE:` footer")?;
        };
    }
    // Description, with the header's length as it is typed.
    let prefix = Answers::header_prefix(&a.ty, a.scope.as_deref(), breaking);
    a.description = loop {
        let Some(d) = term.live_line(&prefix, config.header_max_length)? else {
            return Ok(None);
        };
        let d = d.trim().to_owned();
        let len = prefix.chars().count() + d.chars().count();
        if d.is_empty() {
            term.say("  the description cannot be empty")?;
        } else if len > config.header_max_length {
            term.say(&format!(
                "  the header is {len} characters, over the {} allowed: say it shorter (details go into the body)",
                config.header_max_length
            ))?;
        } else {
            break d;
        }
    };
    // Body.
    term.say("Longer description (optional; an empty line ends it):")?;
    loop {
        let Some(line) = term.line("> ")? else {
            return Ok(None);
        };
        if line.trim().is_empty() {
            break;
        }
        a.body.push(line.trim_end().to_owned());
    }
    // Issues.
    let Some(refs) = term.line("issues (e.g. #12, or `Closes #12`; empty for none): ")? else {
        return Ok(None);
    };
    a.refs = refs_footer(&refs);
    Ok(Some(a))
}

/// A menu answer: a 1-based number, or a name (case-insensitive).
fn pick(answer: &str, choices: &[String]) -> Option<String> {
    let answer = answer.trim();
    if let Ok(n) = answer.parse::<usize>() {
        return n.checked_sub(1).and_then(|i| choices.get(i)).cloned();
    }
    choices
        .iter()
        .find(|c| c.eq_ignore_ascii_case(answer))
        .cloned()
}

/// The terminal: questions on stderr, answers from stdin.
struct Term {
    out: std::io::Stderr,
}

impl Term {
    fn new() -> Term {
        Term {
            out: std::io::stderr(),
        }
    }

    fn say(&mut self, line: &str) -> Result<()> {
        writeln!(self.out, "{line}").map_err(|e| Error::io("write", "<stderr>", e))
    }

    /// One line in the terminal's own line editing; `None` at end of input.
    fn line(&mut self, prompt: &str) -> Result<Option<String>> {
        write!(self.out, "{prompt}")
            .and_then(|()| self.out.flush())
            .map_err(|e| Error::io("write", "<stderr>", e))?;
        let mut line = String::new();
        let n = std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| Error::io("read", "<stdin>", e))?;
        if n == 0 {
            writeln!(self.out).ok();
            return Ok(None);
        }
        Ok(Some(line.trim_end_matches(['\n', '\r']).to_owned()))
    }

    /// `[y/N]`; `None` at end of input.
    fn confirm(&mut self, question: &str, default: bool) -> Result<Option<bool>> {
        let hint = if default { "[Y/n]" } else { "[y/N]" };
        loop {
            let Some(a) = self.line(&format!("{question} {hint} "))? else {
                return Ok(None);
            };
            match a.trim().to_ascii_lowercase().as_str() {
                "" => return Ok(Some(default)),
                "y" | "yes" => return Ok(Some(true)),
                "n" | "no" => return Ok(Some(false)),
                _ => self.say("  answer y or n")?,
            }
        }
    }

    /// The description, with `[length/max]` of the whole header redrawn after every key.
    fn live_line(&mut self, prefix: &str, max: usize) -> Result<Option<String>> {
        #[cfg(unix)]
        if let Some(raw) = raw::RawMode::enter() {
            let r = raw::edit(&mut self.out, prefix, max);
            drop(raw);
            return r.map_err(|e| Error::io("read", "<stdin>", e));
        }
        let left = max.saturating_sub(prefix.chars().count());
        self.line(&format!(
            "description (the header is `{prefix}…`; {left} characters left): "
        ))
    }
}

#[cfg(unix)]
mod raw {
    //! Non-canonical terminal input for one line, so that the header's length can be shown
    //! as it is typed. Echo and signals are handled here and the modes restored on drop.

    use std::io::{Read, Write};

    pub(super) struct RawMode {
        saved: libc::termios,
    }

    impl RawMode {
        pub(super) fn enter() -> Option<RawMode> {
            // SAFETY: termios is plain data; tcgetattr fills it for fd 0 or fails.
            let mut t: libc::termios = unsafe { std::mem::zeroed() };
            if unsafe { libc::tcgetattr(0, &mut t) } != 0 {
                return None;
            }
            let saved = t;
            t.c_lflag &= !(libc::ICANON | libc::ECHO | libc::ISIG | libc::IEXTEN);
            t.c_cc[libc::VMIN] = 1;
            t.c_cc[libc::VTIME] = 0;
            // SAFETY: sets fd 0's modes from a termios tcgetattr returned.
            if unsafe { libc::tcsetattr(0, libc::TCSANOW, &t) } != 0 {
                return None;
            }
            Some(RawMode { saved })
        }
    }

    impl Drop for RawMode {
        fn drop(&mut self) {
            // SAFETY: restores the modes saved in `enter`.
            unsafe {
                libc::tcsetattr(0, libc::TCSANOW, &self.saved);
            }
        }
    }

    fn redraw(out: &mut dyn Write, prefix: &str, text: &str, max: usize) -> std::io::Result<()> {
        let len = prefix.chars().count() + text.chars().count();
        let counter = if len > max {
            format!("  [{len}/{max}: {} over]", len - max)
        } else {
            format!("  [{len}/{max}]")
        };
        write!(
            out,
            "\r\x1b[Kdescription: {prefix}{text}{counter}\x1b[{}D",
            counter.chars().count()
        )?;
        out.flush()
    }

    /// Reads one line; `None` on Ctrl-C, or Ctrl-D on an empty line.
    pub(super) fn edit(
        out: &mut dyn Write,
        prefix: &str,
        max: usize,
    ) -> std::io::Result<Option<String>> {
        let mut text = String::new();
        let mut pending: Vec<u8> = Vec::new();
        let mut stdin = std::io::stdin().lock();
        redraw(out, prefix, &text, max)?;
        let mut byte = [0u8; 1];
        loop {
            if stdin.read(&mut byte)? == 0 {
                writeln!(out)?;
                return Ok(None);
            }
            match byte[0] {
                b'\r' | b'\n' => {
                    // Leave the line as typed, without the counter.
                    write!(out, "\r\x1b[Kdescription: {prefix}{text}\r\n")?;
                    out.flush()?;
                    return Ok(Some(text));
                }
                0x03 => {
                    write!(out, "^C\r\n")?;
                    return Ok(None);
                }
                0x04 if text.is_empty() => {
                    write!(out, "\r\n")?;
                    return Ok(None);
                }
                0x7f | 0x08 => {
                    text.pop();
                }
                0x15 => text.clear(),
                0x1b => {
                    // An escape sequence (arrow keys ...): skip it.
                    let mut b = [0u8; 1];
                    if stdin.read(&mut b)? == 1 && (b[0] == b'[' || b[0] == b'O') {
                        while stdin.read(&mut b)? == 1 && !(0x40..=0x7e).contains(&b[0]) {}
                    }
                }
                b if b < 0x20 => {}
                b => {
                    pending.push(b);
                    match std::str::from_utf8(&pending) {
                        Ok(s) => {
                            text.push_str(s);
                            pending.clear();
                        }
                        Err(e) if e.error_len().is_some() => pending.clear(),
                        Err(_) => continue,
                    }
                }
            }
            redraw(out, prefix, &text, max)?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_make_a_conventional_message() {
        let a = Answers {
            ty: "feat".into(),
            scope: Some("api".into()),
            description: "add export".into(),
            breaking: Some("the old endpoint is gone".into()),
            body: vec!["Exports as CSV.".into()],
            refs: refs_footer("#12, 34"),
        };
        assert_eq!(
            a.message(),
            "feat(api)!: add export\n\nExports as CSV.\n\nBREAKING CHANGE: the old endpoint is gone\nRefs: #12, #34\n"
        );
        let plain = Answers {
            ty: "fix".into(),
            description: "x".into(),
            ..Answers::default()
        };
        assert_eq!(plain.message(), "fix: x\n");
    }

    #[test]
    fn refs_are_footers() {
        assert_eq!(refs_footer(""), None);
        assert_eq!(refs_footer("12"), Some("Refs: #12".into()));
        assert_eq!(refs_footer("Closes #7"), Some("Closes #7".into()));
    }

    #[test]
    fn menu_answers_by_number_or_name() {
        let c = vec!["feat".to_owned(), "fix".to_owned()];
        assert_eq!(pick("2", &c), Some("fix".into()));
        assert_eq!(pick("FEAT", &c), Some("feat".into()));
        assert_eq!(pick("0", &c), None);
        assert_eq!(pick("3", &c), None);
        assert_eq!(pick("feature", &c), None);
    }
}
