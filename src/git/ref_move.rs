//! One ref moved with its old value as precondition, logged as git logs its own moves: the
//! reflog entry names the committer git would name (`GIT_COMMITTER_NAME`, `_EMAIL` and `_DATE`
//! first, then `committer.*` and `user.*`), where libgit2 alone names `user.name` over the
//! environment, or `unknown <unknown>`, at the clock's time.

use git2::{Error, ErrorClass, ErrorCode, Oid, Signature};

use super::Repo;

impl Repo {
    /// Moves `name` from `old` (`None`: it must not exist) to `new` (`None`: deletes it), the
    /// reflog entry saying `message`. The ref is locked first and its value checked under the
    /// lock; the entry is written with the move, by libgit2's own writer.
    pub(super) fn try_cas_ref(
        &self,
        name: &str,
        old: Option<Oid>,
        new: Option<Oid>,
        message: &str,
    ) -> Result<(), Error> {
        let moved = || {
            Error::new(
                ErrorCode::Modified,
                ErrorClass::Reference,
                format!("{name} moved while relhook was updating it"),
            )
        };
        let mut txn = self.inner.transaction()?;
        txn.lock_ref(name)?;
        let now = match self.inner.find_reference(name) {
            Ok(r) => Some(r.target().ok_or_else(moved)?),
            Err(e) if e.code() == ErrorCode::NotFound => None,
            Err(e) => return Err(e),
        };
        if now != old {
            return Err(match (old, now) {
                (None, Some(_)) => Error::new(
                    ErrorCode::Exists,
                    ErrorClass::Reference,
                    format!("{name} exists already"),
                ),
                _ => moved(),
            });
        }
        match new {
            Some(new) => {
                // As libgit2's own ref writes refuse it: a ref never names a missing object.
                if !self.inner.odb()?.exists(new) {
                    return Err(Error::new(
                        ErrorCode::NotFound,
                        ErrorClass::Reference,
                        format!("the commit {new} {name} would point at is not stored"),
                    ));
                }
                let who = self.reflog_identity();
                txn.set_target(name, new, who.as_ref(), message)?;
            }
            None if old.is_some() => txn.remove(name)?,
            None => return Ok(()),
        }
        txn.commit()
    }

    /// Whom and when git would log a ref move here by (its committer), `None` when only git
    /// can tell (see `ident`): libgit2's own guess is taken then.
    fn reflog_identity(&self) -> Option<Signature<'static>> {
        self.identity_from(super::ident::committer)
    }
}
