//! Why a refused commit never met the commit-msg hook, when that can be told: git's cherry-pick
//! and revert commit with `git commit -n`, so their commits skip the hook whatever was typed.
//! Told from HEAD's reflog (the command that made the commit here), else from the message:
//! `-x`'s `(cherry picked from commit <id>)` line, or git's `Revert "…"` header with its `This
//! reverts commit <id>.` line. A `--no-verify` commit and one made elsewhere look alike. One
//! that passes the `.relconfig.toml` committed with it met rules since made stricter: it is
//! not said to have skipped the hook.

use std::collections::HashMap;

use git2::Oid;

use crate::config::Config;
use crate::git::Repo;

/// How many of HEAD's newest reflog entries are read: refused commits are recent ones.
const REFLOG_LIMIT: usize = 2000;

/// What a commit `git cherry-pick` made is told.
const PICKED: &str = "`git cherry-pick` made it, and git commits a pick with `git commit -n`, past the commit-msg hook";

/// What a commit `git revert` made is told.
const REVERTED: &str =
    "`git revert` made it, and git commits a revert with `git commit -n`, past the commit-msg hook";

/// What any other refused commit is told.
pub(super) const UNCHECKED: &str =
    "it never met the commit-msg hook (`--no-verify`, or made elsewhere)";

/// The clause ending the fix of a refused commit whose cause is `cause`, pushed to `remote`.
pub(super) fn unchecked(cause: &str, remote: &str) -> String {
    format!("{cause}, so it is new to {remote} unchecked")
}

/// Why each of `ids` (refused commits) is refused though it may have been made through the
/// hooks, as the clause that ends its fix (`remote`: where the push goes).
pub(super) fn causes(
    repo: &Repo,
    config: &Config,
    ids: &[Oid],
    remote: &str,
) -> HashMap<Oid, String> {
    if ids.is_empty() {
        return HashMap::new();
    }
    let made = repo.made_by(ids, REFLOG_LIMIT);
    let mut configs = crate::history::rules_since::Configs::new();
    ids.iter()
        .map(|id| {
            let action = made
                .get(id)
                .map(|a| a.split([' ', '(']).next().unwrap_or(""));
            let cause = match action {
                Some("cherry-pick") => PICKED,
                Some("revert") => REVERTED,
                _ => repo.commit_text(*id).map_or(UNCHECKED, |t| by_message(&t)),
            };
            let since = (cause == UNCHECKED)
                .then(|| repo.stored_commit(*id))
                .flatten()
                .and_then(|c| {
                    crate::history::rules_since::rules_since(repo, config, &c, &mut configs)
                });
            let said = match since {
                Some(since) => format!(
                    "it fails {} not in force when it was made ({} in the {} it was committed with), so the commit-msg hook let it through",
                    if since.len() == 1 { "a rule" } else { "rules" },
                    crate::history::rules_since::describe(&since),
                    crate::config::FILE_NAME
                ),
                None => unchecked(cause, remote),
            };
            (*id, said)
        })
        .collect()
}

/// The cause a commit's message `text` tells.
fn by_message(text: &str) -> &'static str {
    let header = text.lines().next().unwrap_or("");
    let picked = text
        .lines()
        .any(|l| l.trim().starts_with("(cherry picked from commit "));
    let reverted = (header.starts_with("Revert \"") || header.starts_with("Reapply \""))
        && crate::commit::parse::reverted_commit(text).is_some();
    match (picked, reverted) {
        (true, _) => PICKED,
        (false, true) => REVERTED,
        (false, false) => UNCHECKED,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_tells_a_pick_and_a_revert() {
        let x =
            "Quick hack\n\n(cherry picked from commit 0123456789abcdef0123456789abcdef01234567)\n";
        assert_eq!(by_message(x), PICKED);
        let id = "0123456789abcdef0123456789abcdef01234567";
        let revert = format!("Revert \"Quick hack\"\n\nThis reverts commit {id}.\n");
        assert_eq!(by_message(&revert), REVERTED);
        // Written by hand, without git's line: nothing to tell.
        assert_eq!(by_message("Revert \"Quick hack\"\n"), UNCHECKED);
        assert_eq!(by_message("Quick hack\n"), UNCHECKED);
    }
}
