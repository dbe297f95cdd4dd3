//! Which of a set of directories a commit changes against its first parent, for monorepo
//! attribution in history walks: the two trees are compared level by level along the
//! directories' paths only (an unchanged subtree, same id, is never opened), so the cost is the
//! depth of the paths, not the size of the change or of the repository. Trees are kept in a
//! small cache: consecutive commits of a walk share most of theirs (a commit's parent is the
//! next commit walked).

use std::collections::HashMap;
use std::path::Path;
use std::rc::Rc;

use git2::Oid;

use super::Repo;
use crate::{Error, Result};

/// How many trees (and commits' tree ids) the cache holds before it starts over.
const CACHE: usize = 4096;

/// A probe for a fixed set of directories; see the module documentation.
pub struct PathProbe<'r> {
    repo: &'r Repo,
    root: Node,
    /// Whether [`PathProbe::touched`] also tells whether anything outside the directories
    /// changed (that compares whole trees along the way, so it is asked for only when needed).
    outside: bool,
    /// What [`PathProbe::ignore`] set: files whose changes are not "outside".
    ignored: Vec<std::path::PathBuf>,
    ignored_names: Vec<Vec<u8>>,
    trees: HashMap<Oid, Rc<[Entry]>>,
    commits: HashMap<Oid, (Oid, Option<Oid>)>,
}

thread_local! {
    /// How many times an entry was looked up at the top of a tree
    /// (`RELHOOK_TEST_TOP_ENTRY_LOOKUPS`): the work a test bounds, where timing would be flaky.
    static TOP_LOOKUPS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many times this thread looked an entry up at the top of a tree ([`PathProbe::top_entry`]).
pub fn top_entry_lookups() -> usize {
    TOP_LOOKUPS.with(std::cell::Cell::get)
}

/// What a commit changes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Touched {
    /// The indexes (into the probe's directories) of the directories it changes, ascending.
    pub dirs: Vec<usize>,
    /// Whether it changes anything outside them (only computed when the probe was asked to).
    pub outside: bool,
}

#[derive(Default)]
struct Node {
    children: HashMap<Vec<u8>, Node>,
    leaf: Option<usize>,
    /// An ignored file: its change is neither a directory's nor outside.
    skip: bool,
}

struct Entry {
    name: Vec<u8>,
    id: Oid,
    tree: bool,
}

impl Repo {
    /// A probe for `dirs` (relative paths, none inside another); `outside`: whether
    /// [`PathProbe::touched`] also reports changes outside them.
    pub fn path_probe(&self, dirs: &[&Path], outside: bool) -> PathProbe<'_> {
        PathProbe {
            repo: self,
            root: node_for(dirs, &[]),
            outside,
            ignored: Vec::new(),
            ignored_names: Vec::new(),
            trees: HashMap::new(),
            commits: HashMap::new(),
        }
    }

    /// A probe for `dirs` that reports changes outside them, except changes to the files
    /// `paths` (from the top) and to files called one of `names` in a folder on the way to a
    /// directory: bookkeeping, such as the changelogs and the lock files the directories share.
    pub fn path_probe_ignoring(
        &self,
        dirs: &[&Path],
        paths: &[std::path::PathBuf],
        names: &[&str],
    ) -> PathProbe<'_> {
        let mut probe = self.path_probe(dirs, true);
        probe.ignored = paths.to_vec();
        probe.ignored_names = names.iter().map(|n| n.as_bytes().to_vec()).collect();
        probe.root = node_for(dirs, &probe.ignored);
        probe
    }
}

fn node_for(dirs: &[&Path], ignored: &[std::path::PathBuf]) -> Node {
    let mut root = Node::default();
    for (i, dir) in dirs.iter().enumerate() {
        at(&mut root, dir).leaf = Some(i);
    }
    for file in ignored {
        at(&mut root, file).skip = true;
    }
    root
}

fn at<'n>(root: &'n mut Node, path: &Path) -> &'n mut Node {
    let mut node = root;
    for part in path.components() {
        let name = part.as_os_str().as_encoded_bytes().to_vec();
        node = node.children.entry(name).or_default();
    }
    node
}

