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
    /// `(my scope)`.
    WhitespaceInScope,
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
    if let Some(ws) = inner.find(char::is_whitespace) {
        let dashed: String = inner.split_whitespace().collect::<Vec<_>>().join("-");
        let fix = format!("{}({dashed}){}", &line[..open], &line[close + 1..]);
        let at = inner_start + ws;
        return Err(fault(FaultKind::WhitespaceInScope, at..at + 1, Some(fix)));
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
        let fix = crate::suggest::guess_type(ty).map(|t| {
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

/// A whole Conventional Commit message.
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
    /// The footers, in order.
    pub footers: Vec<Footer>,
    /// `!` or a `BREAKING CHANGE:`/`BREAKING-CHANGE:` footer.
    pub breaking: bool,
    /// The breaking change's text (the footer's, else the description).
    pub breaking_description: Option<String>,
}

/// Parses a cleaned message whose header follows the grammar; `None` when it does not.
pub fn commit(message: &str) -> Option<Commit> {
    let first = message.lines().next()?;
    let h = header(first).ok()?;
    let mut c = Commit {
        ty: h.ty.to_lowercase(),
        scope: h.scope.map(|(s, _)| s.to_owned()),
        description: h.description.to_owned(),
        body: None,
        footers: Vec::new(),
        breaking: h.bang,
        breaking_description: h.bang.then(|| h.description.to_owned()),
    };
    // git-conventional is laxer than the header scan above, so it accepts every header that
    // reaches this point; what it adds is the spec's body/footer split.
    if let Ok(gc) = git_conventional::Commit::parse(message) {
        c.body = gc.body().map(str::to_owned);
        c.footers = gc
            .footers()
            .iter()
            .map(|f| Footer {
                token: f.token().as_str().to_owned(),
                value: f.value().to_owned(),
            })
            .collect();
        c.breaking = gc.breaking();
        c.breaking_description = gc.breaking_description().map(str::to_owned);
    }
    Some(c)
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
        let f = header("feat(my scope): x").unwrap_err();
        assert_eq!(
            (f.kind, f.fix.as_deref()),
            (FaultKind::WhitespaceInScope, Some("feat(my-scope): x"))
        );
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
