//! git's revert of a revert of a revert (`Reapply "Reapply "fix: x""`: the fourth link of a
//! fix's revert, its reapply, and the reapply reverted): no entry is read from a revert this
//! deep, and none is due while the link it reverts is unreleased (the pair cancels out, as
//! `--sync` pairs them). Said in one line, as the first links are, rather than nothing.

use git2::Oid;

use super::entries::entry_of;
use crate::commit::parse::{reverted_commit, reverted_header};
use crate::config::Config;
use crate::git::Repo;
use crate::history::changelog::entry::entry_for_message;
use crate::history::changelog::{Changelog, one_line};

/// The line for commit `head` (its header `subject`), a revert of a revert with no entry of
/// its own read, whose innermost change calls for one; `None` for any other commit.
pub(super) fn notice(repo: &Repo, config: &Config, head: Oid, subject: &str) -> Option<String> {
    if !subject.starts_with("Reapply \"Reapply \"") {
        return None;
    }
    let change = reverted_header(subject);
    // A chain of a change that has no entry (`chore: x`) leaves nothing to wait for.
    let own = entry_for_message(change, &config.changelog, None)?;
    let path = &config.changelog.path;
    let undone = repo
        .commit_text(head)
        .and_then(|m| reverted_commit(&m))
        .and_then(|id| repo.revision_commit(&id))
        .filter(|id| *id != head && repo.reaches(head, *id));
    let released = |id: Oid| {
        let tag = repo.latest_release_tag(head, &config.version.tag_prefix);
        tag.and_then(|(_, t)| repo.peel_to_commit(t))
            .is_some_and(|t| t == id || repo.reaches(t, id))
    };
    let forge = std::cell::OnceCell::new();
    let entry = undone
        .filter(|id| config.packages.is_empty() && !released(*id))
        .and_then(|id| entry_of(repo, id, config, &forge));
    if let Some(entry) = entry {
        // As the file writes its entries (its bullet, its scopes).
        let log = repo
            .file_at(head, path)
            .ok()
            .flatten()
            .and_then(|f| String::from_utf8(f.bytes).ok())
            .and_then(|t| Changelog::parse(&t).ok());
        let written = |text: &str| match &log {
            Some(log) => format!("`{} {}`", log.marker(), one_line(&log.as_written(text))),
            None => format!("`- {}`", one_line(text)),
        };
        // The change unreleased too: git's revert brought its entry back.
        if log
            .as_ref()
            .is_some_and(|l| l.contains_entry(&own.text, true))
        {
            return Some(format!(
                "no entry added: this commit reverts an unreleased revert of {}, which is back in Unreleased with it",
                written(&own.text)
            ));
        }
        return Some(format!(
            "no entry added: this commit reverts {} before any release, so neither ships",
            written(&entry.text)
        ));
    }
    let add = crate::shellword::from_top(path);
    Some(format!(
        "no entry added: relhook does not read what a revert this deep calls for when the commit it reverts is released (or not named by git's `This reverts commit <id>.`); if it ships `{change}` again, write its entry under Unreleased, then `git add {add} && git commit --amend --no-edit`"
    ))
}
