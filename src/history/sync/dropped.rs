//! Unreleased entries of commits history no longer has: a `git rebase -i` that dropped a
//! commit (or a reset past it) takes out the entry the commit carried itself, but not one
//! another commit wrote (a `docs(changelog): sync with history` commit after a
//! `RELHOOK_SKIP=1` one). Such an entry ships with the next release for a change it no longer
//! has. Found by words: an entry of Unreleased that no commit of the unreleased range calls
//! for, but that a commit HEAD's reflog remembers does, which no local branch holds any more.
//! `--sync` and a release take out one listed as that commit's message writes it, so the file
//! reads as if history had been written without the commit (a rebase that drops the commit
//! which made the file carries its entry into the next one, a reword's conflict included); one
//! a person reworded, or wrote lines under, is said, never removed.
//!
//! A commit a rebase rewrote is not lost: a commit of the range is followed back through the
//! steps that changed it in place (amends, rewords, fixups, squashes: HEAD's reflog) and
//! through picks (to the commit of the same message and author header, which a pick keeps),
//! to the commit whose entry the file lists. The reflog is read here anyway, with no diff,
//! where a patch id would miss every fold and the rebase's own list of rewritten commits is
//! gone once it finishes (only a post-rewrite hook sees it). A commit folded into another by a
//! fixup (or a squash whose message left it out) is said as folded: the fold's own change to
//! the file carries its entry, which the fold's message does not call for; or, for an entry
//! another commit wrote (a `--sync` commit after a skipped one), the fold's step made the
//! commit's own change (its patch key, the changelogs left out).

mod remembered;

use std::collections::{HashMap, HashSet};

use git2::Oid;

use super::{Seen, added_by, collect, commit_entry, parse_kept, since};
use crate::Result;
use crate::config::Config;
use crate::git::{Amend, Repo};
use crate::history::changelog::entry::{Forge, NewEntry};
use crate::history::changelog::{Changelog, normalize};

pub use remembered::reads as remembered_reads;

/// How far back HEAD's reflog is read for commits history lost.
pub(super) const LOOK_BACK: usize = 2000;

/// The commits of HEAD's history walked, per remembered commit, to tell which HEAD reaches
/// (whose message is then not read): a message read costs a few commits walked.
const HELD_STEPS: usize = 4;

/// An Unreleased entry whose commit history lost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    /// The entry, as the file writes it.
    pub entry: String,
    /// The commit that calls for it, history no longer has.
    pub commit: Oid,
    /// That commit's header.
    pub header: String,
    /// The commit of the range a fixup or squash folded it into, with its header.
    pub folded_into: Option<(Oid, String)>,
    /// The heading the commit's message gives the entry, where the file writes the entry as
    /// that message does (no hand edit): what `--sync` takes out.
    pub verbatim: Option<String>,
    /// A ref besides the local branches that still holds the commit (a tag, a remote-tracking
    /// branch, another worktree's HEAD, a stash), as a user names it: the entry stays.
    pub held_by: Option<String>,
    /// Whether this branch once held the commit (its own reflog). One it never held was made
    /// on a branch since deleted, whose change a squash merge or a pick may have brought under
    /// a message that calls for no entry: the entry stays.
    pub held_here: bool,
}

/// The entries of `current` (the file's text) that only commits history lost call for.
pub fn dropped_entries(repo: &Repo, config: &Config, current: &str) -> Result<Vec<Dropped>> {
    let log = parse_kept(repo, &config.changelog.path, current)?;
    lost(repo, config, &log, None)
}

/// Takes out of `log` the entries of commits history lost that read as those commits'
/// messages write them, with no line under them (`commits`: the unreleased range); returns
/// them, and after them those it kept only because the commit may not be gone for good
/// ([`Dropped::kept`]). The others stay, said by doctor. Nothing without `wanted` (a hook's plan).
pub(super) fn take_out(
    repo: &Repo,
    config: &Config,
    log: &mut Changelog,
    range: &Called<'_>,
    wanted: bool,
) -> Result<Vec<Dropped>> {
    let (mut out, mut kept) = (Vec::new(), Vec::new());
    if !wanted {
        return Ok(out);
    }
    for d in lost(repo, config, log, Some(range))? {
        let Some(section) = d.verbatim.clone().filter(|_| d.folded_into.is_none()) else {
            continue;
        };
        if d.kept() {
            kept.push(d);
            continue;
        }
        // A line written under the entry by hand is a hand edit: the entry stays with it.
        let mut trial = log.clone();
        if trial
            .take_entry(&section, &d.entry)
            .is_some_and(|l| l.is_empty())
        {
            *log = trial;
            out.push(d);
        }
    }
    out.extend(kept);
    Ok(out)
}

