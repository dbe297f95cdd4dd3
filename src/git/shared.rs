//! A shared repository (`core.sharedRepository`): git widens what it creates in the git
//! directory to the group (folders group-writable and setgid), so that every member's git can
//! read it and add to it. libgit2 does not: the trees it writes from an index and the refs and
//! reflogs it updates get the umask's bits alone. Left so, an `objects/ab/` folder relhook
//! made refuses every teammate's object under it, and under umask 077 the commit a hook
//! rewrote and the branch naming it are unreadable to them. These widen them as git would.

use std::path::Path;

use git2::Oid;

use super::Repo;
use super::blob::Shared;

impl Repo {
    /// Gives the trees just written for `root` a shared repository's permissions: those that
    /// differ from `base`'s at the same path (`None`: HEAD's tree), each with its folder.
    pub(super) fn share_trees(&self, root: Oid, base: Option<Oid>) {
        let Some((objects, shared)) = self.loose_shared() else {
            return;
        };
        let base = base.or_else(|| {
            let head = self.inner.head().ok()?;
            head.peel_to_tree().ok().map(|t| t.id())
        });
        let mut todo = vec![(root, base)];
        while let Some((id, old)) = todo.pop() {
            if Some(id) == old {
                continue;
            }
            let hex = id.to_string();
            let dir = objects.join(&hex[..2]);
            // A tree not loose is packed: it was there before, and so is all it holds.
            if !widen(&dir.join(&hex[2..]), shared, false) {
                continue;
            }
            widen(&dir, shared, true);
            let (Ok(tree), old) = (
                self.inner.find_tree(id),
                old.and_then(|o| self.inner.find_tree(o).ok()),
            ) else {
                continue;
            };
            for entry in tree.iter() {
                if entry.kind() != Some(git2::ObjectType::Tree) {
                    continue;
                }
                let before = old.as_ref().and_then(|o| {
                    let e = o.get_name_bytes(entry.name_bytes())?;
                    (e.kind() == Some(git2::ObjectType::Tree)).then(|| e.id())
                });
                todo.push((entry.id(), before));
            }
        }
    }

    /// Gives ref `name` (and the branch a symbolic HEAD names), its reflog and the folders
    /// libgit2 made for them a shared repository's permissions.
    pub(super) fn share_ref(&self, name: &str) {
        let Some((_, shared)) = self.loose_shared() else {
            return;
        };
        let mut names = vec![name.to_owned()];
        let target = self.inner.find_reference(name).ok();
        names.extend(
            target
                .as_ref()
                .and_then(|r| r.symbolic_target())
                .map(str::to_owned),
        );
        for name in &names {
            let top = if name.starts_with("refs/") {
                self.inner.commondir()
            } else {
                self.inner.path()
            };
            for top in [top.to_path_buf(), top.join("logs")] {
                let file = top.join(name);
                widen(&file, shared, false);
                let mut dir = file.parent();
                while let Some(d) = dir.filter(|d| *d != top && d.starts_with(&top)) {
                    widen(d, shared, true);
                    dir = d.parent();
                }
            }
        }
    }
}

/// Widens `path`'s permissions as git's `adjust_shared_perm` does (a folder also setgid, so
/// what is made in it takes its group). False when there is no such file; a file relhook
/// cannot change (another member's) was made by git, already shared.
fn widen(path: &Path, shared: Shared, folder: bool) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let Ok(meta) = std::fs::symlink_metadata(path) else {
            return false;
        };
        let mode = meta.permissions().mode() & 0o7777;
        let want = shared.apply(mode) | if folder { 0o2000 } else { 0 };
        if want != mode {
            let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(want));
        }
        true
    }
    #[cfg(not(unix))]
    {
        let _ = (shared, folder);
        path.exists()
    }
}
