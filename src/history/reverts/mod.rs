//! git's revert of a merge (`git revert -m 1 <merge>`): one commit that takes out everything
//! the merge brought in. Before a release, the merged branch's commits, the merge and its
//! revert cancel out (none of them shipped), as a change and its revert do
//! (`changelog::entry::revert_pairs`); version, changelog sync and notes read it here alike.
//!
//! Found from the body git writes (`This reverts commit <merge>, reversing` / `changes made
//! to <mainline>.`), whatever the header says. A revert of that revert (git's `Reapply`, or
//! `Revert "Revert …"`) brings the branch back: then the two reverts cancel out instead.
//! Costs one walk of the merged branch, and only when such a revert is in the range. A merge
//! reverted after its release gets an entry instead (`branch_revert_entry`).

use std::collections::{HashMap, HashSet};

use git2::Oid;

use crate::Result;
use crate::config::{ChangelogConfig, Config};
use crate::git::{Range, Repo};
use crate::history::changelog::entry::{NewEntry, entry_for_message};

mod branch;
mod rewritten;
mod taken_out;
pub mod unnamed;
pub use branch::{
    branch_changelogs, branch_entries, branch_revert_entry, config_for_changelog,
    every_branch_entry, released_anywhere,
};
pub use rewritten::{by_header_when_rewritten, in_history};

/// `keys` (one range's commits, newest first) as revert pairing reads them: a revert naming a
/// commit rewritten since paired by header, and a `revert:` commit naming nothing by its
/// change, as post-commit pairs it (so sync, rebuild, version and notes agree with it).
pub fn paired_keys(
    repo: &Repo,
    config: &Config,
    keys: &mut [(Oid, crate::history::changelog::entry::RevertKey)],
) {
    by_header_when_rewritten(repo, keys);
    unnamed::by_change(repo, config, keys);
}

/// A revert of merge `merge` back to its parent `mainline`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MergeRevert {
    /// The reverting commit.
    pub revert: Oid,
    /// The merge it reverts.
    pub merge: Oid,
    /// The merge's parent it goes back to (`-m N`).
    pub mainline: Oid,
}

/// The merge revert that commit `id` with `message` is, if it is one.
pub fn merge_revert(id: Oid, message: &str) -> Option<MergeRevert> {
    let mut lines = message.lines().map(str::trim);
    while let Some(line) = lines.next() {
        let Some(rest) = line.strip_prefix("This reverts commit ") else {
            continue;
        };
        let merge = rest.strip_suffix(", reversing")?;
        let mainline = lines
            .next()?
            .strip_prefix("changes made to ")?
            .strip_suffix('.')?;
        return Some(MergeRevert {
            revert: id,
            merge: full_id(merge)?,
            mainline: full_id(mainline)?,
        });
    }
    None
}

fn full_id(s: &str) -> Option<Oid> {
    (s.len() == 40 && s.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| Oid::from_str(s).ok())
        .flatten()
}

/// The id (as written, lowercased) a plain revert's body names: `This reverts commit <id>.`
fn reverted_id(message: &str) -> Option<String> {
    message.lines().find_map(|l| {
        let id = l
            .trim()
            .strip_prefix("This reverts commit ")?
            .strip_suffix('.')?;
        (id.len() >= 7 && id.bytes().all(|b| b.is_ascii_hexdigit())).then(|| id.to_lowercase())
    })
}

/// The merge reverts of a range, and the plain reverts that could undo them.
#[derive(Debug, Default)]
pub struct MergeReverts {
    merges: Vec<MergeRevert>,
    /// (a revert, the id its body names, its header).
    named: Vec<(Oid, String, String)>,
}

impl MergeReverts {
    /// Notes commit `id` of the range (a merge's message names no revert: skip merges).
    pub fn note(&mut self, id: Oid, message: &str) {
        if let Some(m) = merge_revert(id, message) {
            self.merges.push(m);
        } else if let Some(named) = reverted_id(message) {
            let header = message.lines().next().unwrap_or("").trim().to_owned();
            self.named.push((id, named, header));
        }
    }

    /// Whether the range has no merge revert (then nothing cancels out here).
    pub fn is_empty(&self) -> bool {
        self.merges.is_empty()
    }

