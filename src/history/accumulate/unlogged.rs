//! A commit post-commit cannot tell `git commit` made: HEAD has no reflog
//! (`core.logAllRefUpdates=false`, a repository's first commits), or the reflog names another
//! tool (`GIT_REFLOG_ACTION=mytool git commit`). No entry is added, as before; when the
//! commit's message calls for one, one line says so and names `--sync`, which adds it. git's
//! own operations (rebase, revert, …) stay silent, but for a cherry-pick of a commit that
//! carries no entry (made past relhook's post-commit), and a cherry-pick whose message the
//! lint refuses (git's cherry-pick commits with `-n`, past commit-msg).

use super::{ReflogTop, entry_of};
use crate::Result;
use crate::config::Config;
use crate::git::Repo;
use crate::history::accumulate::Accumulated;
use crate::history::changelog::{Changelog, one_line};

/// The first word of the reflog actions of git's own commands (`rebase (pick)`, `pull
/// --rebase (pick)`, `cherry-pick`, …) and of relhook's.
const GIT_ACTIONS: &[&str] = &[
    "am",
    "bisect",
    "branch",
    "checkout",
    "cherry-pick",
    "clone",
    "commit",
    "fetch",
    "merge",
    "notes",
    "pull",
    "push",
    "rebase",
    "relhook",
    "replace",
    "reset",
    "revert",
    "sequencer",
    "stash",
    "switch",
    "update-ref",
    "worktree",
];

/// Called only once the reflog did not say `commit: …` (`top`: its newest entry, if any).
pub(super) fn unlogged(
    repo: &Repo,
    config: &Config,
    top: Option<&ReflogTop>,
) -> Result<Accumulated> {
    let skip = || Ok(Accumulated::Skipped("not a plain `git commit`".into()));
    let Some(head) = repo.head() else {
        return skip();
    };
    // A commit cherry-picked from one made past relhook's post-commit (`RELHOOK_SKIP`,
    // another clone without relhook) brings no entry with it: said, as a commit that git's
    // reflog does not name is.
    let mut picked = false;
    let why = match top {
        None => "HEAD has no reflog (`core.logAllRefUpdates` is false), so relhook cannot tell that `git commit` made it".to_owned(),
        Some(t) => {
            let action = t.message.split_once(": ").map_or(t.message.as_str(), |(a, _)| a);
            let word = action.split([' ', '(']).next().unwrap_or_default();
            picked = t.new == head && word == "cherry-pick";
            if !picked && (t.new != head || word.is_empty() || GIT_ACTIONS.contains(&word)) {
                return skip();
            }
            unlogged_why(picked, action)
        }
    };
    // git's cherry-pick commits with `-n`, past commit-msg: a pick pre-push will refuse is
    // said, as a `--no-verify` commit is, beside whatever is said of its entry.
    let lint = || {
        picked
            .then(|| super::unlinted::notice(repo, head, config, true))
            .flatten()
    };
    let said = |entry: String| {
        Accumulated::Notice(match lint() {
            Some(lint) => format!("{entry}; {lint}"),
            None => entry,
        })
    };
    let skip = || Ok(super::unlinted::or_skip(lint(), "not a plain `git commit`"));
    // A pick in a sequence is said too (each one's own line); `--sync` is for when it is done.
    if !config.changelog.accumulate || (!picked && repo.operation_in_progress().is_some()) {
        return skip();
    }
    let path = config.changelog.path.as_path();
    let Some(entry) = entry_of(repo, head, config, &std::cell::OnceCell::new()) else {
        // `git cherry-pick -e` that made the pick `chore:`: the entry it brought stays.
        if picked && let Some(line) = picked_without_entry(repo, config, head, path) {
            return Ok(said(line));
        }
        return skip();
    };
    // The commit's own change to the file stands for its entry (as `--sync` counts it); an
    // entry already in Unreleased needs nothing either.
    if repo.changes_path(head, path) {
        // `git cherry-pick -e` that gave the commit another type: the entry it brought reads
        // the same, under the old type's heading.
        if picked && let Some(line) = picked_under_old_heading(repo, head, path, &entry) {
            return Ok(said(line));
        }
        if picked && let Some(line) = picked_in_new_words(repo, config, head, path, &entry) {
            return Ok(said(line));
        }
        return skip();
    }
    // Listed as `--sync` counts it (a release commit picked before this one brought its
    // section, which lists it): nothing to add.
    let listed = |l: &Changelog| {
        crate::history::sync::listed_as_unreleased(repo, config, head, l, &entry.text)
    };
    if let Some(stored) = repo.committed_file(head, path)?
        && let Ok(text) = std::str::from_utf8(&stored.bytes)
        && Changelog::parse(text).is_ok_and(|l| listed(&l))
    {
        return skip();
    }
    let all = if config.packages.is_empty() {
        ""
    } else {
        " --all"
    };
    Ok(said(format!(
        "no entry added to {} for commit {}: {why}; `relhook changelog --sync{all}` adds `- {}`",
        path.display(),
        crate::git::short_id(head),
        one_line(&entry.text)
    )))
}

/// Why a commit the reflog does not credit to `git commit` got no entry.
fn unlogged_why(picked: bool, action: &str) -> String {
    if picked {
        return "it was cherry-picked from a commit that carries no changelog entry (made while relhook's post-commit did not run)".to_owned();
    }
    format!(
        "HEAD's reflog says `{action}` made it, not `git commit` (relhook adds entries to the commits of `git commit` only)"
    )
}

