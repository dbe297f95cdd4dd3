//! Cleaned message text → a Conventional Commit. The header is scanned by hand, strictly
//! (Conventional Commits 1.0.0: `type(scope)!: description`, a colon and one space), so that
//! a fault has an exact position for the caret; body and footers come from git-conventional.

use std::ops::Range;

/// A header that follows the grammar. Ranges are byte offsets into the header line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header<'a> {
    /// The type as written (`feat`, `Fix`).
    pub ty: &'a str,
    /// The scope without its parentheses, and where it is.
    pub scope: Option<(&'a str, Range<usize>)>,
    /// `!` before the colon.
    pub bang: bool,
    /// The description after `: `.
    pub description: &'a str,
    /// Where the description starts.
    pub description_at: usize,
    /// Spaces after the colon beyond the one the spec asks for.
    pub extra_spaces: usize,
}

/// Why a header does not follow the grammar, where, and (when evident) the corrected header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    /// What is wrong.
    pub kind: FaultKind,
    /// Byte range in the header that the caret underlines.
    pub span: Range<usize>,
    /// The whole header, corrected, when the fix is evident.
    pub fix: Option<String>,
}

/// The ways a header can break the grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaultKind {
    /// No `type:` prefix at all.
    NotConventional,
    /// The header starts with something that cannot be a type.
    MissingType,
    /// `(` without `)`.
    UnclosedScope,
    /// `()`.
    EmptyScope,
    /// `(a (b))`, or a `)` with no `(`.
    NestedParen,
    /// `(a,,b)` or `(a, )`: an empty part in a comma-separated scope.
    EmptyScopePart,
    /// `(api!)`: the `!` belongs after the `)`.
    BangInScope,
    /// `feat :`.
    SpaceBeforeColon,
    /// `feat x` or `feat(x) y`: something other than `:` after the type or scope.
    MissingColon,
    /// `feat:x`.
    MissingSpace,
    /// `feat:` or `feat: ` with nothing after.
    EmptyDescription,
}

fn is_type_char(c: char) -> bool {
    !(c.is_whitespace() || "():!".contains(c))
}

/// Scans a header line.
pub fn header(line: &str) -> Result<Header<'_>, Fault> {
    let ty_end = line.find(|c: char| !is_type_char(c)).unwrap_or(line.len());
    let ty = &line[..ty_end];
    if ty.is_empty() {
        return Err(no_type(line));
    }
    let mut at = ty_end;
    let rest = &line[at..];
    let mut scope = None;
    if rest.starts_with('(') {
        let (s, end) = scan_scope(line, at)?;
        scope = Some(s);
        at = end;
    } else if rest.starts_with(')') {
        return Err(fault(FaultKind::NestedParen, at..at + 1, None));
    }
    let bang = line[at..].starts_with('!');
    if bang {
        at += 1;
    }
    if !line[at..].starts_with(':') {
        return Err(colon_fault(line, ty, at, scope.is_some()));
    }
    at += 1;
    let after = &line[at..];
    if after.trim().is_empty() {
        return Err(fault(
            FaultKind::EmptyDescription,
            at..line.len().max(at + 1),
            None,
        ));
    }
    if !after.starts_with(' ') {
        let fix = format!("{} {}", &line[..at], after);
        return Err(fault(FaultKind::MissingSpace, at..at + 1, Some(fix)));
    }
    let extra_spaces = after[1..].len() - after[1..].trim_start_matches(' ').len();
    let description_at = at + 1 + extra_spaces;
    Ok(Header {
        ty,
        scope,
        bang,
        description: &line[description_at..],
        description_at,
        extra_spaces,
    })
}

type ScopeScan<'a> = ((&'a str, Range<usize>), usize);

