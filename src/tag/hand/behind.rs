//! An interrupted hand tag on a branch behind its upstream: its release commit would leave
//! out what the remote has, and the branch could not be pushed without rewriting it, so
//! `relhook release --resume` refuses it as `relhook release` and a hand tag do. A pull
//! leaves the tag below the pulled commits, so the tag goes first and is made again after.

use super::{Update, version_of};
use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;

/// Why the [`super::unfinished`] tag `u` is not finished here, and the way on.
pub struct Behind {
    /// What is wrong, as `relhook release` says it.
    pub what: String,
    /// The commands that drop the tag and pull.
    pub command: String,
    /// The whole fix: the commands, then what to release.
    pub fix: String,
}

/// The branch is behind its upstream (as last fetched) while tag `u` waits for its release
/// commit.
pub fn behind(repo: &Repo, config: &Config, u: &Update) -> Option<Behind> {
    let (up, n) = repo.behind_upstream().filter(|(_, n)| *n > 0)?;
    let command = format!(
        "git tag -d {} && {}",
        crate::shellword::quote(&u.tag),
        crate::release::pull_steps(repo, config, &up)
    );
    let version = version_of(config, &u.tag)?;
    // A release of this version or above there: this one can no longer be made.
    let higher = repo
        .revision_commit(&up)
        .and_then(|c| repo.latest_release_tag(c, &config.version.tag_prefix))
        .filter(|(name, _)| version_of(config, name).is_some_and(|v| v >= version));
    let then = match higher {
        Some((name, _)) => format!(
            "then release above {up}'s {name} (`{}`)",
            config.release_command()
        ),
        None => format!("then tag {} again", u.tag),
    };
    Some(Behind {
        what: format!(
            "the branch is {} behind {up} (as last fetched)",
            crate::commit::report::plural(n, "commit")
        ),
        fix: format!(
            "pull first so the release includes them, dropping {} (a pull leaves it below them): `{command}`, {then}",
            u.tag
        ),
        command,
    })
}

/// Why `relhook release --resume` does not finish the [`super::unfinished`] tag `u` now: its
/// hook is still making the release commit (nothing to resume, only to wait for), or the
/// branch is [`behind`] its upstream (refused as `relhook release` is, with the tag's way on).
pub fn not_resumable(repo: &Repo, config: &Config, u: &Update) -> Option<Refusal> {
    if super::at_work(repo).is_some() {
        let why = super::describe_unfinished(repo, config, u);
        return Some(Refusal::bare(Reason::HandTagUnfinished, why));
    }
    let b = behind(repo, config, u)?;
    Some(Refusal::new(Reason::Behind, b.what, b.fix))
}
