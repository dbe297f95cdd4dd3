//! One change, two commits: `git cherry-pick` copies a commit onto another branch (with `-x`,
//! naming it in a `(cherry picked from commit <id>)` line; without, as the same patch under
//! the same header). A fix backported to main from branch `feature`, main released, then
//! `feature` merged: the original comes in after the release that shipped its copy, and is no
//! change of its own.
//! `--sync`, `--rebuild`, the next version and the merge driver leave it out by this one rule.
//!
//! A range's commits are compared only with the released commits a walk from the points where
//! they left the released history meets (a branch that forked before the release): a range
//! that begins at the release tag costs nothing more.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use git2::Oid;

use crate::Result;
use crate::config::Config;
use crate::git::{Range, Repo};

/// The commits of `range` whose change the release `last` (a tag's name and commit: the
/// last release, where the line's unreleased range starts) already made (a copy of it, or
/// the original of a copy), so that they count as released with it.
pub fn released_copies(
    repo: &Repo,
    config: &Config,
    range: &Range,
    last: Option<(String, Oid)>,
) -> Result<HashSet<Oid>> {
    let Some((_, last)) = last.filter(|_| !range.single) else {
        return Ok(HashSet::new());
    };
    let mut commits = Vec::new();
    repo.walk(range, |c| {
        commits.push((c.id, c.parent_ids));
        true
    })?;
    copies_among(repo, config, &commits, &[last])
}

/// [`released_copies`] of `commits` (each with its parents), compared with the commits
/// `released` (the last release's tags) reaches beyond the points where `commits` left their
/// history (none for a range that begins at that release: nothing is compared). An older
/// line's release (a maintenance fix picked onto main) is not passed: main ships it again.
pub fn copies_among(
    repo: &Repo,
    config: &Config,
    commits: &[(Oid, Vec<Oid>)],
    released: &[Oid],
) -> Result<HashSet<Oid>> {
    compare(repo, config, commits, released, false)
}

/// [`copies_among`] of `commits` that are a whole range less `released` (`HEAD ^last`, as
/// walked): every commit they leave their history at is one `released` reaches. Whether a
/// copy's parent reaches the released commit it copies is then told from the commits the
/// comparison read already ([`Read`]), with no walk of its own (a walk per copy cost
/// thousands of commits on vuejs/core's `minor`).
pub fn copies_since(
    repo: &Repo,
    config: &Config,
    commits: &[(Oid, Vec<Oid>)],
    released: &[Oid],
) -> Result<HashSet<Oid>> {
    compare(repo, config, commits, released, true)
}

/// [`copies_among`]; `closed`: `commits` are the range less `released` (see
/// [`copies_since`]).
fn compare(
    repo: &Repo,
    config: &Config,
    commits: &[(Oid, Vec<Oid>)],
    released: &[Oid],
    closed: bool,
) -> Result<HashSet<Oid>> {
    let inside: HashSet<Oid> = commits.iter().map(|c| c.0).collect();
    let mut others: HashMap<Oid, String> = HashMap::new();
    let mut read = Read::of(commits);
    for fork in outermost(repo, forks(commits)) {
        // A release the range begins at reaches nothing beyond itself: no walk for it.
        let tips: Vec<Oid> = released.iter().copied().filter(|t| *t != fork).collect();
        if tips.is_empty() {
            continue;
        }
        let beyond = Range {
            tips,
            hidden: vec![fork],
            ..Range::default()
        };
        repo.walk(&beyond, |c| {
            // The commits compared are no copies of themselves (a tip inside the range).
            if c.parents < 2 && !inside.contains(&c.id) {
                others.entry(c.id).or_insert_with(|| c.text().into_owned());
            }
            read.add(c.id, &c.parent_ids);
            true
        })?;
    }
    if closed {
        let reaches = |d: Oid, a: Oid| read.reaches(d, a);
        return copies_of(repo, config, commits, others, &reaches);
    }
    let reaches = |d: Oid, a: Oid| repo.reaches(d, a);
    copies_of(repo, config, commits, others, &reaches)
}

/// The commits [`compare`] read (the range's, and those the last release reaches beyond the
/// points where the range left its history), each with its parents: for a range less the
/// release, all a path from one of its commits (or a point it left at) to a released commit
/// compared can pass through. A path out of the range enters the release's history; one
/// that reaches a commit `o` the release reaches beyond fork `f` never meets a commit `f`
/// reaches (`o` would be one too), so every commit on it was read. A commit not read ends
/// the search there: exact, and no walk.
struct Read(HashMap<Oid, Vec<Oid>>);

impl Read {
    /// The commits of a range, each with its parents.
    fn of(commits: &[(Oid, Vec<Oid>)]) -> Read {
        Read(commits.iter().cloned().collect())
    }

    /// Adds commit `id` with its `parents`.
    fn add(&mut self, id: Oid, parents: &[Oid]) {
        self.0.entry(id).or_insert_with(|| parents.to_vec());
    }

