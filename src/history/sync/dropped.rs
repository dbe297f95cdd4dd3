//! Unreleased entries of commits history no longer has: a `git rebase -i` that dropped a
//! commit (or a reset past it) takes out the entry the commit carried itself, but not one
//! another commit wrote (a `docs(changelog): sync with history` commit after a
//! `RELHOOK_SKIP=1` one). Such an entry ships with the next release for a change it no longer
//! has. Found by words: an entry of Unreleased that no commit of the unreleased range calls
//! for, but that a commit HEAD's reflog remembers does, which no local branch holds any more.
//! Said, never removed: a person may have written it.

use std::collections::HashSet;

use git2::Oid;

use super::{collect, commit_entry, forge, parse_kept, since};
use crate::Result;
use crate::config::Config;
use crate::git::Repo;
use crate::history::changelog::normalize;

/// How far back HEAD's reflog is read for commits history lost.
const LOOK_BACK: usize = 2000;

/// An Unreleased entry whose commit history lost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    /// The entry, as the file writes it.
    pub entry: String,
    /// The commit that calls for it, history no longer has.
    pub commit: Oid,
    /// That commit's header.
    pub header: String,
}

/// The entries of `current` (the file's text) that only commits history lost call for.
pub fn dropped_entries(repo: &Repo, config: &Config, current: &str) -> Result<Vec<Dropped>> {
    let Some(head) = repo.head() else {
        return Ok(Vec::new());
    };
    let log = parse_kept(repo, &config.changelog.path, current)?;
    let listed: Vec<(String, String)> = log
        .unreleased_entries()
        .into_iter()
        .map(|e| (normalize(&e.text), e.text))
        .collect();
    if listed.is_empty() {
        return Ok(Vec::new());
    }
    let forge = forge(repo);
    // An amend's replaced commit is `amended`'s to say (with the hand edit it calls for); the
    // commit git made before post-commit rewrote it is the rewrite's, said (or not) by its own
    // fate: a reword of the rewrite left git's commit in the reflog, held by no branch.
    let amends = repo.amends(LOOK_BACK);
    let replaced: HashSet<Oid> = amends
        .iter()
        .map(|a| a.old)
        .chain(repo.rewritten_by_post_commit(LOOK_BACK))
        .collect();
    let mut found: Vec<(String, Dropped)> = Vec::new();
    for id in repo.head_reflog_commits(LOOK_BACK) {
        if replaced.contains(&id) {
            continue;
        }
        let Some(message) = repo.commit_text(id) else {
            continue;
        };
        let Some(entry) = commit_entry(repo, &message, config, forge.as_ref()) else {
            continue;
        };
        let key = normalize(&entry.text);
        // The newest commit of those words is the one named.
        if found.iter().any(|(k, _)| *k == key) {
            continue;
        }
        if let Some((_, text)) = listed.iter().find(|(k, _)| *k == key) {
            let header = message.lines().next().unwrap_or_default().to_owned();
            let entry = text.clone();
            found.push((
                key,
                Dropped {
                    entry,
                    commit: id,
                    header,
                },
            ));
        }
    }
    if found.is_empty() {
        return Ok(Vec::new());
    }
    // Still called for by a commit of the range (a rebased copy, a pick), folded into one
    // whose message keeps its header (a squash), or reworded into one (a rebase's reword of a
    // commit it picked again, which the reword's own warning names): not lost.
    let (range, _) = since::since_last_release(repo, head, config, None)?;
    for c in collect(repo, &range)? {
        let own =
            commit_entry(repo, &c.message, config, forge.as_ref()).map(|e| normalize(&e.text));
        let was: Vec<String> = crate::git::amend_chain(&amends, c.id)
            .iter()
            .filter_map(|a| repo.commit_text(a.old))
            .filter_map(|m| m.lines().next().map(str::to_owned))
            .collect();
        found.retain(|(k, d)| {
            Some(k) != own.as_ref()
                && !c.message.lines().any(|l| l.trim() == d.header)
                && !was.contains(&d.header)
        });
    }
    let tips: Vec<Oid> = std::iter::once(head)
        .chain(repo.branches_at("heads/*").into_iter().map(|(_, at)| at))
        .collect();
    found.retain(|(_, d)| !tips.iter().any(|t| repo.reaches(*t, d.commit)));
    Ok(found.into_iter().map(|(_, d)| d).collect())
}

impl Dropped {
    /// Doctor's words for it, in `path` (`marker`: the file's bullet).
    pub fn said(&self, path: &std::path::Path, marker: char) -> String {
        format!(
            "{} lists `{marker} {}` under Unreleased, the entry of commit {} (`{}`), which no branch holds any more (a rebase dropped it, or a reset) and no commit since the last release calls for; remove it by hand if it should not ship",
            path.display(),
            crate::history::changelog::one_line(&self.entry),
            crate::git::short_id(self.commit),
            self.header
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_names_the_entry_and_the_lost_commit() {
        let d = Dropped {
            entry: "skipped thing".into(),
            commit: Oid::zero(),
            header: "feat: skipped thing".into(),
        };
        let said = d.said(std::path::Path::new("CHANGELOG.md"), '-');
        assert!(
            said.starts_with("CHANGELOG.md lists `- skipped thing` under Unreleased, the entry of commit 000000000 (`feat: skipped thing`)"),
            "{said}"
        );
        assert!(
            said.ends_with("remove it by hand if it should not ship"),
            "{said}"
        );
    }
}
