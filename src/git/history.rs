//! History through git2: opening the repository, resolving a revision range and walking its
//! commits, reading only what a check needs (ids, parent counts, messages; no trees or diffs).

use std::path::{Path, PathBuf};

use git2::{Oid, Repository, Sort};

use crate::{Error, Result};

/// An open repository.
pub struct Repo {
    inner: Repository,
}

/// A commit as stored: what a range check needs.
#[derive(Debug, Clone)]
pub struct StoredCommit {
    /// The full id.
    pub id: Oid,
    /// An abbreviated id for reports.
    pub short: String,
    /// The message's bytes as stored.
    pub message: Vec<u8>,
    /// How many parents (2+ is a merge).
    pub parents: usize,
}

/// A resolved range: walk from `tips`, stop at `hidden`.
#[derive(Debug, Clone, Default)]
pub struct Range {
    /// Commits whose history is included.
    pub tips: Vec<Oid>,
    /// Commits whose history is excluded.
    pub hidden: Vec<Oid>,
    /// Only the tips themselves (a single revision was named).
    pub single: bool,
    /// How the range was chosen, for the report (`origin/main..HEAD`).
    pub describe: String,
}

impl Repo {
    /// Opens the repository around `cwd`, honouring `GIT_DIR` as hooks set it.
    pub fn open(cwd: &Path) -> Result<Repo> {
        let inner = if std::env::var_os("GIT_DIR").is_some() {
            Repository::open_from_env()
        } else {
            Repository::discover(cwd)
        };
        inner
            .map(|inner| Repo { inner })
            .map_err(|_| Error::NotARepository(cwd.to_owned()))
    }

    /// The top of the work tree.
    pub fn work_tree(&self) -> Option<PathBuf> {
        self.inner.workdir().map(Path::to_owned)
    }

    /// The underlying git2 repository.
    pub fn git2(&self) -> &Repository {
        &self.inner
    }

    /// HEAD's commit, or `None` in a repository with no commits yet.
    pub fn head(&self) -> Option<Oid> {
        self.inner.head().ok().and_then(|h| h.target())
    }

