//! A commit's entry as a git-cliff project's `commit_parsers` decide it
//! ([`crate::config::cliff`]): none for a commit a parser skips (or `filter_commits` leaves
//! out), nor for relhook's own bookkeeping commits (`docs(changelog): sync with history`);
//! the group of the first parser that matches for its sub-section (its order comment taken
//! out, as [`super::cliff_groups::heading_name`] heads it), whatever the commit's type;
//! where none matches (or the one that does names no group), its type, as git-cliff's
//! template reads a commit's `group` then.

pub use super::cliff_groups::heading_name as cliff_heading;
use super::entry::{Forge, NewEntry, entry_for_message, entry_in};
use crate::commit::advised::is_bookkeeping;
use crate::commit::parse::Commit;
use crate::config::ChangelogConfig;
use crate::config::cliff::{Cliff, Fields, Verdict};

/// What the parsers make of a Conventional Commit's message (`None`: not one, or no
/// parsers followed).
fn verdict(message: &str, id: Option<&str>, cliff: &Cliff) -> Option<(Verdict, Commit)> {
    let c = crate::commit::parse::commit(message.trim_end())?;
    let footers: Vec<String> = (c.footers.iter())
        .map(|f| format!("{}: {}", f.token, f.value))
        .collect();
    let fields = Fields {
        message,
        conventional: Some((&c.ty, &c.description, c.scope.as_deref(), c.body.as_deref())),
        footers: &footers,
        breaking: c.breaking,
        id,
    };
    Some((cliff.verdict(&fields), c))
}

/// The entry the project's `commit_parsers` decide for `message` (`Some(None)`: none, the
/// commit is left out), or `None` where they decide nothing and relhook's rules do.
pub fn decided(
    message: &str,
    config: &ChangelogConfig,
    forge: Option<&Forge>,
) -> Option<Option<NewEntry>> {
    decided_at(message, None, config, forge)
}

/// [`decided`] for the commit `id` (a `sha` parser may name it).
pub fn decided_at(
    message: &str,
    id: Option<&str>,
    config: &ChangelogConfig,
    forge: Option<&Forge>,
) -> Option<Option<NewEntry>> {
    let cliff = config.cliff.as_deref().filter(|c| c.followed())?;
    let (verdict, c) = verdict(message, id, cliff)?;
    if is_bookkeeping(&c) {
        return Some(None);
    }
    match (verdict, c) {
        (Verdict::Skip(_) | Verdict::Filtered, _) => Some(None),
        (Verdict::Group(g), c) => {
            let heading = super::cliff_groups::heading_name(&g);
            Some(entry_in(
                &c,
                Some(heading).filter(|h| !h.is_empty()),
                config,
                forge,
            ))
        }
        // git-cliff's `group` is then the commit's type (`perf` → `### Perf`); a revert of
        // git's is no Conventional Commit to git-cliff, and relhook's rules decide it.
        (Verdict::Unmatched, c) if c.reverts.is_none() => {
            Some(entry_in(&c, Some(cliff_heading(&c.ty)), config, forge))
        }
        (Verdict::Unmatched, _) => None,
    }
}

/// The entry of the commit `id` whose message is `message`: [`entry_for_message`]'s, but
/// decided by a `sha` parser that names the commit (git-cliff's `{ sha = "…", skip = true }`).
pub fn entry_for_commit(
    message: &str,
    id: Option<git2::Oid>,
    config: &ChangelogConfig,
    forge: Option<&Forge>,
) -> Option<NewEntry> {
    let id = id.map(|id| id.to_string());
    let fixup = ["fixup! ", "squash! ", "amend! "]
        .iter()
        .any(|p| message.starts_with(p));
    match decided_at(message, id.as_deref(), config, forge) {
        Some(decided) if !fixup => decided,
        _ => entry_for_message(message, config, forge),
    }
}

/// Why a commit whose message calls for an entry by relhook's own rules gets none in a
/// git-cliff project (a parser skips it, or `filter_commits` leaves it out), in words for the
/// line that says so; `None` where that is not why.
pub fn left_out_by_cliff(message: &str, config: &ChangelogConfig) -> Option<String> {
    let cliff = config.cliff.as_deref().filter(|c| c.followed())?;
    let file = &cliff.file;
    let why = match verdict(message, None, cliff)?.0 {
        Verdict::Skip(parser) => format!("{file}'s commit_parsers skip it (`{{ {parser} }}`)"),
        Verdict::Filtered => format!(
            "it matches none of {file}'s commit_parsers, and its `filter_commits = true` leaves such commits out"
        ),
        Verdict::Group(_) | Verdict::Unmatched => return None,
    };
    let plain = ChangelogConfig {
        cliff: None,
        ..config.clone()
    };
    entry_for_message(message, &plain, None).map(|_| why)
}
/// The `git commit` of relhook's own bookkeeping in the changelog, its header one the
/// project's changelog rules give no entry (see [`crate::commit::advised::commit_unlisted`]).
pub fn unlisted(
    config: &crate::config::Config,
    (ty, scope): (&str, Option<&str>),
    texts: &[&str],
) -> String {
    let rules = &config.changelog;
    let listed = |header: &str| match decided(header, rules, None) {
        Some(decided) => decided.is_some(),
        None => entry_for_message(header, rules, None).is_some(),
    };
    crate::commit::advised::commit_unlisted(&config.commit, &listed, (ty, scope), texts)
}