/// The line for cherry-picked commit `head` whose one entry brought along (in `path`) reads
/// as `entry`, the one its message calls for, marks aside, but stands under another kind's
/// heading or without those marks: the pick's message was edited to another type
/// (`cherry-pick -e`, `feat:` made `fix:` or `feat!:`), which `--sync` puts right.
fn picked_under_old_heading(
    repo: &Repo,
    head: git2::Oid,
    path: &std::path::Path,
    entry: &super::NewEntry,
) -> Option<String> {
    use crate::history::changelog::{normalize, vocab::same_section};
    let brought = brought_one(repo, head, path)?;
    // The description alone too: a scope given in the pick (`fix(backport):`) bolds it, as
    // does a `!` (`**BREAKING**`).
    let bare = crate::history::changelog::weight::bare_words;
    if bare(&brought) != bare(&entry.text) {
        return None;
    }
    let (log, under) = listed_under(repo, head, path, &brought)?;
    let to = log.section_name(&entry.section, entry.breaking);
    let m = log.marker();
    if same_section(&under, &to) && normalize(&brought) == normalize(&entry.text) {
        return None;
    }
    // Its words as relhook wrote them for the picked type: `--sync` puts them right.
    let (now, fix) = match normalize(&brought) == normalize(&entry.text) {
        true => (format!("puts it under {to}"), "moves it there".to_owned()),
        false => (
            format!("calls for `{m} {}` under {to}", one_line(&entry.text)),
            "replaces it with that".to_owned(),
        ),
    };
    Some(format!(
        "{} lists `{m} {}` under {under} for cherry-picked commit {}, whose message {now} (relhook leaves a pick's entry as it came); `relhook changelog --sync` {fix}",
        path.display(),
        one_line(&brought),
        crate::git::short_id(head),
    ))
}

/// The line for cherry-picked commit `head` whose one entry brought along reads as a commit
/// on a branch made it, word for word, while the pick's message calls for other words
/// (`cherry-pick -e` reworded it). An entry polished by hand on its branch (no commit's
/// message makes it) is the person's, and nothing is said.
fn picked_in_new_words(
    repo: &Repo,
    config: &Config,
    head: git2::Oid,
    path: &std::path::Path,
    entry: &super::NewEntry,
) -> Option<String> {
    use crate::history::changelog::normalize;
    let brought = brought_one(repo, head, path)?;
    if normalize(&brought) == normalize(&entry.text) {
        return None;
    }
    if !made_on_a_branch(repo, config, head, &brought)? {
        return None;
    }
    Some(format!(
        "{} lists `- {}` for cherry-picked commit {}, as the commit it was picked from made it, while the pick's message calls for `- {}`; if it should follow the message, change it by hand (relhook leaves a pick's entry as it came)",
        path.display(),
        one_line(&brought),
        crate::git::short_id(head),
        one_line(&entry.text)
    ))
}

/// Whether a commit on a branch (not below `head`) has a message that makes `entry`, word for
/// word: the entry is that commit's generated one, not one a person wrote.
fn made_on_a_branch(repo: &Repo, config: &Config, head: git2::Oid, entry: &str) -> Option<bool> {
    use crate::history::changelog::normalize;
    let wanted = std::collections::HashSet::from([normalize(entry)]);
    let elsewhere = crate::git::Range {
        tips: repo.branch_commits(),
        hidden: vec![head],
        ..crate::git::Range::default()
    };
    let forge = std::cell::OnceCell::new();
    let made = crate::history::sync::entries_made(repo, config, &elsewhere, &forge, Some(&wanted));
    Some(made.ok()?.contains(&normalize(entry)))
}

/// The line for cherry-picked commit `head` whose message calls for no entry (`cherry-pick
/// -e` made it `chore:`) while it brought one along in `path`, as the commit it was picked
/// from made it: that entry stays, as a pick's entry does. An entry a commit of such a type
/// wrote by hand (no commit's message makes it) is the person's, and nothing is said.
fn picked_without_entry(
    repo: &Repo,
    config: &Config,
    head: git2::Oid,
    path: &std::path::Path,
) -> Option<String> {
    if !repo.changes_path(head, path) {
        return None;
    }
    let brought = brought_one(repo, head, path)?;
    if !made_on_a_branch(repo, config, head, &brought)? {
        return None;
    }
    let (log, under) = listed_under(repo, head, path, &brought)?;
    Some(format!(
        "{} still has `{} {}` under {under}, brought by cherry-picked commit {} as the commit it was picked from made it, though the pick's message no longer calls for an entry (relhook leaves a pick's entry as it came); remove it by hand if it should go",
        path.display(),
        log.marker(),
        one_line(&log.as_written(&brought)),
        crate::git::short_id(head),
    ))
}

/// The one entry a picked commit brought along in `path`; `None` when it brought none or
/// several (a pick of a squash), which are not a single commit's to judge.
fn brought_one(repo: &Repo, head: git2::Oid, path: &std::path::Path) -> Option<String> {
    let [brought] = Vec::from_iter(crate::history::sync::added_by(repo, head, path))
        .try_into()
        .ok()?;
    Some(brought)
}

/// HEAD's committed changelog, and the Unreleased heading it lists `brought` under.
fn listed_under(
    repo: &Repo,
    head: git2::Oid,
    path: &std::path::Path,
    brought: &str,
) -> Option<(Changelog, String)> {
    use crate::history::changelog::normalize;
    let text = std::str::from_utf8(&repo.committed_file(head, path).ok()??.bytes)
        .ok()?
        .to_owned();
    let log = Changelog::parse(&text).ok()?;
    let under = (log.unreleased_entries().into_iter())
        .find(|e| normalize(&e.text) == normalize(brought))?
        .section;
    Some((log, under))
}
