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
        let mut args = vec!["tag", "-a", "--cleanup=verbatim", "-F", "-"];
        if sign {
            args.push("-s");
        }
        let c = commit.to_string();
        args.extend([name, c.as_str()]);
        let file = self.git_dir().join("TAG_EDITMSG");
        let before = std::fs::read(&file).ok();
        match self.run_git(&args, Some(message.as_bytes())) {
            Ok(_) => Ok(()),
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
        let deadline = Instant::now() + super::txn::lock_wait();
        loop {
            match self.try_cas_ref(name, old, new, message) {
                Err(e) if e.code() == git2::ErrorCode::Locked && Instant::now() < deadline => {
                    std::thread::sleep(std::time::Duration::from_millis(10));
                }
                Err(e) if e.code() == git2::ErrorCode::Locked => {
                    return Err(Error::Locked {
                        path: self.git_dir().join(format!("{name}.lock")),
                        waited_ms: u64::try_from(super::txn::lock_wait().as_millis())
                            .unwrap_or(u64::MAX),
                    });
                }
                Err(e) => return Err(Error::git(format!("update {name}"), e)),
                Ok(()) => return Ok(()),
            }
        }
    }

    fn try_cas_ref(
        &self,
        name: &str,
        old: Option<Oid>,
        new: Option<Oid>,
        message: &str,
    ) -> std::result::Result<(), git2::Error> {
        let moved = || {
            git2::Error::new(
                git2::ErrorCode::Modified,
                git2::ErrorClass::Reference,
                format!("{name} moved while relhook was updating it"),
            )
        };
        match (old, new) {
            (Some(old), Some(new)) => self
                .inner
                .reference_matching(name, new, true, old, message)
                .map(drop),
            (None, Some(new)) => self.inner.reference(name, new, false, message).map(drop),
            (Some(old), None) => {
                let mut r = self.inner.find_reference(name)?;
                if r.target() != Some(old) {
                    return Err(moved());
                }
                r.delete()
            }
            (None, None) => {
                if self.inner.find_reference(name).is_ok() {
                    return Err(moved());
                }
                Ok(())
            }
        }
    }

    /// The id `bytes` would have as a blob (nothing written).
    pub fn hash_blob(&self, bytes: &[u8]) -> Oid {
        super::blob::blob_oid(bytes)
    }

    /// A blob's content.
    pub fn blob_bytes(&self, id: Oid) -> Option<Vec<u8>> {
        self.inner.find_blob(id).ok().map(|b| b.content().to_vec())
    }
}
