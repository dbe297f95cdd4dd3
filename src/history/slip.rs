//! The way out of a release tag that slipped the release tags' prefix (`0.1.1` where they are
//! `v0.1.1`): its commit tagged under the prefix where it is that version's release commit,
//! else the tag deleted and its version released under the prefix; one a remote's branch holds
//! (a clone may have fetched it) kept, and its version released beside it. Said alike by pre-push
//! (`prepush::misnamed`) and by `relhook version`, releases and doctor (`tags`), so the
//! advice for one tag is the same wherever it is met.

use git2::Oid;
use semver::Version;

use crate::config::Config;
use crate::git::Repo;

/// `version` as its release names it: a slip with build metadata (`0.1.1+b.1`) is released as
/// its plain version, as neither `relhook release` nor the tag hook takes a version with a
/// build.
pub fn released_as(version: &Version) -> Version {
    Version {
        build: semver::BuildMetadata::EMPTY,
        ..version.clone()
    }
}

/// Where slipped tag `name` (on `target`, a tag object or a commit) is on `version`'s release
/// commit (its changelog holds the version's section): the clause that tags that commit under
/// the prefix instead, as one command.
pub fn retag(
    repo: &Repo,
    config: &Config,
    name: &str,
    target: Oid,
    version: &Version,
) -> Option<String> {
    let version = released_as(version);
    let tag = format!("{}{version}", config.version.tag_prefix);
    let commit = repo
        .peel_to_commit(target)
        .filter(|c| super::sync::has_section_at(repo, *c, &config.changelog.path, &version))?;
    let q = crate::shellword::quote(&tag);
    Some(format!(
        "its commit is {version}'s release commit: tag it under the prefix: `git tag -d {} && git tag -a {q} {} -m {q}`",
        crate::shellword::quote(name),
        crate::git::short_id(commit)
    ))
}

/// The fix for slipped tag `name` (on `target`) that no remote-tracking branch holds (so most
/// likely this clone's own, which deleting undoes): [`retag`], else the tag deleted and
/// `version` released under the prefix, as one command.
pub fn delete_fix(
    repo: &Repo,
    config: &Config,
    name: &str,
    target: Oid,
    version: &Version,
) -> String {
    if let Some(retag) = retag(repo, config, name, target, version) {
        return retag;
    }
    let version = released_as(version);
    format!(
        "delete it and release {}{version} instead: `git tag -d {} && {} {version}`",
        config.version.tag_prefix,
        crate::shellword::quote(name),
        config.release_command()
    )
}

/// Whether tag `name` is on no remote-tracking branch here: no remote's branch holds its
/// commit, so it is most likely this clone's own (a tag pushed alone is the exception, which
/// local refs cannot tell).
pub fn unpublished(repo: &Repo, name: &str) -> Option<Oid> {
    let target = repo.tag_target(name)?;
    let commit = repo.peel_to_commit(target)?;
    (!repo.held_by_any(&repo.remote_tracking_commits("*"), commit)).then_some(target)
}

/// A tag above every release that slipped their prefix (`0.1.1` where releases are `v0.1.0`),
/// as `relhook version`, releases and doctor meet it.
pub(crate) struct Slip<'a> {
    name: &'a str,
    version: &'a Version,
    target: Oid,
    /// A remote's branch holds it: a clone may have fetched it, so it is kept.
    published: bool,
}

impl<'a> Slip<'a> {
    /// `name` (with `version`), when it is a tag.
    pub(crate) fn new(repo: &Repo, name: &'a str, version: &'a Version) -> Option<Slip<'a>> {
        let target = repo.tag_target(name)?;
        let published = unpublished(repo, name).is_none();
        Some(Slip {
            name,
            version,
            target,
            published,
        })
    }

    /// Whether a release of `named` is the slip's version made under the prefix beside a slip a
    /// remote may have, which then makes no mix (the prefix's tag is not below it): let go.
    pub(crate) fn kept_release(&self, repo: &Repo, config: &Config, named: &Version) -> bool {
        self.published
            && named.build.is_empty()
            && named.cmp_precedence(self.version).is_eq()
            && retag(repo, config, self.name, self.target, self.version).is_none()
    }

    /// The way out that works, then `ways` (the others that do): deleting the slip where no
    /// remote's branch holds it (then `named`, the version asked, released), with [`Slip::keep`]
    /// should it have been pushed alone; else keeping it ([`Slip::keep`]).
    pub(crate) fn fix(
        &self,
        repo: &Repo,
        config: &Config,
        named: Option<&Version>,
        ways: &[String],
    ) -> String {
        let (name, target) = (self.name, self.target);
        if !self.published {
            let lead = retag(repo, config, name, target, self.version).unwrap_or_else(|| {
                delete_fix(repo, config, name, target, named.unwrap_or(self.version))
            });
            let rest = match ways.is_empty() {
                true => String::new(),
                false => format!("; if a remote has `{name}` already: {}", ways.join(", or ")),
            };
            // Local refs cannot tell a tag pushed alone, which `git tag -d` leaves on the
            // remote: what deleting does there, and the way that keeps it, are said first, so
            // that the fix for this clone's own tag stays the line's last command.
            return format!(
                "`{name}` is on no remote's branch here (this clone's own, unless it was pushed alone: then `git tag -d` deletes it here only, as the remote keeps it and a fetch brings it back, so keep it, push the branch that holds it and {}), so {lead}{rest}",
                self.keep(repo, config, named)
            );
        }
        let rest = (ways.iter())
            .map(|w| format!("; or, {w}"))
            .collect::<String>();
        format!(
            "a remote's branch holds `{name}`, so keep it (a clone may have fetched it) and {}{rest}",
            self.keep(repo, config, named)
        )
    }

    /// The way on that keeps the slip once a remote's branch holds it: its commit tagged under
    /// the prefix too where it is its version's release commit, else its version released
    /// beside it (a pre-release's, then `named`). Pre-push says it of a slip a branch push
    /// sends to a remote that has it already (pushed alone).
    pub(crate) fn keep(&self, repo: &Repo, config: &Config, named: Option<&Version>) -> String {
        let retagged = retag(repo, config, self.name, self.target, self.version);
        let version = released_as(self.version);
        let tag = format!("{}{version}", config.version.tag_prefix);
        let q = crate::shellword::quote(&tag);
        let release = config.release_command();
        // A pre-release's version is released after it; a stable one's only with changes since.
        let then = named
            .filter(|n| !version.pre.is_empty() && n.cmp_precedence(&version).is_gt())
            .map(|n| format!(" && {release} {n}"))
            .unwrap_or_default();
        match retagged {
            Some(_) => format!(
                "tag its commit, {version}'s release commit, under the prefix too: `git tag -a {q} {} -m {q}`",
                repo.peel_to_commit(self.target)
                    .map(crate::git::short_id)
                    .unwrap_or_default()
            ),
            None => format!("release {tag} beside it: `{release} {version}{then}`"),
        }
    }
}
