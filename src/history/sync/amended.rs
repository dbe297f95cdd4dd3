//! A `git commit --amend` relhook's post-commit did not rewrite (killed before its journal
//! existed, or skipped): the amend carries the entry of the message it replaced, which no
//! commit in history calls for any more. Said with the hand edit, as post-commit says it when
//! it cannot rewrite an amend (`accumulate::unrewritten_amend`); the entry is left as it is,
//! the person's to change, and `--sync` adds the new message's entry beside it only when that
//! one weighs more (as it does after such a post-commit).

use std::collections::HashSet;
use std::path::Path;

use git2::Oid;

use super::{added_by, commit_entry};
use crate::config::Config;
use crate::git::Repo;
use crate::history::changelog::entry::{Forge, NewEntry};
use crate::history::changelog::{Changelog, normalize, one_line};

/// How far back HEAD's reflog is read for amends.
const AMENDS_READ: usize = 200;

/// An amended commit whose replaced message's entry the file still lists.
#[derive(Debug, Clone)]
pub struct Stale {
    pub(super) commit: Oid,
    /// The replaced message's entry, as the file lists it.
    was: String,
    /// The entry the commit's message calls for, with the name of its heading in the file.
    now: NewEntry,
    /// The file lists that one too.
    both: bool,
    /// The sync adds that one (beside the stale one, which weighs less).
    pub(super) added: bool,
    marker: char,
}

/// The amended commits among `candidates` (those of the unreleased range that call for an
/// entry) whose replaced message's entry `log` still lists, carried by the amend itself, and
/// standing for no other commit of the range.
pub(super) fn stale(
    repo: &Repo,
    config: &Config,
    log: &Changelog,
    candidates: &[(Oid, NewEntry)],
    forge: Option<&Forge>,
) -> Vec<Stale> {
    let Some(head) = repo.head() else {
        return Vec::new();
    };
    let listed: HashSet<String> = log
        .unreleased_entries()
        .iter()
        .map(|e| normalize(&e.text))
        .collect();
    let path: &Path = &config.changelog.path;
    let mut out: Vec<Stale> = Vec::new();
    for (old, new) in repo.amends(AMENDS_READ) {
        let Some((_, now)) = candidates.iter().find(|(id, _)| *id == new) else {
            continue;
        };
        if out.iter().any(|s| s.commit == new) || repo.is_merge(new) {
            continue;
        }
        let Some(was) = repo
            .commit_text(old)
            .and_then(|m| commit_entry(repo, &m, config, forge))
        else {
            continue;
        };
        let key = normalize(&was.text);
        // Worded alike, it is the commit's own entry (`own_change::misplaced` moves it).
        if key == normalize(&now.text) || !listed.contains(&key) {
            continue;
        }
        if candidates
            .iter()
            .any(|(id, e)| *id != new && normalize(&e.text) == key)
        {
            continue;
        }
        // Carried by the amend (post-commit rewrote nothing), of a commit history lost.
        if !added_by(repo, new, path).contains(&key) || repo.reaches(head, old) {
            continue;
        }
        let section = log.section_name(&now.section, now.breaking);
        out.push(Stale {
            commit: new,
            was: was.text,
            both: listed.contains(&normalize(&now.text)),
            added: false,
            now: NewEntry {
                section,
                ..now.clone()
            },
            marker: log.marker(),
        });
    }
    out
}

impl Stale {
    /// The amended commit.
    pub fn commit(&self) -> Oid {
        self.commit
    }

    /// The line for it in `path`: as the file is (`synced` false: doctor), or as this sync
    /// leaves it.
    pub fn said(&self, path: &Path, synced: bool) -> String {
        let (m, path) = (self.marker, path.display());
        let commit = crate::git::short_id(self.commit);
        let (was, now) = (one_line(&self.was), one_line(&self.now.text));
        let why = "relhook's post-commit did not rewrite the amend: killed, or skipped";
        if self.both || (synced && self.added) {
            return format!(
                "{path} still lists `{m} {was}` for amended commit {commit} beside `{m} {now}`, the entry its new message calls for ({why}); remove `{m} {was}` by hand if it should go"
            );
        }
        let beside = match self.added {
            true => format!(
                " (left so, `relhook changelog --sync` adds `{m} {now}` beside it: an entry that weighs less does not stand for the commit)"
            ),
            false => String::new(),
        };
        format!(
            "{path} still reads `{m} {was}` for amended commit {commit} ({why}); if it should follow the new message, change it by hand to `{m} {now}` under {}{beside}",
            self.now.section
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stale(both: bool, added: bool) -> Stale {
        Stale {
            commit: Oid::zero(),
            was: "d".into(),
            now: NewEntry {
                section: "Added".into(),
                text: "dd".into(),
                breaking: false,
            },
            both,
            added,
            marker: '*',
        }
    }

    #[test]
    fn the_hand_edit_said_follows_what_the_file_lists() {
        let path = Path::new("CHANGELOG.md");
        let alone = stale(false, false).said(path, false);
        assert!(
            alone.ends_with("change it by hand to `* dd` under Added"),
            "{alone}"
        );
        // `--sync` adds the heavier entry beside it: said before, and as it leaves the file.
        let adds = stale(false, true);
        assert!(
            adds.said(path, false)
                .ends_with("(left so, `relhook changelog --sync` adds `* dd` beside it: an entry that weighs less does not stand for the commit)")
        );
        for said in [adds.said(path, true), stale(true, false).said(path, false)] {
            assert!(
                said.contains("still lists `* d` for amended commit"),
                "{said}"
            );
            assert!(
                said.ends_with("remove `* d` by hand if it should go"),
                "{said}"
            );
        }
    }
}
