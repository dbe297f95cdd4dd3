//! Refs and objects as the transaction needs them: compare-and-swap ref moves (retrying while
//! another process holds the ref's lock), and blobs by content.

use std::path::{Path, PathBuf};
use std::time::Instant;

use git2::Oid;

use super::Repo;
use crate::{Error, Result};

impl Repo {
    /// This worktree's git dir.
    pub fn git_dir(&self) -> &Path {
        self.inner.path()
    }

    /// The git dir every worktree of the repository shares (refs, tags, objects).
    pub fn common_dir(&self) -> &Path {
        self.inner.commondir()
    }

    /// The lock file git (and git2) create to move `name`: `<ref>.lock` beside the loose ref,
    /// in this worktree's git dir for `HEAD` and per-worktree refs, else in the common dir.
    pub fn ref_lock_path(&self, name: &str) -> PathBuf {
        let per_worktree = name == "HEAD"
            || name.starts_with("refs/bisect/")
            || name.starts_with("refs/worktree/")
            || name.starts_with("refs/rewritten/");
        let dir = if per_worktree {
            self.inner.path()
        } else {
            self.inner.commondir()
        };
        dir.join(format!("{name}.lock"))
    }

    /// The ref HEAD names (`refs/heads/main`), or `HEAD` when detached.
    pub fn head_ref_name(&self) -> Result<String> {
        let head = self
            .inner
            .find_reference("HEAD")
            .map_err(|e| Error::git("read HEAD", e))?;
        Ok(head.symbolic_target().unwrap_or("HEAD").to_owned())
    }

    /// The object a ref points at (`None`: absent).
    pub fn ref_target(&self, name: &str) -> Option<Oid> {
        self.inner.refname_to_id(name).ok()
    }

    /// `git tag -a` of `name` on `commit` (git signs it when `sign`; git2 cannot), with
    /// relhook's hooks off and `message` kept as written (git's cleanup would collapse blank
    /// lines in code blocks and drop trailing-space line breaks). A tag git cannot make leaves
    /// nothing of git's: git keeps the message in `TAG_EDITMSG` and says so, and relhook, which
    /// has the message, puts that file back as it was.
    pub fn tag_annotated(&self, name: &str, commit: Oid, message: &str, sign: bool) -> Result<()> {
        self.tag_with(name, commit, message, sign, None)
    }

    /// [`Repo::tag_annotated`] in place of the tag `name` that holds `old`: one ref update
    /// (`git tag -f`), so the old tag stands until the new one does. Refused, with nothing
    /// changed, when the tag no longer holds `old`.
    pub fn retag_annotated(
        &self,
        name: &str,
        commit: Oid,
        message: &str,
        sign: bool,
        old: Oid,
    ) -> Result<()> {
        self.tag_with(name, commit, message, sign, Some(old))
    }

    fn tag_with(
        &self,
        name: &str,
        commit: Oid,
        message: &str,
        sign: bool,
        replaces: Option<Oid>,
    ) -> Result<()> {
        let mut args = vec!["tag", "-a", "--cleanup=verbatim", "-F", "-"];
        if sign {
            args.push("-s");
        }
        if let Some(old) = replaces {
            // A signed tag is replaced by a signed one: never a signature silently dropped.
            if self.is_signed_tag(old) && !sign {
                args.push("-s");
            }
            if self.tag_target(name) != Some(old) {
                return Err(Error::Refused(crate::error::Refusal::bare(
                    crate::error::Reason::Tag,
                    format!("tag {name} moved meanwhile (it held {old}); nothing was changed"),
                )));
            }
            args.push("-f");
        }
        let c = commit.to_string();
        args.extend([name, c.as_str()]);
        let file = self.git_dir().join("TAG_EDITMSG");
        let before = std::fs::read(&file).ok();
        let held = self.tag_target(name);
        match self.run_git(&args, Some(message.as_bytes())) {
            Ok(_) => {
                self.release_given_tagged(commit);
                Ok(())
            }
            // git failed after its ref update (a Ctrl-C reaches git too, and may land between
            // the update and its exit): the tag asked for stands, and the step is done.
            Err(_)
                if self
                    .tag_target(name)
                    .filter(|now| Some(*now) != held)
                    .and_then(|now| self.peel_to_commit(now))
                    == Some(commit) =>
            {
                Ok(())
            }
            Err(Error::GitCommand {
                args,
                status,
                stderr,
            }) => {
                if std::fs::read(&file).ok() != before {
                    let _ = match &before {
                        Some(b) => std::fs::write(&file, b),
                        None => std::fs::remove_file(&file),
                    };
                }
                let stderr = stderr
                    .lines()
                    .filter(|l| !l.starts_with("The tag message has been left in"))
                    .collect::<Vec<_>>()
                    .join("\n");
                Err(Error::GitCommand {
                    args,
                    status,
                    stderr,
                })
            }
            Err(e) => Err(e),
        }
    }

