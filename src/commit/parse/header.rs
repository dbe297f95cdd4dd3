//! The header line, scanned by hand and strictly (`type(scope)!: description`, a colon and
//! one space): a [`Header`] with byte ranges, or a [`Fault`] with the exact span and a fix.

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
    /// `feat (api):` or `feat !:`.
    SpaceAfterType,
    /// `feat x` or `feat(x) y`: something other than `:` after the type or scope.
    MissingColon,
    /// `feat:x`.
    MissingSpace,
    /// `feat:` or `feat: ` with nothing after.
    EmptyDescription,
}

impl FaultKind {
    /// What is wrong, in words (`the description is empty`): lint's message for it.
    pub fn what(self) -> &'static str {
        use FaultKind::*;
        match self {
            NotConventional => "the header is not a Conventional Commit",
            MissingType => "the header must start with a type",
            UnclosedScope => "the scope is not closed",
            EmptyScope => "the scope is empty",
            NestedParen => "unexpected parenthesis",
            EmptyScopePart => "the scope has an empty part between commas",
            BangInScope => "`!` belongs after the scope, not inside it",
            SpaceBeforeColon => "no space is allowed before the colon",
            SpaceAfterType => "no space is allowed between the type and the scope or `!`",
            MissingColon => "expected `:` after the type and scope",
            MissingSpace => "expected a space after the colon",
            EmptyDescription => "the description is empty",
        }
    }
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
        // `feat:\tx`: the tab goes for the space, not before it (lint refuses it there too).
        let fix = format!("{} {}", &line[..at], after.trim_start());
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
    // `feat (api): x`, `feat !: x`: a space between the type and what follows it.
    if !has_scope && spaces > 0 && trimmed.starts_with(['(', '!']) && trimmed.contains(':') {
        let fix = format!("{}{}", &line[..at], trimmed.trim_end());
        return fault(FaultKind::SpaceAfterType, at..at + spaces, Some(fix));
    }
    // `feat (api) x`: the colon missing too. The scope stays a scope, not the description.
    if let Some(fix) = (!has_scope && spaces > 0)
        .then(|| scoped_without_colon(&line[..at], trimmed))
        .flatten()
    {
        return fault(FaultKind::SpaceAfterType, at..at + spaces, Some(fix));
    }
    if !has_scope && !line.contains(':') {
        // "Add login page": nothing conventional at all. Offer `type: rest` when the first
        // word is itself (nearly) a type. A verb that says what was done stays, in the
        // imperative, as the spec's own examples keep it ("Added login page" → `feat: add
        // login page`); a word that only names the type goes ("Bugfix crash" → `fix:
        // crash`), unless the rest alone would be one word ("bug a" → `fix: bug a`).
        let fix = crate::commit::suggest::guess_type(ty).map(|t| {
            let rest = line[ty.len()..].trim_start();
            let short = rest.split_whitespace().count() < 2;
            if let Some(verb) = crate::commit::suggest::imperative(ty).filter(|_| !rest.is_empty())
            {
                format!("{t}: {verb} {rest}")
            } else if rest.is_empty() || (short && !ty.eq_ignore_ascii_case(t)) {
                format!("{t}: {}", line.trim_end())
            } else {
                format!("{t}: {rest}")
            }
        });
        return fault(FaultKind::NotConventional, 0..line.len().max(1), fix);
    }
    // `fix(ssr) ensure x`: the type and scope are there, the colon is what is missing.
    let fix = (has_scope && spaces > 0 && !trimmed.is_empty())
        .then(|| format!("{}: {}", &line[..at], trimmed.trim_end()));
    fault(
        FaultKind::MissingColon,
        at..(at + 1).min(line.len().max(at + 1)),
        fix,
    )
}

/// `ty` then `rest` (`(api) x`, `(api)! x`) as `ty(api): x`, when `rest` is a closed scope of
/// single words, maybe `!`, and a description; `None` otherwise, or when `ty` is a verb that
/// says what was done (`Added (see #3) x` is a sentence, offered a type of its own).
fn scoped_without_colon(ty: &str, rest: &str) -> Option<String> {
    if crate::commit::suggest::imperative(ty).is_some() {
        return None;
    }
    let close = rest.strip_prefix('(')?.find([')', '('])? + 1;
    let (scope, after) = rest.split_at(close + 1);
    let word = |w: &str| !w.trim().is_empty() && !w.trim().contains(char::is_whitespace);
    if !scope.ends_with(')') || !scope[1..close].split(',').all(word) {
        return None;
    }
    let (bang, after) = match after.strip_prefix('!') {
        Some(a) => ("!", a),
        None => ("", after),
    };
    let description = after.trim();
    (!description.is_empty()).then(|| format!("{ty}{scope}{bang}: {description}"))
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