/// The commits of the unreleased range, walked already, with the entries their own messages
/// call for that the plan has worked out and normalised (its candidates'): not done again.
pub(super) struct Called<'a> {
    commits: &'a [Seen],
    known: HashMap<Oid, (&'a str, &'a str)>,
}

/// A commit's own entry, as written and normalised.
type Own = Option<(String, String)>;

impl<'a> Called<'a> {
    /// `commits`, with `entries` (a commit, its entry) and their `keys`; `own`: the commits
    /// whose entry there is the one their message calls for.
    pub(super) fn new(
        commits: &'a [Seen],
        entries: &'a [(Oid, NewEntry)],
        keys: &'a [String],
        own: &HashSet<Oid>,
    ) -> Called<'a> {
        let known = (entries.iter().zip(keys))
            .filter(|((id, _), _)| own.contains(id))
            .map(|((id, e), k)| (*id, (e.text.as_str(), k.as_str())))
            .collect();
        Called { commits, known }
    }

    /// Each commit's own entry, in the range's order.
    fn owns(&self, repo: &Repo, config: &Config, forge: Option<&Forge>) -> Vec<Own> {
        let own = |c: &Seen| match self.known.get(&c.id) {
            Some((text, key)) => Some(((*text).to_owned(), (*key).to_owned())),
            None => own_entry(repo, config, forge, &c.message),
        };
        self.commits.iter().map(own).collect()
    }
}

/// The entry `message` calls for, as written and normalised.
fn own_entry(repo: &Repo, config: &Config, forge: Option<&Forge>, message: &str) -> Own {
    commit_entry(repo, message, config, forge).map(|e| {
        let key = normalize(&e.text);
        (e.text, key)
    })
}

/// Whether every text of `texts` is the entry a commit of the range calls for itself
/// (`owns`): an entry whose words a commit of the range keeps is never lost.
fn all_called(texts: &[String], owns: &[Own]) -> bool {
    let written: HashSet<&str> = owns.iter().flatten().map(|(t, _)| t.as_str()).collect();
    let keys: HashSet<&str> = owns.iter().flatten().map(|(_, k)| k.as_str()).collect();
    (texts.iter()).all(|t| written.contains(t.as_str()) || keys.contains(normalize(t).as_str()))
}

