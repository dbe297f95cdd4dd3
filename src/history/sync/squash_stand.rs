//! A squash merge committed with post-commit skipped (`git merge --squash topic`, then
//! `RELHOOK_SKIP=1 git commit -m "feat: the topic"`), its branch deleted since: its own change
//! to the file is the branch's entries, which the merge staged, so it seemed to write its own
//! entry by hand, and Unreleased kept listing the work in the words of commits history does not
//! have. Those entries are the carried commits', not the squash's: its entry is added and
//! replaces them, as post-commit would have (`accumulate::squash`). A commit is carried when
//! the squash's change, the changelogs aside, is its branch's up to a commit HEAD's reflog
//! remembers ([`Squashes`]); one the squash left out keeps its entry (`dropped` says it). Only
//! an entry written as its commit's message writes it goes, and only up to the squash's weight
//! (a `fix:` squash keeps a feature's entry beside its own); one edited by hand stays, said.

use std::collections::{HashMap, HashSet};

use git2::Oid;

use super::squash_of::Squashes;
use super::{Seen, commit_entry};
use crate::config::Config;
use crate::git::Repo;
use crate::history::changelog::entry::{Forge, NewEntry};
use crate::history::changelog::weight::Weight;
use crate::history::changelog::{Changelog, normalize, one_line, rewords};

/// A commit history lost whose change a squash of the range carries.
#[derive(Debug, Clone)]
struct Lost {
    header: String,
    /// Its entry, as its message calls for it.
    entry: NewEntry,
}

/// The commits each squash of the range carries whose entries its own change to the file
/// brought (written so, or edited by hand), by squash.
#[derive(Default)]
pub(super) struct Carried(HashMap<Oid, Vec<Lost>>);

/// What `--sync` did with the entries of the commits a squash carries, beside its own entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SquashStand {
    /// The squash commit.
    pub commit: Oid,
    /// Its header.
    pub header: String,
    /// Its own entry, added.
    pub entry: String,
    /// The file's bullet.
    pub marker: char,
    /// The carried commits' entries taken out, as the file wrote them.
    pub replaced: Vec<String>,
    /// Those kept as they weigh more than its own: breaking changes or features.
    pub heavier: Vec<(bool, String)>,
    /// Those edited by hand, kept: each with the header of the commit it was written for.
    pub edited: Vec<(String, String)>,
}

impl Carried {
    /// The commits history lost that a candidate (`candidates`: the range's commits that call
    /// for an entry) carries, whose entries its own change to the file (`own_lines`) brought.
    pub(super) fn find(
        (repo, config, forge): (&Repo, &Config, Option<&Forge>),
        commits: &[Seen],
        candidates: &[(Oid, NewEntry)],
        own_lines: &HashMap<Oid, HashSet<String>>,
    ) -> Carried {
        // The lines each commit brought besides its own entry: most bring none.
        let brought: Vec<(Oid, &String)> = candidates
            .iter()
            .filter_map(|(id, e)| Some((id, normalize(&e.text), own_lines.get(id)?)))
            .flat_map(|(id, own, lines)| lines.iter().filter(move |t| **t != own).map(|t| (*id, t)))
            .collect();
        let mut out = Carried::default();
        if brought.is_empty() {
            return out;
        }
        let Some(head) = repo.head() else {
            return out;
        };
        let in_range: HashSet<Oid> = commits.iter().map(|c| c.id).collect();
        let replaced: HashSet<Oid> = (repo.rewrites(super::dropped::LOOK_BACK).iter())
            .map(|a| a.old)
            .chain(repo.rewritten_by_post_commit(super::dropped::LOOK_BACK))
            .collect();
        let tips: Vec<Oid> = std::iter::once(head)
            .chain(repo.branches_at("heads/*").into_iter().map(|(_, at)| at))
            .collect();
        let remembered = repo.head_reflog_commits(super::dropped::LOOK_BACK);
        let mut squashes = Squashes::new(repo, config, head);
        let mut seen: HashSet<String> = HashSet::new();
        for &id in &remembered {
            if in_range.contains(&id) || replaced.contains(&id) {
                continue;
            }
            let Some(message) = repo.commit_text(id) else {
                continue;
            };
            let Some(entry) = commit_entry(repo, &message, config, forge) else {
                continue;
            };
            // The newest commit of those words is the one named.
            let key = normalize(&entry.text);
            let by: Vec<Oid> = (brought.iter())
                .filter(|(_, t)| **t == key || rewords(t, &key))
                .map(|(s, _)| *s)
                .collect();
            if by.is_empty() || !seen.insert(key) || tips.iter().any(|t| repo.reaches(*t, id)) {
                continue;
            }
            let Some((squash, _)) = squashes.carrying(commits, &remembered, id) else {
                continue;
            };
            if by.contains(&squash) {
                let header = message.lines().next().unwrap_or_default().to_owned();
                out.0
                    .entry(squash)
                    .or_default()
                    .push(Lost { header, entry });
            }
        }
        out
    }

