//! A walk down history, newest commit (by committer date) first, that stops where its caller
//! says and takes up again from there later: a question about old history reads no further
//! back than it needs, and a later question reads on from where the last one stopped, each
//! commit once.

use std::collections::BinaryHeap;

use git2::Oid;

use super::walk::{OidMap, RawCommit};
use super::{Repo, StoredCommit};
use crate::{Error, Result};

/// Where a walk down history stands: the commits still to visit and those already queued.
#[derive(Default)]
pub struct Descent {
    queue: BinaryHeap<Queued>,
    queued: OidMap<()>,
}

impl std::fmt::Debug for Descent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Descent")
            .field("queued", &self.queued.len())
            .field("next", &self.next_time())
            .finish()
    }
}

/// A commit waiting its turn, newest first.
struct Queued(RawCommit);

impl PartialEq for Queued {
    fn eq(&self, other: &Self) -> bool {
        self.0.id == other.0.id
    }
}

impl Eq for Queued {}

impl PartialOrd for Queued {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Queued {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.0.time, self.0.id).cmp(&(other.0.time, other.0.id))
    }
}

impl Descent {
    /// The committer date of the next commit to visit; `None` once the history is walked.
    pub fn next_time(&self) -> Option<i64> {
        self.queue.peek().map(|q| q.0.time)
    }
}

impl StoredCommit {
    /// The author date (seconds since the epoch), as a rebase or an amend carries it over.
    pub fn author_time(&self) -> i64 {
        super::walk::ident_time(&self.author)
    }
}

impl Repo {
    /// A walk down from `tips`, nothing visited yet.
    pub fn descent(&self, tips: &[Oid]) -> Result<Descent> {
        let mut d = Descent::default();
        let odb = self.odb()?;
        let src = self.source(odb);
        for tip in tips {
            if d.queued.insert(*tip, ()).is_none() {
                d.queue.push(Queued(src.read(*tip)?));
            }
        }
        Ok(d)
    }

    /// Visits the commits of `d` whose committer date is `floor` or later, newest first, until
    /// `visit` returns `false`; the next call goes on after the last commit visited.
    pub fn descend(
        &self,
        d: &mut Descent,
        floor: i64,
        mut visit: impl FnMut(StoredCommit) -> bool,
    ) -> Result<()> {
        if d.next_time().is_none_or(|t| t < floor) {
            return Ok(());
        }
        let odb = self.odb()?;
        let src = self.source(odb);
        while d.next_time().is_some_and(|t| t >= floor) {
            let Some(Queued(c)) = d.queue.pop() else {
                break;
            };
            super::walk::step();
            for p in &c.parents {
                if d.queued.insert(*p, ()).is_none() {
                    d.queue.push(Queued(src.read(*p)?));
                }
            }
            let go_on = visit(StoredCommit::from(c));
            if !go_on {
                break;
            }
        }
        Ok(())
    }

    fn odb(&self) -> Result<git2::Odb<'_>> {
        self.inner
            .odb()
            .map_err(|e| Error::git("open the object database", e))
    }
}

#[cfg(test)]
mod tests {
    use crate::git::testing::git;

    #[test]
    fn a_descent_stops_at_its_floor_and_goes_on_from_there() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        git(dir, &["init", "-q", "-b", "main"]);
        for (i, date) in ["100", "200", "300", "400"].iter().enumerate() {
            let date = format!("@{date} +0000");
            let ok = std::process::Command::new("git")
                .current_dir(dir)
                .args(["-c", "user.name=a", "-c", "user.email=a@example.com"])
                .args(["commit", "-q", "--allow-empty", "-m", &format!("c{i}")])
                .env("GIT_CONFIG_NOSYSTEM", "1")
                .env("GIT_CONFIG_GLOBAL", "/dev/null")
                .env("GIT_AUTHOR_DATE", &date)
                .env("GIT_COMMITTER_DATE", &date)
                .status()
                .unwrap()
                .success();
            assert!(ok);
        }
        let repo = crate::git::Repo::open(dir).unwrap();
        let mut d = repo.descent(&[repo.head().unwrap()]).unwrap();
        let mut seen = Vec::new();
        let mut visit = |c: crate::git::StoredCommit| {
            assert_eq!(c.author_time(), 100 * (4 - seen.len() as i64));
            seen.push(c.text().trim().to_owned());
            true
        };
        repo.descend(&mut d, 250, &mut visit).unwrap();
        assert_eq!(d.next_time(), Some(200));
        repo.descend(&mut d, 250, &mut visit).unwrap();
        repo.descend(&mut d, 0, &mut visit).unwrap();
        assert_eq!(seen, ["c3", "c2", "c1", "c0"]);
        assert_eq!(d.next_time(), None);
    }
}
