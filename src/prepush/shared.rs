//! A release commit carrying several package tags (a package released with its dependents,
//! or `--all`): the tags stand or go with the commit. A fix that drops the commit deletes them
//! all first, resets once and makes the release that was asked again, which bumps the
//! dependents again; a fix per tag would release one package alone, then drop that release
//! with the next reset (its tag left on a commit no branch holds, its version used up). The
//! refusals of the tags, alike but for the ref, are said once.

use git2::Oid;

use super::Refusal;
use crate::config::Config;
use crate::git::Repo;

/// The release tags of a monorepo release commit that stand on it here: the tags its message
/// names (in the order it names them), each with its package and version; `None` below two.
pub(super) fn tags_on(
    repo: &Repo,
    config: &Config,
    commit: Oid,
) -> Option<Vec<(String, String, semver::Version)>> {
    let message = repo.commit_text(commit)?;
    let named = crate::release::packages::message::tags_named(config, &message)?;
    let tags: Vec<_> = named
        .into_iter()
        .filter(|t| repo.tag_target(t).and_then(|o| repo.peel_to_commit(o)) == Some(commit))
        .filter_map(|t| {
            let (p, v) = crate::history::packages::parse_tag(&config.packages, &t)?;
            let name = p.name.clone();
            Some((t, name, v))
        })
        .collect();
    (tags.len() > 1).then_some(tags)
}

/// The release that makes `tags` (on `commit`) again on `branch`: the packages asked for,
/// without those released only as their dependents (a `**deps:**` entry requiring another of
/// them, made again with it); one package's with its version, as a single tag's redo names
/// it. Of the same kind as the tags ([`kind_again`]).
pub(super) fn release_again(
    repo: &Repo,
    config: &Config,
    (commit, branch): (Oid, Option<&str>),
    tags: &[(String, String, semver::Version)],
) -> String {
    let packages: Vec<&str> = tags.iter().map(|t| t.1.as_str()).collect();
    let follows = |package: &str, version: &semver::Version| {
        let Ok(p) = crate::history::packages::find(config, package) else {
            return false;
        };
        crate::history::sync::deps_required(repo, commit, &p.changelog, &version.to_string())
            .iter()
            .any(|d| d != package && packages.contains(&d.as_str()))
    };
    let mut asked: Vec<_> = tags.iter().filter(|t| !follows(&t.1, &t.2)).collect();
    if asked.is_empty() {
        asked = tags.iter().collect();
    }
    let channel = branch.and_then(|b| config.release.channel(b));
    if let [(_, package, version)] = asked[..] {
        // Its version named: on a channel's branch, a stable one only on purpose.
        let stable = match channel {
            Some(_) if version.pre.is_empty() => " --allow-stable",
            _ => "",
        };
        return format!(
            "{} {version}{stable}",
            crate::resume_advice::release_of(Some(package))
        );
    }
    let names: Vec<String> = asked
        .iter()
        .map(|t| format!("--package {}", crate::shellword::quote(&t.1)))
        .collect();
    let versions: Vec<&semver::Version> = asked.iter().map(|t| &t.2).collect();
    format!(
        "relhook{} release {}{}{}",
        crate::resume_advice::global(),
        names.join(" "),
        crate::resume_advice::release_flags(None),
        kind_again(&versions, channel.map(|c| c.id.as_str()))
    )
}

/// What a release of several packages, their versions unnamed, is told to make `versions`
/// again where the branch's channel makes `own` pre-releases (`None`: no channel): the same
/// identifier's pre-releases (` --pre rc`, unless the branch makes them by itself), or stable
/// ones on purpose (` --allow-stable` on a channel's branch, which refuses them otherwise).
fn kind_again(versions: &[&semver::Version], own: Option<&str>) -> String {
    let ids: Vec<Option<&str>> = (versions.iter())
        .map(|v| crate::release::channel::identifier(v))
        .collect();
    match ids.first() {
        // One release's tags are of one kind; tags of several are left to the commits.
        _ if ids.windows(2).any(|w| w[0] != w[1]) => String::new(),
        Some(Some(id)) if own != Some(*id) => {
            format!(" --pre {}", crate::shellword::quote(id))
        }
        Some(None) if own.is_some() => " --allow-stable".to_owned(),
        _ => String::new(),
    }
}

