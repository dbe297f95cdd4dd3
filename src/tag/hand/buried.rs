//! A release tag left without its section (a hand tag whose hook was interrupted before its
//! release commit, or one made past the hook) with a newer release made above it since: a
//! later hand tag overwrote the hook's marker, so [`super::stranded`] no longer names it, and
//! [`super::sectionless`] looks at the newest tag alone. Left unsaid, doctor found nothing to
//! fix while pre-push refused the tag, and the usual way out (`git tag -d`, then `relhook
//! release` of its version) cannot work above the newer release.

use semver::Version;

use super::needs_section;
use crate::config::Config;
use crate::git::Repo;

/// A release tag below a newer release, on a commit whose changelog exists and lacks its
/// section: its version was never released, and the newer release holds its commits.
#[derive(Debug)]
pub struct Buried {
    /// The tag's name (`v0.1.1`).
    pub tag: String,
    /// Its version.
    pub version: Version,
    /// The commit it is on.
    pub commit: git2::Oid,
    /// The newer release tag above it (`v0.1.2`).
    pub above: String,
}

/// The newer release whose commit is above `commit` (the lowest such version, its section in
/// its changelog: a release made there): a release of `version` made now would be refused as
/// not greater than it. Sections are read before any walk: in a history whose tags have none
/// (made without relhook), no walk is made at all.
pub fn newer_above(
    repo: &Repo,
    config: &Config,
    version: &Version,
    commit: git2::Oid,
) -> Option<String> {
    let mut newer: Vec<_> = repo
        .release_tag_candidates(&config.version.tag_prefix)
        .into_iter()
        .filter(|t| t.version.cmp_precedence(version).is_gt() && t.commit != commit)
        .collect();
    newer.sort_by(|a, b| a.version.cmp_precedence(&b.version));
    newer
        .into_iter()
        .find(|t| {
            !needs_section(repo, config, &t.version, t.commit) && repo.reaches(t.commit, commit)
        })
        .map(|t| t.name)
}

/// [`newer_above`], for a tag of `version` on `commit` whose changelog there lacks its
/// section: a release never made, which a newer one has passed over (deleting the tag is the
/// way out). A tag whose release was made keeps its section, and is never sent to go.
pub fn passed_over(
    repo: &Repo,
    config: &Config,
    version: &Version,
    commit: git2::Oid,
) -> Option<String> {
    needs_section(repo, config, version, commit)
        .then(|| newer_above(repo, config, version, commit))
        .flatten()
}

/// Every [`Buried`] tag HEAD holds: annotated (what the hook acts on), made since `relhook
/// install`, not on any remote-tracking branch (deleting it here is then the whole fix). The
/// tag whose hook the marker says was interrupted is this clone's own, even on a pushed commit
/// or as the newest tag HEAD holds (a newer release fetched above it): pre-push refuses it
/// all the same, and [`super::stranded`] leaves it to this. On HEAD, it is `unfinished`'s.
/// `installed`: whether relhook's hooks are in place here (see [`super::head_tag_where`]).
pub fn buried(repo: &Repo, config: &Config, installed: &dyn Fn() -> bool) -> Vec<Buried> {
    let Some(head) = repo.head() else {
        return Vec::new();
    };
    let prefix = &config.version.tag_prefix;
    // Before relhook adopted this clone, no tag was made past its hook: nothing is read (a
    // repository of hundreds of releases would parse each tag's changelog for nothing).
    if repo.adoption().is_none() && !installed() {
        return Vec::new();
    }
    let Some((latest, _)) = repo.latest_release_tag(head, prefix) else {
        return Vec::new();
    };
    // What reads no history first: annotated, and a changelog there without the section.
    let path = &config.changelog.path;
    let interrupted = super::marker::marked(repo);
    let own = |name: &str| interrupted.as_deref() == Some(name);
    // Tags the install noted as they are go below in any case: dropped before their
    // changelogs are read (hundreds of releases of a long-lived repository each parse one).
    let noted = crate::history::adoption::BeforeInstall::noted(repo);
    let mut found: Vec<_> = repo
        .release_tag_candidates(prefix)
        .into_iter()
        .filter(|t| t.name != latest || (own(&t.name) && t.commit != head))
        .filter(|t| {
            repo.tag_target(&t.name)
                .is_some_and(|o| o != t.commit && !noted.had_tag(&t.name, o))
        })
        .filter(|t| matches!(repo.file_at(t.commit, path), Ok(Some(_))))
        .filter(|t| needs_section(repo, config, &t.version, t.commit))
        .collect();
    if found.is_empty() {
        return Vec::new();
    }
    let published = repo.remote_tracking_commits("*");
    let Ok(before) = crate::history::adoption::BeforeInstall::load(repo, &published) else {
        return Vec::new();
    };
    found.retain(|t| {
        let target = repo.tag_target(&t.name).unwrap_or(t.commit);
        let old = crate::history::adoption::tag_before_install;
        !old(repo, &before, &t.name, target, Some(t.commit))
            && repo.reaches(head, t.commit)
            && (own(&t.name) || !repo.held_by_any(&published, t.commit))
    });
    let mut out: Vec<Buried> = found
        .into_iter()
        .filter_map(|t| {
            let above = newer_above(repo, config, &t.version, t.commit)?;
            Some(Buried {
                tag: t.name,
                version: t.version,
                commit: t.commit,
                above,
            })
        })
        .collect();
    out.sort_by(|a, b| a.version.cmp_precedence(&b.version));
    out
}

/// One line: what is wrong, and why deleting the tag is the whole fix.
pub fn describe_buried(config: &Config, b: &Buried) -> String {
    format!(
        "release tag {} is on {}, whose {} has no `## [{}]` section (a hand tag whose release commit was interrupted, or one made past relhook's hook), and release {} was made above it since: {} was never released and {} holds its commits, so pre-push refuses the tag and no release of {} can be made now; it is not pushed: `git tag -d {}`",
        b.tag,
        crate::git::short_id(b.commit),
        config.changelog.path.display(),
        b.version,
        b.above,
        b.version,
        b.above,
        b.version,
        crate::shellword::quote(&b.tag),
    )
}