    /// Whether `descendant` is or reaches `ancestor` through the commits read.
    fn reaches(&self, descendant: Oid, ancestor: Oid) -> bool {
        let mut seen: HashSet<Oid> = HashSet::from([descendant]);
        let mut stack = vec![descendant];
        while let Some(c) = stack.pop() {
            if c == ancestor {
                return true;
            }
            for p in self.0.get(&c).into_iter().flatten() {
                if seen.insert(*p) {
                    stack.push(*p);
                }
            }
        }
        false
    }
}

/// Of `forks`, those that reach no other: what the released commits reach beyond a fork that
/// reaches another, they reach beyond that other too, so its walk adds nothing (a branch
/// that merges main again and again: one walk, not one per merge). Each is asked about the
/// fork next older than it (by date: the main line's merges, one short walk each), then
/// about those kept; one left unsettled costs a walk of its own, never a commit compared.
fn outermost(repo: &Repo, forks: Vec<Oid>) -> Vec<Oid> {
    if forks.len() < 2 {
        return forks;
    }
    let time = |f: &Oid| repo.stored_commit(*f).map_or(i64::MIN, |c| c.time);
    let mut dated: Vec<(i64, Oid)> = forks.iter().map(|f| (time(f), *f)).collect();
    dated.sort();
    let mut kept = vec![dated[0].1];
    for pair in dated.windows(2) {
        let (older, fork) = (pair[0].1, pair[1].1);
        if !repo.reaches(fork, older) && !kept.iter().any(|k| repo.reaches(fork, *k)) {
            kept.push(fork);
        }
    }
    kept
}

/// The points where `commits` (each with its parents) left the released history: the
/// parents none of them is, in the order met.
pub fn forks(commits: &[(Oid, Vec<Oid>)]) -> Vec<Oid> {
    let inside: HashSet<Oid> = commits.iter().map(|c| c.0).collect();
    let mut forks: Vec<Oid> = Vec::new();
    for p in commits.iter().flat_map(|c| &c.1) {
        if !inside.contains(p) && !forks.contains(p) {
            forks.push(*p);
        }
    }
    forks
}

/// The commits of `commits` (each with its parents) whose change one of `others` (the
/// released commits [`copies_among`] compares them with, each with its message) made.
/// `reaches`: whether a commit is or reaches another, as [`Repo::reaches`] answers.
pub fn copies_of(
    repo: &Repo,
    config: &Config,
    commits: &[(Oid, Vec<Oid>)],
    others: HashMap<Oid, String>,
    reaches: &dyn Fn(Oid, Oid) -> bool,
) -> Result<HashSet<Oid>> {
    if others.is_empty() {
        return Ok(HashSet::new());
    }
    let mut made_by = Changes::new(repo, config, others);
    let mut out = HashSet::new();
    for (id, parents) in commits.iter().filter(|c| c.1.len() < 2) {
        let text = repo.commit_text(*id).unwrap_or_default();
        let made = made_by.made(*id, &text)?;
        // A change made again on top of its release (after a revert) is a change of its own.
        let again = |o: &Oid| parents.first().is_some_and(|p| reaches(*p, *o));
        if made.iter().any(|o| !again(o)) {
            out.insert(*id);
        }
    }
    Ok(out)
}

/// Commits that made changes, each with its message, to tell which of them a commit makes
/// again: the one rule by which relhook knows a copy (this module's and
/// [`crate::history::older_line`]'s). A patch key costs a line diff of every file a commit
/// changed, so keys are read only where they can match: for the commits worded as the one
/// asked about ([`header_key`]: a pick keeps its original's message) whose outlines (the
/// paths changed, from the trees alone) are its own, each once: a long history's few.
pub struct Changes<'r> {
    repo: &'r Repo,
    skip: Vec<PathBuf>,
    others: HashMap<Oid, String>,
    /// The ids `-x` lines of `others` name, each with the commit naming it.
    named: Vec<(String, Oid)>,
    /// `others` by [`header_key`].
    worded: HashMap<String, Vec<Oid>>,
    /// The outlines and patch keys of `others` read so far.
    outlines: HashMap<Oid, Option<Oid>>,
    keys: HashMap<Oid, Option<Oid>>,
}

impl<'r> Changes<'r> {
    /// The changes of `others` (commits with their messages).
    pub fn new(repo: &'r Repo, config: &Config, others: HashMap<Oid, String>) -> Self {
        let named = others
            .iter()
            .flat_map(|(o, m)| picked_from(m).into_iter().map(|n| (n, *o)))
            .collect();
        let mut worded: HashMap<String, Vec<Oid>> = HashMap::new();
        for (o, m) in &others {
            worded.entry(header_key(m)).or_default().push(*o);
        }
        Changes {
            repo,
            skip: changelogs(config),
            others,
            named,
            worded,
            outlines: HashMap::new(),
            keys: HashMap::new(),
        }
    }