    /// Moves `name` from `old` to `new` (`None`: absent), failing with nothing changed when
    /// it does not hold `old`. A ref locked by another process is retried for a bounded time.
    pub fn cas_ref(
        &self,
        name: &str,
        old: Option<Oid>,
        new: Option<Oid>,
        message: &str,
    ) -> Result<()> {
        self.writable()?;
        if name == "HEAD" || self.head_ref_name().is_ok_and(|h| h == name) {
            self.wait_for_head_lock()?;
        }
        let deadline = Instant::now() + super::txn::lock_wait();
        loop {
            match self.try_cas_ref(name, old, new, message) {
                Err(e) if e.code() == git2::ErrorCode::Locked && Instant::now() < deadline => {
                    std::thread::sleep(std::time::Duration::from_millis(10));
                }
                Err(e) if e.code() == git2::ErrorCode::Locked => {
                    return Err(Error::locked(
                        self.ref_lock_path(name),
                        super::txn::lock_wait(),
                    ));
                }
                Err(e) => return Err(Error::git(format!("update {name}"), e)),
                Ok(()) => {
                    self.share_ref(name);
                    return Ok(());
                }
            }
        }
    }

    /// The id `bytes` would have as a blob (nothing written).
    pub fn hash_blob(&self, bytes: &[u8]) -> Oid {
        super::blob::blob_oid(bytes)
    }

    /// A blob's content (one a partial clone lacks is fetched, and one git cannot fetch is
    /// remembered, see [`Repo::all_fetched`]).
    pub fn blob_bytes(&self, id: Oid) -> Option<Vec<u8>> {
        let what = || "a file stored in history".to_owned();
        let blob = self.blob_fetched(id, &what).ok()?;
        Some(blob.content().to_vec())
    }
}

/// Release tags of one prefix with their commits, greatest version first.
pub(super) type ByVersion = std::rc::Rc<Vec<(semver::Version, String, Oid)>>;

impl Repo {
    /// Says that no release tag is made, moved or deleted while this process runs, so the
    /// release tags of a prefix are read once: for pre-push, which judges every pushed tag
    /// (asking of each which tag below it is the greatest) and writes no tag.
    pub fn hold_tags_still(&self) {
        self.tags_still.set(true);
    }

    /// Every `<prefix>X.Y.Z` tag and its commit, greatest version first; read once per prefix
    /// while tags hold still ([`Repo::hold_tags_still`], [`Repo::hold_still`]).
    pub(super) fn release_tags_by_version(&self, prefix: &str) -> ByVersion {
        if let Some((_, seen)) = self.tags_seen.borrow().iter().find(|(p, _)| p == prefix) {
            return seen.clone();
        }
        let mut tags: Vec<(semver::Version, String, Oid)> = self
            .list_tag_refs(&format!("refs/tags/{prefix}*"))
            .map(|refs| {
                refs.flatten()
                    .filter_map(|r| {
                        let name = r.name()?.strip_prefix("refs/tags/")?.to_owned();
                        let version = release_version(name.get(prefix.len()..)?)?;
                        Some((version, name, r.peel_to_commit().ok()?.id()))
                    })
                    .collect()
            })
            .unwrap_or_default();
        tags.sort_by(|a, b| b.0.cmp_precedence(&a.0));
        let tags = std::rc::Rc::new(tags);
        if self.still.get() || self.tags_still.get() {
            self.tags_seen
                .borrow_mut()
                .push((prefix.to_owned(), tags.clone()));
        }
        tags
    }