    /// Resolves `A..B`, `A...B`, `A..`, `..B` or a single revision.
    pub fn resolve(&self, spec: &str) -> Result<Range> {
        let err = |e: git2::Error| Error::Range {
            range: spec.to_owned(),
            reason: e.message().to_owned(),
        };
        let rs = self.inner.revparse(spec).map_err(err)?;
        let peel = |o: Option<&git2::Object<'_>>| -> Result<Option<Oid>> {
            o.map(|o| o.peel_to_commit().map(|c| c.id()).map_err(err))
                .transpose()
        };
        let from = peel(rs.from())?;
        let to = peel(rs.to())?;
        let mut range = Range {
            describe: spec.to_owned(),
            ..Range::default()
        };
        if rs.mode().contains(git2::RevparseMode::SINGLE) {
            range.tips.extend(from);
            range.single = true;
            return Ok(range);
        }
        range.tips.extend(to);
        if rs.mode().contains(git2::RevparseMode::MERGE_BASE) {
            // A...B: both sides, down to their merge base.
            range.tips.extend(from);
            if let (Some(a), Some(b)) = (from, to) {
                if let Ok(base) = self.inner.merge_base(a, b) {
                    range.hidden.push(base);
                }
            }
        } else {
            range.hidden.extend(from);
        }
        Ok(range)
    }

    /// The default range for a check: the branch's upstream..HEAD, else the last release
    /// tag..HEAD, else all of HEAD's history.
    pub fn default_range(&self, tag_prefix: &str) -> Result<Range> {
        let Some(head) = self.head() else {
            return Ok(Range {
                describe: "HEAD (no commits yet)".into(),
                ..Range::default()
            });
        };
        if let Some((name, upstream)) = self.upstream() {
            return Ok(Range {
                tips: vec![head],
                hidden: vec![upstream],
                single: false,
                describe: format!("{name}..HEAD"),
            });
        }
        if let Some((tag, at)) = self.latest_release_tag(head, tag_prefix) {
            return Ok(Range {
                tips: vec![head],
                hidden: vec![at],
                single: false,
                describe: format!("{tag}..HEAD"),
            });
        }
        Ok(Range {
            tips: vec![head],
            describe: "HEAD (all history: no upstream and no release tag)".into(),
            ..Range::default()
        })
    }

    fn upstream(&self) -> Option<(String, Oid)> {
        let head = self.inner.head().ok()?;
        if !head.is_branch() {
            return None;
        }
        let branch = git2::Branch::wrap(head);
        let up = branch.upstream().ok()?;
        let name = up.name().ok().flatten()?.to_owned();
        Some((name, up.get().target()?))
    }

    /// The greatest `<prefix>X.Y.Z` tag whose commit is HEAD or one of its ancestors.
    pub fn latest_release_tag(&self, head: Oid, prefix: &str) -> Option<(String, Oid)> {
        // Greatest version first: usually one reachability test decides, so the cost does
        // not grow with the history before the last release.
        let refs = self
            .inner
            .references_glob(&format!("refs/tags/{prefix}*"))
            .ok()?;
        let mut tags: Vec<(semver::Version, String)> = refs
            .flatten()
            .filter_map(|r| {
                let name = r.shorthand()?.to_owned();
                let version = semver::Version::parse(name.get(prefix.len()..)?).ok()?;
                Some((version, name))
            })
            .collect();
        tags.sort_by(|a, b| b.0.cmp_precedence(&a.0));
        tags.into_iter().find_map(|(_, name)| {
            let spec = format!("refs/tags/{name}^{{commit}}");
            let commit = self.inner.revparse_single(&spec).ok()?.id();
            let reachable = commit == head
                || self
                    .inner
                    .graph_descendant_of(head, commit)
                    .unwrap_or(false);
            reachable.then_some((name, commit))
        })
    }

    /// Walks a range, newest first, calling `visit` for each commit; stops early when it
    /// returns `false`.
    pub fn walk(&self, range: &Range, mut visit: impl FnMut(StoredCommit) -> bool) -> Result<()> {
        if range.single {
            for id in &range.tips {
                if !visit(self.stored(*id)?) {
                    break;
                }
            }
            return Ok(());
        }
        let mut walk = self
            .inner
            .revwalk()
            .map_err(|e| Error::git("start a history walk", e))?;
        walk.set_sorting(Sort::TOPOLOGICAL)
            .map_err(|e| Error::git("sort history", e))?;
        for tip in &range.tips {
            walk.push(*tip).map_err(|e| Error::git("walk history", e))?;
        }
        for hide in &range.hidden {
            walk.hide(*hide)
                .map_err(|e| Error::git("walk history", e))?;
        }
        for id in walk {
            let id = id.map_err(|e| Error::git("walk history", e))?;
            if !visit(self.stored(id)?) {
                break;
            }
        }
        Ok(())
    }

    fn stored(&self, id: Oid) -> Result<StoredCommit> {
        let commit = self
            .inner
            .find_commit(id)
            .map_err(|e| Error::git(format!("read commit {id}"), e))?;
        let message = commit.message_bytes().to_vec();
        let hex = id.to_string();
        Ok(StoredCommit {
            id,
            short: hex[..hex.len().min(9)].to_owned(),
            message,
            parents: commit.parent_count(),
        })
    }
}

/// A release tag reachable from HEAD.
#[derive(Debug, Clone)]
pub struct ReleaseTag {
    /// The tag's name (`v1.2.0`).
    pub name: String,
    /// Its version.
    pub version: semver::Version,
    /// The tagged commit.
    pub commit: Oid,
    /// The tag's date (the tagger's for an annotated tag, else the commit's), and its offset.
    pub when: (i64, i32),
}

impl Repo {
    /// Every `<prefix>X.Y.Z` tag whose commit is HEAD or an ancestor, oldest version first.
    pub fn release_tags(&self, head: Oid, prefix: &str) -> Result<Vec<ReleaseTag>> {
        let refs = self
            .inner
            .references_glob(&format!("refs/tags/{prefix}*"))
            .map_err(|e| Error::git("list tags", e))?;
        let mut out = Vec::new();
        for r in refs.flatten() {
            let Some(name) = r.shorthand().map(str::to_owned) else {
                continue;
            };
            let Ok(version) = semver::Version::parse(&name[prefix.len()..]) else {
                continue;
            };
            let Ok(commit) = r.peel_to_commit() else {
                continue;
            };
            let reachable = commit.id() == head
                || self
                    .inner
                    .graph_descendant_of(head, commit.id())
                    .unwrap_or(false);
            if !reachable {
                continue;
            }
            let time = r
                .peel_to_tag()
                .ok()
                .and_then(|t| t.tagger().map(|s| s.when()))
                .unwrap_or_else(|| commit.time());
            out.push(ReleaseTag {
                name,
                version,
                commit: commit.id(),
                when: (time.seconds(), time.offset_minutes()),
            });
        }
        out.sort_by(|a, b| a.version.cmp_precedence(&b.version));
        Ok(out)
    }
}
