//! QA236: a stash whose reflog expired (`git reflog expire --expire=now refs/stash`, as a
//! `git gc` run with `gc.reflogExpire=now` leaves it) while refs/stash stands. git still keeps
//! the stash's commits (refs/stash is a ref: `git fsck` finds them reachable, `git gc` keeps
//! them, `git stash show` and `stash@{0}` read it), but relhook read the stashes from the
//! reflog alone: the entry of a commit only that stash held was taken out as lost.

use crate::qa206_lost_commit_holders::{dropped_but_held, kept_and_said};

#[test]
fn a_stash_whose_reflog_expired_still_holds_its_commit() {
    let (repo, short) = dropped_but_held(|repo, kept| {
        repo.git(&["checkout", "-q", kept]);
        repo.write("keep.txt", "keep, edited\n");
        repo.git(&["stash", "-q"]);
        repo.git(&["checkout", "-q", "main"]);
        repo.git(&["reflog", "expire", "--expire=now", "refs/stash"]);
        assert_eq!(repo.git(&["stash", "list"]), "");
        repo.git(&["rev-parse", "--verify", "refs/stash"]);
    });
    kept_and_said(&repo, &short, "`stash@{0}`");
}