    /// Every tag whose name ends in a SemVer version after some text (`hatch-v1.18.0`,
    /// `@changesets/cli@3.0.1`, `v1.2.3`): that text (the prefix it would take), and the tag.
    /// The version starts at the first digit that follows neither a digit nor a dot.
    pub fn version_suffixed_tags(&self) -> Vec<(String, super::ReleaseTag)> {
        let Ok(refs) = self.list_tag_refs("refs/tags/*") else {
            return Vec::new();
        };
        refs.flatten()
            .filter_map(|r| {
                let name = r.shorthand()?.to_owned();
                let (prefix, version) = version_suffix(&name)?;
                if !version.build.is_empty() {
                    return None;
                }
                let commit = r.peel_to_commit().ok()?;
                let time = commit.time();
                Some((
                    prefix.to_owned(),
                    super::ReleaseTag {
                        name: name.clone(),
                        version,
                        commit: commit.id(),
                        when: (time.seconds(), time.offset_minutes()),
                    },
                ))
            })
            .collect()
    }
}

impl Repo {
    /// Of the tags whose name ends in a SemVer version after some text (as in
    /// [`Repo::version_suffixed_tags`]), the greatest of each such text: the text and the tag's
    /// name, greatest version first. Read from the names alone (no tag object is read), so
    /// cheap however many tags there are.
    /// Read once while tags hold still: a hand tag's checks asked seven times a run.
    pub fn greatest_version_suffixed_by_prefix(&self) -> Vec<(String, String)> {
        if let Some(seen) = &self.tag_lists_seen.borrow().greatest {
            return seen.clone();
        }
        let refs = self.list_tag_refs("refs/tags/*");
        let names: Vec<String> = (refs.into_iter().flat_map(|refs| refs.flatten()))
            .filter_map(|r| Some(r.name()?.strip_prefix("refs/tags/")?.to_owned()))
            .collect();
        let greatest = greatest_by_prefix(names.iter().map(String::as_str));
        if self.tags_held() {
            self.tag_lists_seen.borrow_mut().greatest = Some(greatest.clone());
        }
        greatest
    }
}

/// [`Repo::greatest_version_suffixed_by_prefix`] of these tag names.
fn greatest_by_prefix<'n>(names: impl Iterator<Item = &'n str>) -> Vec<(String, String)> {
    let mut greatest: std::collections::BTreeMap<&str, (semver::Version, &str)> =
        Default::default();
    for name in names {
        let Some((prefix, version)) = version_suffix(name).filter(|(_, v)| v.build.is_empty())
        else {
            continue;
        };
        let held = greatest.get(prefix);
        if held.is_none_or(|(v, _)| version.cmp_precedence(v).is_gt()) {
            greatest.insert(prefix, (version, name));
        }
    }
    let mut out: Vec<_> = greatest.into_iter().collect();
    out.sort_by(|a, b| b.1.0.cmp_precedence(&a.1.0));
    (out.into_iter())
        .map(|(p, (_, name))| (p.to_owned(), name.to_owned()))
        .collect()
}

impl Repo {
    /// Every tag whose name ends in a two-part version after some text (`v1.0`,
    /// `release-2.3`, `1.0`): its name, the version's two numbers, and the tag's commit.
    pub fn two_part_version_tags(&self) -> Vec<(String, (u64, u64), Oid)> {
        let Ok(refs) = self.list_tag_refs("refs/tags/*") else {
            return Vec::new();
        };
        refs.flatten()
            .filter_map(|r| {
                let name = r.shorthand()?.to_owned();
                let (major, minor) = name.rsplit_once('.')?;
                // Past the last character that is not a digit (any width: `é1.0`).
                let start = major
                    .char_indices()
                    .rfind(|(_, c)| !c.is_ascii_digit())
                    .map_or(0, |(i, c)| i + c.len_utf8());
                let numbers = (major[start..].parse().ok()?, minor.parse().ok()?);
                let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
                if !digits(&major[start..]) || !digits(minor) || major[..start].ends_with('.') {
                    return None;
                }
                let commit = r.peel_to_commit().ok()?.id();
                Some((name, numbers, commit))
            })
            .collect()
    }
}

