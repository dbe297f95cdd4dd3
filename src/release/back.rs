//! The way back to a published release commit rewritten here (an amend, a rebase): a remote
//! has the tag, so it is not made again; the branch goes back onto the commit it names and the
//! changes are committed on top. `git reset --soft` is the reset that loses nothing: the
//! rewrite's changes (and those of commits made above it) stay staged, ready to commit;
//! `--keep` would take them out of the index and the work tree, leaving them only in the reflog.

use git2::Oid;

use crate::git::{Repo, short_id};

/// The command that puts the branch back on `tagged`, keeping every change staged.
pub fn command(tagged: Oid) -> String {
    format!("git reset --soft {}", short_id(tagged))
}

/// Whether `fix` is [`command`]'s: a published tag the branch goes back to.
pub fn is_command(fix: &str) -> bool {
    fix.starts_with("git reset --soft ")
}

/// The fix, in a sentence, for release tag `tag` published on `tagged` while the branch holds
/// it rewritten as `rewritten` (HEAD when `at_head`, else below commits made since).
pub fn advice(repo: &Repo, tag: &str, tagged: Oid, rewritten: Oid, at_head: bool) -> String {
    let changed = repo.tree_of(rewritten) != repo.tree_of(tagged);
    let command = command(tagged);
    let published = format!(
        "{tag} is published on {}: don't rewrite it",
        short_id(tagged)
    );
    match kept(changed, at_head) {
        None => format!(
            "{published}; put the branch back on it: `{command}` (the rewrite changed only the message)"
        ),
        Some(what) => format!(
            "{published}; put the branch back on it and commit on top: `{command}` keeps {what} staged, then `git commit`"
        ),
    }
}

/// When `--resume` would move release tag `tag` (now the tag object `old`) onto the rewritten
/// release commit: a remote that has the tag already publishes the release as tagged (it was
/// pushed alone: no remote-tracking ref tells), so it is not moved; the way back is the fix.
/// Each remote is asked once (`git ls-remote`); one that cannot be asked publishes nothing,
/// and pre-push still refuses a moved published tag.
pub fn published_refusal(
    repo: &Repo,
    tag: &str,
    old: Oid,
    rewritten: Oid,
    at_head: bool,
) -> Option<crate::error::Refusal> {
    let full = format!("refs/tags/{tag}");
    let remote = repo.remote_names().into_iter().find(|r| {
        repo.remote_tags(r)
            .is_ok_and(|tags| tags.iter().any(|(n, _)| *n == full))
    })?;
    let tagged = repo.peel_to_commit(old)?;
    Some(crate::error::Refusal::new(
        crate::error::Reason::PublishedTag,
        format!(
            "{remote} has tag {tag} already (pushed alone?), so `--resume` does not move it onto the rewritten release commit {}",
            short_id(rewritten)
        ),
        advice(repo, tag, tagged, rewritten, at_head),
    ))
}

/// What [`command`] leaves staged, to commit on top; `None` when nothing is.
fn kept(changed: bool, at_head: bool) -> Option<&'static str> {
    match (changed, at_head) {
        (false, true) => None,
        (true, true) => Some("the rewrite's changes"),
        (true, false) => Some("the rewrite's changes and those of the commits above it"),
        (false, false) => Some("the changes of the commits above the rewritten one"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reset_keeps_the_changes_staged() {
        let id = Oid::from_str("794a3e6f8e0000000000000000000000000000aa").unwrap();
        assert_eq!(command(id), "git reset --soft 794a3e6f8");
        assert!(is_command(&command(id)));
        assert!(!is_command("git reset --keep 794a3e6f8"));
    }

    #[test]
    fn only_a_message_only_amend_at_head_leaves_nothing_to_commit() {
        assert_eq!(kept(false, true), None);
        assert!(kept(true, true).is_some_and(|w| w.contains("rewrite's")));
        assert!(kept(false, false).is_some_and(|w| w.contains("above")));
        assert!(kept(true, false).is_some_and(|w| w.contains("above")));
    }
}
