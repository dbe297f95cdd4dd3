//! The commits whose message was changed in place, as HEAD's reflog records them: by `git
//! commit --amend`, and by a `git rebase -i` reword or `fixup` (an amend git runs itself; a
//! `fixup -C`/`-c` gives it the fixup's message, a plain one keeps the message). The file of
//! such a commit still lists the entry of the message it replaced unless post-commit rewrote
//! it, which it does not for a rebase's commits, nor when it was skipped or killed. Doctor and
//! `--sync` also follow a commit back through a rebase's `squash` steps ([`Repo::rewrites`]).

use git2::Oid;

use super::Repo;

/// One message changed in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Amend {
    /// The commit replaced.
    pub old: Oid,
    /// The commit that replaced it.
    pub new: Oid,
    /// A rebase's reword or fixup (`rebase (reword): …`, `rebase (fixup): …`; in
    /// [`Repo::rewrites`], a squash too), not a `git commit --amend`.
    pub reword: bool,
    /// Made while a rebase was under way (a `git commit --amend` at an `edit` stop), which
    /// post-commit leaves as git makes it, as it does a reword.
    pub in_rebase: bool,
    /// A rebase's `fixup` or `squash`: `new` is `old` with another commit's change folded in.
    pub fold: bool,
    /// A rebase's `squash` (only in [`Repo::rewrites`]).
    pub squash: bool,
}

/// What a reflog entry records of a commit changed in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Amend,
    Reword,
    Fixup,
    Squash,
}

impl Repo {
    /// The amends and rebase rewords HEAD's newest `limit` reflog entries record, newest
    /// first, as git made them.
    pub fn amends(&self, limit: usize) -> Vec<Amend> {
        self.steps(limit, false)
    }

    /// [`Repo::amends`] and a rebase's `squash` steps (`reword` and `fold`, as a fixup's):
    /// every step a commit of a finished rebase came through in place, for doctor and
    /// `--sync`, which follow a commit back to the one whose entry the file lists. The hooks
    /// read only [`Repo::amends`].
    pub fn rewrites(&self, limit: usize) -> Vec<Amend> {
        self.steps(limit, true)
    }

    /// Whether `commit` is one the user made while the rebase under way was stopped (a `git
    /// commit` at an `edit` stop, and any amend of it, post-commit's rewrite to carry its entry
    /// among them), not one the rebase made: read back in HEAD's newest `limit` reflog entries
    /// from the one that made `commit`, no further than the rebase's start.
    pub fn made_at_rebase_stop(&self, commit: Oid, limit: usize) -> bool {
        let Some(log) = self.head_log() else {
            return false;
        };
        let mut at = commit;
        for e in log.iter().take(limit) {
            let Some(message) = e.message() else {
                return false;
            };
            if rebase_bound(message) == Some(false) {
                return false;
            }
            // An amend that changed nothing names the same commit twice.
            if e.new != at || e.old == e.new {
                continue;
            }
            if message.starts_with("commit: ") {
                return true;
            }
            if message != super::ENTRY_REWRITE && step(message) != Some(Step::Amend) {
                return false;
            }
            at = e.old;
        }
        false
    }

    fn steps(&self, limit: usize, squashes: bool) -> Vec<Amend> {
        let Some(log) = self.head_log() else {
            return Vec::new();
        };
        // Newest first: a rebase's `(finish)` (or `(abort)`) opens its span, its `(start)`
        // closes it; one under way now has no end yet.
        let mut inside = self.rebase_stopped();
        log.iter()
            .take(limit)
            .filter_map(|e| {
                let message = e.message()?;
                if let Some(bound) = rebase_bound(message) {
                    inside = bound;
                    return None;
                }
                let step = step(message).filter(|s| squashes || *s != Step::Squash)?;
                Some(Amend {
                    old: e.old,
                    new: e.new,
                    reword: step != Step::Amend,
                    in_rebase: inside,
                    fold: matches!(step, Step::Fixup | Step::Squash),
                    squash: step == Step::Squash,
                })
            })
            .filter(|a| !a.old.is_zero())
            .collect()
    }

    /// The commits of HEAD's newest `limit` reflog entries that relhook's post-commit rewrote
    /// to carry their entry ([`super::ENTRY_REWRITE`]): git's own commit, which the rewrite
    /// stands for in every later step (an amend, a reword, a drop).
    pub fn rewritten_by_post_commit(&self, limit: usize) -> Vec<Oid> {
        let Some(log) = self.head_log() else {
            return Vec::new();
        };
        log.iter()
            .take(limit)
            .filter(|e| e.message() == Some(super::ENTRY_REWRITE))
            .map(|e| e.old)
            .collect()
    }
}