/// The release version that `rest`, a tag name without its prefix, names. One with build
/// metadata (`v0.1.1+b.1`) names none (README's tag rules): SemVer precedence ignores the
/// build, so counted it would stand for its plain version and stop that release. Every
/// listing of release tags passes it over; only its own push and its making refuse it.
/// A PEP 440 pre-release in its normal form (poetry's `1.2.0rc1`) names the SemVer
/// pre-release it stands for ([`pep440_pre`]).
pub fn release_version(rest: &str) -> Option<semver::Version> {
    match semver::Version::parse(rest) {
        Ok(v) => Some(v).filter(|v| v.build.is_empty()),
        Err(_) => pep440_pre(rest),
    }
}

/// A PEP 440 pre-release in its normal form (`1.2.0a1`, `1.2.0b2`, `1.2.0rc1`), as Python
/// projects tag them: the SemVer pre-release it stands for (`1.2.0-rc.1`), which orders as
/// PEP 440 does (`a` < `b` < `rc` < the release). Other PEP 440 forms (`.dev1`, `.post1`,
/// `1.2b1`) order otherwise in SemVer, so they name no release.
pub fn pep440_pre(rest: &str) -> Option<semver::Version> {
    let split = rest.find(['a', 'b', 'r'])?;
    let (core, pre) = rest.split_at(split);
    let (kind, n) = ["a", "b", "rc"]
        .iter()
        .find_map(|k| Some((*k, pre.strip_prefix(k)?)))
        .filter(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))?;
    let plain = semver::Version::parse(core).ok()?;
    if !plain.pre.is_empty() || !plain.build.is_empty() {
        return None;
    }
    semver::Version::parse(&format!("{core}-{kind}.{n}")).ok()
}

/// The PEP 440 spelling [`pep440_pre`] reads as `version` (`1.2.0-rc.1` → `1.2.0rc1`), if
/// it has one.
pub fn pep440_spelling(version: &semver::Version) -> Option<String> {
    let (kind, n) = version.pre.as_str().split_once('.')?;
    let core = format!("{}.{}.{}", version.major, version.minor, version.patch);
    let spelled = format!("{core}{kind}{n}");
    (pep440_pre(&spelled).as_ref() == Some(version)).then_some(spelled)
}

/// `name` split into the text before a SemVer version that ends it, and that version.
pub fn version_suffix(name: &str) -> Option<(&str, semver::Version)> {
    let bytes = name.as_bytes();
    (0..bytes.len()).find_map(|i| {
        if !version_starts_at(bytes, i) {
            return None;
        }
        let version = semver::Version::parse(name.get(i..)?).ok()?;
        Some((name.get(..i)?, version))
    })
}

