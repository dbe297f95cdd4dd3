//! The commit that deleted a file HEAD lacks, found by walking HEAD's first parents: asked by
//! post-commit on every commit while the changelog is missing (after a deletion, or a
//! monorepo's root that has none). The walk's answer is kept in the git directory by the
//! commit it was asked at, so the next commit's walk ends at its parent: the answer for a
//! commit that leaves the file missing is its parent's, and each later commit costs one step.
//! Answers are kept for several commits of a path (one a branch, roughly), so a branch made
//! off another one whose answer is kept, or switched back to, does not walk its line again: a
//! walk that meets none of them within a few steps asks git where its line joins the line
//! of one, and takes that one's answer when the file stayed missing on the way. Otherwise it
//! hands the rest of its line to git's path-limited walk, which finds a deletion however far
//! down, in one process (once: its answer is kept).

use std::path::Path;

use git2::Oid;

use super::Repo;
use crate::Result;

/// The file in the git directory keeping the last answers, one line per path and commit.
pub const DELETED_WALK: &str = "relhook-deleted-walk";

/// How many answers are kept, for all paths (the root's changelog and a few packages', on a
/// few branches each).
const KEPT: usize = 16;

/// How many first-parent steps a walk takes itself before git walks the rest: enough to meet
/// a kept answer or a recent deletion, a few milliseconds.
const STEPPED: u64 = 100;

/// How many kept answers of the path (the newest) a walk tries to join before walking its
/// whole line: each costs two or three git processes over the commits between.
const JOINED: usize = 3;

/// How far down HEAD's first-parent line a deletion is looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// HEAD's own commit: whether it deleted the file.
    Head,
    /// The whole line, down to the first commit.
    Line,
}

/// One kept answer: at commit `at` (which lacks `path`), the deleting commit at least `depth`
/// first-parent steps below it, or none within `depth` steps (`u64::MAX`: none down to the
/// first commit).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Answer {
    at: Oid,
    deleted: Option<Oid>,
    depth: u64,
    path: Vec<u8>,
}

impl Answer {
    /// Whether it holds for the whole line below `at` (a deletion found, or none at all).
    fn complete(&self) -> bool {
        self.deleted.is_some() || self.depth == u64::MAX
    }
}

impl Repo {
    /// The commit on HEAD's first-parent line that deleted `path`, with its subject: the
    /// newest one whose first parent has the file (HEAD lacking it). `None` when HEAD has it,
    /// or no commit within `reach` does.
    pub fn deleted_by(&self, path: &Path, reach: Reach) -> Option<(Oid, String)> {
        let head = self.head()?;
        if self.blob_at(head, path).is_some() {
            return None;
        }
        let key = path.to_string_lossy().as_bytes().to_vec();
        let mut kept = self.kept_answers();
        let known: Vec<Answer> = kept.iter().filter(|a| a.path == key).cloned().collect();
        let limit = match reach {
            Reach::Head => 1,
            Reach::Line => u64::MAX,
        };
        let mut current = self.inner.find_commit(head).ok()?;
        let mut steps = 0u64;
        // The kept answer met on the way, and how far down it reached, counted from HEAD.
        let mut met: Option<(Oid, u64)> = None;
        let (deleted, depth) = loop {
            // Below a commit asked before: its answer, `steps` further down, when it reaches
            // as far as this caller looks.
            if let Some(k) = known.iter().find(|k| k.at == current.id()) {
                let here = k.depth.saturating_add(steps);
                met = Some((k.at, here));
                if k.deleted.is_some() || here >= limit {
                    break (k.deleted, here);
                }
            }
            if steps >= limit {
                break (None, steps);
            }
            if steps >= STEPPED {
                let joined = self.joined(current.id(), path, &known, steps);
                break joined.unwrap_or_else(|| self.deleted_below(current.id(), path, steps));
            }
            let Ok(parent) = current.parent(0) else {
                break (None, u64::MAX);
            };
            if self.blob_id(&parent, path).is_some() {
                break (Some(current.id()), steps);
            }
            current = parent;
            steps += 1;
            super::walk::step();
        };
        let answer = Answer {
            at: head,
            deleted,
            depth,
            path: key,
        };
        // A shorter look (post-commit's "did this commit delete it") keeps the longer answer;
        // a longer one takes the place of the answer it met below HEAD (its line holds it),
        // unless a branch still ends there: one made off it, say, its own answer kept apart.
        let known_here = met.map_or(0, |(_, here)| here);
        if !known.contains(&answer) && (deleted.is_some() || depth >= known_here) {
            let below = met.map(|(at, _)| at).filter(|at| !self.branch_ends_at(*at));
            kept.retain(|a| a.path != answer.path || (a.at != head && Some(a.at) != below));
            kept.insert(0, answer);
            kept.truncate(KEPT);
            self.keep_answers(&kept);
        }
        // A deletion a kept answer knows is said however far down it is: the file is gone
        // since, and a new one would lack what it held.
        let deleted = self.inner.find_commit(deleted?).ok()?;
        let subject = deleted.summary().unwrap_or_default().to_owned();
        Some((deleted.id(), subject))
    }