    /// The commits that made the change `id` (its message `text`) makes: one that names it
    /// (its pick), the one it names (its original), or else those worded as it with its
    /// patch key.
    pub fn made(&mut self, id: Oid, text: &str) -> Result<Vec<Oid>> {
        let hex = id.to_string();
        let mut made: Vec<Oid> = self
            .named
            .iter()
            .filter(|(n, _)| hex.starts_with(n.as_str()))
            .map(|(_, o)| *o)
            .collect();
        for n in picked_from(text) {
            made.extend(self.others.keys().filter(|o| o.to_string().starts_with(&n)));
        }
        if !made.is_empty() {
            return Ok(made);
        }
        let Some(alike) = self.worded.get(&header_key(text)) else {
            return Ok(made);
        };
        let (repo, skip) = (self.repo, &self.skip);
        let Some(outline) = repo.patch_outline(id, skip)? else {
            return Ok(made);
        };
        let mut key: Option<Option<Oid>> = None;
        for o in alike {
            // One whose change cannot be read makes no change to compare.
            let read = |f: fn(&Repo, Oid, &[PathBuf]) -> Result<Option<Oid>>| {
                move || f(repo, *o, skip).ok().flatten()
            };
            let theirs = self
                .outlines
                .entry(*o)
                .or_insert_with(read(Repo::patch_outline));
            if *theirs != Some(outline) {
                continue;
            }
            let mine = match key {
                Some(k) => k,
                None => *key.insert(repo.patch_key(id, skip)?),
            };
            let theirs = self.keys.entry(*o).or_insert_with(read(Repo::patch_key));
            if mine.is_some() && *theirs == mine {
                made.push(*o);
            }
        }
        Ok(made)
    }
}

/// A message's header as copies are matched by: its first line, trimmed, without the pull
/// request numbers forges append (`fix: x (#12)`; a backport through its own pull request
/// has another).
pub fn header_key(message: &str) -> String {
    let mut header = message.lines().next().unwrap_or("").trim();
    while let Some(rest) = header.strip_suffix(')') {
        let Some((before, number)) = rest.rsplit_once("(#") else {
            break;
        };
        if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
            break;
        }
        header = before.trim_end();
    }
    header.to_owned()
}

/// The changelogs relhook keeps: post-commit writes each commit's entry into its own commit,
/// so a copy's lines there differ from its original's.
pub(crate) fn changelogs(config: &Config) -> Vec<PathBuf> {
    let mut files = vec![config.changelog.path.clone()];
    files.extend(config.packages.iter().map(|p| p.changelog.clone()));
    files
}

/// The ids (lower-case hex, 7 digits or more) a message's `-x` lines name.
pub fn picked_from(message: &str) -> Vec<String> {
    message
        .lines()
        .filter_map(|l| {
            let rest = l.trim().strip_prefix("(cherry picked from commit ")?;
            let hex = rest.strip_suffix(')')?.trim().to_ascii_lowercase();
            (hex.len() >= 7 && hex.bytes().all(|b| b.is_ascii_hexdigit())).then_some(hex)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn x_lines_name_the_original() {
        let m = "fix: x\n\n(cherry picked from commit 0123456789ABCDEF0123456789abcdef01234567)\n";
        assert_eq!(picked_from(m), ["0123456789abcdef0123456789abcdef01234567"]);
        assert!(picked_from("fix: x\n\n(cherry picked from commit zz)\n").is_empty());
        assert!(picked_from("fix: x\n").is_empty());
        // git indents nothing, but a hand-copied line may be; an id needs its parentheses.
        let id = "0123456789abcdef0123456789abcdef01234567";
        assert_eq!(
            picked_from(&format!("  (cherry picked from commit {id})  ")),
            [id]
        );
        assert!(picked_from(&format!("cherry picked from commit {id}")).is_empty());
    }

    #[test]
    fn what_was_read_tells_ancestry_and_stops_at_commits_not_read() {
        let id = |n: u8| Oid::from_bytes(&[n; 20]).expect("an id");
        // 1 ← 2 ← 3 (a merge of 4), 4 ← 5; 6's parent 7 was not read.
        let mut read = Read::of(&[(id(3), vec![id(2), id(4)]), (id(2), vec![id(1)])]);
        read.add(id(4), &[id(5)]);
        read.add(id(6), &[id(7)]);
        assert!(read.reaches(id(3), id(3)));
        assert!(read.reaches(id(3), id(1)));
        assert!(read.reaches(id(3), id(5)));
        assert!(read.reaches(id(6), id(7)));
        assert!(!read.reaches(id(2), id(4)));
        assert!(!read.reaches(id(1), id(3)));
        assert!(!read.reaches(id(7), id(1)));
    }

    #[test]
    fn a_header_key_leaves_out_pull_request_numbers_and_the_body() {
        assert_eq!(header_key("fix: x (#12)\n\nbody\n"), "fix: x");
        assert_eq!(header_key("  fix: x (#12) (#345)  "), "fix: x");
        assert_eq!(header_key("fix: x"), "fix: x");
        // Only a number in the parentheses is a pull request's.
        assert_eq!(header_key("fix: x (#a1)"), "fix: x (#a1)");
        assert_eq!(header_key("fix: x (#)"), "fix: x (#)");
        assert_eq!(header_key("fix(ui): x (see #12)"), "fix(ui): x (see #12)");
        assert_eq!(header_key(""), "");
    }
}
