//! A release tag made past the hook (`RELHOOK_SKIP=1 git tag -a`, or in a clone without
//! relhook) on a commit whose changelog has no section for it: every command took its version
//! for released, so `relhook release` found "nothing to release" and doctor "all is well",
//! while pre-push refused the tag. Its gate, [`head_tag_where`], serves the tag moved above
//! its release commit too (`tag::later::moved`).

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
    /// The changelog it was judged by, as the configuration stored at `commit` places it.
    pub changelog: std::path::PathBuf,
}

/// The changelog at the top of the work tree, where a package's sections may be kept.
const TOP: &str = "CHANGELOG.md";

/// The [`Sectionless`] tag of `config` (the project's or a package's view), if any.
/// `installed`: whether relhook's hooks are in place here (see [`head_tag_where`]).
pub fn sectionless(
    repo: &Repo,
    config: &Config,
    installed: &dyn Fn() -> bool,
) -> Option<Sectionless> {
    let found = head_tag_where(repo, config, installed, |tag, version, commit| {
        // The package as it was at the tag (`git mv`ed since, its `path` updated): its
        // section is where the configuration stored there puts its changelog.
        let then = repo
            .work_tree()
            .and_then(|root| crate::tag::config_at(repo, config, &root, tag, commit));
        let judged = then.as_ref().unwrap_or(config);
        let path = &judged.changelog.path;
        let made = matches!(repo.file_at(commit, path), Ok(Some(_)));
        // A package's changelog is first written by its first entry: a tag on a commit
        // without it lacks the section all the same, unless the top's changelog has it
        // (release-plz's `changelog_path` layout, which doctor names on its own).
        let unwritten = || {
            config.package.is_some()
                && !crate::history::sync::has_section_at(
                    repo,
                    commit,
                    std::path::Path::new(TOP),
                    version,
                )
        };
        let lacking = (made || unwritten()) && needs_section(repo, judged, version, commit);
        // Its release commit is above it (the tag moved down, or left by an interrupted
        // hand tag): a half-made release, which `relhook release --resume` finishes.
        let above =
            || crate::release::half_made(repo, config).is_some_and(|h| h.version == *version);
        (lacking && !above() && !released_then(repo, tag, version, commit)).then(|| path.clone())
    });
    found.map(|(s, changelog)| Sectionless { changelog, ..s })
}

/// Whether a table of the configuration stored at `commit` names `tag` as its release and
/// has its section in its changelog there: a release made before the package was renamed (its
/// folder moved with it), which deleting the tag would lose.
fn released_then(repo: &Repo, tag: &str, version: &Version, commit: git2::Oid) -> bool {
    crate::history::packages::then::stored(repo, commit).is_some_and(|then| {
        then.packages.iter().any(|p| {
            p.tag.parse(tag).as_ref() == Some(version)
                && crate::history::sync::has_section_at(repo, commit, &p.changelog, version)
        })
    })
}

/// The newest release tag HEAD holds, made past the hook, when `wrong` finds something wrong
/// with it (given the tag, its version and its commit): made since `relhook install` and not
/// on any remote-tracking branch, so that deleting it here is the whole fix. Only where relhook
/// is installed: its adoption note, or (installed in a repository with no commit yet, or over
/// an older relhook, which leave none) `installed`, asked last as it may run git.
pub fn head_tag_where<T>(
    repo: &Repo,
    config: &Config,
    installed: &dyn Fn() -> bool,
    wrong: impl FnOnce(&str, &Version, git2::Oid) -> Option<T>,
) -> Option<(Sectionless, T)> {
    let head = repo.head()?;
    let prefix = &config.version.tag_prefix;
    let (tag, commit) = repo.latest_release_tag(head, prefix)?;
    let version = Version::parse(tag.strip_prefix(prefix.as_str())?).ok()?;
    // A hand tag whose hook was stopped is `unfinished`'s or `stranded`'s to say.
    let marked = std::fs::read_to_string(repo.git_dir().join(super::marker::MARKER));
    if marked.is_ok_and(|m| super::marker::named(&m) == tag) {
        return None;
    }
    let target = repo.tag_target(&tag)?;
    let found = wrong(&tag, &version, commit)?;
    let published = repo.remote_tracking_commits("*");
    if repo.held_by_any(&published, commit) {
        return None;
    }
    // Without `relhook install` here, no tag can be told from history relhook never saw.
    if repo.adoption().is_none() && !installed() {
        return None;
    }
    let before = crate::history::adoption::BeforeInstall::load(repo, &published).ok()?;
    if crate::history::adoption::tag_before_install(repo, &before, &tag, target, Some(commit)) {
        return None;
    }
    let tag = Sectionless {
        tag,
        version,
        commit,
        changelog: config.changelog.path.clone(),
    };
    Some((tag, found))
}

/// One line: what is wrong, and the commands that make the release instead.
pub fn describe_sectionless(config: &Config, s: &Sectionless) -> String {
    let tag = crate::shellword::quote(&s.tag);
    format!(
        "release tag {} is on {}, whose {} has no `## [{}]` section (made past relhook's hook: `RELHOOK_SKIP`, plumbing such as `git update-ref`, or a clone without it), so it is taken for released though its release was never made, and pre-push refuses it; it is not pushed: `git tag -d {tag}`, then `{}`",
        s.tag,
        crate::git::short_id(s.commit),
        s.changelog.display(),
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