/// Scans `(scope)` starting at the `(`; returns the scope and the offset after `)`.
fn scan_scope(line: &str, open: usize) -> Result<ScopeScan<'_>, Fault> {
    let inner_start = open + 1;
    let Some(rel) = line[inner_start..].find([')', '(']) else {
        return Err(fault(FaultKind::UnclosedScope, open..line.len(), None));
    };
    let close = inner_start + rel;
    if line[close..].starts_with('(') {
        return Err(fault(FaultKind::NestedParen, close..close + 1, None));
    }
    let inner = &line[inner_start..close];
    if inner.is_empty() {
        let fix = format!("{}{}", &line[..open], &line[close + 1..]);
        return Err(fault(FaultKind::EmptyScope, open..close + 1, Some(fix)));
    }
    if let Some(stripped) = inner.strip_suffix('!') {
        let fix = format!("{}({stripped})!{}", &line[..open], &line[close + 1..]);
        return Err(fault(FaultKind::BangInScope, close - 1..close, Some(fix)));
    }
    if inner.trim().is_empty() {
        let fix = format!("{}{}", &line[..open], &line[close + 1..]);
        return Err(fault(FaultKind::EmptyScope, open..close + 1, Some(fix)));
    }
    // Any text is a scope (spaces and commas included), but a list must not have holes.
    if inner.contains(',') {
        let mut at = inner_start;
        for part in inner.split(',') {
            if part.trim().is_empty() {
                let kept: Vec<&str> = inner
                    .split(',')
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .collect();
                let fix = format!(
                    "{}({}){}",
                    &line[..open],
                    kept.join(", "),
                    &line[close + 1..]
                );
                let end = (at + part.len()).max(at + 1).min(close + 1);
                return Err(fault(
                    FaultKind::EmptyScopePart,
                    at.min(close)..end,
                    Some(fix),
                ));
            }
            at += part.len() + 1;
        }
    }
    Ok(((inner, inner_start..close), close + 1))
}

fn colon_fault(line: &str, ty: &str, at: usize, has_scope: bool) -> Fault {
    let rest = &line[at..];
    let trimmed = rest.trim_start();
    let spaces = rest.len() - trimmed.len();
    if spaces > 0 && trimmed.starts_with(':') {
        let fix = format!("{}{}", &line[..at], trimmed);
        return fault(FaultKind::SpaceBeforeColon, at..at + spaces, Some(fix));
    }
    if !has_scope && !line.contains(':') {
        // "Add login page": nothing conventional at all. Offer `type: rest` when the first
        // word is itself (nearly) a type.
        let fix = crate::commit::suggest::guess_type(ty).map(|t| {
            let rest = line[ty.len()..].trim_start();
            if rest.is_empty() {
                format!("{t}: {ty}")
            } else {
                format!("{t}: {rest}")
            }
        });
        return fault(FaultKind::NotConventional, 0..line.len().max(1), fix);
    }
    fault(
        FaultKind::MissingColon,
        at..(at + 1).min(line.len().max(at + 1)),
        None,
    )
}

fn no_type(line: &str) -> Fault {
    let lead = line.len() - line.trim_start().len();
    if lead > 0 {
        let fix = line.trim_start().to_owned();
        return fault(FaultKind::MissingType, 0..lead, Some(fix));
    }
    fault(FaultKind::MissingType, 0..1, None)
}

fn fault(kind: FaultKind, span: Range<usize>, fix: Option<String>) -> Fault {
    Fault { kind, span, fix }
}

/// A footer (git trailer) of a parsed message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Footer {
    /// `BREAKING CHANGE`, `Refs`, `Signed-off-by`...
    pub token: String,
    /// The value, continuation lines included.
    pub value: String,
}