    /// The lines `squash` brought (normalised) that are carried commits' entries as their
    /// messages write them: theirs, so none stands for its own entry.
    pub(super) fn theirs(&self, squash: Oid) -> impl Iterator<Item = String> + '_ {
        (self.0.get(&squash).into_iter().flatten()).map(|l| normalize(&l.entry.text))
    }

    /// For each squash `added` gives its entry (ids and entries as the plan has them, before
    /// their headings are named as `log` names them): its carried commits' entries taken out
    /// of `log` where written as their messages write them, with nothing under them, and
    /// weighing no more than its own; the others kept, and said.
    pub(super) fn replace(
        self,
        log: &mut Changelog,
        config: &Config,
        added: &[(String, NewEntry)],
        headers: &dyn Fn(Oid) -> String,
    ) -> Vec<SquashStand> {
        // No squash carries a lost entry (every hooked history): the file's entry style, read
        // from all its entries, is not worked out.
        if self.0.is_empty() {
            return Vec::new();
        }
        let weight = |e: &NewEntry| Weight::of(e.breaking, &e.section, config);
        let style = log.entry_style();
        let mut out = Vec::new();
        for (id, own) in added {
            let Some(lost) = Oid::from_str(id).ok().and_then(|s| self.0.get(&s)) else {
                continue;
            };
            let commit = Oid::from_str(id).unwrap_or_else(|_| Oid::zero());
            let mut stand = SquashStand {
                commit,
                header: headers(commit),
                entry: own.text.clone(),
                marker: log.marker(),
                replaced: Vec::new(),
                heavier: Vec::new(),
                edited: Vec::new(),
            };
            let mut claimed: HashSet<usize> = HashSet::new();
            // Said in the file's order.
            let at = log.unreleased_entries();
            let mut lost = lost.clone();
            lost.sort_by_key(|l| {
                let k = normalize(&l.entry.text);
                let of = |e: &crate::history::changelog::Entry| normalize(&e.text);
                (at.iter()).position(|e| of(e) == k || rewords(&of(e), &k))
            });
            for l in &lost {
                let key = normalize(&l.entry.text);
                let listed = log.unreleased_entries();
                let written = |t: &str| t == l.entry.text || t == style.apply(&l.entry.text);
                if let Some(e) = listed.iter().find(|e| written(&e.text)) {
                    if weight(&l.entry) > weight(own) {
                        stand.heavier.push((l.entry.breaking, e.text.clone()));
                        continue;
                    }
                    let mut trial = log.clone();
                    if (trial.take_entry(&l.entry.section, &e.text)).is_some_and(|c| c.is_empty()) {
                        *log = trial;
                        stand.replaced.push(e.text.clone());
                        continue;
                    }
                }
                // Reworded by hand (or written with lines under it): it stays.
                let edited = (listed.iter().enumerate())
                    .filter(|(i, _)| !claimed.contains(i))
                    .find(|(_, e)| {
                        let t = normalize(&e.text);
                        t == key || rewords(&t, &key)
                    });
                if let Some((i, e)) = edited {
                    claimed.insert(i);
                    stand.edited.push((l.header.clone(), e.text.clone()));
                }
            }
            let said = !(stand.replaced.is_empty() && stand.heavier.is_empty());
            if said || !stand.edited.is_empty() {
                out.push(stand);
            }
        }
        out
    }
}

impl SquashStand {
    /// What `--sync` did, one line each, after the squash's id.
    pub fn said(&self) -> Vec<String> {
        let (id, m) = (crate::git::short_id(self.commit), self.marker);
        let mut out = Vec::new();
        if !self.replaced.is_empty() {
            let (what, them) = match self.replaced.len() {
                1 => ("the entry of the commit", "it"),
                _ => ("the entries of the commits", "them"),
            };
            out.push(format!(
                "{id}: took out {}, {what} its squash merge carries, which no branch holds: its own entry stands for {them}",
                listed(m, &self.replaced)
            ));
        }
        for (breaking, text) in &self.heavier {
            let (kind, mark) = match breaking {
                true => ("a breaking change", "mark"),
                false => ("a feature", "announce"),
            };
            out.push(format!(
                "{id}: kept `{m} {}` beside its own entry: the commits its squash merge carries include {kind} its header does not {mark}, so the next version counts it as {kind}",
                one_line(text)
            ));
        }
        for (header, text) in &self.edited {
            out.push(format!(
                "{id}: kept `{m} {}` beside its own entry: the entry of `{header}`, a commit its squash merge carries, edited by hand; take it out by hand if `{m} {}` says it",
                one_line(text),
                one_line(&self.entry)
            ));
        }
        out
    }

    /// Doctor's words for it, before `--sync` (`path`: the file); `None` when it replaces
    /// nothing (its entry is missing, said as any other).
    pub fn doctor(&self, path: &std::path::Path) -> Option<String> {
        let m = self.marker;
        let first = self.replaced.first()?;
        let more = match self.replaced.len() {
            1 => String::new(),
            n => format!(" and {} more", n - 1),
        };
        let what = match self.replaced.len() {
            1 => "the entry of the commit",
            _ => "the entries of the commits",
        };
        Some(format!(
            "{} lists `{m} {}`{more} under Unreleased in place of the entry of commit {} (`{}`): {what} its squash merge carries, which no branch holds (post-commit did not run for it)",
            path.display(),
            one_line(first),
            crate::git::short_id(self.commit),
            self.header,
        ))
    }
}

/// "`- a`", "`- a` and `- b`", "`- a`, `- b` and `- c`".
fn listed(m: char, texts: &[String]) -> String {
    let quoted: Vec<String> = texts
        .iter()
        .map(|t| format!("`{m} {}`", one_line(t)))
        .collect();
    match quoted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_listed_as_a_sentence_lists_them() {
        let texts = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(listed('-', &texts(&["a"])), "`- a`");
        assert_eq!(listed('*', &texts(&["a", "b"])), "`* a` and `* b`");
        assert_eq!(
            listed('-', &texts(&["a", "b", "c"])),
            "`- a`, `- b` and `- c`"
        );
    }
}