impl PathProbe<'_> {
    /// Points the probe at other directories (as many, in the same order, for the indexes
    /// [`PathProbe::touched`] reports), keeping the trees it has read.
    pub fn retarget(&mut self, dirs: &[&Path]) {
        self.root = node_for(dirs, &self.ignored);
    }

    /// The tree of `commit` (through the probe's cache of commits).
    pub fn tree_of(&mut self, commit: Oid) -> Result<Oid> {
        Ok(self.commit(commit)?.0)
    }

    /// The id of the entry `name` at the top of `tree`, if there is one (read through the
    /// probe's cache: a walk that probes the commit reads that tree anyway).
    pub fn top_entry(&mut self, tree: Oid, name: &[u8]) -> Result<Option<Oid>> {
        TOP_LOOKUPS.with(|c| c.set(c.get() + 1));
        Ok(find(&self.tree(tree)?, name).map(|(id, _)| id))
    }

    /// [`PathProbe::top_entry`] for a walk that reads no more of the tree (no directory to
    /// compare): a tree not held yet is read only as far as `name` sorts (see `tree_head`).
    pub fn top_entry_only(&mut self, tree: Oid, name: &[u8]) -> Result<Option<Oid>> {
        if !self.trees.contains_key(&tree)
            && let Some(found) = self.repo.top_entry_streamed(tree, name)
        {
            TOP_LOOKUPS.with(|c| c.set(c.get() + 1));
            return Ok(found);
        }
        self.top_entry(tree, name)
    }

    /// The first parent of `commit` (through the probe's cache).
    pub fn first_parent(&mut self, commit: Oid) -> Result<Option<Oid>> {
        Ok(self.commit(commit)?.1)
    }

    /// What `commit` changes against its first parent (against nothing for a root commit).
    pub fn touched(&mut self, commit: Oid) -> Result<Touched> {
        let (tree, parent) = self.commit(commit)?;
        let parent_tree = match parent {
            Some(p) => Some(self.commit(p)?.0),
            None => None,
        };
        let mut out = Touched::default();
        let root = std::mem::take(&mut self.root);
        let done = self.compare(
            &root,
            Some((tree, true)),
            parent_tree.map(|t| (t, true)),
            &mut out,
        );
        self.root = root;
        done?;
        out.dirs.sort_unstable();
        Ok(out)
    }

    /// A commit's tree and first parent.
    fn commit(&mut self, id: Oid) -> Result<(Oid, Option<Oid>)> {
        if let Some(c) = self.commits.get(&id) {
            return Ok(*c);
        }
        let c = self
            .repo
            .inner
            .find_commit(id)
            .map_err(|e| Error::git(format!("read commit {id}"), e))?;
        let found = (c.tree_id(), c.parent_id(0).ok());
        if self.commits.len() >= CACHE {
            self.commits.clear();
        }
        self.commits.insert(id, found);
        Ok(found)
    }

    fn tree(&mut self, id: Oid) -> Result<Rc<[Entry]>> {
        if let Some(t) = self.trees.get(&id) {
            return Ok(t.clone());
        }
        let tree = self
            .repo
            .tree_fetched(id, &|| format!("tree {}", super::short_id(id)))?;
        let entries: Rc<[Entry]> = tree
            .iter()
            .map(|e| Entry {
                name: e.name_bytes().to_vec(),
                id: e.id(),
                tree: e.kind() == Some(git2::ObjectType::Tree),
            })
            .collect();
        if self.trees.len() >= CACHE {
            self.trees.clear();
        }
        self.trees.insert(id, entries.clone());
        Ok(entries)
    }

    /// Compares the entries `a` (the commit's) and `b` (its parent's) at `node`'s place: an
    /// id and whether it is a tree, or `None` where there is nothing.
    fn compare(
        &mut self,
        node: &Node,
        a: Option<(Oid, bool)>,
        b: Option<(Oid, bool)>,
        out: &mut Touched,
    ) -> Result<()> {
        if a == b {
            return Ok(());
        }
        if let Some(i) = node.leaf {
            out.dirs.push(i);
            return Ok(());
        }
        if node.skip && node.children.is_empty() {
            return Ok(());
        }
        // A file where the way to a directory passes is outside every directory.
        if a.is_some_and(|(_, tree)| !tree) || b.is_some_and(|(_, tree)| !tree) {
            out.outside = true;
        }
        let mut entries = |side: Option<(Oid, bool)>| -> Result<Rc<[Entry]>> {
            match side {
                Some((id, true)) => self.tree(id),
                _ => Ok(Rc::from([])),
            }
        };
        let ea = entries(a)?;
        let eb = entries(b)?;
        if self.outside && !out.outside {
            out.outside = differs_outside(node, &self.ignored_names, &ea, &eb);
        }
        for (name, child) in &node.children {
            let x = find(&ea, name);
            let y = find(&eb, name);
            if x != y {
                self.compare(child, x, y, out)?;
            }
        }
        Ok(())
    }
}

