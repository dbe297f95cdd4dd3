//! A hand tag on a release commit that has no tag: one `relhook release` made whose tag is gone
//! (deleted, or the release interrupted), or one the user made (version set, section written,
//! committed under the release message). Its own version's tag completes that release; another
//! version's is no new release with nothing to say, but a mistaken one.

use std::cell::RefCell;

use git2::Oid;
use semver::Version;

use crate::config::Config;
use crate::git::Repo;
use crate::release::HalfMade;

/// HEAD's half-made release ([`crate::release::half_made`], which reads up to 50 commits and
/// their changelogs), looked for once for all of one tag's checks, several of which ask: kept
/// with the HEAD it was found at, and looked for again once HEAD is elsewhere.
#[derive(Default)]
pub(super) struct HeadRelease(RefCell<Option<(Oid, Option<HalfMade>)>>);

impl HeadRelease {
    /// [`crate::release::half_made`] with `config`, the one configuration these checks judge by.
    pub(super) fn get(&self, repo: &Repo, config: &Config) -> Option<HalfMade> {
        let head = repo.head()?;
        if let Some((at, half)) = &*self.0.borrow()
            && *at == head
        {
            return half.clone();
        }
        let half = crate::release::half_made(repo, config);
        *self.0.borrow_mut() = Some((head, half.clone()));
        half
    }
}

/// The untagged release whose commit is `commit`, HEAD (not in a monorepo, whose release
/// commits name several tags).
fn at(repo: &Repo, config: &Config, head: &HeadRelease, commit: Oid) -> Option<HalfMade> {
    if config.package.is_some() || !config.packages.is_empty() {
        return None;
    }
    head.get(repo, config)
        .filter(|h| h.at_head && h.commit == commit)
}

/// The refusal of another version's tag on it: not "nothing for the changelog", as the notes
/// are that release's, which lacks its tag.
pub(super) fn next_on_it(
    repo: &Repo,
    config: &Config,
    head: &HeadRelease,
    commit: Oid,
) -> Option<String> {
    let half = at(repo, config, head, commit)?;
    // Its tag is there, on the commit before: `git tag -a` of it would fail as taken.
    if half.misplaced_tag.is_some() {
        return Some(half.describe());
    }
    Some(no_tag(config, &half))
}

/// What a tag of `version` on `commit`, whose changelog has its section, comes to: no release
/// commit is made, and on an untagged release commit of that version it completes it.
pub(super) fn standing(
    repo: &Repo,
    config: &Config,
    head: &HeadRelease,
    commit: Oid,
    version: &Version,
) -> String {
    let id = crate::git::short_id(commit);
    match at(repo, config, head, commit) {
        Some(half) if half.version == *version => format!(
            // Whoever made the commit (relhook or the user by hand): the words hold for both.
            "completes the release of {version}, whose release commit {id} had no tag, so relhook makes no release commit: the tag stays on that commit"
        ),
        _ => {
            let path = &config.changelog.path;
            let heading =
                crate::history::sync::heading_at(repo, commit, path, &version.to_string());
            format!(
                "{} at {id} already has its `{heading}` section, so relhook makes no release commit: the tag stays on that commit",
                path.display(),
            )
        }
    }
}

/// The refusal of a tag `u` of HEAD above an interrupted release, judged before anything
/// else: the version files it bumped would otherwise be named as the problem, and their
/// advice, followed, would leave it half-made for good.
pub(super) fn above_unfinished(
    repo: &Repo,
    config: &Config,
    head: &HeadRelease,
    u: &super::Update,
) -> Option<String> {
    let version = super::version_of(config, &u.tag)?;
    if super::peel(repo, u.new).ok() != repo.head() {
        return None;
    }
    unfinished_below(repo, config, head, &version)
}

/// An interrupted release below the tag (its release commit made, its tag missing or left on
/// the commit before), refused as `relhook release` refuses it: a release made above it would
/// leave it half-made for good, past every later check (they look above the last release).
/// A tag of its own version is judged by `sectionless`.
fn unfinished_below(
    repo: &Repo,
    config: &Config,
    head: &HeadRelease,
    version: &Version,
) -> Option<String> {
    if config.package.is_some() || !config.packages.is_empty() {
        // A monorepo's release commit names its packages' tags: one of this package's missing
        // below is refused; a tag it lacks itself completes it (judged by `sectionless`).
        let root = repo.work_tree()?;
        let half = crate::release::packages::half_made(repo, config, &root)?;
        let package = config.package.as_ref().map(|p| p.name.as_str());
        let ours = |name: &str| package.is_none_or(|p| p == name);
        let below = half
            .released
            .iter()
            .any(|(name, v, tag, made)| ours(name) && !made && v < version && !tag.is_empty());
        return below.then(|| format!("{}, then tag again", half.describe()));
    }
    let Some(half) = head.get(repo, config) else {
        // A release commit amended or rebased after tagging, its tag left on the old one.
        let head = repo.head()?;
        // As `relhook release` judges it: one `--resume` tags again (not a copy of another
        // branch's release, nor another clone's); a tag below it is refused as below.
        let r = crate::release::retag_needed_from(repo, config, head)
            .filter(|r| r.to_resume(repo).is_some())?;
        return (*version > r.version).then(|| {
            format!(
                "below HEAD, the release commit of {} ({}): {}; {}, then tag again",
                r.version,
                crate::git::short_id(r.commit),
                r.problem(),
                r.fix(repo)
            )
        });
    };
    // Its own version's tag is judged by `sectionless`; one below it is refused as below.
    if *version <= half.version {
        return None;
    }
    // On HEAD with its tag gone, the tag that completes it is the way on.
    if half.at_head && half.misplaced_tag.is_none() {
        return Some(no_tag(config, &half));
    }
    Some(format!("{}, then tag again", half.describe()))
}

fn no_tag(config: &Config, half: &HalfMade) -> String {
    format!(
        "HEAD is the release commit of {}, which has no tag: `{}` (or `{}`)",
        half.version,
        config.hand_tag_command(&half.tag),
        crate::resume_advice::command()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::git::testing::{RELEASED, commit_changelog, untagged_release};

    #[test]
    fn head_release_is_looked_for_again_once_head_moves() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        untagged_release(dir);
        let repo = Repo::open(dir).unwrap();
        let config = Config::default();
        let head = HeadRelease::default();
        let release = repo.head().unwrap();
        let half = head
            .get(&repo, &config)
            .expect("the untagged release commit");
        assert!(half.at_head && half.commit == release);
        assert_eq!(head.get(&repo, &config), Some(half.clone()));
        // A commit on top: the release commit is no longer HEAD, and the answer kept for the
        // HEAD before is not given for this one.
        commit_changelog(dir, RELEASED, "fix: b");
        let again = head.get(&repo, &config).expect("still untagged");
        assert!(!again.at_head && again.commit == release);
        assert_eq!(again, crate::release::half_made(&repo, &config).unwrap());
    }
}
