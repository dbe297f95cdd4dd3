//! The questions `relhook commit` asks, one per part of the message, each re-asked until the
//! answer is usable; menus answered by number or name.

use super::message::{Answers, refs_footer};
use super::term::Term;
use crate::Result;
use crate::config::CommitConfig;

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

/// Asks every question; `None` when the person gave up (end of input, Ctrl-C, Ctrl-D).
pub(super) fn ask(
    term: &mut Term,
    config: &CommitConfig,
    recent: &[String],
) -> Result<Option<Answers>> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