fn find(entries: &[Entry], name: &[u8]) -> Option<(Oid, bool)> {
    entries
        .iter()
        .find(|e| e.name == name)
        .map(|e| (e.id, e.tree))
}

/// Whether an entry that leads to none of `node`'s directories (nor is an ignored file, by
/// its place or by one of the `ignored` names) differs between `a` and `b`.
fn differs_outside(node: &Node, ignored: &[Vec<u8>], a: &[Entry], b: &[Entry]) -> bool {
    let counted =
        |e: &&Entry| !node.children.contains_key(&e.name) && (e.tree || !ignored.contains(&e.name));
    let theirs: HashMap<&[u8], (Oid, bool)> = b
        .iter()
        .filter(counted)
        .map(|e| (e.name.as_slice(), (e.id, e.tree)))
        .collect();
    let mut matched = 0;
    for e in a.iter().filter(counted) {
        match theirs.get(e.name.as_slice()) {
            Some(t) if *t == (e.id, e.tree) => matched += 1,
            _ => return true,
        }
    }
    matched != theirs.len()
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    use crate::git::testing::git;

    /// The probe agrees with the full diff (`changed_paths`) mapped onto the directories, on
    /// a history of additions, edits, removals, a file becoming a folder and a root commit.
    #[test]
    fn the_probe_agrees_with_the_full_diff() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        git(dir, &["init", "-q", "-b", "main"]);
        let dirs: Vec<PathBuf> = ["a/x", "a/y", "b", "c/d/e"]
            .iter()
            .map(PathBuf::from)
            .collect();
        let steps: &[&[(&str, Option<&str>)]] = &[
            &[("a/x/1", Some("1")), ("top", Some("1"))],
            &[("a/y/1", Some("1"))],
            &[("a/x/1", Some("2")), ("b/1", Some("1"))],
            &[("top", Some("2"))],
            &[("a/z", Some("1"))],
            &[("c/d/e/f/g", Some("1")), ("c/d/other", Some("1"))],
            &[("c/d/other", None)],
            &[("a/x/1", None), ("b/1", None)],
            &[
                ("c/d/e/f/g", Some("2")),
                ("a/y/1", Some("2")),
                ("a/w/q", Some("3")),
            ],
        ];
        for (n, step) in steps.iter().enumerate() {
            for (file, content) in step.iter() {
                let p = dir.join(file);
                match content {
                    Some(c) => {
                        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
                        std::fs::write(&p, c).unwrap();
                    }
                    None => std::fs::remove_file(&p).unwrap(),
                }
            }
            git(dir, &["add", "-A"]);
            git(
                dir,
                &["commit", "-q", "--allow-empty", "-m", &format!("c{n}")],
            );
            let repo = Repo::open(dir).unwrap();
            let head = repo.head().unwrap();
            let mut want = Touched::default();
            for path in repo.changed_paths(head, &[]).unwrap() {
                match dirs.iter().position(|d| path.starts_with(d)) {
                    Some(i) if !want.dirs.contains(&i) => want.dirs.push(i),
                    Some(_) => {}
                    None => want.outside = true,
                }
            }
            want.dirs.sort_unstable();
            let refs: Vec<&Path> = dirs.iter().map(PathBuf::as_path).collect();
            let got = repo.path_probe(&refs, true).touched(head).unwrap();
            assert_eq!(got, want, "step {n}");
            let only = repo.path_probe(&refs, false).touched(head).unwrap();
            assert_eq!(only.dirs, want.dirs, "step {n}");
        }
    }
}