    /// The commits that cancel out, of those in `in_range`: for each merge revert whose merge
    /// is in range, the revert, the merge and what the merge brought in (reachable from it but
    /// not from its mainline parent); for one that is itself reverted in range (its merge in
    /// range or released), the two reverts.
    /// Each cancelled commit maps to the merge revert that cancels it. `config` names the
    /// changelogs that tell a branch whose merge this repository lacks (`taken_out`).
    pub fn cancelled(
        &self,
        repo: &Repo,
        config: &Config,
        in_range: &HashSet<Oid>,
    ) -> Result<HashMap<Oid, Oid>> {
        let mut out = HashMap::new();
        if self.merges.is_empty() {
            return Ok(out);
        }
        for m in &self.merges {
            if !in_range.contains(&m.revert) {
                continue;
            }
            let m = &in_history(repo, *m);
            // Reapplied in the range: the two reverts cancel, the merge released or not.
            let undone = self.named.iter().find(|(r, named, header)| {
                in_range.contains(r)
                    && (m.revert.to_string().starts_with(named)
                        || rewritten::reapplies(repo, (*r, named, header), m.revert))
            });
            if let Some((reapply, ..)) = undone {
                out.extend([(m.revert, *reapply), (*reapply, *reapply)]);
                continue;
            }
            if !in_range.contains(&m.merge) {
                // A plain rebase made the branch a line: its copies here cancel out alike,
                // read from the named merge, or in a clone without it from the changelog.
                let mut copies = rewritten::lined_copies(repo, m, in_range)?;
                if copies.is_empty() {
                    copies = taken_out::copies(repo, m, config, in_range);
                }
                if !copies.is_empty() {
                    out.insert(m.revert, m.revert);
                    out.extend(copies.into_iter().map(|c| (c, m.revert)));
                }
                continue;
            }
            out.insert(m.revert, m.revert);
            let branch = Range {
                tips: vec![m.merge],
                hidden: vec![m.mainline],
                ..Range::default()
            };
            repo.walk(&branch, |c| {
                if in_range.contains(&c.id) {
                    out.insert(c.id, m.revert);
                }
                true
            })?;
        }
        Ok(out)
    }
}

/// For post-commit: the entry of commit `id` when it reverts a merge that the last release
/// before it shipped (`--sync` reads the same from its range); `None` for any other commit.
/// Read with `config` (a package's view in a monorepo): that changelog's release tags, and
/// the merged branch's commits that count for it.
pub fn released_merge_revert_entry(
    repo: &Repo,
    id: Oid,
    config: &Config,
) -> Result<Option<NewEntry>> {
    let Some(m) = repo
        .commit_text(id)
        .and_then(|message| merge_revert(id, &message))
    else {
        return Ok(None);
    };
    let m = in_history(repo, m);
    let released = repo
        .latest_release_tag_except(id, &config.version.tag_prefix, None)
        .is_some_and(|(_, at)| at == m.merge || repo.reaches(at, m.merge));
    if !released {
        return Ok(None);
    }
    branch_revert_entry(repo, &m, config)
}

/// The entry of the change a reapply (`message`: git's `Reapply "fix: x"`, naming its revert,
/// which names the change) brings back, read from that change's own message: its footers'
/// references and breaking text are in it, not in the reapply's header. `None` when the chain
/// cannot be read to a commit with the reapplied header.
pub fn reapplied_entry(repo: &Repo, message: &str, config: &ChangelogConfig) -> Option<NewEntry> {
    let header = crate::commit::parse::reapplied(message.lines().next()?)?;
    let revert = repo.commit_text(repo.revision_commit(&reverted_id(message)?)?)?;
    let change = repo.commit_text(repo.revision_commit(&reverted_id(&revert)?)?)?;
    (change.lines().next().map(str::trim) == Some(header))
        .then(|| entry_for_message(&change, config, None))
        .flatten()
}

/// The entry of the change a revert reverts: read from the reverted header its message names,
/// else (a `revert:` commit with a subject of its own and a `Refs: <id>` footer) from the
/// message of the commit it names, when that is in this repository.
pub fn reverted_change_entry(
    repo: &Repo,
    target: &crate::commit::parse::Reverted,
    config: &ChangelogConfig,
) -> Option<NewEntry> {
    if !target.header.is_empty() {
        return entry_for_message(&target.header, config, None);
    }
    let id = repo.revision_commit(target.commit.as_deref()?)?;
    let message = repo.commit_text(id)?;
    entry_for_message(&message, config, None)
}

/// The entry a commit's message calls for ([`entry_for_message`]), but none for a `revert:`
/// commit with a subject of its own that names, by id, a commit of this repository whose
/// change had no entry (commitlint's `revert: replace all lodash string methods` of a
/// refactor): its revert is no more a change to tell than it was, as git's `Revert
/// "refactor: …"` gets none. A breaking revert keeps its entry.
pub fn commit_entry(
    repo: &Repo,
    message: &str,
    config: &ChangelogConfig,
    forge: Option<&crate::history::changelog::entry::Forge>,
) -> Option<NewEntry> {
    commit_entry_of(repo, None, message, config, forge)
}

