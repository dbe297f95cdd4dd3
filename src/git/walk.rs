//! A history walk that reads each commit object exactly once, keeps no object cache and builds
//! no git2 `Commit`: parents, committer time and message come from the raw object. It is git's
//! own algorithm for `A..B`: commits leave a queue newest first; a commit reachable from a
//! hidden one is marked uninteresting, and the mark spreads to its ancestors; the walk stops
//! when only uninteresting commits are queued (after a little slop for clock skew), and what
//! was reached is reported without the commits marked on the way.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

use git2::{Odb, Oid};

use crate::{Error, Result};

thread_local! {
    /// Commits this thread's history walks have stepped through: each time a walk takes a
    /// commit from its queue, read from the store or remembered. The work a test bounds
    /// (`RELHOOK_TEST_WALK_COUNT`), where timing would be flaky. relhook walks on one thread.
    static STEPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// How many commits this thread's history walks have stepped through so far.
pub fn steps() -> u64 {
    STEPS.with(std::cell::Cell::get)
}

/// Counts one commit taken from a walk's queue.
pub(super) fn step() {
    STEPS.with(|s| s.set(s.get() + 1));
}

/// How many more commits to take after only uninteresting ones are queued, as git does, in
/// case a commit's date is older than one of its ancestors'.
const SLOP: usize = 5;

/// A commit as the walk reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawCommit {
    /// Its id.
    pub id: Oid,
    /// Its tree (zero when the object names none).
    pub tree: Oid,
    /// Parent ids, first parent first.
    pub parents: Vec<Oid>,
    /// Committer time, in seconds since the epoch.
    pub time: i64,
    /// The author header's value as stored (`Name <email> 1767268800 +0000`).
    pub author: Vec<u8>,
    /// The message bytes as stored.
    pub message: Vec<u8>,
    /// The `encoding` header's value: the encoding the message is in (`None`: UTF-8).
    pub encoding: Option<String>,
}

/// Parses a raw commit object.
pub fn parse_raw(id: Oid, data: &[u8]) -> RawCommit {
    let mut parents = Vec::new();
    let mut tree = Oid::zero();
    let mut time = 0;
    let mut author = Vec::new();
    let mut encoding = None;
    let mut end = data.len();
    let mut at = 0;
    while at < data.len() {
        let line_end = data[at..]
            .iter()
            .position(|b| *b == b'\n')
            .map_or(data.len(), |i| at + i);
        let line = &data[at..line_end];
        at = line_end + 1;
        if line.is_empty() {
            end = at.min(data.len());
            break;
        }
        if let Some(hex) = line.strip_prefix(b"tree ") {
            if let Some(oid) = std::str::from_utf8(hex)
                .ok()
                .and_then(|h| Oid::from_str(h.trim()).ok())
            {
                tree = oid;
            }
        } else if let Some(hex) = line.strip_prefix(b"parent ") {
            if let Some(oid) = std::str::from_utf8(hex)
                .ok()
                .and_then(|h| Oid::from_str(h.trim()).ok())
            {
                parents.push(oid);
            }
        } else if let Some(who) = line.strip_prefix(b"committer ") {
            time = ident_time(who);
        } else if let Some(who) = line.strip_prefix(b"author ") {
            author = who.to_vec();
        } else if let Some(name) = line.strip_prefix(b"encoding ") {
            encoding = Some(String::from_utf8_lossy(name).into_owned());
        }
    }
    if at >= data.len() && end == data.len() {
        return RawCommit {
            id,
            tree,
            parents,
            time,
            author,
            message: Vec::new(),
            encoding,
        };
    }
    RawCommit {
        id,
        tree,
        parents,
        time,
        author,
        message: data.get(end..).unwrap_or_default().to_vec(),
        encoding,
    }
}

/// `Name <email> 1767268800 +0000` → 1767268800.
pub(super) fn ident_time(who: &[u8]) -> i64 {
    let after_email = who
        .iter()
        .rposition(|b| *b == b'>')
        .map_or(who, |i| &who[i + 1..]);
    std::str::from_utf8(after_email)
        .ok()
        .and_then(|s| s.split_whitespace().next())
        .and_then(|t| t.parse().ok())
        .unwrap_or(0)
}