/// A whole Conventional Commit message: what the commit *means*. This is the one reading of a
/// message that lint, version, changelog and notes share, so that they never disagree on
/// whether a change is breaking, what its scope is or which issues it references.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    /// The type, lowercased.
    pub ty: String,
    /// The scope, if any.
    pub scope: Option<String>,
    /// The description.
    pub description: String,
    /// The body, if any.
    pub body: Option<String>,
    /// The footers, in order: the footer block's, and every `BREAKING CHANGE:` note.
    pub footers: Vec<Footer>,
    /// `!` or a `BREAKING CHANGE:`/`BREAKING-CHANGE:` note.
    pub breaking: bool,
    /// The breaking change's text (the notes', else the description). It may span several
    /// lines and paragraphs (lists, code fences), as written.
    pub breaking_description: Option<String>,
    /// For git's own `Revert "<header>"`: the reverted header and commit id (from the
    /// body's `This reverts commit <id>.`), if the body names one.
    pub reverts: Option<Reverted>,
}

/// What a `Revert "<header>"` commit undoes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reverted {
    /// The reverted commit's header.
    pub header: String,
    /// The reverted commit's id as the body names it (full or abbreviated).
    pub commit: Option<String>,
}

/// Where, in a message's lines, the footers and the breaking-change notes are. Line 0 is the
/// header; ranges are line indexes, end exclusive.
///
/// * The **footer block** is the last paragraph when its first line is a footer
///   (`Token: value`, `Token #value`, `BREAKING CHANGE: value`) and every line of it is a
///   footer or a continuation.
/// * A **breaking-change note** is a line that starts, at column 0, with `BREAKING CHANGE:` or
///   `BREAKING-CHANGE:`, wherever it is after the header (as conventional-changelog,
///   semantic-release and commitlint read it). Its text runs on, across blank lines, lists
///   and code fences, until the next line or paragraph that starts with a footer token
///   (`Closes #12`, `Signed-off-by: …`) or the message ends: the spec's "a footer's value
///   ends at the next token".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// The footer block, if any.
    pub footers: Option<Range<usize>>,
    /// Each breaking-change note: the lines of its text (the first is the token's line).
    pub breaking: Vec<Range<usize>>,
}

impl Layout {
    /// Reads the layout of a cleaned message's lines.
    pub fn of(lines: &[&str]) -> Layout {
        let paragraphs = paragraphs(lines);
        let footers = paragraphs
            .last()
            .filter(|p| {
                p.start > 0
                    && footer_token(lines[p.start]).is_some()
                    && lines[p.start..p.end].iter().all(|l| {
                        footer_token(l).is_some() || l.starts_with([' ', '\t']) || !l.contains(": ")
                    })
            })
            .cloned();
        let mut breaking = Vec::new();
        let mut i = 1;
        while i < lines.len() {
            if breaking_token(lines[i]).is_none() {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i + 1;
            let mut j = i + 1;
            while j < lines.len() {
                let l = lines[j];
                if footer_token(l).is_some() {
                    break;
                }
                if !l.trim().is_empty() {
                    end = j + 1;
                }
                j += 1;
            }
            breaking.push(start..end);
            i = j;
        }
        Layout { footers, breaking }
    }

    /// Whether line `i` is part of the footer block or of a breaking-change note.
    pub fn is_footer_line(&self, i: usize) -> bool {
        self.footers.as_ref().is_some_and(|f| f.contains(&i))
            || self.breaking.iter().any(|b| b.contains(&i))
    }
}

/// Ranges of non-blank lines, skipping the header's line 0.
pub fn paragraphs(lines: &[&str]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, line) in lines.iter().enumerate().skip(1) {
        match (line.trim().is_empty(), start) {
            (true, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..lines.len());
    }
    out
}

/// `BREAKING CHANGE:` / `BREAKING-CHANGE:` at column 0: the token and the rest of the line.
pub fn breaking_token(line: &str) -> Option<(&str, &str)> {
    ["BREAKING CHANGE", "BREAKING-CHANGE"].iter().find_map(|t| {
        line.strip_prefix(t)
            .and_then(|r| r.strip_prefix(':'))
            .map(|v| (*t, v))
    })
}

/// A footer line: `Token: value`, `Token #value` or `BREAKING CHANGE: value`; the token and
/// the value after the separator (its leading space kept, so lint can judge it).
pub fn footer_token(line: &str) -> Option<(&str, &str)> {
    if let Some(b) = breaking_token(line) {
        return Some(b);
    }
    let end = line.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))?;
    if end == 0 {
        return None;
    }
    let rest = &line[end..];
    if let Some(value) = rest.strip_prefix(':') {
        // `https://…` and a Rust or C++ path (`commit::vocab holds…`) open a body line.
        if !value.starts_with("//") && !value.starts_with(':') {
            return Some((&line[..end], value));
        }
    }
    rest.strip_prefix(" #").map(|v| (&line[..end], v))
}

