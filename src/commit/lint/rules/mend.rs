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

/// A description that starts with a capital letter ("Add x", "API change", "README typo",
/// "V2 API"): refused as commitlint's default `subject-case` (config-conventional's `never
/// sentence-case`, with start, pascal and upper case) refuses it, names included; one that
/// starts otherwise ("iOS build", "2FA SETUP", "`Foo` x") passes there, and here.
pub(super) fn capitalised(d: &str) -> bool {
    d.chars().next().is_some_and(char::is_uppercase)
}

/// A [`capitalised`] description all in capitals ("ADD THING"), said as such: two or more
/// words with letters and not one lowercase letter (commitlint's `upper-case`).
pub(super) fn shouting(d: &str) -> bool {
    capitalised(d)
        && !d.chars().any(char::is_lowercase)
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

/// `d` with its first word in lowercase, whole when a capital follows its first letter (a
/// name such as `API`, `README` or `GitHub`, which `aPI` would only mangle), else its first
/// letter alone (`Add x` → `add x`).
pub(super) fn lowercase_first(d: &str) -> String {
    let word = d.find(char::is_whitespace).unwrap_or(d.len());
    let (first, rest) = d.split_at(word);
    let mut chars = first.chars();
    match chars.next() {
        Some(_) if chars.clone().any(char::is_uppercase) => first.to_lowercase() + rest,
        Some(c) => c.to_lowercase().chain(chars).chain(rest.chars()).collect(),
        None => String::new(),
    }
}