/// Object ids are already uniformly distributed: their first bytes are a hash as good as any.
#[derive(Default)]
pub struct OidHasher(u64);

impl Hasher for OidHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes.iter().take(8) {
            self.0 = (self.0 << 8) | u64::from(*b);
        }
    }
}

/// A map keyed by object id.
pub type OidMap<V> = HashMap<Oid, V, BuildHasherDefault<OidHasher>>;

/// Where commits are read from: the object database, and the commits of a shallow clone
/// whose parents were never fetched (git treats them as having none; so does the walk).
pub struct Source<'r> {
    /// The object database.
    pub odb: Odb<'r>,
    /// The commits listed in the repository's `shallow` file.
    pub shallow: OidMap<()>,
    /// Commits read before by this process: a hook asks several questions of the same recent
    /// history, and a commit (immutable) is then inflated once. `None`: read every time.
    pub memo: Option<&'r std::cell::RefCell<OidMap<RawCommit>>>,
}

/// How many commits [`Source::memo`] keeps: the recent history hooks look at, not a whole
/// history that `relhook check` reads once.
const MEMO_LIMIT: usize = 2048;

impl Source<'_> {
    /// Reads and parses one commit.
    pub fn read(&self, id: Oid) -> Result<RawCommit> {
        if let Some(known) = self.memo.and_then(|m| m.borrow().get(&id).cloned()) {
            return Ok(known);
        }
        let c = self.read_stored(id)?;
        if let Some(memo) = self.memo {
            let mut memo = memo.borrow_mut();
            if memo.len() < MEMO_LIMIT {
                memo.insert(id, c.clone());
            }
        }
        Ok(c)
    }

    fn read_stored(&self, id: Oid) -> Result<RawCommit> {
        let obj = self
            .odb
            .read(id)
            .map_err(|e| Error::git(format!("read commit {id}"), e))?;
        if obj.kind() != git2::ObjectType::Commit {
            return Err(Error::git(
                format!("read commit {id}"),
                git2::Error::from_str("not a commit"),
            ));
        }
        let mut c = parse_raw(id, obj.data());
        if self.shallow.contains_key(&id) {
            c.parents.clear();
        }
        Ok(c)
    }
}

/// Parses git's `shallow` file: one commit id a line.
pub fn parse_shallow(text: &str) -> OidMap<()> {
    text.lines()
        .filter_map(|l| Oid::from_str(l.trim()).ok())
        .map(|o| (o, ()))
        .collect()
}

struct Node {
    commit: RawCommit,
    uninteresting: bool,
    queued: bool,
}

/// Walks the commits reachable from `tips` and not from `hidden`, newest first, calling
/// `visit` for each; `visit` returning `false` stops the walk.
pub fn walk(
    src: &Source<'_>,
    tips: &[Oid],
    hidden: &[Oid],
    mut visit: impl FnMut(RawCommit) -> bool,
) -> Result<()> {
    let mut w = Walk {
        src,
        nodes: Vec::new(),
        index: OidMap::default(),
        heap: BinaryHeap::new(),
        seq: 0,
        interesting_queued: 0,
    };
    for id in hidden {
        let n = w.node(*id)?;
        w.mark_uninteresting(n);
        w.enqueue(n);
    }
    // A tip named twice (a branch and its tag), or hidden too, is queued once: queued again,
    // it would be reported again, and every commit below it.
    for id in tips {
        if w.index.contains_key(id) {
            continue;
        }
        let n = w.node(*id)?;
        w.enqueue(n);
    }
    if hidden.is_empty() {
        // Nothing can be taken back later: report commits as they come.
        while let Some(n) = w.pop() {
            w.enqueue_parents(n)?;
            // Reported once and never met again but by id: keep only the id.
            let message = std::mem::take(&mut w.nodes[n].commit.message);
            let parents = std::mem::take(&mut w.nodes[n].commit.parents);
            let author = std::mem::take(&mut w.nodes[n].commit.author);
            let commit = RawCommit {
                message,
                parents,
                author,
                ..w.nodes[n].commit.clone()
            };
            if !visit(commit) {
                return Ok(());
            }
        }
        return Ok(());
    }
    let mut reached = Vec::new();
    let mut slop = SLOP;
    // As git's `limit_list`: past the last commit of the range met (`date`), the walk goes on
    // while the queue still holds one as new as it (commits of one second, as a script or a
    // rebase makes them, tell nothing by date) or one of the range, and stops SLOP commits
    // after.
    let mut date = i64::MAX;
    while let Some(n) = w.pop() {
        w.enqueue_parents(n)?;
        if !w.nodes[n].uninteresting {
            date = w.nodes[n].commit.time;
            reached.push(n);
            continue;
        }
        let Some(&(newest, _, _)) = w.heap.peek() else {
            break;
        };
        if date <= newest || w.interesting_queued > 0 {
            slop = SLOP;
        } else {
            slop -= 1;
            if slop == 0 {
                break;
            }
        }
    }
    for n in reached {
        if w.nodes[n].uninteresting {
            continue;
        }
        let message = std::mem::take(&mut w.nodes[n].commit.message);
        let author = std::mem::take(&mut w.nodes[n].commit.author);
        if !visit(RawCommit {
            message,
            author,
            ..w.nodes[n].commit.clone()
        }) {
            break;
        }
    }
    Ok(())
}