/// Git's `Revert "<header>"` (and `Reapply "<header>"`, nested): the quoted header and where
/// it starts in `header`. A header that is no revert is returned as is, at 0.
pub fn unwrap_revert(header: &str) -> (&str, usize) {
    let mut inner = header;
    let mut offset = 0;
    loop {
        let Some(rest) = ["Revert \"", "Reapply \""]
            .iter()
            .find_map(|p| inner.strip_prefix(p))
        else {
            return (inner, offset);
        };
        offset += inner.len() - rest.len();
        inner = rest.strip_suffix('"').unwrap_or(rest);
    }
}

/// Parses a cleaned message whose header follows the grammar; `None` when it does not.
/// Git's `Revert "type: …"` reads as a `revert` of that header (see [`Commit::reverts`]).
pub fn commit(message: &str) -> Option<Commit> {
    let lines: Vec<&str> = message.lines().collect();
    let first = *lines.first()?;
    if let Some(inner) = first.strip_prefix("Revert \"") {
        // `Revert "fix: x"`, or with the pull request a forge's squash merge appends:
        // `Revert "fix: x" (#123)`.
        let (quoted, after) = inner.rsplit_once('"')?;
        let pr = after
            .strip_prefix(" (#")
            .and_then(|r| r.strip_suffix(')'))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if !(after.is_empty() || pr) {
            return None;
        }
        // Only a revert of a conventional header means something for the changelog.
        header(unwrap_revert(quoted).0).ok()?;
        let commit = lines.iter().find_map(|l| {
            let rest = l.trim().strip_prefix("This reverts commit ")?;
            let id = rest.trim_end_matches('.').trim();
            (id.len() >= 7 && id.bytes().all(|b| b.is_ascii_hexdigit())).then(|| id.to_owned())
        });
        let mut c = from_lines(&lines, "revert", None, false, quoted)?;
        c.reverts = Some(Reverted {
            header: quoted.to_owned(),
            commit,
        });
        return Some(c);
    }
    let h = header(first).ok()?;
    from_lines(
        &lines,
        &h.ty.to_lowercase(),
        h.scope.map(|(s, _)| s.trim().to_owned()),
        h.bang,
        h.description,
    )
}

