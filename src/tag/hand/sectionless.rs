//! A release tag made past the hook (`RELHOOK_SKIP=1 git tag -a`, or in a clone without
//! relhook) on a commit whose changelog has no section for it: every command took its version
//! for released, so `relhook release` found "nothing to release" and doctor "all is well",
//! while pre-push refused the tag.

use semver::Version;

use super::needs_section;
use crate::config::Config;
use crate::git::Repo;

/// The newest release tag HEAD holds, when it is such a tag: made since `relhook install`,
/// not on any remote-tracking branch, and on a commit whose changelog exists and lacks its
/// section.
pub struct Sectionless {
    /// The tag's name (`v0.2.0`).
    pub tag: String,
    /// Its version.
    pub version: Version,
    /// The commit it is on.
    pub commit: git2::Oid,
}

/// The [`Sectionless`] tag of `config` (the project's or a package's view), if any.
pub fn sectionless(repo: &Repo, config: &Config) -> Option<Sectionless> {
    let head = repo.head()?;
    let prefix = &config.version.tag_prefix;
    let (tag, commit) = repo.latest_release_tag(head, prefix)?;
    let version = Version::parse(tag.strip_prefix(prefix.as_str())?).ok()?;
    // Without `relhook install` here, no tag can be told from history relhook never saw.
    repo.adoption()?;
    // A hand tag whose hook was stopped is `unfinished`'s or `stranded`'s to say.
    let marked = std::fs::read_to_string(repo.git_dir().join(super::marker::MARKER));
    if marked.is_ok_and(|m| m.trim_end() == tag) {
        return None;
    }
    let target = repo.tag_target(&tag)?;
    if !matches!(repo.file_at(commit, &config.changelog.path), Ok(Some(_)))
        || !needs_section(repo, config, &version, commit)
    {
        return None;
    }
    let published = repo.remote_tracking_commits("*");
    if repo.held_by_any(&published, commit) {
        return None;
    }
    let before = crate::history::adoption::BeforeInstall::load(repo, &published).ok()?;
    if crate::history::adoption::tag_before_install(repo, &before, &tag, target, Some(commit)) {
        return None;
    }
    Some(Sectionless {
        tag,
        version,
        commit,
    })
}

/// One line: what is wrong, and the commands that make the release instead.
pub fn describe_sectionless(config: &Config, s: &Sectionless) -> String {
    let tag = crate::shellword::quote(&s.tag);
    format!(
        "release tag {} is on {}, whose {} has no `## [{}]` section (made without relhook's hook: `RELHOOK_SKIP`, or a clone without it), so it is taken for released though its release was never made, and pre-push refuses it; it is not pushed: `git tag -d {tag}`, then `{}`",
        s.tag,
        crate::git::short_id(s.commit),
        config.changelog.path.display(),
        s.version,
        super::release_command(config, &s.version),
    )
}

/// The commands that make the release instead of the tag.
pub fn sectionless_fix(config: &Config, s: &Sectionless) -> String {
    format!(
        "git tag -d {} && {}",
        crate::shellword::quote(&s.tag),
        super::release_command(config, &s.version)
    )
}
