//! Where the packages were when a commit was made. A package directory moved (`git mv
//! packages/a libs/a`, the configuration's `path` updated) leaves its older commits at the old
//! path, and they are still the package's: post-commit gave them their entries there, and a
//! rebuild, a sync, the next version and the notes must read them alike.
//!
//! Read from the configuration stored in each commit (`.relconfig.toml` at the top of its
//! tree; parsed once per version of the file, and looked up through the probe's tree cache,
//! which the walk reads anyway): a commit is a package's when it changes the package's
//! directory of today or the one that stored configuration names for the package of the same
//! name. The directory of today always counts, so a commit made before the configuration was
//! committed (a repository adopting relhook), or under a `path` fixed since, is read as it
//! was before.
//!
//! For the root's view, every package the stored configuration has counts, also one removed
//! since (its folder and its table gone): its commits were its own, released under its own
//! tags, and are none of the root's.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use git2::Oid;

use crate::Result;
use crate::config::{Config, FILE_NAME, Package};
use crate::git::{PathProbe, Repo};

/// The directories a walk's probe looks at, following the stored configuration.
pub(super) struct Layouts<'r> {
    repo: &'r Repo,
    /// The packages the probe is for (one for a package's view, all for the root's), with
    /// their directories of today.
    today: Vec<(String, PathBuf)>,
    /// The root's view: the stored configuration's packages of other names count too.
    root: bool,
    /// The configuration blob the probe is set for (`Some(None)`: a commit without one).
    at: Option<Option<Oid>>,
    /// The directories the probe is set to.
    dirs: Vec<PathBuf>,
    /// Per stored configuration blob, the directories it calls for.
    parsed: HashMap<Oid, Vec<PathBuf>>,
}

impl<'r> Layouts<'r> {
    /// `root`: for the root's view (`packages` are all of today's).
    pub(super) fn new(repo: &'r Repo, packages: &[&Package], root: bool) -> Layouts<'r> {
        let today: Vec<(String, PathBuf)> = packages
            .iter()
            .map(|p| (p.name.clone(), p.path.clone()))
            .collect();
        let dirs = today.iter().map(|(_, p)| p.clone()).collect();
        Layouts {
            repo,
            today,
            root,
            at: None,
            dirs,
            parsed: HashMap::new(),
        }
    }

    /// The directories of today, for the probe's first setting.
    pub(super) fn dirs(&self) -> Vec<&Path> {
        self.dirs.iter().map(PathBuf::as_path).collect()
    }

    /// Sets `probe` to the directories that count for `commit`.
    pub(super) fn follow(&mut self, probe: &mut PathProbe<'_>, commit: Oid) -> Result<()> {
        let blob = probe.top_entry(commit, FILE_NAME.as_bytes())?;
        if self.at == Some(blob) {
            return Ok(());
        }
        self.at = Some(blob);
        let dirs = match blob {
            None => self.today.iter().map(|(_, p)| p.clone()).collect(),
            Some(id) => match self.parsed.get(&id) {
                Some(d) => d.clone(),
                None => {
                    let d = self.stored(id);
                    self.parsed.insert(id, d.clone());
                    d
                }
            },
        };
        if dirs != self.dirs {
            self.dirs = dirs;
            probe.retarget(&self.dirs());
        }
        Ok(())
    }

    /// The directories of today, and the ones the configuration in blob `id` gives the same
    /// packages, or for the root's view any package (none when it does not parse).
    fn stored(&self, id: Oid) -> Vec<PathBuf> {
        let mut dirs: Vec<PathBuf> = self.today.iter().map(|(_, p)| p.clone()).collect();
        let then = self
            .repo
            .blob_bytes(id)
            .and_then(|b| String::from_utf8(b).ok())
            .and_then(|text| Config::parse(Path::new(FILE_NAME), &text).ok());
        for p in then.iter().flat_map(|c| &c.packages) {
            let same = self.root || self.today.iter().any(|(name, _)| *name == p.name);
            if same && !dirs.contains(&p.path) {
                dirs.push(p.path.clone());
            }
        }
        dirs
    }
}
