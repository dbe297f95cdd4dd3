//! Cleaned message text → a Conventional Commit. The header is scanned by hand, strictly
//! (Conventional Commits 1.0.0: `type(scope)!: description`, a colon and one space), so that
//! a fault has an exact position for the caret; body and footers come from git-conventional.
//!
//! `header` scans the header; `layout` finds footers and breaking-change notes in the lines
//! after it; this file assembles the whole [`Commit`].

mod header;
mod layout;
mod revert;

pub use header::{Fault, FaultKind, Header, header};
pub use layout::{Layout, breaking_token, footer_token, paragraphs};
pub use revert::{
    is_revert_header, reapplied, reverted_commit, reverted_commits, reverted_header, undone_revert,
    unquoted, unwrap_revert,
};

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
    /// body's `This reverts commit <id>.`), if the body names one. For a `revert`-type commit,
    /// the same read from its subject and footer (`revert: feat: x`, `Refs: <id>`).
    pub reverts: Option<Reverted>,
}

/// What a revert commit undoes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reverted {
    /// The reverted commit's header; empty when only the commit is named (a `revert:`
    /// commit with a subject of its own and a `Refs: <id>` footer).
    pub header: String,
    /// The reverted commit's id as the body names it (full or abbreviated).
    pub commit: Option<String>,
    /// The pull request a forge's squash merge appended to git's header of the revert itself
    /// (`Revert "fix: x" (#123)` → `123`): the revert's own, kept on its entry.
    pub pull_request: Option<String>,
}

/// Parses a cleaned message whose header follows the grammar; `None` when it does not.
/// Git's `Revert "type: …"` reads as a `revert` of that header (see [`Commit::reverts`]), as
/// does `revert: type: …`; its `Reapply "type: …"` as the reapplied change itself, so that
/// it counts and gets its entry like the commit it brings back.
pub fn commit(message: &str) -> Option<Commit> {
    let lines: Vec<&str> = message.lines().collect();
    let first = *lines.first()?;
    if let Some(inner) = reapplied(first) {
        let rest = lines.get(1..).unwrap_or_default();
        return commit(
            &std::iter::once(inner)
                .chain(rest.iter().copied())
                .collect::<Vec<_>>()
                .join("\n"),
        );
    }
    if first.starts_with("Revert \"") {
        let reverts = revert::git_revert(first, message)?;
        let mut c = from_lines(&lines, "revert", None, false, &reverts.header)?;
        c.reverts = Some(reverts);
        return Some(c);
    }
    let h = header(first).ok()?;
    let ty = h.ty.to_lowercase();
    let scope = h.scope.map(|(s, _)| s.trim().to_owned());
    let mut c = from_lines(&lines, &ty, scope, h.bang, h.description)?;
    if ty == "revert" {
        c.reverts = revert::typed(&c, message);
    } else if h.description.starts_with("Revert \"") {
        // Git's revert text typed (`fix: Revert "feat: x"`): a revert all the same.
        c.reverts = revert::git_revert(h.description, message);
    }
    Some(c)
}

/// Why a message [`commit`] does not parse is no Conventional Commit, and what marks it
/// breaking all the same: such a commit is not counted, but a breaking change skipped must be
/// said (QA12: standard-version's `feat(…):` with a `BREAKING CHANGE:` footer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unparsed {
    /// The rule its header breaks (`the description is empty`).
    pub rule: &'static str,
    /// What marks it breaking (``a `BREAKING CHANGE` footer``, ``!` before the colon``).
    pub breaking: Option<&'static str>,
}

/// [`Unparsed`] for a message whose header [`commit`] refuses.
pub fn unparsed(message: &str) -> Unparsed {
    let first = message.lines().next().unwrap_or("");
    let rule = header(first)
        .err()
        .map_or(FaultKind::NotConventional, |f| f.kind);
    let footer = message.lines().skip(1).find_map(breaking_token);
    let bang = first
        .split_once(':')
        .is_some_and(|(p, _)| p.ends_with('!') && !p.contains(char::is_whitespace));
    let breaking = match footer {
        Some(("BREAKING-CHANGE", _)) => Some("a `BREAKING-CHANGE` footer"),
        Some(_) => Some("a `BREAKING CHANGE` footer"),
        None => bang.then_some("`!` before the colon"),
    };
    Unparsed {
        rule: rule.what(),
        breaking,
    }
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
                // Between the paragraphs of a block (footers, then git's trailers).
                None if lines[i].trim().is_empty() => {}
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
mod tests;
