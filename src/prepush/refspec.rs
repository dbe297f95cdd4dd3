//! A release tag pushed from something that is not a tag of this clone
//! (`git push origin HEAD:refs/tags/v0.1.0`): the remote would get a lightweight tag no release
//! stands behind. Said once, with the way to a release, not as a tag of this clone with fixes
//! (`git tag -d`) for a tag that does not exist here. A tag object pushed by its id is the
//! tag of this clone that points at it.

use git2::Oid;

use super::{Kind, Refusal, Update, release_again};
use crate::config::Config;
use crate::git::{ObjectKind, Repo};
use crate::tag::rules::RemoteBranches;

/// The refusal for `u` (pushing `name`) when its source is no local tag; `None` otherwise.
pub(super) fn not_a_tag(
    repo: &Repo,
    config: &Config,
    remote: &str,
    u: &Update,
    name: &str,
    (commit, branches): (Option<Oid>, RemoteBranches<'_>),
) -> Option<Refusal> {
    let local = match u.local_ref.strip_prefix("refs/tags/") {
        Some(local) => Some(local.to_owned()),
        None => tag_of_object(repo, u.local, name),
    };
    // On a channel's branch, the releases named are ones it takes; held by a stable branch
    // of the remote, made there instead, as that branch takes them.
    let there =
        commit.and_then(|c| crate::tag::channel_stable_there(repo, config, branches, c, name));
    let here = crate::release::channel::here(repo, config, Some(name)).filter(|_| there.is_none());
    if let Some(local) = local {
        return (local != name).then(|| {
            renamed(
                (config, here.as_ref(), there.as_ref()),
                remote,
                u,
                name,
                &local,
                commit,
            )
        });
    }
    Some(Refusal {
        kind: Kind::ReleaseTag,
        refs: vec![u.remote_ref.clone()],
        commit,
        subject: format!("release tag {name}"),
        problems: vec![format!(
            "`{}` is pushed as {}: no tag of this clone stands behind it, so {remote} would get a tag with no release (changelog section, version files, notes, test record)",
            u.local_ref, u.remote_ref
        )],
        fix: if u.remote.is_zero() {
            let (on, push) = match &there {
                Some((branch, way)) => (
                    way.clone(),
                    format!(
                        "`git push --follow-tags {} {}`",
                        crate::shellword::quote(remote),
                        crate::shellword::quote(branch)
                    ),
                ),
                None => ("here".to_owned(), push_branch(repo, remote)),
            };
            format!(
                "make the release {on}: {}, then {push}",
                release_again(config, name, here.as_ref()),
            )
        } else {
            // The remote has it: published releases are immutable.
            format!(
                "leave {remote}'s {name} as it is (a published release is never replaced); a new release is `{}`",
                match &here {
                    Some(here) => here.next.0.clone(),
                    None => crate::tag::rules::release_command(config),
                }
            )
        },
    })
}

/// The push that publishes a release made here with its branch: HEAD's branch, named and
/// quoted (`-u` where it has no upstream yet); on a detached HEAD, how to find the branch.
fn push_branch(repo: &Repo, remote: &str) -> String {
    let q = crate::shellword::quote;
    match repo.branch() {
        Some(b) => format!(
            "`git push --follow-tags {}{} {}`",
            super::half::set_upstream(repo, &b),
            q(remote),
            q(&b)
        ),
        None => format!(
            "`git push --follow-tags {} <branch>` with the branch that holds the release (HEAD is detached: `git branch --contains HEAD` lists them)",
            q(remote)
        ),
    }
}

/// The local tag whose tag object `id` is, when it is one (pushed by its id: `git push origin
/// <id>:refs/tags/v0.1.0`): `name` itself when it points there, or else the first such tag.
/// A commit is no tag's own object: pushed as a tag, it is a new lightweight tag.
fn tag_of_object(repo: &Repo, id: Oid, name: &str) -> Option<String> {
    if repo.object_kind(id) != Some(ObjectKind::Tag) {
        return None;
    }
    let names = repo.tags_pointing_at(id);
    let same = names.iter().find(|n| *n == name);
    same.or(names.first()).cloned()
}

/// A tag of this clone pushed under another tag's name (`git push origin v0.1.1:refs/tags/v9.9.9`):
/// the remote would get `name` for the release made as `local`. Held by a stable branch of the
/// remote (`there`: the branch and the way to it), the release is made and pushed on it; one
/// the remote has already stays as it is.
fn renamed(
    (config, here, there): (
        &Config,
        Option<&crate::release::channel::Here>,
        Option<&(String, String)>,
    ),
    remote: &str,
    u: &Update,
    name: &str,
    local: &str,
    commit: Option<Oid>,
) -> Refusal {
    let q = crate::shellword::quote;
    // The remote has `name` already: that release stays, and only the push of `local` is left.
    let fix = if !u.remote.is_zero() {
        format!(
            "push it under its own name (`git push {} {}`); {remote}'s {name} stays as it is",
            q(remote),
            q(local)
        )
    } else {
        format!(
            "push it under its own name (`git push {} {}`); a release {name} is made as itself{}: {}{}",
            q(remote),
            q(local),
            there.map_or(String::new(), |(_, way)| format!(" {way}")),
            release_again(config, name, here),
            there.map_or(String::new(), |(branch, _)| format!(
                ", then `git push --follow-tags {} {}`",
                q(remote),
                q(branch)
            )),
        )
    };
    Refusal {
        kind: Kind::ReleaseTag,
        refs: vec![u.remote_ref.clone()],
        commit,
        subject: format!("release tag {name}"),
        problems: vec![format!(
            "tag {local} of this clone is pushed as {}: {remote} would get {name} for the release made as {local}",
            u.remote_ref
        )],
        fix,
    }
}
