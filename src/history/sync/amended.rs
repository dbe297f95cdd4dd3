//! A `git commit --amend` relhook's post-commit did not rewrite (killed before its journal
//! existed, or skipped): the amend carries the entry of the message it replaced, which no
//! commit in history calls for any more. Said with the hand edit, as post-commit says it when
//! it cannot rewrite an amend (`accumulate::unrewritten_amend`); the entry is left as it is,
//! the person's to change, and `--sync` adds the new message's entry beside it only when that
//! one weighs more (as it does after such a post-commit). An amend to a message that calls
//! for no entry (`fix: d` made `chore: d`) is said the same way: `--sync` takes out no entry
//! no commit calls for (a person may have written it). One only marks tell from the new
//! message's (`fix(a): d` made `fix(b): d`) `--sync` replaces (`own_change::misplaced`).
//! A `git rebase -i` reword is such an amend too (post-commit leaves a rebase's commits as
//! git makes them), and so is a `squash` whose message replaced the header of the commit it
//! squashed into (`pick A`, `squash B`, A's header edited), and a chain of such steps from the
//! commit whose entry the file lists.

use std::collections::HashSet;
use std::path::Path;

use git2::Oid;

use super::{added_by, commit_entry};
use crate::config::Config;
use crate::git::Repo;
use crate::history::changelog::entry::{Forge, NewEntry};
use crate::history::changelog::{Changelog, normalize, one_line};

/// How far back HEAD's reflog is read for amends and a rebase's steps.
const AMENDS_READ: usize = 200;

/// An amended commit whose replaced message's entry the file still lists.
#[derive(Debug, Clone)]
pub struct Stale {
    pub(super) commit: Oid,
    /// The replaced message's entry, as the file lists it; after a `rebase -i` fixup chain,
    /// each replaced message's (sorted).
    pub(super) was: Vec<String>,
    /// The entry the commit's message calls for, with the name of its heading in the file;
    /// `None` when it calls for none (`chore: d`).
    now: Option<NewEntry>,
    /// The file lists that one too.
    both: bool,
    /// The sync adds that one (beside the stale one, which weighs less).
    pub(super) added: bool,
    /// The sync replaces the stale one with that one (only marks tell them apart).
    pub(super) replaced: bool,
    marker: char,
    /// Every message change since that entry's was a rebase's reword, which post-commit
    /// leaves as git makes it; else an amend it was kept from (killed, or skipped).
    reworded: bool,
    /// The message the entry is of was replaced by a rebase's `squash` step.
    squashed: bool,
    /// Every one was a rebase's: a reword, or an amend at an `edit` stop (left as git made
    /// it too).
    in_rebase: bool,
}