/// [`commit_entry`] of the commit `id` (a git-cliff `sha` parser may name it).
pub fn commit_entry_of(
    repo: &Repo,
    id: Option<Oid>,
    message: &str,
    config: &ChangelogConfig,
    forge: Option<&crate::history::changelog::entry::Forge>,
) -> Option<NewEntry> {
    let message = &*untruncated(repo, message);
    let entry =
        crate::history::changelog::cliff_parsed::entry_for_commit(message, id, config, forge)?;
    let header = message.lines().next().unwrap_or("");
    if entry.breaking || !crate::commit::parse::is_revert_header(header) {
        return Some(entry);
    }
    let target = crate::history::changelog::entry::revert_key(message).reverts;
    let unlisted = target
        .filter(|t| t.header.is_empty())
        .and_then(|t| repo.revision_commit(t.commit.as_deref()?))
        .and_then(|id| repo.commit_text(id))
        .is_some_and(|reverted| entry_for_message(&reverted, config, None).is_none());
    (!unlisted).then_some(entry)
}

/// A forge shortens a long subject when it makes a revert (GitHub's `Revert "fix(sfc): add
/// scoping tag to trailing universal selector (#1…" (#13406)`): the message with the reverted
/// commit's own header put back, read from the id the body names, when that header begins with
/// what was kept. Any other message as it is.
pub fn untruncated<'a>(repo: &Repo, message: &'a str) -> std::borrow::Cow<'a, str> {
    use std::borrow::Cow;
    let (header, rest) = message.split_once('\n').unwrap_or((message, ""));
    let Some((kept, after)) = header
        .strip_prefix("Revert \"")
        .and_then(|h| h.split_once("…\"").or_else(|| h.split_once("...\"")))
    else {
        return Cow::Borrowed(message);
    };
    let full = reverted_id(message)
        .and_then(|id| repo.revision_commit(&id))
        .and_then(|id| repo.commit_text(id));
    let Some(full) = full else {
        return Cow::Borrowed(message);
    };
    let reverted = full.lines().next().unwrap_or("").trim();
    if kept.is_empty() || !reverted.starts_with(kept) || reverted.contains('"') {
        return Cow::Borrowed(message);
    }
    let newline = if message.contains('\n') { "\n" } else { "" };
    Cow::Owned(format!("Revert \"{reverted}\"{after}{newline}{rest}"))
}

/// The merge revert that a revert of a revert (git's `Reapply "Merge branch …"`) undoes,
/// read from the id its body names; `None` for any other commit.
pub fn reapplied_merge_revert(repo: &Repo, message: &str) -> Option<MergeRevert> {
    let undone = full_id(&reverted_id(message)?)?;
    let undone_message = repo.commit_text(undone)?;
    merge_revert(undone, &undone_message).map(|m| in_history(repo, m))
}

/// For the next version: what a reapplied merge revert (`Reapply "Merge branch …"`) calls
/// for, the greatest of the merged branch's commits (`major`, `minor` for any of `minor_types`,
/// else `patch`); `None` for any other commit.
pub fn reapplied_level(repo: &Repo, message: &str, minor_types: &[String]) -> Option<&'static str> {
    let m = reapplied_merge_revert(repo, message)?;
    let branch = Range {
        tips: vec![m.merge],
        hidden: vec![m.mainline],
        ..Range::default()
    };
    let mut level = "patch";
    let walked = repo.walk(&branch, |c| {
        let message = c.text();
        match crate::commit::parse::commit(message.trim_end()) {
            Some(p) if c.parents < 2 && p.breaking => level = "major",
            Some(p)
                if c.parents < 2 && minor_types.iter().any(|t| t.eq_ignore_ascii_case(&p.ty)) =>
            {
                level = "minor"
            }
            _ => {}
        }
        level != "major"
    });
    // Unread, the branch could be anything: said as the greatest.
    Some(if walked.is_ok() { level } else { "major" })
}

