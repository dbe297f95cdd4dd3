//! Where the packages were when a commit was made. A package directory moved (`git mv
//! packages/a libs/a`, the configuration's `path` updated) leaves its older commits at the old
//! path, and they are still the package's: post-commit gave them their entries there, and a
//! rebuild, a sync, the next version and the notes must read them alike.
//!
//! Read from the configuration stored in each commit (`.relconfig.toml` at the top of its
//! tree; parsed once per version of the file, and looked up through the probe's tree cache,
//! which the walk reads anyway), by [`then`]'s rule: a commit is a package's when it changes
//! the directory, or names one of the scopes, that stored configuration gives the package
//! (the table of its name, or the one renamed since, also with its folder: `lineage`). A package that configuration has no
//! table for had no commits yet: a new package that took the folder another one moved out of
//! starts its history with its table, and so does a crate given a table after its first
//! commits (the root's then). Today's directory counts too where that configuration gives it
//! to no other package (a `path` fixed since). A commit without a stored configuration (made
//! before the repository adopted relhook) is read with today's, unless its entry is in the
//! root changelog ([`then::logged_at_root`]): then it is the root's, as it was when made.
//!
//! For the root's view, every package the stored configuration has counts, also one removed
//! since (its folder and its table gone): its commits were its own, released under its own
//! tags, and are none of the root's.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use git2::Oid;

use super::{lineage, then};
use crate::Result;
use crate::config::{Config, FILE_NAME, Package};
use crate::git::{PathProbe, Repo};

/// The directories and scopes that make a commit the packages' in one configuration.
#[derive(Clone, PartialEq, Eq, Default)]
struct Layout {
    dirs: Vec<PathBuf>,
    scopes: Vec<String>,
}

/// The directories a walk's probe looks at, following the stored configuration.
pub(super) struct Layouts<'r, 'c> {
    repo: &'r Repo,
    /// Today's configuration (all its packages, for telling a renamed one).
    config: &'c Config,
    /// The packages the probe is for (one for a package's view, all for the root's).
    today: Vec<&'c Package>,
    /// The root's view: the stored configuration's packages of other names count too.
    root: bool,
    /// The configuration blob the probe is set for (`None`: a commit without one, which is
    /// judged on its own: [`then::logged_at_root`]).
    at: Option<Oid>,
    /// The tree that blob was looked up in: a commit of the same tree (an empty commit, a
    /// revert of a revert) stores the same blob, which is not looked up again.
    tree: Option<Oid>,
    /// The layout the probe is set to.
    now: Layout,
    /// Per stored configuration blob, the layout it calls for.
    parsed: HashMap<Oid, Layout>,
}

impl<'r, 'c> Layouts<'r, 'c> {
    /// `packages`: the view's (one, or all of today's for the root's view: `root`).
    pub(super) fn new(
        repo: &'r Repo,
        config: &'c Config,
        packages: Vec<&'c Package>,
        root: bool,
    ) -> Layouts<'r, 'c> {
        let now = Layout {
            dirs: packages.iter().map(|p| p.path.clone()).collect(),
            scopes: packages.iter().flat_map(|p| p.scopes.clone()).collect(),
        };
        Layouts {
            repo,
            config,
            today: packages,
            root,
            at: None,
            tree: None,
            now,
            parsed: HashMap::new(),
        }
    }

    /// The directories of the current layout (today's, for the probe's first setting).
    pub(super) fn dirs(&self) -> Vec<&Path> {
        self.now.dirs.iter().map(PathBuf::as_path).collect()
    }

    /// Whether the current layout has no package (no directory, no scope).
    pub(super) fn none(&self) -> bool {
        self.now.dirs.is_empty() && self.now.scopes.is_empty()
    }

    /// Whether the scope of `message` is one the current layout gives a package.
    pub(super) fn names_scope(&self, message: &str) -> bool {
        super::scope_in(&self.now.scopes, message)
    }

    /// Sets `probe` to the directories (and the scopes) that count for `commit`, whose tree
    /// is `tree`.
    pub(super) fn follow(
        &mut self,
        probe: &mut PathProbe<'_>,
        commit: Oid,
        tree: Oid,
    ) -> Result<()> {
        // With no package today, the tree is compared only under a stored configuration that
        // had some: its top is all most walks read of it.
        let blob = match self.tree == Some(tree) {
            true => self.at,
            false if self.today.is_empty() => probe.top_entry_only(tree, FILE_NAME.as_bytes())?,
            false => probe.top_entry(tree, FILE_NAME.as_bytes())?,
        };
        self.tree = Some(tree);
        if blob.is_some() && self.at == blob {
            return Ok(());
        }
        self.at = blob;
        let layout = match blob {
            // Its entry in the root changelog: no package then, as post-commit had it. Asked
            // only where a package could claim it: the check parses the changelog.
            None if !self.today.is_empty() && then::logged_at_root(self.repo, probe, commit)? => {
                Layout::default()
            }
            None => self.today(),
            Some(id) => match self.parsed.get(&id) {
                Some(l) => l.clone(),
                None => {
                    let then = self.repo.blob_bytes(id).and_then(|b| then::parsed(&b));
                    let l = then.map_or_else(|| self.today(), |c| self.stored(&c));
                    self.parsed.insert(id, l.clone());
                    l
                }
            },
        };
        if layout != self.now {
            self.now = layout;
            probe.retarget(&self.dirs());
        }
        Ok(())
    }

    /// Today's layout of the view's packages.
    fn today(&self) -> Layout {
        Layout {
            dirs: self.today.iter().map(|p| p.path.clone()).collect(),
            scopes: self.today.iter().flat_map(|p| p.scopes.clone()).collect(),
        }
    }

    /// The layout the stored configuration `then` gives the view's packages, or for the
    /// root's view every package it has.
    fn stored(&self, then: &Config) -> Layout {
        let mut layout = Layout {
            dirs: Vec::new(),
            scopes: Vec::new(),
        };
        let mut add = |p: &Package, also: Option<&Path>| {
            for dir in std::iter::once(p.path.as_path()).chain(also) {
                if !layout.dirs.iter().any(|d| d == dir) {
                    layout.dirs.push(dir.to_path_buf());
                }
            }
            layout.scopes.extend(p.scopes.iter().cloned());
        };
        for p in &self.today {
            if let Some(was) = lineage::same_package(self.repo, then, self.config, &p.name) {
                let fixed = !then::given_to_other(then, &was.name, &p.path);
                add(was, fixed.then_some(p.path.as_path()));
            }
        }
        if self.root {
            for p in &then.packages {
                add(p, None);
            }
        }
        layout
    }
}