/// The amended commits among `candidates` (those of the unreleased range that call for an
/// entry) and `quiet` (those of it that call for none) whose replaced message's entry `log`
/// still lists, carried by the amend itself, and standing for no other commit of the range.
pub(super) fn stale(
    repo: &Repo,
    config: &Config,
    log: &Changelog,
    (candidates, quiet): (&[(Oid, NewEntry)], &[Oid]),
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
    // A squash's step too: its message replaced the header of the commit squashed into.
    let amends = repo.rewrites(AMENDS_READ);
    for amend in &amends {
        let new = amend.new;
        let now = match candidates.iter().find(|(id, _)| *id == new) {
            Some((_, now)) => Some(now),
            None if quiet.contains(&new) => None,
            None => continue,
        };
        if out.iter().any(|s| s.commit == new) || repo.is_merge(new) {
            continue;
        }
        // Back along amends post-commit did not rewrite (`fix: d` amended, skipped, to
        // `feat: dd`, then to `feat: ddd`): the file may still list the first message's entry.
        let chain = crate::git::amend_chain(&amends, new);
        // The entries found, and how far back the last one was.
        let (mut found, mut depth) = (Vec::new(), 0);
        for (i, back) in chain.iter().enumerate() {
            let old = back.old;
            // The first entry found is the one the file lists; a fixup chain's middle step
            // (`pick A`, `fixup -C C`, `fixup -C D`) leaves each earlier step's too.
            if !found.is_empty()
                && !crate::history::fixup_chain::is_middle_step(repo, chain[i - 1].old)
            {
                break;
            }
            let Some(was) = crate::history::fixup_chain::message(repo, old)
                .and_then(|m| commit_entry(repo, &m, config, forge))
            else {
                continue;
            };
            let key = normalize(&was.text);
            // Worded alike, it is the commit's own entry (`own_change::misplaced` moves it).
            if now.is_some_and(|n| key == normalize(&n.text)) || !listed.contains(&key) {
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
            // Quoted as the file writes them (git-cliff's `*(api)* x`).
            found.push(log.as_written(&was.text));
            depth = i;
        }
        if !found.is_empty() {
            found.sort();
            found.dedup();
            out.push(Stale {
                commit: new,
                was: found,
                both: now.is_some_and(|n| listed.contains(&normalize(&n.text))),
                added: false,
                replaced: false,
                now: now.map(|n| NewEntry {
                    section: log.section_name(&n.section, n.breaking),
                    text: log.entry_style().apply(&n.text),
                    ..n.clone()
                }),
                marker: log.marker(),
                reworded: chain[..=depth].iter().all(|a| a.reword),
                squashed: chain[depth].squash,
                in_rebase: chain[..=depth].iter().all(|a| a.reword || a.in_rebase),
            });
        }
    }
    out
}

/// The line for `commit`, whose post-commit was undone (killed before it moved the branch),
/// when it is an amend whose replaced message's entry the file `root`/`path` still lists:
/// what it reads and the hand edit (`--sync` keeps it). `None` for any other commit.
pub fn undone_amend(repo: &Repo, config: &Config, root: &Path, commit: Oid) -> Option<String> {
    if !repo.amends(AMENDS_READ).iter().any(|a| a.new == commit) {
        return None;
    }
    let path = &config.changelog.path;
    let bytes = crate::fsx::read_regular_optional(&root.join(path)).ok()??;
    let plan = super::plan_sync(repo, config, &String::from_utf8(bytes).ok()?).ok()?;
    let stale = plan.amended.into_iter().find(|s| s.commit == commit)?;
    stale.said(path, false)
}

impl Stale {
    /// The amended commit.
    pub fn commit(&self) -> Oid {
        self.commit
    }

    /// Whether `--sync` replaces the stale entry with the one the new message calls for.
    pub fn sync_replaces(&self) -> bool {
        self.replaced
    }

    /// The line for it in `path`: as the file is (`synced` false: doctor), or as this sync
    /// leaves it; `None` when this sync replaced the entry (and said so).
    pub fn said(&self, path: &Path, synced: bool) -> Option<String> {
        let (m, path) = (self.marker, path.display());
        let commit = crate::git::short_id(self.commit);
        let was: Vec<String> = self.was.iter().map(|w| one_line(w)).collect();
        let was = was.join(&format!("`, `{m} "));
        let (them, they) = match self.was.len() {
            1 => ("it", "it"),
            _ => ("them", "they"),
        };
        let in_rebase = "relhook leaves the commits of a rebase as git makes them";
        let (what, why) = match (self.reworded, self.in_rebase) {
            (true, _) if self.squashed => ("squashed", in_rebase),
            (true, _) => ("reworded", in_rebase),
            // `git commit --amend` at a rebase's `edit` stop: post-commit said the same.
            (false, true) => ("amended", in_rebase),
            (false, false) => (
                "amended",
                "relhook's post-commit did not rewrite the amend: killed, or skipped",
            ),
        };
        let Some(now_entry) = &self.now else {
            return Some(format!(
                "{path} still reads `{m} {was}` for {what} commit {commit}, whose new message calls for no entry ({why}); remove `{m} {was}` by hand if {they} should go"
            ));
        };
        let now = one_line(&now_entry.text);
        if self.replaced {
            return (!synced).then(|| format!(
                "{path} still reads `{m} {was}` for {what} commit {commit} ({why}); `--sync` replaces it with `{m} {now}` under {}, as the new message has it",
                now_entry.section
            ));
        }
        if self.both || (synced && self.added) {
            return Some(format!(
                "{path} still lists `{m} {was}` for {what} commit {commit} beside `{m} {now}`, the entry its new message calls for ({why}); remove `{m} {was}` by hand if {they} should go"
            ));
        }
        let beside = match self.added {
            true => format!(
                " (left so, `relhook changelog --sync` adds `{m} {now}` beside it: an entry that weighs less does not stand for the commit)"
            ),
            false => String::new(),
        };
        Some(format!(
            "{path} still reads `{m} {was}` for {what} commit {commit} ({why}); if {they} should follow the new message, change {them} by hand to `{m} {now}` under {}{beside}",
            now_entry.section
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stale(both: bool, added: bool) -> Stale {
        Stale {
            commit: Oid::zero(),
            was: vec!["d".into()],
            now: Some(NewEntry {
                section: "Added".into(),
                text: "dd".into(),
                breaking: false,
            }),
            both,
            added,
            replaced: false,
            marker: '*',
            reworded: false,
            squashed: false,
            in_rebase: false,
        }
    }

    #[test]
    fn the_hand_edit_said_follows_what_the_file_lists() {
        let path = Path::new("CHANGELOG.md");
        let alone = stale(false, false).said(path, false).unwrap();
        assert!(
            alone.ends_with("change it by hand to `* dd` under Added"),
            "{alone}"
        );
        // `--sync` adds the heavier entry beside it: said before, and as it leaves the file.
        let adds = stale(false, true);
        assert!(
            adds.said(path, false)
                .unwrap()
                .ends_with("(left so, `relhook changelog --sync` adds `* dd` beside it: an entry that weighs less does not stand for the commit)")
        );
        for said in [adds.said(path, true), stale(true, false).said(path, false)] {
            let said = said.unwrap();
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

    #[test]
    fn every_entry_a_fixup_chain_replaced_is_named() {
        let chain = Stale {
            was: vec!["c".into(), "d".into()],
            ..stale(true, false)
        };
        let said = chain.said(Path::new("CHANGELOG.md"), false).unwrap();
        assert!(
            said.contains("still lists `* c`, `* d` for amended commit"),
            "{said}"
        );
        assert!(
            said.ends_with("remove `* c`, `* d` by hand if they should go"),
            "{said}"
        );
    }

    #[test]
    fn a_message_calling_for_no_entry_is_said_with_the_removal() {
        let quiet = Stale {
            now: None,
            ..stale(false, false)
        };
        let said = quiet.said(Path::new("CHANGELOG.md"), true).unwrap();
        assert!(
            said.contains(", whose new message calls for no entry ("),
            "{said}"
        );
        assert!(
            said.ends_with("remove `* d` by hand if it should go"),
            "{said}"
        );
    }

    #[test]
    fn an_amend_made_during_a_rebase_says_so() {
        let at_stop = Stale {
            in_rebase: true,
            ..stale(false, false)
        };
        let said = at_stop.said(Path::new("CHANGELOG.md"), false).unwrap();
        assert!(
            said.contains("for amended commit 000000000 (relhook leaves the commits of a rebase as git makes them)"),
            "{said}"
        );
        let plain = stale(false, false).said(Path::new("CHANGELOG.md"), false);
        assert!(plain.unwrap().contains("killed, or skipped"));
    }

    #[test]
    fn an_entry_the_sync_replaces_is_said_by_doctor_only() {
        let replaced = Stale {
            replaced: true,
            ..stale(false, false)
        };
        let path = Path::new("CHANGELOG.md");
        assert_eq!(replaced.said(path, true), None);
        let said = replaced.said(path, false).unwrap();
        assert!(
            said.ends_with(
                "`--sync` replaces it with `* dd` under Added, as the new message has it"
            ),
            "{said}"
        );
    }
}