fn from_lines(
    lines: &[&str],
    ty: &str,
    scope: Option<String>,
    bang: bool,
    description: &str,
) -> Option<Commit> {
    let layout = Layout::of(lines);
    let body_end = layout
        .breaking
        .iter()
        .map(|b| b.start)
        .chain(layout.footers.as_ref().map(|f| f.start))
        .min()
        .unwrap_or(lines.len());
    let body = lines
        .get(1..body_end)
        .map(|b| b.join("\n").trim().to_owned())
        .filter(|b| !b.is_empty());
    let mut footers = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    for b in &layout.breaking {
        let (token, first) = breaking_token(lines[b.start])?;
        let mut text = first.trim().to_owned();
        for l in &lines[b.start + 1..b.end] {
            text.push('\n');
            text.push_str(l);
        }
        let text = text.trim().to_owned();
        if !text.is_empty() {
            notes.push(text.clone());
        }
        footers.push((
            b.start,
            Footer {
                token: token.to_owned(),
                value: text,
            },
        ));
    }
    if let Some(block) = &layout.footers {
        for i in block.clone() {
            if layout.breaking.iter().any(|b| b.contains(&i)) {
                continue;
            }
            match footer_token(lines[i]) {
                Some((token, value)) => footers.push((
                    i,
                    Footer {
                        token: token.to_owned(),
                        value: value.trim().to_owned(),
                    },
                )),
                None => {
                    if let Some((_, last)) = footers.last_mut() {
                        last.value.push('\n');
                        last.value.push_str(lines[i].trim());
                    }
                }
            }
        }
    }
    footers.sort_by_key(|(i, _)| *i);
    let footers = footers.into_iter().map(|(_, f)| f).collect();
    let breaking = bang || !layout.breaking.is_empty();
    let breaking_description = if !notes.is_empty() {
        Some(notes.join("\n\n"))
    } else {
        breaking.then(|| description.to_owned())
    };
    Some(Commit {
        ty: ty.to_owned(),
        scope,
        description: description.to_owned(),
        body,
        footers,
        breaking,
        breaking_description,
        reverts: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(line: &str) -> FaultKind {
        header(line).unwrap_err().kind
    }

    #[test]
    fn accepts_the_grammar() {
        let h = header("feat(api)!: add x").unwrap();
        assert_eq!(h.ty, "feat");
        assert_eq!(h.scope.as_ref().unwrap().0, "api");
        assert!(h.bang);
        assert_eq!(h.description, "add x");
        assert_eq!(header("fix: y").unwrap().scope, None);
        assert_eq!(header("feat(a,b): z").unwrap().scope.unwrap().0, "a,b");
        // Any text without parentheses is a scope: spaces and commas included.
        let h = header("feat(changelog, config)!: z").unwrap();
        assert_eq!((h.scope.unwrap().0, h.bang), ("changelog, config", true));
        assert_eq!(
            header("docs(GitHub Actions): z").unwrap().scope.unwrap().0,
            "GitHub Actions"
        );
    }

    #[test]
    fn faults_with_positions_and_fixes() {
        let f = header("feat:x").unwrap_err();
        assert_eq!(
            (f.kind, f.span.clone(), f.fix.as_deref()),
            (FaultKind::MissingSpace, 5..6, Some("feat: x"))
        );
        let f = header("feat(api!): x").unwrap_err();
        assert_eq!(
            (f.kind, f.fix.as_deref()),
            (FaultKind::BangInScope, Some("feat(api)!: x"))
        );
        let f = header("feat(a,,b): x").unwrap_err();
        assert_eq!(
            (f.kind, f.fix.as_deref()),
            (FaultKind::EmptyScopePart, Some("feat(a, b): x"))
        );
        assert_eq!(kind("feat(a, ): x"), FaultKind::EmptyScopePart);
        assert_eq!(kind("feat(,a): x"), FaultKind::EmptyScopePart);
        assert_eq!(kind("feat(  ): x"), FaultKind::EmptyScope);
        let f = header("feat (api): x").unwrap_err();
        assert_eq!(f.kind, FaultKind::MissingColon);
        let f = header("feat : x").unwrap_err();
        assert_eq!(
            (f.kind, f.fix.as_deref()),
            (FaultKind::SpaceBeforeColon, Some("feat: x"))
        );
        assert_eq!(kind("feat(): x"), FaultKind::EmptyScope);
        assert_eq!(kind("feat(api: x"), FaultKind::UnclosedScope);
        assert_eq!(kind("feat(a(b)): x"), FaultKind::NestedParen);
        assert_eq!(kind("feat:"), FaultKind::EmptyDescription);
        assert_eq!(kind("feat:   "), FaultKind::EmptyDescription);
        assert_eq!(kind(": x"), FaultKind::MissingType);
        assert_eq!(kind(" feat: x"), FaultKind::MissingType);
        assert_eq!(kind("Add login page"), FaultKind::NotConventional);
    }

    #[test]
    fn not_conventional_suggests_a_type_from_the_first_word() {
        let f = header("Fix the login crash").unwrap_err();
        assert_eq!(f.fix.as_deref(), Some("fix: the login crash"));
    }

    #[test]
    fn extra_spaces_are_counted() {
        let h = header("feat:   x").unwrap();
        assert_eq!((h.extra_spaces, h.description), (2, "x"));
    }

    #[test]
    fn body_footers_and_breaking() {
        let c = commit("feat(api): x\n\nbody text\n\nRefs #12\nBREAKING CHANGE: gone").unwrap();
        assert_eq!(c.body.as_deref(), Some("body text"));
        assert!(c.breaking);
        assert_eq!(c.breaking_description.as_deref(), Some("gone"));
        assert_eq!(c.footers[0].token, "Refs");
        let c = commit("fix!: y").unwrap();
        assert_eq!(c.breaking_description.as_deref(), Some("y"));
        let c = commit("fix: y\n\nbreaking-change: lower").unwrap();
        assert!(!c.breaking, "lowercase token is not breaking (spec §15)");
    }

    #[test]
    fn breaking_note_outside_the_last_paragraph_is_breaking_with_its_paragraphs() {
        let msg = "refactor: adjust APIs\n\nBREAKING CHANGE: adjustments:\n\n- `a` is gone\n  wrapped\n\n```ts\nx()\n```\n\nclose #3102\n\nSigned-off-by: A <a@b.c>";
        let c = commit(msg).unwrap();
        assert!(c.breaking);
        assert_eq!(
            c.breaking_description.as_deref(),
            Some("adjustments:\n\n- `a` is gone\n  wrapped\n\n```ts\nx()\n```")
        );
        let tokens: Vec<&str> = c.footers.iter().map(|f| f.token.as_str()).collect();
        assert_eq!(tokens, ["BREAKING CHANGE", "Signed-off-by"]);
        assert_eq!(c.body, None);
    }

    #[test]
    fn indented_breaking_text_is_body() {
        let c = commit("fix: y\n\nbody\n  BREAKING CHANGE: not a note").unwrap();
        assert!(!c.breaking);
        assert_eq!(
            c.body.as_deref(),
            Some("body\n  BREAKING CHANGE: not a note")
        );
    }

    #[test]
    fn layout_of_footers_and_notes() {
        let lines = [
            "feat: x",
            "",
            "BREAKING CHANGE: a",
            "more",
            "",
            "Refs #1",
            "Closes #2",
        ];
        let l = Layout::of(&lines);
        assert_eq!(l.footers, Some(5..7));
        assert_eq!(l.breaking, vec![2..4]);
        assert!(l.is_footer_line(3) && !l.is_footer_line(1));
    }

    #[test]
    fn git_revert_reads_as_a_revert_of_the_quoted_header() {
        let c = commit("Revert \"fix(api): y\"\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.").unwrap();
        assert_eq!(
            (c.ty.as_str(), c.description.as_str()),
            ("revert", "fix(api): y")
        );
        let r = c.reverts.unwrap();
        assert_eq!(r.header, "fix(api): y");
        assert_eq!(
            r.commit.as_deref(),
            Some("0123456789abcdef0123456789abcdef01234567")
        );
        assert!(commit("Revert \"Update readme\"").is_none());
        let c = commit("Revert \"fix(sfc): scope the selector (#1…\" (#13406)").unwrap();
        assert_eq!(
            c.reverts.unwrap().header,
            "fix(sfc): scope the selector (#1…"
        );
        assert!(commit("Revert \"fix: y\" and more").is_none());
    }

    #[test]
    fn never_panics_on_odd_unicode() {
        for line in [
            "é(",
            "(é",
            "é(é!",
            "é:é",
            "é !:",
            "\u{a0}feat: x",
            "f(\u{3000}): x",
            "x)",
        ] {
            let _ = header(line);
        }
    }
}