/// [`dropped_entries`] of `log`; `range`: the unreleased range, when walked already.
fn lost(
    repo: &Repo,
    config: &Config,
    log: &Changelog,
    range: Option<&Called<'_>>,
) -> Result<Vec<Dropped>> {
    let Some(head) = repo.head() else {
        return Ok(Vec::new());
    };
    let texts: Vec<String> = log
        .unreleased_entries()
        .into_iter()
        .map(|e| e.text)
        .collect();
    if texts.is_empty() {
        return Ok(Vec::new());
    }
    // Normalised, and the forge read, only once a remembered commit calls for an entry: most
    // runs find none (every commit HEAD's reflog names is in the range, or rewritten).
    let listed = std::cell::OnceCell::new();
    let listed = || -> &Vec<(String, String)> {
        listed.get_or_init(|| texts.iter().map(|t| (normalize(t), t.clone())).collect())
    };
    let forge = std::cell::OnceCell::new();
    let forge = || forge.get_or_init(|| super::forge(repo)).as_ref();
    // What the range's commits call for themselves is never lost (their words keep it,
    // below): where Unreleased lists nothing else, HEAD's reflog is not read at all.
    let owns = range.map(|r| r.owns(repo, config, forge()));
    if owns.as_ref().is_some_and(|o| all_called(&texts, o)) {
        return Ok(Vec::new());
    }
    // An amend's replaced commit is `amended`'s to say (with the hand edit it calls for), a
    // squash's the fold's; the commit git made before post-commit rewrote it is the
    // rewrite's, said (or not) by its own fate: a reword of the rewrite left git's commit in
    // the reflog, held by no branch.
    let rewrites = repo.rewrites(LOOK_BACK);
    let replaced: HashSet<Oid> = rewrites
        .iter()
        .map(|a| a.old)
        .chain(repo.rewritten_by_post_commit(LOOK_BACK))
        .collect();
    // A commit of the unreleased range is not lost, and the range's own commit calls for its
    // entry below: not read here (a first release's reflog is that whole range again).
    let in_range: HashSet<Oid> = (range.into_iter())
        .flat_map(|r| r.commits)
        .map(|c| c.id)
        .collect();
    let remembered = repo.head_reflog_commits(LOOK_BACK);
    let asked: Vec<Oid> = (remembered.iter().copied())
        .filter(|id| !replaced.contains(id) && !in_range.contains(id))
        .collect();
    // A commit HEAD reaches is never lost: read only where it may name a lost one's words.
    // Telling spares one message each, so the walk telling it is worth a few steps each: a
    // commit far below the release (an old release checked out) is read instead.
    let mut allowance = asked.len().saturating_mul(HELD_STEPS);
    let held: Vec<bool> = (asked.iter())
        .map(|id| repo.reaches_by_dates_within(head, *id, &mut allowance))
        .collect();
    let listed_key = |key: &str| listed().iter().any(|(k, _)| k == key);
    let read = |id: Oid| {
        remembered::reading();
        let message = repo.commit_text(id)?;
        let entry = commit_entry(repo, &message, config, forge())?;
        Some((normalize(&entry.text), (message, entry)))
    };
    // The newest commit of those words is the one named.
    let newest = remembered::newest_of_keys(&asked, &held, listed_key, read);
    let mut found: Vec<(String, Dropped)> = Vec::new();
    for (id, key, (message, entry)) in newest {
        if let Some((_, text)) = listed().iter().find(|(k, _)| *k == key) {
            let header = message.lines().next().unwrap_or_default().to_owned();
            let written = *text == entry.text || *text == log.entry_style().apply(&entry.text);
            let dropped = Dropped {
                entry: text.clone(),
                commit: id,
                header,
                folded_into: None,
                verbatim: written.then_some(entry.section),
                held_by: None,
                held_here: true,
            };
            found.push((key, dropped));
        }
    }
    if found.is_empty() {
        return Ok(Vec::new());
    }
    // Still called for by a commit of the range (a rebased copy, a pick), folded into one
    // whose message keeps its header (a squash), or rewritten into one (a reword, an amend,
    // a squash or fixup into it, which `amended` names where the file lags): not lost.
    let walked;
    let (commits, owns) = match (range, owns) {
        (Some(range), Some(owns)) => (range.commits, owns),
        _ => {
            let (range, _) = since::since_last_release(repo, head, config, None)?;
            walked = collect(repo, &range)?;
            let own = |c: &Seen| own_entry(repo, config, forge(), &c.message);
            (walked.as_slice(), walked.iter().map(own).collect())
        }
    };
    let copies = Copies::of(repo, &remembered);
    let mut keys = FoldKeys::new(config);
    for (c, own) in commits.iter().zip(&owns) {
        let own = own.as_ref().map(|(_, key)| key);
        let (was_ids, folds) = made_from(repo, &rewrites, &copies, c.id);
        let was: Vec<String> = was_ids
            .iter()
            .filter_map(|id| crate::history::fixup_chain::message(repo, *id))
            .filter_map(|m| m.lines().next().map(str::to_owned))
            .collect();
        found.retain(|(k, d)| {
            Some(k) != own
                && !c.message.lines().any(|l| l.trim() == d.header)
                && !was.contains(&d.header)
                && !was_ids.contains(&d.commit)
        });
        // A fold carries the entry of the commit it folded in along with its change; one diff
        // of the file, for folds only, and only while something looks lost.
        if found.is_empty() || folds.is_empty() {
            continue;
        }
        let added = added_by(repo, c.id, &config.changelog.path);
        let header = c.message.lines().next().unwrap_or_default();
        for (_, d) in found.iter_mut().filter(|(k, _)| added.contains(k)) {
            d.folded_into.get_or_insert((c.id, header.to_owned()));
        }
        // An entry the fold does not carry (a `--sync` commit wrote it): the commit whose
        // change one of the fold's steps made, compared without the changelogs.
        for (_, d) in found.iter_mut().filter(|(_, d)| d.folded_into.is_none()) {
            if folds.iter().any(|f| keys.made(repo, f, d.commit)) {
                d.folded_into = Some((c.id, header.to_owned()));
            }
        }
    }
    let tips: Vec<Oid> = std::iter::once(head)
        .chain(repo.branches_at("heads/*").into_iter().map(|(_, at)| at))
        .collect();
    found.retain(|(_, d)| !tips.iter().any(|t| repo.reaches(*t, d.commit)));
    if found.is_empty() {
        return Ok(Vec::new());
    }
    // A squash merge (or a pick under another message) carries the commit's change: shipped.
    let mut squashes = super::squash_of::Squashes::new(repo, config, head);
    found.retain(|(_, d)| {
        d.folded_into.is_some() || squashes.carrying(commits, &remembered, d.commit).is_none()
    });
    let holders = repo.other_holders();
    let held_once = repo.branch_reflog_commits(LOOK_BACK);
    for (_, d) in &mut found {
        d.held_by = (holders.iter())
            .find(|(_, at)| repo.reaches(*at, d.commit))
            .map(|(name, _)| name.clone());
        d.held_here = held_once.iter().any(|t| repo.reaches(*t, d.commit));
    }
    Ok(found.into_iter().map(|(_, d)| d).collect())
}

