//! The header's rules: its length, the Conventional Commits shape (faults with a fixed line),
//! the type, the scope and the description.

use super::mend::{capitalised, full_stop, lowercase_first, mend, polished, shouting, type_fix};
use super::{finding, splice};
use crate::commit::lint::{Rule, Sink};
use crate::commit::parse::{self, Fault, FaultKind, Header};

pub(super) fn check_header(sink: &mut Sink<'_>, line: &str, inner: &str, offset: usize) {
    check_length(sink, line, offset);
    match parse::header(inner) {
        Ok(h) => check_parts(sink, line, &h, offset),
        Err(fault) => {
            // The type before the fault is still worth judging ("feature:x" has two faults),
            // and each suggestion then shows the line with both fixed.
            let ty_end = inner
                .find(|c: char| c.is_whitespace() || "():!".contains(c))
                .unwrap_or(0);
            let judged = ty_end > 0 && fault.kind != FaultKind::NotConventional;
            let type_fix = if judged {
                type_fix(sink, &inner[..ty_end])
            } else {
                None
            };
            // A type not judged here (after a leading space) is judged in the fixed line.
            let fixed = settled(&fault)
                .map(|f| if judged { f } else { retyped(sink, f) })
                .map(|f| polished(sink, f))
                .map(|f| splice(line, offset..offset + inner_len(line, offset), &f));
            let both = |l: &str| {
                type_fix
                    .map(|t| splice(l, offset..offset + ty_end, t))
                    .unwrap_or_else(|| l.to_owned())
            };
            let whole = fixed
                .as_deref()
                .map(both)
                .map(|l| described(sink, l, offset));
            report_fault(sink, &fault, offset, whole);
            if judged {
                let base = fixed.unwrap_or_else(|| line.to_owned());
                check_type(sink, &base, &inner[..ty_end], offset);
            }
        }
    }
}

/// The fault's fixed header, with the faults the fix still has fixed in turn (` fix(x) y`:
/// the space, then the colon); `None` when a fault on the way has no fix, so that `try:`
/// never offers a line that is refused again.
fn settled(fault: &Fault) -> Option<String> {
    let mut fix = fault.fix.clone()?;
    for _ in 0..4 {
        match parse::header(&fix) {
            Ok(_) => return Some(fix),
            Err(next) => fix = next.fix?,
        }
    }
    None
}

/// `fixed` (a line with one fault fixed) with every other evident fix applied too, when the
/// header is the line's own (a revert's quoted one keeps one fix).
fn described(sink: &Sink<'_>, fixed: String, offset: usize) -> String {
    match offset {
        0 => mend(sink, &fixed),
        _ => fixed,
    }
}

/// A valid header `fixed` with its type as allowed (`feature(api): x` → `feat(api): x`).
fn retyped(sink: &Sink<'_>, fixed: String) -> String {
    let Ok(h) = parse::header(&fixed) else {
        return fixed;
    };
    match type_fix(sink, h.ty) {
        Some(t) => format!("{t}{}", &fixed[h.ty.len()..]),
        None => fixed,
    }
}

fn report_fault(sink: &mut Sink<'_>, fault: &Fault, offset: usize, suggestion: Option<String>) {
    use FaultKind::*;
    let (rule, expected) = match fault.kind {
        NotConventional => (
            Rule::HeaderFormat,
            "`type(scope): description`, e.g. `feat(parser): accept tabs`",
        ),
        MissingType => (
            Rule::HeaderFormat,
            "a type such as `feat` or `fix` at the very start",
        ),
        UnclosedScope => (Rule::HeaderFormat, "`(scope)` with a closing parenthesis"),
        EmptyScope => (
            Rule::HeaderFormat,
            "a scope inside the parentheses, or no parentheses",
        ),
        NestedParen => (
            Rule::HeaderFormat,
            "one `(scope)` without parentheses inside",
        ),
        EmptyScopePart => (
            Rule::HeaderFormat,
            "scopes separated by single commas, e.g. `(parser, cli)`",
        ),
        BangInScope => (
            Rule::HeaderFormat,
            "`type(scope)!: description` (inside, the change is not marked breaking)",
        ),
        SpaceBeforeColon => (Rule::HeaderFormat, "`type: description`"),
        SpaceAfterType => (Rule::HeaderFormat, "`type(scope): description`"),
        MissingColon => (Rule::HeaderFormat, "`type(scope): description`"),
        MissingSpace => (Rule::HeaderFormat, "`: ` (a colon and one space)"),
        EmptyDescription => (Rule::DescriptionEmpty, "a description after `: `"),
    };
    let span = fault.span.start + offset..fault.span.end + offset;
    sink.push(
        finding(rule, 0, span, fault.kind.what().into())
            .expected(expected)
            .suggest(suggestion),
    );
}

