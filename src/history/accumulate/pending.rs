//! The line post-commit says for a pick concluded, or a revert made, in the middle of a
//! sequence (a rebase, a series of reverts): HEAD is left to git, so what the commit's file
//! lacks, or holds too many, is named with what finishes it once the sequence is done.

use super::Edit;
use super::op::{Op, plural};
use crate::history::changelog::one_line;

/// The notice for `edit`, the change post-commit would have made to `shown` while `op` (`a
/// rebase`) is in progress; `reverting`: the commit is git's revert.
pub(super) fn notice(edit: &Edit, shown: &str, reverting: bool, op: &str) -> String {
    let marker = edit.marker;
    let left = format!("{op} is in progress, so HEAD is left as git made it; when it is done,");
    match &edit.op {
        // The resolution kept the file as a commit the sequence left out had it (a rebase that
        // drops the commit which created the file): that commit's entry came along.
        Op::Squash(_, parts, _) => {
            let first = parts.first().map_or("", |e| e.text.as_str());
            let it = if parts.len() == 1 { "it" } else { "them" };
            format!(
                "{shown} keeps {} of commits not in this branch's history ({}`{marker} {}`), as the conflict's resolution brought {it} in, and {left} `relhook changelog --sync` takes {it} out and adds this commit's own (an entry of a commit a branch still holds, or reworded by hand, stays: delete it by hand)",
                plural(parts.len(), "entry", "entries"),
                if parts.len() > 1 { "first: " } else { "" },
                one_line(first),
            )
        }
        Op::Add(e) => {
            let lacks = format!("`{marker} {}`", one_line(&e.text));
            let why = if reverting {
                format!("this revert calls for {lacks}")
            } else {
                format!("the conflict's resolution dropped this commit's {lacks}")
            };
            format!(
                "no entry added to {shown}: {why}, and {left} `relhook changelog --sync` adds it"
            )
        }
        _ => format!(
            "{shown} lacks this commit's change to its entries, and {left} `relhook changelog --sync` makes it"
        ),
    }
}
