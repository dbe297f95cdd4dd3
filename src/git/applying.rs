//! A `git am` (or `git rebase --apply`) under way, as post-applypatch sees it: which patch of
//! how many was just committed, and the commits it made so far. git has no hook at the end of
//! an am, so the commits are noted one by one in the am's own state directory
//! (`rebase-apply/`), which git removes with everything else when the am ends or is aborted:
//! nothing of relhook's outlives it, and nothing is written into the work tree.

use std::path::{Path, PathBuf};

use git2::Oid;

use super::Repo;

/// The file in `rebase-apply/` where post-applypatch notes each commit the am made.
const NOTE: &str = "relhook-applied";

/// The patch git just committed, in an am or a `rebase --apply`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applying {
    dir: PathBuf,
    /// The patch's number, from 1.
    pub patch: usize,
    /// How many patches the am applies.
    pub last: usize,
    /// A `git rebase --apply` (git marks it `rebasing`), not a `git am`.
    pub rebasing: bool,
}

impl Applying {
    /// Whether this was the last patch: the am ends after it (unless it stops on none).
    pub fn is_last(&self) -> bool {
        self.patch >= self.last
    }

    /// The command that applied the patches, as the user typed it.
    pub fn command(&self) -> &'static str {
        if self.rebasing {
            "git rebase --apply"
        } else {
            "git am"
        }
    }

    /// Notes `commit` as made by this am; `false` when the note could not be written.
    pub fn note(&self, commit: Oid) -> bool {
        use std::io::Write;
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.dir.join(NOTE))
            .and_then(|mut f| writeln!(f, "{commit}"))
            .is_ok()
    }

    /// Takes the note out once the am's end is said, so that nothing says it again (git
    /// removes REBASE_HEAD after the last patch too, and the hook sees that: see
    /// [`am_ends_unapplied`]).
    pub fn forget(&self) {
        let _ = std::fs::remove_file(self.dir.join(NOTE));
    }

    /// The commits noted so far, oldest first.
    pub fn noted(&self) -> Vec<Oid> {
        std::fs::read_to_string(self.dir.join(NOTE))
            .unwrap_or_default()
            .lines()
            .filter_map(|l| Oid::from_str(l.trim()).ok())
            .collect()
    }
}

/// Whether an am in the git dir `git_dir` ends without committing its last patch (`git am
/// --skip` of it, or a last mail that holds no patch), with commits noted that post-applypatch
/// has not said yet. git runs no hook at an am's end; it removes REBASE_HEAD (a transaction the
/// reference-transaction hook sees) before each next patch, while `next` still counts the one
/// just done: at the last, post-applypatch has run when git committed it, and took the note.
pub fn am_ends_unapplied(git_dir: &Path) -> bool {
    let dir = git_dir.join("rebase-apply");
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).ok();
    dir.join(NOTE).is_file()
        && matches!((read("next"), read("last")), (Some(n), Some(l)) if n.trim() == l.trim())
}

impl Repo {
    /// The am under way in this worktree, read from `rebase-apply/` (`next` is the patch git
    /// committed last while post-applypatch runs, `last` their count); `None` when none is.
    pub fn applying(&self) -> Option<Applying> {
        let dir = self.git_dir().join("rebase-apply");
        let number = |f: &str| {
            std::fs::read_to_string(dir.join(f))
                .ok()?
                .trim()
                .parse::<usize>()
                .ok()
        };
        let (patch, last) = (number("next")?, number("last")?);
        Some(Applying {
            rebasing: dir.join("rebasing").exists(),
            dir,
            patch,
            last,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commits_are_noted_in_order_and_the_last_patch_is_known() {
        let tmp = tempfile::tempdir().unwrap();
        let applying = Applying {
            dir: tmp.path().to_owned(),
            patch: 2,
            last: 2,
            rebasing: false,
        };
        assert!(applying.noted().is_empty());
        let (a, b) = (
            Oid::from_bytes(&[1; 20]).unwrap(),
            Oid::from_bytes(&[2; 20]).unwrap(),
        );
        assert!(applying.note(a) && applying.note(b));
        assert_eq!(applying.noted(), vec![a, b]);
        assert!(applying.is_last());
        assert_eq!(applying.command(), "git am");
        let first = Applying {
            patch: 1,
            ..applying
        };
        assert!(!first.is_last());
    }

    #[test]
    fn an_am_ends_unapplied_at_its_last_patch_while_commits_are_noted() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("rebase-apply");
        std::fs::create_dir(&dir).unwrap();
        let write = |f: &str, t: &str| std::fs::write(dir.join(f), t).unwrap();
        write("next", "2\n");
        write("last", "2\n");
        assert!(!am_ends_unapplied(tmp.path()), "nothing noted");
        let applying = Applying {
            dir: dir.clone(),
            patch: 2,
            last: 2,
            rebasing: false,
        };
        assert!(applying.note(Oid::from_bytes(&[1; 20]).unwrap()));
        assert!(am_ends_unapplied(tmp.path()));
        write("next", "1\n");
        assert!(!am_ends_unapplied(tmp.path()), "a patch is left");
        write("next", "2\n");
        applying.forget();
        assert!(!am_ends_unapplied(tmp.path()), "said already");
    }
}
