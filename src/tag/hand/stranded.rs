//! A hand tag whose hook was interrupted before the release commit, with commits made on top
//! since: [`super::unfinished`] (the tag on HEAD) no longer applies, and `--resume` cannot
//! make a release commit below HEAD. Left unsaid, the next release took the tag's version for
//! released and shipped its entries under the version after it.

use semver::Version;

use super::marker::MARKER;
use super::needs_section;
use crate::config::Config;
use crate::git::Repo;

/// The tag the hook's marker names, when it is on a commit other than HEAD that lacks its
/// section: its release was never made.
pub struct Stranded {
    /// The tag's name (`v0.1.0`).
    pub tag: String,
    /// Its version.
    pub version: Version,
    /// The commit it is on (not HEAD).
    pub commit: git2::Oid,
    /// The configuration it is a release of: the project's, or in a monorepo its package's
    /// view (whose changelog and release command are the ones to name).
    pub view: Config,
}

/// The [`Stranded`] hand tag, if any. One stat when there is no marker (post-commit asks).
/// From a monorepo's root configuration, a package's tag is found too (and judged by the
/// package's view); from a package's view, only that package's.
pub fn stranded(repo: &Repo, config: &Config) -> Option<Stranded> {
    let text = std::fs::read_to_string(repo.git_dir().join(MARKER)).ok()?;
    let named = super::marker::named(&text);
    let head = repo.head()?;
    let find = |view: &Config| {
        repo.release_tag_candidates(&view.version.tag_prefix)
            .into_iter()
            .find(|t| t.name == named)
    };
    let found = find(config).map(|t| (t, config.clone())).or_else(|| {
        let root = repo.work_tree().filter(|_| config.package.is_none())?;
        config.packages.iter().find_map(|p| {
            let view = crate::history::packages::view(config, &p.name, &root).ok()?;
            find(&view).map(|t| (t, view))
        })
    });
    let (tag, view) = match found {
        Some((t, _)) if t.commit == head => return None, // `unfinished`'s to say
        Some(found) => found,
        None => {
            // Deleted: nothing is left to finish (a package's view cannot tell: another
            // package's tag, which the root's configuration finds).
            if config.package.is_none() {
                super::clear_marker(repo);
            }
            return None;
        }
    };
    // The hook got as far as its release commit (on the tag's commit) before it was stopped:
    // a half-made release, which `relhook release --resume` finishes, commits made on top of
    // it or not (it moves the tag left on the commit before onto it).
    let half = crate::release::half_made(repo, &view);
    let resumable = |h: &crate::release::HalfMade| h.commit == head || h.misplaced_tag.is_some();
    if half.is_some_and(|h| h.version == tag.version && resumable(&h)) {
        return None;
    }
    // Only what the hook acts on: an annotated tag, in a project whose changelog exists.
    repo.tag_target(&tag.name).filter(|t| *t != tag.commit)?;
    let has_changelog = matches!(repo.file_at(tag.commit, &view.changelog.path), Ok(Some(_)));
    if !has_changelog || !needs_section(repo, &view, &tag.version, tag.commit) {
        // Released after all (`relhook release` after `git tag -d`): the marker is stale, and
        // post-commit would read the tags on every commit while it stays.
        if has_changelog {
            super::clear_marker(repo);
        }
        return None;
    }
    // A release made above it since: `relhook release` of its version cannot follow, and
    // `buried` names the way out.
    if super::buried::newer_above(repo, &view, &tag.version, tag.commit).is_some() {
        return None;
    }
    Some(Stranded {
        tag: tag.name,
        version: tag.version,
        commit: tag.commit,
        view,
    })
}

/// One line: what is wrong, and the commands that make the release from HEAD instead.
pub fn describe_stranded(s: &Stranded) -> String {
    let config = &s.view;
    let release = super::release_command(config, &s.version);
    format!(
        "tag {} is on {}, whose {} has no section for it (a hand tag whose release commit was interrupted), and commits were made after it, so it cannot be finished there; `git tag -d {}`, then `{release}` makes the release from HEAD",
        s.tag,
        crate::git::short_id(s.commit),
        config.changelog.path.display(),
        s.tag,
    )
}