/// Release tag `name` on `commit` with the other tags of this push (`pushed`: new tags, each
/// with its commit) that the same release commit carries: the names a refusal of it says.
pub(super) fn pushed_with(
    repo: &Repo,
    config: &Config,
    name: &str,
    commit: Oid,
    pushed: &[(String, Oid)],
) -> Vec<String> {
    let Some(tags) = tags_on(repo, config, commit) else {
        return vec![name.to_owned()];
    };
    let on = |t: &str| tags.iter().any(|o| o.0 == t);
    let mut names: Vec<String> = pushed
        .iter()
        .filter(|(t, c)| *c == commit && on(t))
        .map(|(t, _)| t.clone())
        .collect();
    if !names.iter().any(|n| n == name) {
        names = vec![name.to_owned()];
    }
    names
}

/// `names` as a problem says them, with their commit: `a-v1.0.0, a release tag on 1a2b3c4d5`,
/// or `a-v1.0.0 and b-v2.0.0, release tags on 1a2b3c4d5`.
pub(super) fn said(names: &[String], commit: Oid) -> String {
    let at = crate::git::short_id(commit);
    match names {
        [one] => format!("{one}, a release tag on {at}"),
        [rest @ .., last] => format!("{} and {last}, release tags on {at}", rest.join(", ")),
        [] => format!("a release tag on {at}"),
    }
}

/// Refusals alike but for their refs (the tags of one release commit, one fix for all) said
/// once, with every ref.
pub(super) fn merge_alike(refusals: &mut Vec<Refusal>) {
    let mut out: Vec<Refusal> = Vec::with_capacity(refusals.len());
    for r in refusals.drain(..) {
        let alike = out.iter_mut().find(|o| {
            o.kind == r.kind
                && o.commit == r.commit
                && o.subject == r.subject
                && o.problems == r.problems
                && o.fix == r.fix
        });
        match alike {
            Some(o) => o.refs.extend(r.refs),
            None => out.push(r),
        }
    }
    *refusals = out;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prepush::Kind;

    fn refusal(r: &str, fix: &str) -> Refusal {
        Refusal {
            kind: Kind::Stranded,
            refs: vec![r.to_owned()],
            commit: None,
            subject: "release tags a-v1.0.0, b-v2.0.0".to_owned(),
            problems: vec!["p".to_owned()],
            fix: fix.to_owned(),
        }
    }

    /// QA253: several packages' tags made again are of their kind: another line's
    /// pre-releases, or stable ones on a channel's branch on purpose.
    #[test]
    fn several_packages_made_again_keep_their_kind() {
        let v = |s: &str| semver::Version::parse(s).unwrap();
        let (rc, rc2, stable) = (v("2.0.0-rc.1"), v("1.0.1-rc.1"), v("2.0.0"));
        assert_eq!(kind_again(&[&rc, &rc2], Some("beta")), " --pre rc");
        assert_eq!(kind_again(&[&rc, &rc2], None), " --pre rc");
        assert_eq!(kind_again(&[&rc, &rc2], Some("rc")), "");
        assert_eq!(
            kind_again(&[&stable, &stable], Some("beta")),
            " --allow-stable"
        );
        assert_eq!(kind_again(&[&stable, &stable], None), "");
        assert_eq!(kind_again(&[&stable, &rc], Some("beta")), "");
    }

    /// QA51: one refusal for the tags of one release commit, another fix kept apart.
    #[test]
    fn refusals_alike_but_for_their_refs_are_one() {
        let mut all = vec![
            refusal("refs/tags/a-v1.0.0", "x"),
            refusal("refs/tags/c-v1.0.0", "y"),
            refusal("refs/tags/b-v2.0.0", "x"),
        ];
        merge_alike(&mut all);
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].refs, ["refs/tags/a-v1.0.0", "refs/tags/b-v2.0.0"]);
        assert_eq!(all[1].refs, ["refs/tags/c-v1.0.0"]);
    }
}