struct Walk<'a, 'r> {
    src: &'a Source<'r>,
    nodes: Vec<Node>,
    index: OidMap<usize>,
    heap: BinaryHeap<(i64, Reverse<u64>, usize)>,
    seq: u64,
    interesting_queued: usize,
}

impl Walk<'_, '_> {
    /// The node for `id`, reading the object the first time it is met.
    fn node(&mut self, id: Oid) -> Result<usize> {
        if let Some(n) = self.index.get(&id) {
            return Ok(*n);
        }
        let commit = self.src.read(id)?;
        let n = self.nodes.len();
        self.nodes.push(Node {
            commit,
            uninteresting: false,
            queued: false,
        });
        self.index.insert(id, n);
        Ok(n)
    }

    fn enqueue(&mut self, n: usize) {
        self.seq += 1;
        self.nodes[n].queued = true;
        if !self.nodes[n].uninteresting {
            self.interesting_queued += 1;
        }
        self.heap
            .push((self.nodes[n].commit.time, Reverse(self.seq), n));
    }

    fn pop(&mut self) -> Option<usize> {
        let (_, _, n) = self.heap.pop()?;
        step();
        self.nodes[n].queued = false;
        if !self.nodes[n].uninteresting {
            self.interesting_queued = self.interesting_queued.saturating_sub(1);
        }
        Some(n)
    }

    /// Parents met for the first time are queued; an uninteresting commit passes its mark on.
    fn enqueue_parents(&mut self, n: usize) -> Result<()> {
        let parents = self.nodes[n].commit.parents.clone();
        let mark = self.nodes[n].uninteresting;
        for p in parents {
            let known = self.index.contains_key(&p);
            let pn = self.node(p)?;
            if mark {
                self.mark_uninteresting(pn);
            }
            if !known {
                self.enqueue(pn);
            }
        }
        Ok(())
    }

