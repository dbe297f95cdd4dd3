//! This clone's release of a version that the remote pushed to has another release of (two
//! clones released it): the way out depends on whether this clone's release is published. Not
//! yet, it is dropped for the remote's ([`super::taken::take_theirs`]); on another remote, the
//! two remotes hold different releases of the version, and neither may be dropped or replaced.

use git2::Oid;

use super::asked::Asked;
use crate::config::Config;
use crate::git::Repo;
use crate::shellword::quote;

/// What to add to the problem (after this clone's release is named) and the fix, for this
/// clone's release `name` on `commit`, which the remote pushed to has another release of.
pub(super) fn twin(
    repo: &Repo,
    config: &Config,
    asked: &Asked<'_>,
    name: &str,
    commit: Oid,
) -> (String, String) {
    let remote = asked.shown();
    match published_on(repo, asked, name, commit) {
        Some(other) => (
            format!(
                ", which {other} publishes (the two remotes hold different releases of that version)"
            ),
            keep_both(remote, &other, name),
        ),
        None => (
            String::new(),
            super::taken::take_theirs(repo, config, remote, name, commit),
        ),
    }
}

/// Another remote than `remote` that publishes this clone's release `name` (on `commit`): one
/// of its remote-tracking branches holds the commit, or, asked (a connection per remote, made
/// only for such a refusal, once a push), it has this clone's tag.
fn published_on(repo: &Repo, asked: &Asked<'_>, name: &str, commit: Oid) -> Option<String> {
    let remote = asked.shown();
    let others: Vec<String> = repo
        .remote_names()
        .into_iter()
        .filter(|r| r != remote)
        .collect();
    let held = |r: &String| repo.held_by_any(&repo.remote_tracking_commits(r), commit);
    if let Some(r) = others.iter().find(|r| held(r)) {
        return Some(r.clone());
    }
    let ours = repo.tag_target(name)?;
    let full = format!("refs/tags/{name}");
    others.into_iter().find(|r| {
        (asked.tags_of(r)).is_some_and(|tags| tags.iter().any(|(n, id)| *n == full && *id == ours))
    })
}

/// The fix when `other` publishes this clone's release `name` and `remote` another one: both
/// stay as they are (published releases are immutable), and nothing of this clone's release
/// goes to `remote`.
fn keep_both(remote: &str, other: &str, name: &str) -> String {
    let r = quote(remote);
    format!(
        "keep this clone's {name} ({other} publishes it) and leave {remote}'s as it is: push neither this clone's tag nor a branch holding its release commit to {remote}; which release of {name} stands is for the two remotes' maintainers to settle (`git ls-remote {r} {}` shows {remote}'s)",
        quote(&format!("refs/tags/{name}"))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The published release is kept, the other remote's left alone, and the one command
    /// named only reads.
    #[test]
    fn both_published_releases_are_kept() {
        let fix = keep_both("other", "origin", "v0.1.0");
        assert!(
            fix.starts_with("keep this clone's v0.1.0 (origin publishes it)"),
            "{fix}"
        );
        assert!(
            !fix.contains("git tag -d") && !fix.contains("reset"),
            "{fix}"
        );
        assert!(
            fix.contains("`git ls-remote other refs/tags/v0.1.0`"),
            "{fix}"
        );
        let quoted = keep_both("my remote", "origin", "v0.1.0");
        assert!(
            quoted.contains("`git ls-remote 'my remote' refs/tags/v0.1.0`"),
            "{quoted}"
        );
    }
}