/// The commits `commit` was made from, newest first, and the folds (a fixup's or squash's
/// steps) among the steps: back through `rewrites` (HEAD's reflog: amends and a rebase's steps
/// in place) and through a rebase's pick, to the commit it copied ([`Copies`]). A step whose
/// replaced commit is its new one's parent rewrote nothing but picked the new one onto it (the
/// first half of a reword git could not fast-forward, which starts at the rebase's base).
fn made_from(
    repo: &Repo,
    rewrites: &[Amend],
    copies: &Copies,
    commit: Oid,
) -> (Vec<Oid>, Vec<Amend>) {
    let (mut out, mut folds, mut at) = (Vec::new(), Vec::new(), commit);
    let mut seen = HashSet::from([commit]);
    loop {
        let step = rewrites.iter().find(|a| a.new == at && a.old != at);
        let next = match step {
            Some(a) if repo.first_parent(a.new) != Some(a.old) => {
                if a.fold {
                    folds.push(*a);
                }
                Some(a.old)
            }
            _ => copies.original(repo, at, &seen),
        };
        let Some(next) = next.filter(|n| seen.insert(*n)) else {
            break;
        };
        out.push(next);
        at = next;
    }
    (out, folds)
}

/// Patch keys ([`Repo::patch_key`]) without the changelogs, each read once: a fold's step
/// made a lost commit's change when the step's own change has that commit's key.
struct FoldKeys {
    skip: Vec<std::path::PathBuf>,
    read: std::collections::HashMap<(Option<Oid>, Oid), Option<Oid>>,
}

impl FoldKeys {
    fn new(config: &Config) -> FoldKeys {
        let skip = std::iter::once(&config.changelog.path)
            .chain(config.packages.iter().map(|p| &p.changelog))
            .cloned()
            .collect();
        FoldKeys {
            skip,
            read: Default::default(),
        }
    }

    fn key(&mut self, repo: &Repo, from: Option<Oid>, to: Oid) -> Option<Oid> {
        let skip = &self.skip;
        *self
            .read
            .entry((from, to))
            .or_insert_with(|| repo.key_between(from, to, skip).ok().flatten())
    }

