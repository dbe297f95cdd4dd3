//! Two clones released one version and the other pushed first: the upstream, as last
//! fetched, holds a release commit of a version whose tag here names this clone's own
//! release commit. Nothing is merged yet, so no check of HEAD's history sees it; but the
//! pull a release behind its upstream asks for fails (`--tags` would clobber the local tag),
//! and without `--tags` it keeps a tag the remote's differs from. This clone's release goes
//! and the remote's tag comes, as README's twin-release fix says.

use git2::Oid;

use super::Twin;
use crate::config::Config;
use crate::git::{Range, Repo, short_id};
use crate::shellword::quote;

/// Commits read on the upstream's side before giving up.
const LOOKED_AT: usize = 500;

/// This clone's unpublished release commit `ours` of the version `tag` names, and the
/// upstream's (`up`, `origin/main`) release commit `theirs` of it.
struct Fetched {
    tag: String,
    ours: Oid,
    theirs: Oid,
    up: String,
}

/// The twin release HEAD's upstream (as last fetched) holds; `None` when it holds none.
pub fn fetched_twin(repo: &Repo, config: &Config) -> Option<Twin> {
    let f = find(repo, config)?;
    let (remote, _) = f.up.split_once('/')?;
    Some(Twin {
        problem: format!(
            "{} (as last fetched) holds {}, another release commit of {} than this clone's {} (tag {}, on no remote): two clones released it, and `{}` would refuse to clobber {}",
            f.up,
            short_id(f.theirs),
            f.tag,
            short_id(f.ours),
            f.tag,
            crate::release::pull_command(&f.up),
            f.tag
        ),
        fix: match adds_nothing(repo, &f) {
            true => steps(repo, &f, remote),
            false => format!(
                "{} && {}",
                steps(repo, &f, remote),
                config.release_command()
            ),
        },
        tag: f.tag,
        by_hand: false,
    })
}

/// The pull that brings in `up` (see [`crate::release::pull_command`]), after the commands
/// that drop this clone's twin release (see [`fetched_twin`]) when there is one: a `--tags`
/// pull would be refused there.
pub fn pull_steps(repo: &Repo, config: &Config, up: &str) -> String {
    let pull = crate::release::pull_command(up);
    match find(repo, config).filter(|f| f.up == up) {
        Some(f) => match up.split_once('/') {
            Some((remote, _)) => steps(repo, &f, remote),
            None => pull,
        },
        None => pull,
    }
}

/// Whether this clone has nothing to release once its twin release commit goes: HEAD is that
/// commit and what it was made on is the upstream's already (a release then would refuse).
fn adds_nothing(repo: &Repo, f: &Fetched) -> bool {
    let Some(tip) = repo.revision_commit(&f.up) else {
        return false;
    };
    repo.head() == Some(f.ours)
        && repo
            .first_parent(f.ours)
            .is_some_and(|p| p == tip || repo.reaches(tip, p))
}

/// This clone's tag and release commit dropped, the remote's tag taken, then the pull.
fn steps(repo: &Repo, f: &Fetched, remote: &str) -> String {
    let (tag, short, r) = (quote(&f.tag), short_id(f.ours), quote(remote));
    let drop = if repo.head() == Some(f.ours) {
        format!("git reset --keep {short}~1")
    } else {
        format!("git rebase --onto {short}~1 {short}")
    };
    format!(
        "git tag -d {tag} && {drop} && git fetch {r} tag {tag} && {}",
        crate::release::pull_command(&f.up)
    )
}

fn find(repo: &Repo, config: &Config) -> Option<Fetched> {
    let head = repo.head()?;
    let (up, _) = repo.behind_upstream().filter(|(_, n)| *n > 0)?;
    let tip = repo.revision_commit(&up)?;
    let prefix = &config.version.tag_prefix;
    let remotes = repo.remote_tracking_commits("*");
    let template = &config.release.commit_message;
    let mut found = None;
    let mut seen = 0;
    let range = Range {
        tips: vec![tip],
        hidden: vec![head],
        single: false,
        describe: String::new(),
    };
    repo.walk(&range, |c| {
        seen += 1;
        let version = (c.parents < 2)
            .then(|| crate::release::resume::version_in_message(template, &c.text()))
            .flatten();
        if let Some(v) = version {
            let tag = format!("{prefix}{v}");
            let ours = repo
                .ref_target(&format!("refs/tags/{tag}"))
                .and_then(|t| repo.peel_to_commit(t));
            // Ours: in HEAD's history, and on no remote (a published one is not taken back).
            if let Some(ours) = ours.filter(|o| {
                *o != c.id
                    && (Some(*o) == repo.head() || repo.reaches(head, *o))
                    && !repo.held_by_any(&remotes, *o)
            }) {
                found = Some(Fetched {
                    tag,
                    ours,
                    theirs: c.id,
                    up: up.clone(),
                });
            }
        }
        found.is_none() && seen < LOOKED_AT
    })
    .ok()?;
    found
}
