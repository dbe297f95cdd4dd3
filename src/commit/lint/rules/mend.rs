//! The header with every fault that has an evident fix fixed at once: each header rule's
//! `try:` offers this one line, since a line fixed for one rule alone is refused by the
//! others when pasted (`fix(cor): The crash.` → `fix(core): the crash`).

use super::splice;
use crate::commit::lint::{Rule, Sink};
use crate::commit::parse;

/// `line` (a header of its own, not a revert's quoted one) with its type, scope, spacing and
/// description as the rules that are on want them; `line` itself when it does not parse.
pub(super) fn mend(sink: &Sink<'_>, line: &str) -> String {
    let Ok(h) = parse::header(line) else {
        return line.to_owned();
    };
    // Right to left, so that each range is still where the parser found it.
    let mut fixed = polished(sink, line.to_owned());
    if h.extra_spaces > 0 {
        fixed = splice(
            &fixed,
            h.description_at - h.extra_spaces..h.description_at,
            "",
        );
    }
    // relhook's own release commit keeps the type and scope `release.commit_message` gives.
    if sink.config.is_release_header(line) {
        return fixed;
    }
    if let Some((scope, range)) = &h.scope {
        fixed = splice(&fixed, range.clone(), &rescoped(sink, scope));
    }
    if let Some(t) = type_fix(sink, h.ty) {
        fixed = splice(&fixed, 0..h.ty.len(), t);
    }
    fixed
}

/// Each part of a scope as allowed: a listed one for an unknown part when one is near, in
/// lowercase when `scope-case` is on; the separators kept.
fn rescoped(sink: &Sink<'_>, scope: &str) -> String {
    let scopes = &sink.config.scopes;
    let parts = scope.split(',').map(|part| {
        let trimmed = part.trim();
        let lead = &part[..part.len() - part.trim_start().len()];
        let mut name = trimmed.to_owned();
        if !scopes.is_empty() && !scopes.iter().any(|s| s == trimmed) {
            if let Some(near) = crate::commit::suggest::nearest(trimmed, scopes) {
                name = near.to_owned();
            }
        }
        if sink.on(Rule::ScopeCase) {
            name = name.to_lowercase();
        }
        format!("{lead}{name}{}", &part[lead.len() + trimmed.len()..])
    });
    parts.collect::<Vec<_>>().join(",")
}

/// A fault's fixed header with the description rules that are on applied too: the line
/// had no description to judge before its fix, so `try:` must not offer one those rules
/// refuse (`Fixed the crash.` → `fix: the crash`, not `fix: the crash.`).
pub(super) fn polished(sink: &Sink<'_>, fixed: String) -> String {
    let Ok(h) = parse::header(&fixed) else {
        return fixed;
    };
    let mut d = h.description.to_owned();
    if sink.on(Rule::SubjectFullStop) && full_stop(&d) {
        d.truncate(d.trim_end_matches('.').len());
    }
    if sink.on(Rule::SubjectCase) && shouting(&d) {
        d = d.to_lowercase();
    } else if sink.on(Rule::SubjectCase) && capitalised(&d) {
        d = lowercase_first(&d);
    }
    if d.is_empty() || d == h.description {
        return fixed;
    }
    format!("{}{d}", &fixed[..h.description_at])
}

/// The allowed type a misspelt or miscased one stands for.
pub(super) fn type_fix<'c>(sink: &Sink<'c>, ty: &str) -> Option<&'c str> {
    let lower = ty.to_lowercase();
    let types = &sink.config.types;
    match types.iter().find(|t| **t == lower) {
        Some(t) if *t != ty => Some(t.as_str()),
        Some(_) => None,
        None => crate::commit::suggest::nearest(ty, types),
    }
}

/// "Add x" is sentence case; "API x", "README" or "X" are names and stay.
pub(super) fn capitalised(d: &str) -> bool {
    let mut chars = d.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(char::is_lowercase)
}

/// "ADD THING" is all capitals, not a name: two or more words with letters and not one
/// lowercase letter (commitlint's `upper-case`); one word alone (`API`, `WIP`) is a name.
pub(super) fn shouting(d: &str) -> bool {
    !d.chars().any(char::is_lowercase)
        && d.split_whitespace()
            .filter(|w| w.chars().any(char::is_uppercase))
            .count()
            >= 2
}

/// A trailing `.` or `..`; three or more dots are an ellipsis (`more to come...`), which
/// prose does not read as a full stop, so relhook accepts it where commitlint does not.
pub(super) fn full_stop(d: &str) -> bool {
    d.ends_with('.') && !d.ends_with("...")
}

pub(super) fn lowercase_first(d: &str) -> String {
    let mut chars = d.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