/// Length of the judged header inside `line` (a revert's closing quote, and the pull request
/// a forge appends after it, excluded).
fn inner_len(line: &str, offset: usize) -> usize {
    let rest = &line[offset..];
    if offset > 0 {
        crate::commit::parse::unquoted(rest).len()
    } else {
        rest.len()
    }
}

/// The header's length; of a revert (`offset` > 0), the reverted header's: git wrote the
/// `Revert "…"` around it, and a header within the limit stays within it reverted.
fn check_length(sink: &mut Sink<'_>, line: &str, offset: usize) {
    let max = sink.config.header_max_length;
    let end = offset + inner_len(line, offset);
    let judged = &line[offset..end];
    let count = judged.chars().count();
    if count > max {
        let start = offset
            + judged
                .char_indices()
                .nth(max)
                .map_or(judged.len(), |(i, _)| i);
        sink.push(
            finding(
                Rule::HeaderMaxLength,
                0,
                start..end,
                format!(
                    "the header is {count} characters long, {} over the limit",
                    count - max
                ),
            )
            .expected(format!(
                "at most {max} characters (`commit.header_max_length`)"
            ))
            .help("move the detail into the body, one blank line below the header"),
        );
    }
}

fn check_parts(sink: &mut Sink<'_>, line: &str, h: &Header<'_>, offset: usize) {
    check_type(sink, line, h.ty, offset);
    if let Some(blank) = h.description.chars().next().filter(|c| c.is_whitespace()) {
        // `fix: \tx`: the spec wants the description right after `: `, and a tab (or other
        // blank) is no space: refused, the spaces before it included in the fix.
        let at = offset + h.description_at - h.extra_spaces;
        let lead = h.description.len() - h.description.trim_start().len();
        let end = offset + h.description_at + lead;
        let what = match blank {
            '\t' => "a tab".to_owned(),
            c => format!("whitespace (U+{:04X})", u32::from(c)),
        };
        let fix = described(sink, splice(line, at..end, ""), offset);
        sink.push(
            finding(
                Rule::HeaderFormat,
                0,
                at..end,
                format!("the description starts with {what}"),
            )
            .expected("the description right after `: `")
            .suggest(Some(fix)),
        );
    } else if h.extra_spaces > 0 {
        let at = offset + h.description_at - h.extra_spaces;
        let fix = described(
            sink,
            splice(line, at..offset + h.description_at, ""),
            offset,
        );
        sink.push(
            finding(
                Rule::HeaderWhitespace,
                0,
                at..at + h.extra_spaces,
                "more than one space after the colon".into(),
            )
            .suggest(Some(fix)),
        );
    }
    check_scope(sink, line, h, offset);
    check_description(sink, line, h, offset);
}

/// `fixed`, a line with one fault fixed, when its header (a revert's quoted one) then passes:
/// `try:` never offers a line refused again (`Fixup! feat: x` → `fix! feat: x`).
fn passing(fixed: String, offset: usize) -> Option<String> {
    let inner = fixed.get(offset..)?;
    let inner = if offset > 0 {
        crate::commit::parse::unquoted(inner)
    } else {
        inner
    };
    parse::header(inner).is_ok().then_some(fixed)
}

fn check_type(sink: &mut Sink<'_>, line: &str, ty: &str, offset: usize) {
    let span = offset..offset + ty.len();
    let lower = ty.to_lowercase();
    let types = &sink.config.types;
    // relhook's own release commit is of the type `release.commit_message` gives it.
    if types.contains(&lower) || sink.config.is_release_header(line) {
        if lower != ty {
            sink.push(
                finding(
                    Rule::TypeCase,
                    0,
                    span.clone(),
                    format!("the type `{ty}` is not lowercase"),
                )
                .suggest(passing(
                    described(sink, splice(line, span, &lower), offset),
                    offset,
                )),
            );
        }
        return;
    }
    let near = crate::commit::suggest::nearest(ty, types);
    let f = finding(
        Rule::TypeEnum,
        0,
        span.clone(),
        format!("unknown commit type `{ty}`"),
    )
    .expected(format!("one of: {}", types.join(", ")))
    .suggest(near.and_then(|t| passing(described(sink, splice(line, span, t), offset), offset)));
    let f = match near {
        Some(t) => f.help(format!("did you mean `{t}`?")),
        None => f.help("allowed types are set by `commit.types` in .relconfig.toml"),
    };
    sink.push(f);
}