    /// The answer at `from` (`steps` below HEAD, lacking `path`) through a kept answer of
    /// another line that `from`'s joins: where it meets that answer's history is a commit on
    /// its line no lower than its deletion, and no commit on the way changed the file. `None`
    /// when no kept answer does (or git cannot tell): the caller walks the line.
    fn joined(
        &self,
        from: Oid,
        path: &Path,
        known: &[Answer],
        steps: u64,
    ) -> Option<(Option<Oid>, u64)> {
        for k in known.iter().filter(|k| k.complete()).take(JOINED) {
            let Ok(Some((joint, above))) = self.first_parent_meeting(from, &[k.at]) else {
                continue;
            };
            // On `k.at`'s line, at or above its deletion: the walk from there stops at the
            // joint, not at the deletion or beside the line.
            let hidden: Vec<Oid> = [joint].into_iter().chain(k.deleted).collect();
            let met = match joint == k.at {
                true => Some(joint),
                false => match self.first_parent_meeting(k.at, &hidden) {
                    Ok(Some((j, _))) => Some(j),
                    _ => None,
                },
            };
            // `from`'s line met `k.at`'s history on a side branch `k.at`'s line merged (the
            // joint is no commit of its line): below `met`, where `k.at`'s line meets the
            // joint's history above its deletion, the two lines are one when `met` is on
            // `from`'s line too; the file must then have stayed missing down to `met`.
            let (above, hidden) = match met {
                Some(m) if m == joint => (above, k.at),
                Some(m) if Some(m) != k.deleted => match self.first_parent_meeting(from, &[m]) {
                    Ok(Some((j, below))) if j == m => (below, m),
                    _ => continue,
                },
                _ => continue,
            };
            // The file back on the way (a merge, or added and deleted again): its newest
            // deletion is there, which the caller's walk finds that near.
            let unchanged = |changed: Result<Option<Oid>>| matches!(changed, Ok(None));
            if above > 0 && !unchanged(self.last_first_parent_change(from, &[hidden], path)) {
                return None;
            }
            let depth = match k.deleted {
                Some(_) => steps.saturating_add(above),
                None => u64::MAX,
            };
            return Some((k.deleted, depth));
        }
        None
    }

    /// Whether a local branch points at `commit`.
    fn branch_ends_at(&self, commit: Oid) -> bool {
        let Ok(branches) = self.inner.references_glob("refs/heads/*") else {
            return false;
        };
        branches.flatten().any(|r| r.target() == Some(commit))
    }

    /// The deletion of `path` on the first-parent line from `from` (`steps` below HEAD, which
    /// lacks it too) and the answer's depth, found by git's path-limited walk: the newest
    /// change of the path there is its deletion when its first parent has the file (else a
    /// merge git lists for its other parent, say: the walk goes on below it). When git cannot
    /// walk, none within `steps`, which a later walk takes up again.
    fn deleted_below(&self, mut from: Oid, path: &Path, steps: u64) -> (Option<Oid>, u64) {
        loop {
            let changed = match self.last_first_parent_change(from, &[], path) {
                Ok(Some(changed)) => changed,
                Ok(None) => return (None, u64::MAX),
                Err(_) => return (None, steps),
            };
            let Some(parent) = self.first_parent(changed) else {
                return (None, u64::MAX);
            };
            if self.blob_at(parent, path).is_some() {
                return (Some(changed), steps);
            }
            from = parent;
        }
    }

    fn kept_answers(&self) -> Vec<Answer> {
        let text = std::fs::read_to_string(self.git_dir().join(DELETED_WALK)).unwrap_or_default();
        text.lines().filter_map(parse).collect()
    }

    /// Best effort: a git directory relhook cannot write to only costs the next walk. Not
    /// synced to disk (this runs on every commit while the file is missing): a crash loses
    /// nothing but the saved walk.
    /// Nothing is written where git refuses to write (see [`Repo::writable`]).
    fn keep_answers(&self, kept: &[Answer]) {
        if self.writable().is_err() {
            return;
        }
        let text: String = kept.iter().map(line).collect();
        let dir = self.git_dir();
        let path = dir.join(DELETED_WALK);
        let _ = crate::fsx::write_atomic_unsynced_via(dir, &path, &[text.as_bytes()], None, None);
    }
}

/// `<at> <deleted or -> <depth or -> <path in hex>`.
fn line(a: &Answer) -> String {
    let deleted = a.deleted.map_or("-".to_owned(), |d| d.to_string());
    let depth = if a.depth == u64::MAX {
        "-".to_owned()
    } else {
        a.depth.to_string()
    };
    let path: String = a.path.iter().map(|b| format!("{b:02x}")).collect();
    format!("{} {deleted} {depth} {path}\n", a.at)
}

fn parse(line: &str) -> Option<Answer> {
    let mut words = line.split(' ');
    let at = Oid::from_str(words.next()?).ok()?;
    let deleted = match words.next()? {
        "-" => None,
        id => Some(Oid::from_str(id).ok()?),
    };
    let depth = match words.next()? {
        "-" => u64::MAX,
        n => n.parse().ok()?,
    };
    let hex = words.next()?;
    let path = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
        .collect::<Option<Vec<u8>>>()?;
    Some(Answer {
        at,
        deleted,
        depth,
        path,
    })
}
