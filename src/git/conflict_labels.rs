//! The labels git puts on a conflict's sides (`<<<<<<< HEAD`, `>>>>>>> topic`) for the
//! operation that runs a merge driver, so the driver's own markers read as git's would: a
//! merge names the merged branch as `git merge` was given it (`GITHEAD_<id>` in the driver's
//! environment) and its base by the merge base's id; a rebase's or a cherry-pick or revert
//! sequence's pick names the commit applied, `1a2b3c4 (subject)`, and its base `parent of …`
//! (a revert the other way round). A single cherry-pick or revert leaves no trace a driver
//! can read, so it gets none. git 2.44 and later pass a driver its labels (`%S`, `%X`, `%Y`):
//! these are for a driver line or a git without them.

use git2::Oid;

use super::Repo;

/// A conflict's labels: this side, the common ancestor's, the other side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictLabels {
    /// Always `HEAD`, as git has it for a merge, rebase, cherry-pick and revert.
    pub ours: String,
    /// The common ancestor.
    pub base: String,
    /// The merged branch, or the commit applied.
    pub theirs: String,
}

impl Repo {
    /// The labels git gives the conflict of the operation under way; `merged`: the merged
    /// commit and the name git was given for it (`GITHEAD_<id>`). `None` where it cannot tell.
    pub fn conflict_labels(&self, merged: Option<(Oid, String)>) -> Option<ConflictLabels> {
        let ours = "HEAD".to_owned();
        if let Some((theirs, name)) = merged {
            let base = self
                .head()
                .and_then(|h| self.inner.merge_base(h, theirs).ok())
                .and_then(|b| self.abbreviated(b))
                .unwrap_or_else(|| "merged common ancestors".to_owned());
            return Some(ConflictLabels {
                ours,
                base,
                theirs: name,
            });
        }
        let (id, revert) = self.current_pick()?;
        let commit = self.inner.find_commit(id).ok()?;
        let summary = String::from_utf8_lossy(commit.summary_bytes().unwrap_or_default());
        let label = format!("{} ({summary})", self.abbreviated(id)?);
        let parent = format!("parent of {label}");
        let (base, theirs) = if revert {
            (label, parent)
        } else {
            (parent, label)
        };
        Some(ConflictLabels { ours, base, theirs })
    }

    /// `id` abbreviated as git abbreviates it in its labels (`git rev-parse --short`:
    /// `core.abbrev`, which by default grows with the repository, longer where it is not
    /// unique); libgit2's own abbreviation stays at 7 in a large repository.
    fn abbreviated(&self, id: Oid) -> Option<String> {
        let short = self.run_git(&["rev-parse", "--short", &id.to_string()], None);
        short.ok().filter(|s| !s.is_empty())
    }

    /// The commit a rebase or a cherry-pick or revert sequence is applying now, and whether it
    /// reverts it: a rebase's `done` ends with it, a sequence's `todo` starts with it.
    fn current_pick(&self) -> Option<(Oid, bool)> {
        let dir = self.inner.path();
        let line = if let Ok(done) = std::fs::read_to_string(dir.join("rebase-merge/done")) {
            done.lines()
                .rev()
                .find(|l| !l.trim().is_empty() && !l.starts_with('#'))?
                .to_owned()
        } else {
            let todo = std::fs::read_to_string(dir.join("sequencer/todo")).ok()?;
            todo.lines()
                .find(|l| !l.trim().is_empty() && !l.starts_with('#'))?
                .to_owned()
        };
        let mut words = line.split_whitespace();
        let command = words.next()?;
        let revert = match command {
            "pick" | "p" | "reword" | "r" | "edit" | "e" | "squash" | "s" | "fixup" | "f" => false,
            "revert" => true,
            _ => return None,
        };
        let id = self.inner.revparse_single(words.next()?).ok()?.id();
        Some((id, revert))
    }
}
