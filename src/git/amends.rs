//! The commits whose message was changed in place, as HEAD's reflog records them: by `git
//! commit --amend`, and by a `git rebase -i` reword (an amend git runs itself). The file of
//! such a commit still lists the entry of the message it replaced unless post-commit rewrote
//! it, which it does not for a rebase's commits, nor when it was skipped or killed.

use git2::Oid;

use super::Repo;

/// One message changed in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Amend {
    /// The commit replaced.
    pub old: Oid,
    /// The commit that replaced it.
    pub new: Oid,
    /// A rebase's reword (`rebase (reword): …`), not a `git commit --amend`.
    pub reword: bool,
}

impl Repo {
    /// The amends and rebase rewords HEAD's newest `limit` reflog entries record, newest
    /// first, as git made them.
    pub fn amends(&self, limit: usize) -> Vec<Amend> {
        let Ok(log) = self.inner.reflog("HEAD") else {
            return Vec::new();
        };
        log.iter()
            .take(limit)
            .filter_map(|e| {
                let kind = kind(e.message()?)?;
                Some(Amend {
                    old: e.id_old(),
                    new: e.id_new(),
                    reword: kind,
                })
            })
            .filter(|a| !a.old.is_zero())
            .collect()
    }
}

/// Whether a reflog message is an amend's (`Some(false)`) or a rebase reword's (`Some(true)`;
/// git before 2.26 named the interactive rebase `rebase -i`).
fn kind(message: &str) -> Option<bool> {
    if message.starts_with("commit (amend): ") {
        return Some(false);
    }
    ["rebase (reword): ", "rebase -i (reword): "]
        .iter()
        .any(|p| message.starts_with(p))
        .then_some(true)
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
    fn amends_and_rebase_rewords_are_told_apart() {
        assert_eq!(kind("commit (amend): feat: x"), Some(false));
        assert_eq!(kind("rebase (reword): chore: x"), Some(true));
        assert_eq!(kind("rebase -i (reword): chore: x"), Some(true));
        for other in ["commit: x", "rebase (pick): x", "rebase (fixup): x"] {
            assert_eq!(kind(other), None, "{other}");
        }
    }

    #[test]
    fn a_chain_of_amends_is_followed_back_to_its_first_commit() {
        let a = |old, new| Amend {
            old: id(old),
            new: id(new),
            reword: false,
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