    /// Whether `step` folded in `lost`'s change: a commit that changed nothing but the
    /// changelogs has no key, and is never said to be folded this way.
    fn made(&mut self, repo: &Repo, step: &Amend, lost: Oid) -> bool {
        let Some(own) = self.key(repo, repo.first_parent(lost), lost) else {
            return false;
        };
        self.key(repo, Some(step.old), step.new) == Some(own)
    }
}

/// The commits HEAD's reflog remembers, by message: a pick (a rebase's, a cherry-pick's)
/// keeps the message and the author header of the commit it copies, so a commit of the same
/// two is the one it was picked from, however many rebases ago.
struct Copies(std::collections::HashMap<String, Vec<Oid>>);

impl Copies {
    fn of(repo: &Repo, remembered: &[Oid]) -> Copies {
        let mut by_message: std::collections::HashMap<String, Vec<Oid>> = Default::default();
        for &id in remembered {
            if let Some(message) = repo.commit_text(id) {
                by_message.entry(message).or_default().push(id);
            }
        }
        Copies(by_message)
    }

    /// A commit `commit` copies (or that copies it), not in `seen`: the newest such.
    fn original(&self, repo: &Repo, commit: Oid, seen: &HashSet<Oid>) -> Option<Oid> {
        let same = self.0.get(&repo.commit_text(commit)?)?;
        let author = repo.author_of(commit)?;
        same.iter()
            .copied()
            .filter(|id| !seen.contains(id))
            .find(|id| repo.author_of(*id).as_ref() == Some(&author))
    }
}

impl Dropped {
    /// Whether the entry stays though the commit is lost: another ref still holds the commit,
    /// or this branch never held it (the change may have shipped in a commit of its own).
    pub fn kept(&self) -> bool {
        self.held_by.is_some() || !self.held_here
    }

    /// Why a lost commit's entry stays, after "no branch holds that commit".
    pub fn why_kept(&self) -> String {
        match &self.held_by {
            Some(by) => format!("any more, though {by} does (a rebase dropped it, or a reset)"),
            None => "and this branch never did: it was made on a branch since deleted, whose change a squash merge or a cherry-pick may have brought under a message of its own".to_owned(),
        }
    }

    /// Doctor's words for it, in `path` (`marker`: the file's bullet).
    pub fn said(&self, path: &std::path::Path, marker: char) -> String {
        let fate = match &self.folded_into {
            Some((into, header)) => format!(
                "which a rebase folded into commit {} (`{header}`), whose message does not call for it (a fixup, or a squash whose message left it out)",
                crate::git::short_id(*into)
            ),
            None if self.kept() => format!(
                "which no branch holds {}; no commit since the last release calls for it",
                self.why_kept()
            ),
            None => "which no branch holds any more (a rebase dropped it, or a reset) and no commit since the last release calls for".to_owned(),
        };
        let fix = match (&self.folded_into, &self.verbatim) {
            (None, Some(_)) if self.kept() => {
                "`relhook changelog --sync` keeps it: remove it by hand if it should not ship"
            }
            (None, Some(_)) => "`relhook changelog --sync` takes it out",
            _ => "remove it by hand if it should not ship",
        };
        format!(
            "{} lists `{marker} {}` under Unreleased, the entry of commit {} (`{}`), {fate}; {fix}",
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
            folded_into: None,
            verbatim: None,
            held_by: None,
            held_here: true,
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

    #[test]
    fn a_folded_commit_is_said_with_the_commit_it_is_in() {
        let d = Dropped {
            entry: "b".into(),
            commit: Oid::zero(),
            header: "fix: b".into(),
            folded_into: Some((Oid::from_bytes(&[1; 20]).unwrap(), "fix: a".into())),
            verbatim: Some("Fixed".into()),
            held_by: None,
            held_here: true,
        };
        let said = d.said(std::path::Path::new("CHANGELOG.md"), '-');
        assert_eq!(
            said,
            "CHANGELOG.md lists `- b` under Unreleased, the entry of commit 000000000 (`fix: b`), which a rebase folded into commit 010101010 (`fix: a`), whose message does not call for it (a fixup, or a squash whose message left it out); remove it by hand if it should not ship"
        );
    }
}