    /// Marks a commit and every ancestor already read; queued ones stop counting as
    /// interesting (the queue holds their index, and `pop` reads the mark).
    fn mark_uninteresting(&mut self, n: usize) {
        let mut stack = vec![n];
        while let Some(n) = stack.pop() {
            if self.nodes[n].uninteresting {
                continue;
            }
            self.nodes[n].uninteresting = true;
            self.nodes[n].commit.message = Vec::new();
            if self.nodes[n].queued {
                self.interesting_queued = self.interesting_queued.saturating_sub(1);
            }
            for p in &self.nodes[n].commit.parents {
                if let Some(pn) = self.index.get(p) {
                    stack.push(*pn);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_commits_are_parsed() {
        let raw = b"tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nparent 1111111111111111111111111111111111111111\nparent 2222222222222222222222222222222222222222\nauthor A <a@x> 1 +0000\ncommitter C <c@x> 1767268800 +0100\ngpgsig -----BEGIN\n line\n -----END\n\nfeat: x\n\nbody\n";
        let c = parse_raw(Oid::zero(), raw);
        assert_eq!(c.parents.len(), 2);
        assert_eq!(c.time, 1_767_268_800);
        assert_eq!(c.message, b"feat: x\n\nbody\n");
        assert_eq!(
            c.tree,
            Oid::from_str("4b825dc642cb6eb9a060e54bf8d69288fbee4904").unwrap()
        );
        let odd = parse_raw(Oid::zero(), b"garbage");
        assert_eq!((odd.parents.len(), odd.time, odd.message.len()), (0, 0, 0));
        assert!(odd.tree.is_zero());
    }

    /// A commit read through the memo is the one stored, inflated once: the second read
    /// needs no object database at all.
    #[test]
    fn a_remembered_commit_is_read_once() {
        let dir = tempfile::tempdir().unwrap();
        let repo = git2::Repository::init(dir.path()).unwrap();
        let tree = repo.treebuilder(None).unwrap().write().unwrap();
        let tree = repo.find_tree(tree).unwrap();
        let sig = git2::Signature::new("a", "a@b", &git2::Time::new(7, 0)).unwrap();
        let id = repo
            .commit(None, &sig, &sig, "feat: x", &tree, &[])
            .unwrap();
        let memo = std::cell::RefCell::new(OidMap::default());
        let src = Source {
            memo: Some(&memo),
            odb: repo.odb().unwrap(),
            shallow: OidMap::default(),
        };
        let first = src.read(id).unwrap();
        assert_eq!(first.message, b"feat: x");
        assert_eq!(memo.borrow().len(), 1);
        // Gone from the store, it is still answered, from the memo.
        let loose = dir.path().join(".git/objects").join(&id.to_string()[..2]);
        std::fs::remove_dir_all(loose).unwrap();
        let reopened = git2::Repository::open(dir.path()).unwrap();
        let uncached = Source {
            memo: None,
            odb: reopened.odb().unwrap(),
            shallow: OidMap::default(),
        };
        assert!(uncached.read(id).is_err());
        assert_eq!(src.read(id).unwrap(), first);
    }

    /// QA273: a tip named twice (two pushed refs at one commit, a branch and its tag) is one
    /// commit: the walk reported it, and each commit below it, once per name, so a count
    /// made with a remote's commits hidden said 4 for 3.
    #[test]
    fn a_tip_named_twice_is_walked_once() {
        let dir = tempfile::tempdir().unwrap();
        let repo = git2::Repository::init(dir.path()).unwrap();
        let tree = repo.treebuilder(None).unwrap().write().unwrap();
        let tree = repo.find_tree(tree).unwrap();
        let sig = git2::Signature::new("a", "a@b", &git2::Time::new(7, 0)).unwrap();
        let mut ids: Vec<Oid> = Vec::new();
        for i in 0..4 {
            let parents: Vec<git2::Commit<'_>> = ids
                .last()
                .map(|p| repo.find_commit(*p).unwrap())
                .into_iter()
                .collect();
            let parents: Vec<&git2::Commit<'_>> = parents.iter().collect();
            let msg = format!("fix: {i}");
            ids.push(
                repo.commit(None, &sig, &sig, &msg, &tree, &parents)
                    .unwrap(),
            );
        }
        let src = Source {
            memo: None,
            odb: repo.odb().unwrap(),
            shallow: OidMap::default(),
        };
        let tip = ids[3];
        for hidden in [vec![], vec![ids[0]]] {
            let mut met = Vec::new();
            walk(&src, &[tip, tip], &hidden, |c| {
                met.push(c.id);
                true
            })
            .unwrap();
            let want = if hidden.is_empty() { 4 } else { 3 };
            assert_eq!(met.len(), want, "hidden {hidden:?}: {met:?}");
        }
        // A tip that is hidden too is not new.
        let mut met = 0;
        walk(&src, &[ids[1], tip], &[ids[1]], |_| {
            met += 1;
            true
        })
        .unwrap();
        assert_eq!(met, 2);
    }

    #[test]
    fn committer_time_survives_odd_names() {
        assert_eq!(ident_time(b"A <b> c> <d@e> 42 +0000"), 42);
        assert_eq!(ident_time(b"no email"), 0);
    }
}
