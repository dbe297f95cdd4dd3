//! Raw message text → the message git will store. The commit-msg hook sees the file *before*
//! git cleans it (git-hook-facts.md §1.9), so relhook applies git's own cleanup first: the
//! scissors cut, comment lines (only when git strips them), trailing whitespace, CRLF and
//! blank lines. Each kept line remembers its line number in the file, so that diagnostics
//! point at what the user sees.

/// How git will clean the message (`commit.cleanup`, `--cleanup`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cleanup {
    /// Editor sessions: drop comment lines, then whitespace cleanup.
    Strip,
    /// `-m`/`-F`: whitespace cleanup only; comment lines are kept.
    ///
    /// Like every mode it cuts at git's scissors line: git cuts there whenever `-v` put it in,
    /// and nobody types that exact line into `-m`.
    Whitespace,
    /// Cut at the scissors line, then whitespace cleanup.
    Scissors,
    /// Store as is (relhook still folds CRLF for linting).
    Verbatim,
    /// A message already in history (`check`, pre-push): git does not clean it again, so
    /// nothing is cut, not even at a scissors line; CRLF and the final newline are folded.
    Stored,
}

impl Cleanup {
    /// Parses `commit.cleanup` / `--cleanup` values; `default` is `None` (decided by the editor).
    pub fn from_git(value: &str) -> Option<Option<Cleanup>> {
        match value.trim().to_ascii_lowercase().as_str() {
            "strip" => Some(Some(Cleanup::Strip)),
            "whitespace" => Some(Some(Cleanup::Whitespace)),
            "scissors" => Some(Some(Cleanup::Scissors)),
            "verbatim" => Some(Some(Cleanup::Verbatim)),
            "default" => Some(None),
            _ => None,
        }
    }
}

/// The characters git tries, in order, for `core.commentChar=auto`.
const AUTO_COMMENT_CANDIDATES: &str = "#;@!$%^&|:";

/// What starts a comment line (`core.commentChar` / `core.commentString`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommentPrefix {
    /// A fixed prefix (`#` by default).
    Fixed(String),
    /// `auto`: git picked a character the message did not use.
    Auto,
}

impl Default for CommentPrefix {
    fn default() -> Self {
        CommentPrefix::Fixed("#".into())
    }
}

/// A cleaned message: its text and, for each of its lines, the 1-based line in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    /// The message as git will store it (LF line endings, no trailing newline).
    pub text: String,
    /// `origin[i]` is the input line number of `text`'s line `i`.
    pub origin: Vec<usize>,
}

impl Cleaned {
    /// The input line number of cleaned line `index` (0-based).
    pub fn origin_of(&self, index: usize) -> usize {
        self.origin.get(index).copied().unwrap_or(index + 1)
    }
}

/// Cleans `raw` the way git will before storing it.
pub fn clean(raw: &str, cleanup: Cleanup, comment: &CommentPrefix) -> Cleaned {
    let prefix = resolve_comment_prefix(raw, comment);
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let all: Vec<&str> = raw
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    for (i, &line) in all.iter().enumerate() {
        if cleanup != Cleanup::Stored
            && is_scissors(line, &prefix)
            && cuts_at(&all[i + 1..], cleanup, &prefix)
        {
            break;
        }
        if cleanup == Cleanup::Strip && line.starts_with(prefix.as_str()) {
            continue;
        }
        lines.push((i + 1, line));
    }
    if matches!(cleanup, Cleanup::Verbatim | Cleanup::Stored) {
        // Git stores it as is; only a final newline is not part of the message proper.
        while lines.last().is_some_and(|(_, l)| l.is_empty()) {
            lines.pop();
        }
        return assemble(lines.into_iter());
    }
    assemble(whitespace_cleanup(lines))
}