/// The entries a merge of `theirs` into `ours` calls for that neither side's file carries: a
/// revert the merged branch made while the change it reverts was still unreleased there
/// (so it cancelled that entry and got none), of a change `log`, the merged changelog, lists
/// in a release (released meanwhile on `ours`). Such a revert now takes back a released change,
/// so it gets its own entry, as a revert made after the release does (a `Reapply` alike).
/// A revert the branch undoes again (reverted in the same range) is left out.
pub fn reverts_of_released(
    repo: &Repo,
    (ours, theirs): (Oid, Oid),
    log: &crate::history::changelog::Changelog,
    config: &ChangelogConfig,
) -> Result<Vec<NewEntry>> {
    use crate::history::changelog::entry::{revert_key, revert_pairs};
    let branch = Range {
        tips: vec![theirs],
        hidden: vec![ours],
        ..Range::default()
    };
    let mut keys = Vec::new();
    let mut messages = HashMap::new();
    repo.walk(&branch, |c| {
        if c.parents < 2 {
            let message = c.text().into_owned();
            let key = revert_key(&untruncated(repo, &message));
            if key.reverts.is_some() {
                messages.insert(c.id, message);
                keys.push((c.id, key));
            }
        }
        true
    })?;
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    by_header_when_rewritten(repo, &mut keys);
    let undone = revert_pairs(&keys);
    let mut out: Vec<NewEntry> = Vec::new();
    // Oldest first, as the branch made them.
    for (id, key) in keys.iter().rev() {
        let Some(target) = key.reverts.as_ref().filter(|_| !undone.contains(id)) else {
            continue;
        };
        let Some(reverted) = reverted_change_entry(repo, target, config) else {
            continue;
        };
        let released =
            log.contains_entry(&reverted.text, false) && !log.contains_entry(&reverted.text, true);
        let own = entry_for_message(&messages[id], config, None);
        if let Some(own) = own.filter(|o| {
            released && !log.contains_entry(&o.text, false) && !out.iter().any(|e| e.text == o.text)
        }) {
            out.push(own);
        }
    }
    Ok(out)
}

/// The entries a merge of `theirs` into `ours` calls for that neither side's file carries, for
/// a merged branch's reapply (`Reapply "Merge branch …"`) of a merge revert that the branch
/// still had unreleased (so its reapply cancelled that revert's `revert "…"` entry and got
/// none), while `log`, the merged changelog, lists that entry in a release (released meanwhile
/// on `ours`): the reapply now brings back a branch whose removal shipped, so it carries the
/// branch's entries, as a reapply made after the release does. A merge revert the branch makes
/// and reapplies itself cancels out, and entries already in Unreleased are left out.
pub fn reapplies_of_released(
    repo: &Repo,
    (ours, theirs): (Oid, Oid),
    log: &crate::history::changelog::Changelog,
    config: &Config,
) -> Result<Vec<NewEntry>> {
    let branch = Range {
        tips: vec![theirs],
        hidden: vec![ours],
        ..Range::default()
    };
    let mut in_branch = HashSet::new();
    let mut reapplies = Vec::new();
    repo.walk(&branch, |c| {
        in_branch.insert(c.id);
        // Only a message naming a reverted commit is read further.
        let names = c.message.windows(20).any(|w| w == b"This reverts commit ");
        if c.parents < 2 && names {
            let message = c.text();
            if merge_revert(c.id, &message).is_none() {
                reapplies.extend(reapplied_merge_revert(repo, &message));
            }
        }
        true
    })?;
    let mut out: Vec<NewEntry> = Vec::new();
    // Oldest first, as the branch made them.
    for m in reapplies
        .iter()
        .rev()
        .filter(|m| !in_branch.contains(&m.revert))
    {
        let released = branch_revert_entry(repo, m, config)?.is_some_and(|r| {
            log.contains_entry(&r.text, false) && !log.contains_entry(&r.text, true)
        });
        if !released {
            continue;
        }
        for e in branch_entries(repo, m, config)? {
            if !log.contains_entry(&e.text, true) && !out.iter().any(|o| o.text == e.text) {
                out.push(e);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn git_s_merge_revert_body_is_read() {
        let m = "a".repeat(40);
        let p = "b".repeat(40);
        let id = Oid::from_str(&"c".repeat(40)).unwrap();
        let message = format!(
            "Revert \"Merge branch 'topic'\"\n\nThis reverts commit {m}, reversing\nchanges made to {p}.\n"
        );
        assert_eq!(
            merge_revert(id, &message),
            Some(MergeRevert {
                revert: id,
                merge: Oid::from_str(&m).unwrap(),
                mainline: Oid::from_str(&p).unwrap(),
            })
        );
        let plain = format!("Revert \"feat: x\"\n\nThis reverts commit {m}.\n");
        assert_eq!(merge_revert(id, &plain), None);
        assert_eq!(reverted_id(&plain), Some(m));
    }
}
