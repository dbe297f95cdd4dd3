//! pre-push's refusals about a release tag as a whole: deleting or moving a published one,
//! and a package's tag whose commit relhook cannot judge.

use git2::Oid;

use super::asked::Asked;
use super::{Kind, Refusal, Update, peel};
use crate::config::Config;
use crate::git::{Repo, short_id};
use crate::tag::rules;

/// Deleting or moving a published release (`v` + SemVer) that the remote has. Tags that only
/// look like releases (`v1.x`) were never releases and may be cleaned up.
pub(super) fn rewrite(
    repo: &Repo,
    config: &Config,
    asked: &Asked<'_>,
    u: &Update,
    name: &str,
) -> Option<Refusal> {
    let remote = asked.shown();
    let version = name.get(config.version.tag_prefix.len()..)?;
    semver::Version::parse(version).ok()?;
    if u.is_delete() {
        return Some(Refusal {
            kind: Kind::Rewrite,
            refs: vec![u.remote_ref.clone()],
            commit: Some(peel(repo, u.remote).unwrap_or(u.remote)),
            subject: format!("deleting release tag {name}"),
            problems: vec![format!(
                "{name} is a published release on {remote}: releases are immutable, and a released version is never deleted or reused"
            )],
            fix: format!(
                "{}; to withdraw {name}, publish a fixed version (`{} patch`) and say so in {}",
                // Deleted here too (a mirror push deletes what this clone lacks): got back.
                if repo.ref_target(&u.remote_ref).is_some() {
                    "keep the tag".to_owned()
                } else {
                    format!(
                        "keep the tag: `git fetch {} tag {}` brings it back here",
                        crate::shellword::quote(remote),
                        crate::shellword::quote(name)
                    )
                },
                rules::release_command(config),
                config.changelog.path.display()
            ),
        });
    }
    if u.remote.is_zero() || u.remote == u.local {
        return None;
    }
    // Said by commit, where git's line shows tag objects: a tag made again on the same commit
    // (another message or tagger) reads as moved when only the two objects are named.
    let (was, now) = (peel(repo, u.remote), peel(repo, u.local));
    if let Some(r) = another_release(repo, config, asked, u, name, (was, now)) {
        return Some(r);
    }
    let problem = match (was, now) {
        (Some(w), Some(n)) if w == n => format!(
            "{remote} already has {name} on commit {}; this push would replace it with another tag object on that same commit (tag object {}, made again: its message or tagger differ): published releases are immutable",
            short_id(w),
            short_id(u.local)
        ),
        (Some(w), Some(n)) => format!(
            "{remote} already has {name} on {}; this push would move it to {}: published releases are immutable",
            short_id(w),
            short_id(n)
        ),
        _ => format!(
            "{remote} already has {name} at {}; this push would replace it with {}: published releases are immutable",
            said_as(repo, u.remote),
            said_as(repo, u.local)
        ),
    };
    Some(Refusal {
        kind: Kind::Rewrite,
        refs: vec![u.remote_ref.clone()],
        commit: now,
        subject: format!("moving release tag {name}"),
        problems: vec![problem],
        fix: restore_fix(repo, config, remote, name, (was, now)),
    })
}

/// The fix for published release tag `name` moved from `was` to `now` here: the published tag
/// restored, and the change released as a new version when the commits the tag was moved over
/// hold one (else `relhook release` would refuse: nothing to release).
fn restore_fix(
    repo: &Repo,
    config: &Config,
    remote: &str,
    name: &str,
    (was, now): (Option<Oid>, Option<Oid>),
) -> String {
    let restore = format!(
        "restore the published tag here (`git fetch --force {} tag {}`)",
        crate::shellword::quote(remote),
        crate::shellword::quote(name)
    );
    // Made again on its commit, or moved over commits with no change: nothing to release.
    match (was, now) {
        (Some(w), Some(n)) if !crate::release::work_since(repo, config, w, n) => {
            format!("{restore}; the commits it was moved over hold no change to release")
        }
        _ => format!(
            "{restore} and release the change as a new version (`{}`)",
            rules::release_command(config)
        ),
    }
}

/// An object id said as what it is (`tag object 1a2b3c4d5 on commit 6e7f8a9b0`, `commit
/// 6e7f8a9b0`, or `1a2b3c4d5 (not in this clone)`), for a message that names tag objects and
/// commits alike: a bare id reads as the commit git's line and the refusal's header show.
pub(super) fn said_as(repo: &Repo, id: Oid) -> String {
    match repo.peel_to_commit(id) {
        Some(c) if c == id => format!("commit {}", short_id(c)),
        Some(c) => format!("tag object {} on commit {}", short_id(id), short_id(c)),
        None => format!("{} (not in this clone)", short_id(id)),
    }
}

/// A push of this clone's release of a version that `remote` has another release of (two
/// clones released it): the local tag is on a release commit of it, and the remote's is on a
/// commit this clone lacks or one on another line. Restoring the remote's tag alone would leave
/// this clone's release commit under it, so the fix takes that commit out too.
fn another_release(
    repo: &Repo,
    config: &Config,
    asked: &Asked<'_>,
    u: &Update,
    name: &str,
    (was, now): (Option<Oid>, Option<Oid>),
) -> Option<Refusal> {
    let now = now?;
    let version = semver::Version::parse(name.get(config.version.tag_prefix.len()..)?).ok()?;
    let path = &config.changelog.path;
    let has = |c: Oid| crate::history::sync::has_section_at(repo, c, path, &version);
    let released_here = has(now) && !repo.first_parent(now).is_some_and(has);
    let apart = was.is_none_or(|w| w != now && !repo.reaches(now, w) && !repo.reaches(w, now));
    if !released_here || !apart {
        return None;
    }
    let theirs = match was {
        Some(w) => format!("on commit {}", short_id(w)),
        None => "on a commit this clone does not have".to_owned(),
    };
    let remote = asked.shown();
    let (published, fix) = super::twin::twin(repo, config, asked, name, now);
    Some(Refusal {
        kind: Kind::Rewrite,
        refs: vec![u.remote_ref.clone()],
        commit: Some(now),
        subject: format!("another release of {name}"),
        problems: vec![format!(
            "{remote} already has {name} {theirs}, another release of that version than this clone's (on commit {}){published}: this push would replace it, and published releases are immutable",
            short_id(now)
        )],
        fix,
    })
}

/// A package's tag on a commit that lacks the package's directory (moved since, and the
/// configuration stored at that commit does not say where it was): relhook cannot judge its
/// changelog, version files or test record there, so it neither passes the tag nor suggests
/// deleting what may be a good release.
pub(super) fn unjudgeable(
    repo: &Repo,
    config: &Config,
    remote: &str,
    u: &Update,
    name: &str,
    commit: Option<Oid>,
) -> Option<Refusal> {
    let package = config.package.as_ref()?;
    let commit = commit?;
    if repo.path_id(commit, &package.path).is_some() {
        return None;
    }
    Some(Refusal {
        kind: Kind::ReleaseTag,
        refs: vec![u.remote_ref.clone()],
        commit: Some(commit),
        subject: format!("release tag {name}"),
        problems: vec![format!(
            "package {}'s directory `{}` is not in the commit {name} tags, and .relconfig.toml there does not say where the package was, so relhook cannot judge this release",
            package.name,
            package.path.display()
        )],
        fix: format!(
            "keep the tag; check its changelog, version files and tests by hand, then push it on purpose: `RELHOOK_SKIP=1 git push {} {}`",
            crate::shellword::quote(remote),
            crate::shellword::quote(&format!("refs/tags/{name}"))
        ),
    })
}