/// Whether git would store `raw` otherwise under `verbatim` cleanup than under `whitespace`
/// cleanup (a blank first line, trailing whitespace, a run of blank lines). Then git's cleanup
/// mode decides what the header is even for a message with no comment line.
pub fn whitespace_matters(raw: &str) -> bool {
    let hash = CommentPrefix::default();
    clean(raw, Cleanup::Whitespace, &hash).text != clean(raw, Cleanup::Verbatim, &hash).text
}

/// Whether `raw`, a message written in the editor from a commit template (`template`, the
/// file's text), is that template as git judges it before "Aborting commit; you did not edit
/// the message" (`template_untouched`): once both are cleaned, the message is the template
/// and then nothing but blank lines and `Signed-off-by:` lines. Never with `verbatim` cleanup
/// (git then judges only an empty message), nor for a template that cleans to nothing (git
/// calls that message empty, which the lint says).
pub fn is_unedited_template(
    raw: &str,
    template: &str,
    cleanup: Cleanup,
    comment: &CommentPrefix,
) -> bool {
    if matches!(cleanup, Cleanup::Verbatim | Cleanup::Stored) {
        return false;
    }
    // git cleans the template as the message, but strips comments only in `strip` mode.
    let prefix = CommentPrefix::Fixed(resolve_comment_prefix(raw, comment));
    let for_template = if cleanup == Cleanup::Strip {
        Cleanup::Strip
    } else {
        Cleanup::Whitespace
    };
    let template = clean(template, for_template, &prefix).text;
    if template.is_empty() {
        return false;
    }
    let message = format!("{}\n", clean(raw, cleanup, &prefix).text);
    message
        .strip_prefix(&format!("{template}\n"))
        .is_some_and(|rest| {
            rest.lines()
                .all(|l| l.trim().is_empty() || l.starts_with("Signed-off-by: "))
        })
}

/// Git's whitespace cleanup: trailing whitespace removed, runs of blank lines collapsed, and
/// leading/trailing blank lines dropped.
fn whitespace_cleanup<'a>(lines: Vec<(usize, &'a str)>) -> impl Iterator<Item = (usize, &'a str)> {
    let mut out: Vec<(usize, &'a str)> = Vec::with_capacity(lines.len());
    let mut pending_blank = false;
    for (n, line) in lines {
        let line = line.trim_end();
        if line.is_empty() {
            pending_blank = !out.is_empty();
            continue;
        }
        if pending_blank {
            out.push((n - 1, ""));
            pending_blank = false;
        }
        out.push((n, line));
    }
    out.into_iter()
}

fn assemble<'a>(lines: impl Iterator<Item = (usize, &'a str)>) -> Cleaned {
    let mut text = String::new();
    let mut origin = Vec::new();
    for (n, line) in lines {
        if !origin.is_empty() {
            text.push('\n');
        }
        text.push_str(line);
        origin.push(n);
    }
    Cleaned { text, origin }
}

/// Whether git cuts the message at a scissors line followed by `below`: always in `scissors`
/// mode; otherwise only in a verbose commit (`-v`, `commit.verbose`), where git wrote the line
/// itself, with its own comment right below it ("Do not modify or remove the line above", in
/// the user's language). A scissors line typed into `-m`, or kept in an editor without `-v`,
/// is stored as it is, and so is what follows it.
fn cuts_at(below: &[&str], cleanup: Cleanup, prefix: &str) -> bool {
    cleanup == Cleanup::Scissors || below.first().is_some_and(|l| l.starts_with(prefix))
}

/// Whether `raw` holds git's scissors line under any comment prefix: `git commit -v` put the
/// diff below it, which only a verbose commit (or `--cleanup=scissors`) cuts off again.
pub fn has_scissors(raw: &[u8]) -> bool {
    raw.split(|b| *b == b'\n').any(|line| {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        line.iter()
            .position(|b| *b == b' ')
            .is_some_and(|i| i > 0 && line[i + 1..] == *SCISSORS.as_bytes())
    })
}

const SCISSORS: &str = "------------------------ >8 ------------------------";