/// Whether a tag name's version may start at byte `i`: a digit after neither a digit nor a
/// dot that follows one (`v1.2.3.4` is no `v1.` + `2.3.4`), while a prefix may end in a dot
/// (`v.` of `v.0.1.0`, a `tag_prefix` some projects use).
pub fn version_starts_at(bytes: &[u8], i: usize) -> bool {
    let digit = |j: usize| bytes.get(j).is_some_and(u8::is_ascii_digit);
    let after_number = match i.checked_sub(1).map(|j| bytes[j]) {
        None => false,
        Some(b'.') => i >= 2 && digit(i - 2),
        Some(b) => b.is_ascii_digit(),
    };
    digit(i) && !after_number
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

impl ReleaseTag {
    /// Its version as its name spells it: `1.2.0rc1` for poetry's tag of `1.2.0-rc.1`, what
    /// a changelog heading of that release says.
    pub fn spelled(&self) -> String {
        let v = &self.version;
        let semver = v.to_string();
        if self.name.ends_with(&semver) {
            return semver;
        }
        let core = format!("{}.{}.{}", v.major, v.minor, v.patch);
        match self.name.rfind(&core) {
            Some(i) => self.name[i..].to_owned(),
            None => semver,
        }
    }
}

impl Repo {
    /// Every `<prefix>X.Y.Z` tag whose commit is HEAD or an ancestor, oldest version first.
    /// HEAD's history is walked once for all of them (`Repo::reaches_each`).
    pub fn release_tags(&self, head: Oid, prefix: &str) -> Result<Vec<ReleaseTag>> {
        let candidates = self.release_tag_candidates(prefix);
        let commits: Vec<Oid> = candidates.iter().map(|t| t.commit).collect();
        let held = self.reaches_each(head, &commits);
        let mut out: Vec<ReleaseTag> = (candidates.into_iter().zip(held))
            .filter_map(|(t, held)| held.then_some(t))
            .collect();
        out.sort_by(|a, b| a.version.cmp_precedence(&b.version));
        Ok(out)
    }
}

#[cfg(test)]
mod suffix_tests {
    use super::{greatest_by_prefix, release_version, version_suffix};

    /// QA51: a build tag is no release, wherever release tags are listed.
    #[test]
    fn a_version_with_build_metadata_names_no_release() {
        assert_eq!(
            release_version("0.1.1"),
            Some(semver::Version::new(0, 1, 1))
        );
        assert!(release_version("0.1.1-rc.1").is_some());
        assert_eq!(release_version("0.1.1+b.1"), None);
        assert_eq!(release_version("0.1.1-rc.1+b.1"), None);
        let pre = |s: &str| release_version(s).map(|v| v.to_string());
        assert_eq!(pre("1.2.0rc1").as_deref(), Some("1.2.0-rc.1"));
        assert_eq!(pre("1.2.0a1").as_deref(), Some("1.2.0-a.1"));
        assert_eq!(pre("1.2.0b2").as_deref(), Some("1.2.0-b.2"));
        for no in [
            "1.2.0.dev1",
            "1.2.0.post1",
            "1.2b1",
            "1.2.0rc",
            "1.2.0c1",
            "1.2.0rc1+x",
        ] {
            assert_eq!(release_version(no), None, "{no}");
        }
        let found = greatest_by_prefix(["v0.1.0", "v0.2.0+b.1"].into_iter());
        assert_eq!(found, [("v".to_owned(), "v0.1.0".to_owned())]);
    }

    #[test]
    fn each_prefix_s_greatest_tag_greatest_first() {
        let names = [
            "release-0.1.0",
            "release-0.2.0",
            "v1.0.0",
            "release-0.10.0-rc.1",
            "x",
        ];
        let found = greatest_by_prefix(names.into_iter());
        let found: Vec<(&str, &str)> = found.iter().map(|(p, n)| (&**p, &**n)).collect();
        assert_eq!(
            found,
            [("v", "v1.0.0"), ("release-", "release-0.10.0-rc.1")]
        );
    }

    #[test]
    fn the_version_that_ends_a_tag_name_and_what_precedes_it() {
        let split = |n| version_suffix(n).map(|(p, v)| (p.to_owned(), v.to_string()));
        let pair = |p: &str, v: &str| Some((p.to_owned(), v.to_owned()));
        assert_eq!(split("hatch-v1.18.0"), pair("hatch-v", "1.18.0"));
        assert_eq!(
            split("@changesets/cli@3.0.1"),
            pair("@changesets/cli@", "3.0.1")
        );
        assert_eq!(split("v2.0.0-rc.1"), pair("v", "2.0.0-rc.1"));
        assert_eq!(split("py3-1.2.3"), pair("py3-", "1.2.3"));
        assert_eq!(split("v.0.1.0"), pair("v.", "0.1.0"));
        assert_eq!(split(".1.2.3"), pair(".", "1.2.3"));
        assert_eq!(split("v1.2.3.4"), None);
        assert_eq!(split("v1.2"), None);
        assert_eq!(split("nightly"), None);
    }
}
