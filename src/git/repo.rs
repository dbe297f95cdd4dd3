//! History through git2: opening the repository, resolving a revision range and walking its
//! commits, reading only what a check needs (ids, parent counts, messages; no trees or diffs).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use git2::{Oid, Repository};

use super::{ReleaseTag, StoredCommit};

use crate::{Error, Result};

/// Numbers the stretches repositories hold still in (see [`Repo::still_period`]).
static PERIODS: AtomicU64 = AtomicU64::new(0);

/// An open repository.
pub struct Repo {
    pub(super) inner: Repository,
    /// What `reaches` has read and walked (see `reach`): the questions of one run share it.
    pub(super) reach: std::cell::RefCell<super::reach::Reach>,
    /// How loose objects are written here (see `blob`), read from the configuration once.
    pub(super) loose: std::cell::OnceCell<super::blob::LooseSettings>,
    /// Commits the walks read (see [`super::walk::Source::memo`]).
    pub(super) commits: std::cell::RefCell<super::walk::OidMap<super::walk::RawCommit>>,
    /// The last range walked with hidden commits (see `walked`).
    walked: super::walked::LastRange,
    /// Whether libgit2 keeps the objects read (see [`Repo::cache_objects`]).
    pub(super) caching: std::cell::Cell<bool>,
    /// The `shallow` file's commits, read once.
    shallow: std::cell::OnceCell<super::walk::OidMap<()>>,
    /// Whether `info/grafts` gives commits other parents (libgit2 follows it, walks do not).
    pub(super) grafted: std::cell::OnceCell<bool>,
    /// The configuration as first read: a live one stats every config file at each read.
    pub(super) config: std::cell::OnceCell<Option<git2::Config>>,
    /// The configuration as git lists it, where only git weighs an include (see `config`).
    pub(super) git_listed: std::cell::OnceCell<Option<super::config::Listed>>,
    /// Whether only git weighs an include here: the config files read and scanned once.
    pub(super) only_git_weighs: std::cell::OnceCell<bool>,
    /// The promisor remote, found in that configuration once (see `promisor`).
    pub(super) promisor: std::cell::OnceCell<Option<String>>,
    /// The remote's URL, worked out from that configuration once (see `remote_url`).
    pub(super) remote_url: std::cell::OnceCell<Option<String>>,
    /// Refs and attributes read once are remembered (see [`Repo::hold_still`]): HEAD, the
    /// latest release tag asked for, each path's filter driver and working-tree encoding.
    pub(super) still: std::cell::Cell<bool>,
    /// The number of the stretch it holds still in (see [`Repo::still_period`]).
    period: std::cell::Cell<u64>,
    /// Attributes read once while held still (see `filter`): path, attribute, answer.
    pub(super) attrs_seen: std::cell::RefCell<Vec<(PathBuf, &'static str, Option<String>)>>,
    /// The attributes files hold still beyond [`Repo::let_go`] (see `filter`).
    pub(super) attrs_still: std::cell::Cell<bool>,
    head_seen: std::cell::Cell<Option<Option<Oid>>>,
    /// HEAD's reflog read once while held still (see `head_log`).
    pub(super) head_log_seen: super::head_log::Seen,
    /// The first object a partial clone lacked that git could not fetch (see `promisor`).
    pub(super) unfetched: std::cell::RefCell<Option<super::promisor::Unfetched>>,
    /// The latest release tags asked for while held still (see `latest_tag`).
    pub(super) latest_seen:
        std::cell::RefCell<Vec<(super::latest_tag::LatestKey, super::latest_tag::Latest)>>,
    /// Release tags are read once per prefix (see [`Repo::hold_tags_still`]).
    pub(super) tags_still: std::cell::Cell<bool>,
    /// The commit REVERT_HEAD named, as post-commit took commit-msg's note of it (see
    /// `revert_note`): read again once the note is gone.
    pub(super) revert_taken: std::cell::Cell<Option<git2::Oid>>,
    pub(super) tags_seen: std::cell::RefCell<Vec<(String, super::refs::ByVersion)>>,
    /// [`Repo::release_tag_candidates`] read once per prefix while tags hold still: a hand
    /// tag's checks ask a dozen times, each listing `refs/tags` and reading every tag object.
    candidates_seen: std::cell::RefCell<Vec<(String, std::rc::Rc<Vec<ReleaseTag>>)>>,
    /// The other listings of `refs/tags` a hand tag's checks repeat, read once while tags hold
    /// still (see `tag_names`).
    pub(super) tag_lists_seen: std::cell::RefCell<super::tag_names::Seen>,
    /// What the run derived from blobs (see [`Repo::derived`]).
    pub(super) derived: std::cell::RefCell<super::derived::Derived>,
}

/// The largest blob [`Repo::cache_objects`] keeps: a long changelog (5,000 entries are
/// some 300 KiB), not a vendored archive.
const BLOBS_KEPT: usize = 1 << 20;

thread_local! {
    /// How many times the release tags of a prefix were listed from the refs: the work a test
    /// bounds (`RELHOOK_TEST_TAG_LISTINGS`), where timing would be flaky.
    static TAG_LISTINGS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many times this thread listed the release tags of a prefix (see [`TAG_LISTINGS`]).
pub fn tag_listings() -> usize {
    TAG_LISTINGS.with(std::cell::Cell::get)
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
        // Objects are read by the hundred thousand in a history walk; re-hashing each one
        // to verify it doubles the cost, and git itself does not verify on read either.
        git2::opts::strict_hash_verification(false);
        // Each commit of a walk is read once (see `walk`); a cache would only hold memory.
        git2::opts::enable_caching(false);
        // Map packs in small windows: a walk touches the commits, which git writes together at
        // the front of a pack, so small windows keep the memory of a 100k-commit walk low.
        // SAFETY: these set libgit2's global options; relhook sets them before any other
        // libgit2 call of the process, from its only thread.
        unsafe {
            let _ = git2::opts::set_mwindow_size(4 << 20);
            let _ = git2::opts::set_mwindow_mapped_limit(32 << 20);
        }
        let inner = open_raw(cwd);
        let inner = match inner {
            Ok(inner) => inner,
            // libgit2 reads `safe.directory` from the configuration files only; git also from
            // `git -c` and GIT_CONFIG_COUNT (a CI container's checkout owned by another user).
            Err(e) if e.code() == git2::ErrorCode::Owner => Self::open_as_git_trusts(cwd, &e)?,
            Err(e) => return Err(super::unreadable::why(cwd, &e)),
        };
        // git reads a relative GIT_WORK_TREE against the folder it was started in (see
        // `env_work_tree`); libgit2 would read it against the git dir and find `.git` itself
        // as the work tree. It overrides `core.bare = true` too, as in git (a bare git dir
        // used with a work tree: the "dotfiles" layout).
        if let Some(wt) = super::locate::env_work_tree() {
            let wt = wt.canonicalize().unwrap_or(wt);
            inner
                .set_workdir(&wt, false)
                .map_err(|e| Error::git("use GIT_WORK_TREE", e))?;
        }
        if let Some(wt) = super::locate::git_work_tree(cwd, &inner) {
            inner
                .set_workdir(&wt, false)
                .map_err(|e| Error::git("use the work tree git uses", e))?;
        }
        if let Some(wt) = inner.workdir() {
            super::run::note_layout(inner.path(), wt);
        }
        // git reads GIT_INDEX_FILE against the current directory, with or without GIT_DIR
        // (hooks get it; a user may export it): the index relhook stages into is git's.
        // git sets it for every commit hook, to the default index most of the time: that one
        // libgit2 opens anyway, so it is not read twice.
        if let Some(file) = std::env::var_os("GIT_INDEX_FILE").filter(|f| !f.is_empty()) {
            let path = cwd.join(file);
            // Spelled alike is the same file (the common case, without a `realpath` each).
            let same = |a: &Path, b: &Path| {
                a == b
                    || match (a.canonicalize(), b.canonicalize()) {
                        (Ok(a), Ok(b)) => a == b,
                        _ => false,
                    }
            };
            if !inner.is_bare() && !same(&path, &inner.path().join("index")) {
                let mut index =
                    git2::Index::open(&path).map_err(|e| Error::git("open GIT_INDEX_FILE", e))?;
                inner
                    .set_index(&mut index)
                    .map_err(|e| Error::git("use GIT_INDEX_FILE", e))?;
            }
        }
        Ok(Repo {
            reach: super::reach::Reach::of(&inner).into(),
            inner,
            loose: Default::default(),
            commits: Default::default(),
            walked: Default::default(),
            caching: Default::default(),
            shallow: Default::default(),
            grafted: Default::default(),
            config: Default::default(),
            git_listed: Default::default(),
            only_git_weighs: Default::default(),
            promisor: Default::default(),
            remote_url: Default::default(),
            still: Default::default(),
            period: Default::default(),
            head_seen: Default::default(),
            head_log_seen: Default::default(),
            unfetched: Default::default(),
            latest_seen: Default::default(),
            tags_still: Default::default(),
            revert_taken: Default::default(),
            tags_seen: Default::default(),
            candidates_seen: Default::default(),
            tag_lists_seen: Default::default(),
            attrs_seen: Default::default(),
            attrs_still: Default::default(),
            derived: Default::default(),
        })
    }

    /// Keeps the objects read from here on in libgit2's cache (off by default, see `open`):
    /// for a hook, which reads a handful of objects several times each (post-commit reads
    /// HEAD's commit five times, a hand tag's checks the tag and its commit a dozen), never
    /// for a command that walks a whole history.
    pub fn cache_objects(&self) {
        git2::opts::enable_caching(true);
        // Blobs too, which libgit2 keeps none of by default: a hand tag reads HEAD's
        // changelog seven times (section, sync, the committed text, the release commit's
        // checks) and each version file four. The cache is bounded (256 MiB), and no blob
        // above this size is kept.
        // SAFETY: a libgit2 global option, set from relhook's only thread.
        unsafe {
            let _ = git2::opts::set_cache_object_limit(git2::ObjectType::Blob, BLOBS_KEPT);
        }
        self.caching.set(true);
    }

    /// Whether the index can be read (libgit2 refuses extensions it does not know, such as a
    /// sparse index's).
    pub fn check_index(&self) -> Result<()> {
        if self.inner.is_bare() {
            return Ok(());
        }
        self.inner
            .index()
            .map(drop)
            .map_err(|e| Error::git("read the index", e))
    }

    /// The top of the work tree.
    pub fn work_tree(&self) -> Option<PathBuf> {
        self.inner.workdir().map(Path::to_owned)
    }

    /// HEAD's commit, or `None` in a repository with no commits yet.
    pub fn head(&self) -> Option<Oid> {
        let read = || self.inner.head().ok().and_then(|h| h.target());
        if !self.still.get() {
            return read();
        }
        if let Some(seen) = self.head_seen.get() {
            return seen;
        }
        let head = read();
        self.head_seen.set(Some(head));
        head
    }

    /// Says that no ref moves and no attribute changes while this process runs, so each is
    /// read once: for the `prepared` state of a ref transaction, which git holds open until
    /// the hook returns and in which relhook only judges (it writes no ref and no file, and
    /// runs no git that would).
    pub fn hold_still(&self) {
        if !self.still.get() {
            self.period.set(PERIODS.fetch_add(1, Ordering::Relaxed) + 1);
        }
        self.still.set(true);
    }

    /// While it holds still ([`Repo::hold_still`]), the number of this stretch, which no other
    /// stretch of any repository in the process has: what is worked out from refs and commits
    /// under one number holds until [`Repo::let_go`].
    pub fn still_period(&self) -> Option<u64> {
        self.still.get().then(|| self.period.get())
    }

    /// Ends [`Repo::hold_still`], forgetting what was read under it: for a process that holds
    /// still while it only reads, then writes (a hand tag's `committed` step, before its
    /// release commit).
    pub fn let_go(&self) {
        self.still.set(false);
        self.head_seen.set(None);
        self.head_log_seen.take();
        self.latest_seen.borrow_mut().clear();
        if !self.attrs_still.get() {
            self.attrs_seen.borrow_mut().clear();
        }
        if !self.tags_still.get() {
            self.tags_seen.borrow_mut().clear();
            self.candidates_seen.borrow_mut().clear();
            *self.tag_lists_seen.borrow_mut() = Default::default();
        }
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

    /// Every `<prefix>X.Y.Z` tag, reachable or not, in no particular order.
    pub fn release_tag_candidates(&self, prefix: &str) -> Vec<ReleaseTag> {
        let seen = self.candidates_seen.borrow();
        if let Some((_, tags)) = seen.iter().find(|(p, _)| p == prefix) {
            return tags.to_vec();
        }
        drop(seen);
        let tags = self.read_release_tag_candidates(prefix);
        if self.still.get() || self.tags_still.get() {
            let held = std::rc::Rc::new(tags.clone());
            self.candidates_seen
                .borrow_mut()
                .push((prefix.to_owned(), held));
        }
        tags
    }

    /// [`Repo::release_tag_candidates`] as read from the refs now.
    fn read_release_tag_candidates(&self, prefix: &str) -> Vec<ReleaseTag> {
        TAG_LISTINGS.with(|n| n.set(n.get() + 1));
        let Ok(refs) = self.list_tag_refs(&format!("refs/tags/{prefix}*")) else {
            return Vec::new();
        };
        refs.flatten()
            .filter_map(|r| {
                let name = r.shorthand()?.to_owned();
                let version = super::refs::release_version(name.get(prefix.len()..)?)?;
                let commit = r.peel_to_commit().ok()?;
                let time = r
                    .peel_to_tag()
                    .ok()
                    .and_then(|t| t.tagger().map(|s| s.when()))
                    .unwrap_or_else(|| commit.time());
                Some(ReleaseTag {
                    name,
                    version,
                    commit: commit.id(),
                    when: (time.seconds(), time.offset_minutes()),
                })
            })
            .collect()
    }

    /// Commits to walk: the object database and a shallow clone's boundary.
    pub(super) fn source<'r>(&'r self, odb: git2::Odb<'r>) -> super::walk::Source<'r> {
        let shallow = self
            .shallow
            .get_or_init(|| {
                std::fs::read_to_string(self.inner.commondir().join("shallow"))
                    .map(|t| super::walk::parse_shallow(&t))
                    .unwrap_or_default()
            })
            .clone();
        super::walk::Source {
            odb,
            shallow,
            memo: Some(&self.commits),
        }
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
        let odb = self
            .inner
            .odb()
            .map_err(|e| Error::git("open the object database", e))?;
        let src = self.source(odb);
        if range.hidden.is_empty() {
            super::walk::walk(&src, &range.tips, &[], |c| visit(StoredCommit::from(c)))?;
            return Ok(());
        }
        let range = (range.tips.as_slice(), range.hidden.as_slice());
        self.walked
            .walk(&src, range, |c| visit(StoredCommit::from(c)))
    }
}

/// Opens the repository around `cwd` (or the one `GIT_DIR` names) with libgit2, before relhook
/// puts its work tree and index right (see [`Repo::open`]).
fn open_raw(cwd: &Path) -> std::result::Result<Repository, git2::Error> {
    if let Some(dir) = std::env::var_os("GIT_DIR") {
        // libgit2 reads a relative GIT_WORK_TREE against the git dir, and fails to open
        // the repository when nothing is there (`git --work-tree=../repo` run from a
        // sibling folder): opened without the environment, the work tree is set below.
        Repository::open_from_env().or_else(|e| {
            let relative = std::env::var_os("GIT_WORK_TREE")
                .is_some_and(|w| !w.is_empty() && Path::new(&w).is_relative());
            if !relative {
                return Err(e);
            }
            // Relative to the process's folder, as git and libgit2 read GIT_DIR.
            Repository::open_ext(
                dir,
                git2::RepositoryOpenFlags::NO_SEARCH,
                std::iter::empty::<&std::ffi::OsStr>(),
            )
            .map_err(|_| e)
        })
    } else {
        Repository::discover(cwd)
    }
}

impl Repo {
    /// [`Repo::open`] of a repository libgit2 refused as owned by another user: opened when
    /// git itself works there (its `safe.directory` rules, from every source it reads, are the
    /// ones that count), else refused with git's own reason and its fix.
    fn open_as_git_trusts(cwd: &Path, refused: &git2::Error) -> Result<Repository> {
        let git = super::run::Git::new(cwd, &["rev-parse", "--absolute-git-dir"]).output()?;
        if !git.success() {
            // Without git's advice, git finds no repository it would use either
            // (GIT_CEILING_DIRECTORIES, say).
            return Err(super::run::untrusted(&git.stderr, refused.message())
                .unwrap_or_else(|| Error::NotARepository(cwd.to_owned())));
        }
        let vouched = PathBuf::from(String::from_utf8_lossy(&git.stdout).trim());
        // SAFETY: a libgit2 global option, set from relhook's only thread (a hook or command
        // opens its repository first). git has checked the ownership by its own rules; that
        // the repository opened is the one git vouched for is checked next.
        unsafe {
            let _ = git2::opts::set_verify_owner_validation(false);
        }
        let inner = open_raw(cwd).map_err(|e| Error::git("open the repository", e))?;
        let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        };
        if !same(inner.path(), &vouched) {
            // SAFETY: as above.
            unsafe {
                let _ = git2::opts::set_verify_owner_validation(true);
            }
            return Err(Error::Usage(format!(
                "git works in {}, and relhook's git library finds {} here, owned by another user: relhook uses only a repository git uses; run it where git finds the repository you mean",
                vouched.display(),
                inner.path().display()
            )));
        }
        Ok(inner)
    }
}