/// Git's scissors line: `<comment> ------------------------ >8 ------------------------`.
fn is_scissors(line: &str, prefix: &str) -> bool {
    line.strip_prefix(prefix)
        .and_then(|rest| rest.strip_prefix(' '))
        .is_some_and(|rest| rest == SCISSORS)
}

/// With `auto`, git chose a character that starts none of the user's lines and used it for its
/// own comment block, which it appends last: the scissors line or the last non-blank line
/// tells which one it chose.
fn resolve_comment_prefix(raw: &str, comment: &CommentPrefix) -> String {
    match comment {
        CommentPrefix::Fixed(p) if !p.is_empty() => p.clone(),
        CommentPrefix::Fixed(_) => "#".into(),
        CommentPrefix::Auto => {
            let candidate = |line: &str| {
                line.chars()
                    .next()
                    .filter(|c| AUTO_COMMENT_CANDIDATES.contains(*c))
            };
            let scissors = raw.lines().find_map(|l| {
                let c = candidate(l)?;
                is_scissors(l.trim_end_matches('\r'), &c.to_string()).then_some(c)
            });
            let last = raw.lines().rev().find(|l| !l.trim().is_empty());
            scissors
                .or_else(|| last.and_then(candidate))
                .unwrap_or('#')
                .to_string()
        }
    }
}

/// Decodes raw bytes. Invalid UTF-8 is replaced (so that the rest can still be judged) and the
/// byte offset of the first invalid sequence is returned.
pub fn decode(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, Option<usize>) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (std::borrow::Cow::Borrowed(s), None),
        Err(e) => (String::from_utf8_lossy(bytes), Some(e.valid_up_to())),
    }
}

/// What git's configuration says about message cleanup.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MessageSettings {
    /// `commit.cleanup`; `None` when unset or `default` (decided by whether an editor runs).
    pub cleanup: Option<Cleanup>,
    /// `core.commentChar` / `core.commentString`.
    pub comment: CommentPrefix,
}