/// The step a reflog message records: an amend, or a rebase's reword, fixup or squash (git
/// before 2.26 named the interactive rebase `rebase -i`); `None` for any other. A `squash` is
/// no amend to the hooks: its message, as git combines it, keeps every folded commit's.
fn step(message: &str) -> Option<Step> {
    if message.starts_with("commit (amend): ") {
        return Some(Step::Amend);
    }
    let (action, _) = message.split_once(": ")?;
    let step = action
        .strip_prefix("rebase -i ")
        .or_else(|| action.strip_prefix("rebase "))?;
    match step {
        "(reword)" => Some(Step::Reword),
        "(fixup)" => Some(Step::Fixup),
        "(squash)" => Some(Step::Squash),
        _ => None,
    }
}

/// Whether a reflog message ends a rebase (`Some(true)`: read newest first, what comes next
/// was made during it) or starts one (`Some(false)`); `None` for any other.
fn rebase_bound(message: &str) -> Option<bool> {
    let action = message.split_once(": ").map_or(message, |(a, _)| a);
    if !action.starts_with("rebase") {
        return None;
    }
    if action.ends_with("(finish)") || action.ends_with("(abort)") || action == "rebase finished" {
        return Some(true);
    }
    action.ends_with("(start)").then_some(false)
}

/// The amends (of `amends`, newest first) that led to `commit`, newest first: the one that
/// made it, then the one that made the commit it replaced, and so on. A skipped post-commit
/// leaves the first message's entry in the file through any number of later amends.
pub fn amend_chain(amends: &[Amend], commit: Oid) -> Vec<Amend> {
    let mut out: Vec<Amend> = Vec::new();
    let mut at = commit;
    // Each amend once: an amend that changed nothing names the same commit twice.
    while let Some(a) = amends
        .iter()
        .find(|a| a.new == at && !out.contains(a))
        .copied()
    {
        out.push(a);
        at = a.old;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u8) -> Oid {
        Oid::from_bytes(&[n; 20]).unwrap()
    }

    #[test]
    fn amends_and_rebase_steps_are_told_apart() {
        assert_eq!(step("commit (amend): feat: x"), Some(Step::Amend));
        assert_eq!(step("rebase (reword): chore: x"), Some(Step::Reword));
        assert_eq!(step("rebase -i (reword): chore: x"), Some(Step::Reword));
        // `fixup -C` and `-c` put the fixup's message on the commit it folds into.
        assert_eq!(step("rebase (fixup): feat: y"), Some(Step::Fixup));
        assert_eq!(step("rebase -i (fixup): feat: y"), Some(Step::Fixup));
        assert_eq!(step("rebase (squash): feat: y"), Some(Step::Squash));
        for other in [
            "commit: x",
            "rebase (pick): x",
            "rebase (start): checkout HEAD~3",
            "rebase: fast-forward",
            "commit: rebase (fixup): x",
        ] {
            assert_eq!(step(other), None, "{other}");
        }
    }

    #[test]
    fn a_rebase_is_bounded_by_its_start_and_its_end() {
        assert_eq!(
            rebase_bound("rebase (finish): returning to refs/heads/main"),
            Some(true)
        );
        assert_eq!(
            rebase_bound("rebase -i (finish): refs/heads/main onto 1a2b"),
            Some(true)
        );
        assert_eq!(
            rebase_bound("rebase (abort): returning to refs/heads/main"),
            Some(true)
        );
        assert_eq!(
            rebase_bound("rebase finished: refs/heads/main onto 1a2b"),
            Some(true)
        );
        assert_eq!(rebase_bound("rebase (start): checkout HEAD~3"), Some(false));
        assert_eq!(
            rebase_bound("rebase -i (start): checkout HEAD~3"),
            Some(false)
        );
        for other in [
            "rebase (pick): x",
            "rebase: fast-forward",
            "commit (amend): x",
        ] {
            assert_eq!(rebase_bound(other), None, "{other}");
        }
    }

    #[test]
    fn a_chain_of_amends_is_followed_back_to_its_first_commit() {
        let a = |old, new| Amend {
            old: id(old),
            new: id(new),
            reword: false,
            in_rebase: false,
            fold: false,
            squash: false,
        };
        // Newest first: 1 amended to 2, then 2 to 3; 5 to 6 is another commit's.
        let amends = [a(5, 6), a(2, 3), a(1, 2)];
        assert_eq!(amend_chain(&amends, id(3)), [a(2, 3), a(1, 2)]);
        assert_eq!(amend_chain(&amends, id(2)), [a(1, 2)]);
        assert!(amend_chain(&amends, id(4)).is_empty());
        // An amend that changed nothing (same id) ends the walk.
        let same = [a(7, 7)];
        assert_eq!(amend_chain(&same, id(7)), [a(7, 7)]);
    }
}