fn check_scope(sink: &mut Sink<'_>, line: &str, h: &Header<'_>, offset: usize) {
    let Some((scope, range)) = &h.scope else {
        if sink.config.require_scope {
            let at = offset + h.ty.len();
            let listed = if sink.config.scopes.is_empty() {
                String::new()
            } else {
                format!(": {}", sink.config.scopes.join(", "))
            };
            sink.push(
                finding(
                    Rule::ScopeRequired,
                    0,
                    at..at + 1,
                    "a scope is required".into(),
                )
                .expected(format!("`{}(scope): …`{listed}", h.ty)),
            );
        }
        return;
    };
    let range = offset + range.start..offset + range.end;
    if !sink.config.scopes.is_empty() && !sink.config.is_release_header(line) {
        let mut at = range.start;
        for part in scope.split(',') {
            let trimmed = part.trim();
            let start = at + (part.len() - part.trim_start().len());
            if !sink.config.scopes.iter().any(|s| s == trimmed) {
                let near = crate::commit::suggest::nearest(trimmed, &sink.config.scopes);
                let span = start..start + trimmed.len();
                let mut f = finding(
                    Rule::ScopeEnum,
                    0,
                    span.clone(),
                    format!("unknown scope `{trimmed}`"),
                )
                .expected(format!("one of: {}", sink.config.scopes.join(", ")))
                .suggest(near.map(|s| described(sink, splice(line, span, s), offset)));
                if let Some(s) = near {
                    f = f.help(format!("did you mean `{s}`?"));
                }
                sink.push(f);
            }
            at += part.len() + 1;
        }
    }
    if sink.on(Rule::ScopeCase) && scope.to_lowercase() != **scope {
        sink.push(
            finding(
                Rule::ScopeCase,
                0,
                range.clone(),
                format!("the scope `{scope}` is not lowercase"),
            )
            .suggest(Some(described(
                sink,
                splice(line, range, &scope.to_lowercase()),
                offset,
            ))),
        );
    }
}

fn check_description(sink: &mut Sink<'_>, line: &str, h: &Header<'_>, offset: usize) {
    let at = offset + h.description_at;
    let d = h.description;
    // Each `try:` fixes every rule that is on, so that none is refused when pasted
    // (`fix: The crash.` → `fix: the crash`); a revert's quoted header keeps one fix.
    let whole = (offset == 0).then(|| mend(sink, line));
    if sink.on(Rule::SubjectCase) && shouting(d) {
        sink.push(
            finding(
                Rule::SubjectCase,
                0,
                at..at + d.len(),
                "the description is all capitals".into(),
            )
            .expected(
                "lowercase words; a name such as `API` may stay in capitals after the first word",
            )
            .suggest(
                whole
                    .clone()
                    .or_else(|| Some(splice(line, at..at + d.len(), &d.to_lowercase()))),
            ),
        );
    } else if sink.on(Rule::SubjectCase) && capitalised(d) {
        let first_len = d.chars().next().map_or(0, char::len_utf8);
        sink.push(
            finding(
                Rule::SubjectCase,
                0,
                at..at + first_len,
                "the description starts with a capital letter".into(),
            )
            .expected("a lowercase first word, as the rest of the sentence after `type: `")
            .suggest(
                whole
                    .clone()
                    .or_else(|| Some(splice(line, at..at + d.len(), &lowercase_first(d)))),
            ),
        );
    }
    if sink.on(Rule::SubjectFullStop) && full_stop(d) {
        let end = at + d.len();
        let start = at + d.trim_end_matches('.').len();
        sink.push(
            finding(
                Rule::SubjectFullStop,
                0,
                start..end,
                "the description ends with a full stop".into(),
            )
            .suggest(whole.or_else(|| Some(splice(line, start..end, "")))),
        );
    }
}