impl MessageSettings {
    /// Interprets the values git stores (`auto` comment prefix, cleanup mode names).
    pub fn from_git(raw: &crate::git::MessageConfig) -> MessageSettings {
        let comment = match &raw.comment {
            Some(c) if c.eq_ignore_ascii_case("auto") => CommentPrefix::Auto,
            Some(c) => CommentPrefix::Fixed(c.clone()),
            None => CommentPrefix::default(),
        };
        MessageSettings {
            cleanup: raw.cleanup.as_deref().and_then(Cleanup::from_git).flatten(),
            comment,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(raw: &str) -> String {
        clean(raw, Cleanup::Strip, &CommentPrefix::default()).text
    }

    #[test]
    fn editor_session_drops_comments_and_scissors() {
        let raw = "feat: edited  \n\n\n# my comment\nbody line\n\n# Please enter the commit message\n# ------------------------ >8 ------------------------\n# Do not modify\ndiff --git a/a b/a\n+x\n";
        assert_eq!(strip(raw), "feat: edited\n\nbody line");
    }

    #[test]
    fn a_typed_scissors_line_is_no_cut_where_git_keeps_it() {
        let raw = "fix: x\n\n# ------------------------ >8 ------------------------\n\nBREAKING CHANGE:\n";
        let c = clean(raw, Cleanup::Whitespace, &CommentPrefix::default());
        assert!(c.text.ends_with("BREAKING CHANGE:"), "{}", c.text);
        // An editor session without `-v`: the comment goes, the rest stays.
        assert!(strip(raw).ends_with("BREAKING CHANGE:"));
        let c = clean(raw, Cleanup::Scissors, &CommentPrefix::default());
        assert_eq!(c.text, "fix: x");
    }

    #[test]
    fn whitespace_mode_keeps_hash_lines() {
        let c = clean(
            "feat: m\n\n# not comment?\n",
            Cleanup::Whitespace,
            &CommentPrefix::default(),
        );
        assert_eq!(c.text, "feat: m\n\n# not comment?");
    }

    #[test]
    fn scissors_mode_keeps_comments_but_cuts() {
        let raw =
            "feat: x\n\n# kept\n# ------------------------ >8 ------------------------\ndiff\n";
        assert_eq!(
            clean(raw, Cleanup::Scissors, &CommentPrefix::default()).text,
            "feat: x\n\n# kept"
        );
    }

    #[test]
    fn verbatim_keeps_everything_but_the_final_newline() {
        let raw = "feat: x  \n\n\n# c\n";
        assert_eq!(
            clean(raw, Cleanup::Verbatim, &CommentPrefix::default()).text,
            "feat: x  \n\n\n# c"
        );
    }

    #[test]
    fn only_whitespace_git_cleans_away_makes_the_cleanup_mode_matter() {
        assert!(whitespace_matters("  \n\nfix: x\n"));
        assert!(whitespace_matters("fix: x \n"));
        assert!(whitespace_matters("fix: x\n\n\nbody\n"));
        assert!(!whitespace_matters("fix: x\n\nbody\n\n"));
        assert!(!whitespace_matters("fix: x\r\n"));
    }

    #[test]
    fn crlf_is_folded() {
        assert_eq!(strip("feat: x\r\n\r\nbody\r\n"), "feat: x\n\nbody");
    }

    #[test]
    fn custom_comment_char() {
        let c = clean(
            "feat: x\n# kept\n; dropped\n",
            Cleanup::Strip,
            &CommentPrefix::Fixed(";".into()),
        );
        assert_eq!(c.text, "feat: x\n# kept");
    }

    #[test]
    fn auto_comment_char_is_read_from_git_block() {
        let raw = "feat: x\n\n#123 is the issue\n\n; Please enter the commit message\n; Lines starting with ';' will be ignored\n";
        assert_eq!(
            clean(raw, Cleanup::Strip, &CommentPrefix::Auto).text,
            "feat: x\n\n#123 is the issue"
        );
    }

    #[test]
    fn leading_comments_and_blank_lines_keep_origin_lines() {
        let c = clean(
            "# c\n\n\nfeat: x\n\n\nbody\n",
            Cleanup::Strip,
            &CommentPrefix::default(),
        );
        assert_eq!(c.text, "feat: x\n\nbody");
        assert_eq!(c.origin, vec![4, 6, 7]);
    }

    #[test]
    fn a_template_is_unedited_as_git_judges_it() {
        let template = "Summary here\n\n# Why:\n";
        let hash = CommentPrefix::default();
        let untouched = |raw: &str, cleanup| is_unedited_template(raw, template, cleanup, &hash);
        let editor = "Summary here\n\n# Why:\n# Please enter the commit message\n";
        assert!(untouched(editor, Cleanup::Strip));
        assert!(untouched(
            "Summary here  \n\nSigned-off-by: A <a@b>\n# Why:\n",
            Cleanup::Strip
        ));
        assert!(!untouched("Summary here\n\nmore\n# Why:\n", Cleanup::Strip));
        assert!(!untouched("Summary hereby\n", Cleanup::Strip));
        assert!(!untouched("feat: x\n", Cleanup::Strip));
        // Comments are kept outside `strip`: git's own block then makes the message another.
        assert!(untouched("Summary here\n\n# Why:\n", Cleanup::Whitespace));
        assert!(!untouched(editor, Cleanup::Whitespace));
        assert!(!untouched(editor, Cleanup::Verbatim));
        // A template of comments only leaves an empty message: git says so, as the lint does.
        assert!(!is_unedited_template(
            "# x\n",
            "# x\n",
            Cleanup::Strip,
            &hash
        ));
        assert!(!is_unedited_template("", "", Cleanup::Strip, &hash));
    }

    #[test]
    fn empty_after_cleanup() {
        assert_eq!(strip("# only comments\n\n   \n"), "");
    }

    #[test]
    fn decode_reports_first_bad_byte() {
        let (text, bad) = decode(b"feat: \xff\xfe x");
        assert_eq!(bad, Some(6));
        assert!(text.starts_with("feat: "));
    }
}
