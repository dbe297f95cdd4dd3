//! The release tags that matter for a version: the greatest (and greatest stable) release tag
//! reachable from HEAD, and the refusals when history cannot tell (a shallow clone, tags that
//! miss `tag_prefix`).

use std::cmp::Ordering;

use git2::Oid;
use semver::Version;

use crate::config::Config;
use crate::git::{ReleaseTag, Repo};
use crate::{Error, Result};

/// The versions a refusal names, which the release stage tells, asked only when the refusal
/// is made.
pub struct Advise<'a> {
    /// The version to name above the other usual prefix's newest release (given), when the
    /// commits since it call for more than its patch. `None`: its patch.
    pub above: &'a dyn Fn(&Version) -> Option<Version>,
    /// The version a first release under `tag_prefix` starts at: the version files', else
    /// `version.initial` (a release of `version.initial` below the files is refused).
    pub first: &'a dyn Fn() -> Version,
}

/// The release tags that matter, reachable from HEAD.
#[derive(Default)]
pub(crate) struct Tags {
    /// The greatest one.
    pub(crate) latest: Option<ReleaseTag>,
    /// The greatest stable one.
    pub(crate) stable: Option<ReleaseTag>,
}

/// Greatest first, so that usually one or two tags are checked for reachability, however
/// many there are.
pub(crate) fn reachable_tags(repo: &Repo, head: Oid, prefix: &str) -> Tags {
    let mut all = repo.release_tag_candidates(prefix);
    all.sort_by(|a, b| b.version.cmp_precedence(&a.version));
    let mut tags = Tags::default();
    for t in all {
        if tags.latest.as_ref().is_some_and(|l| {
            !t.version.pre.is_empty() && t.version.cmp_precedence(&l.version) != Ordering::Greater
        }) {
            continue;
        }
        if !(t.commit == head || repo.reaches(head, t.commit)) {
            continue;
        }
        let stable = t.version.pre.is_empty();
        if tags.latest.is_none() {
            tags.latest = Some(t.clone());
        }
        if stable {
            tags.stable = Some(t);
            break;
        }
    }
    tags
}

/// The release tags reachable from `head` whose version is below `version`, oldest first, from
/// the greatest stable one (included, when there is one) up: the pre-releases a release of
/// `version` may carry, and the release before them. Asked greatest first, so the history
/// below that stable release is not walked.
pub(crate) fn since_stable(
    repo: &Repo,
    head: Oid,
    prefix: &str,
    version: &Version,
) -> Vec<ReleaseTag> {
    let mut all = repo.release_tag_candidates(prefix);
    all.retain(|t| t.version.cmp_precedence(version).is_lt());
    all.sort_by(|a, b| b.version.cmp_precedence(&a.version));
    let mut out = Vec::new();
    for t in all {
        if t.commit == head || repo.reaches(head, t.commit) {
            let stable = t.version.pre.is_empty();
            out.push(t);
            if stable {
                break;
            }
        }
    }
    out.reverse();
    out
}

/// The greatest release tag reachable from `head` whose version is below `version`, other
/// than `except`; asked greatest first.
pub(crate) fn greatest_below(
    repo: &Repo,
    head: Oid,
    prefix: &str,
    version: &Version,
    except: &str,
) -> Option<ReleaseTag> {
    let mut all = repo.release_tag_candidates(prefix);
    all.retain(|t| t.name != except && t.version.cmp_precedence(version).is_lt());
    all.sort_by(|a, b| b.version.cmp_precedence(&a.version));
    all.into_iter()
        .find(|t| t.commit == head || repo.reaches(head, t.commit))
}

/// The fix for a shallow clone whose history stops before the last release, as `version` and
/// `notes` give it.
pub(crate) const UNSHALLOW_FIX: &str = "run `git fetch --tags --unshallow` (in GitHub Actions: `fetch-depth: 0` on actions/checkout) and ask again";

/// Refuses to answer when the history in this clone cannot tell: a shallow clone whose
/// history stops before the last stable release (or has no tags at all), or release tags
/// that do not start with `tag_prefix`. `named_first`: the first release's version is named
/// (`relhook release 0.1.0`), which answers whether tags under other prefixes are releases.
/// `advise`: the version to name above the other usual prefix's release (see [`Advise`]).
pub(crate) fn check_history(
    repo: &Repo,
    config: &Config,
    tags: &Tags,
    named_first: Option<&Version>,
    advise: &Advise,
) -> Result<()> {
    check_prefix(repo, config, tags, named_first, advise)?;
    let prefix = &config.version.tag_prefix;
    if repo.is_shallow() && tags.stable.is_none() {
        return Err(shallow(
            prefix,
            tags.latest.as_ref().map(|t| t.name.as_str()),
        ));
    }
    if let Some((what, remote)) = tags
        .latest
        .is_none()
        .then(|| tags_not_fetched(repo, prefix, None))
        .flatten()
    {
        return Err(Error::IncompleteHistory {
            message: format!("{what}, so relhook cannot tell the last release"),
            fix: format!("run `git fetch --tags {remote}` and ask again"),
        });
    }
    Ok(())
}

/// A clone made with `--no-tags` and no release tag here (`except`, a tag being made, aside):
/// its releases are upstream's tags, not "nothing released yet". What to say, and the remote
/// whose tags to fetch. Asked by the commands and by a hand tag alike.
pub(crate) fn tags_not_fetched(
    repo: &Repo,
    prefix: &str,
    except: Option<&str>,
) -> Option<(String, String)> {
    let remote = repo.remote_without_tags()?;
    let none =
        (repo.release_tag_candidates(prefix).iter()).all(|t| Some(t.name.as_str()) == except);
    none.then(|| {
        let what = format!(
            "this clone fetches no tags from `{remote}` (`remote.{remote}.tagOpt = --no-tags`, as `git clone --no-tags` sets it) and has no release tag"
        );
        (what, remote)
    })
}

/// The refusal for a shallow clone whose history holds no stable release tag: `pre_release`,
/// the pre-release tag within it, if any. `version`, `release` and `notes` say it alike.
pub(crate) fn shallow(prefix: &str, pre_release: Option<&str>) -> Error {
    let what = match pre_release {
        Some(name) => format!("only the pre-release {name} is within it"),
        None => format!("no release tag `{prefix}X.Y.Z` is within it"),
    };
    Error::IncompleteHistory {
        message: format!(
            "this clone is shallow and {what}, so relhook cannot tell the last release"
        ),
        fix: UNSHALLOW_FIX.into(),
    }
}

pub use super::tag_prefixes::check_tag_prefix;

pub(super) fn check_prefix(
    repo: &Repo,
    config: &Config,
    tags: &Tags,
    named_first: Option<&Version>,
    advise: &Advise,
) -> Result<()> {
    let prefix = &config.version.tag_prefix;
    if let Some(head) = repo.head() {
        if let Some(other) = other_prefix_tag(repo, head, config) {
            let ours_below = tags
                .latest
                .as_ref()
                .is_none_or(|t| other.1.cmp_precedence(&t.version) == Ordering::Greater);
            // A slip of the usual prefix above the releases: its fix leads (see `slip`).
            let slip = (ours_below && tags.latest.is_some())
                .then(|| other_usual_prefixes(config).contains(&other.2.as_str()))
                .filter(|s| *s)
                .and_then(|_| super::slip::Slip::new(repo, &other.0, &other.1));
            if let (Some(s), Some(v)) = (&slip, named_first)
                && s.kept_release(repo, config, v)
            {
                return Ok(());
            }
            // A version named above it goes on under `tag_prefix` (a project moving from `2.0.0`
            // to `v3.0.0`), as a hand tag of it does; one at or below it is refused as such.
            let named_above = named_first.is_some_and(|v| v.cmp_precedence(&other.1).is_gt());
            let patch = super::version::above::next_patch(&other.1);
            let above = || (advise.above)(&other.1).unwrap_or(patch.clone());
            if let Some(v) = named_first.filter(|_| ours_below && !named_above) {
                // `relhook release` alone refuses here (it cannot tell the current version
                // under the former prefix), so the way on names the version itself.
                let above = above();
                let go_on = format!(
                    "to go on under the current prefix: `{} {above}`",
                    config.release_command()
                );
                let conflict = conflict(repo, config, v, true);
                let (what, fix) = match (&slip, conflict) {
                    (Some(s), Some((what, _))) => (
                        what,
                        s.fix(
                            repo,
                            config,
                            Some(v),
                            &super::prefix_ways::other_ways(repo, config, &other, &above),
                        ),
                    ),
                    (_, Some((what, ways))) => (format!("{what}; {ways}"), go_on),
                    (_, None) => (format!("{v} is not above `{}`", other.0), go_on),
                };
                return Err(Error::Refused(crate::error::Refusal::new(
                    crate::error::Reason::NotGreater,
                    what,
                    fix,
                )));
            }
            if let Some((why, edit)) = named_first
                .filter(|_| ours_below && named_above)
                .and_then(|v| lists_again_parts(repo, config, v))
            {
                let reason = crate::error::Reason::Changelog;
                return Err(Error::Refused(match &slip {
                    Some(s) => crate::error::Refusal::new(
                        reason,
                        why,
                        s.fix(repo, config, named_first, &[]),
                    ),
                    None => crate::error::Refusal::bare(reason, format!("{why}; {edit}")),
                }));
            }
            if ours_below && !named_above {
                let above = above();
                // Some tags have the prefix and the newest has not (`v0.9.0`, then `1.0.0`):
                // the mix is what to say, and what the other prefix leaves out.
                let message = match &tags.latest {
                    // Every name starts with "": what differs is the other's prefix.
                    Some(ours) if prefix.is_empty() => format!(
                        "the release tags here are mixed: the newest, `{}`, has the prefix `{}`, while older ones have none (`{}`, as {} says), so relhook cannot tell the current version or which commits are released",
                        other.0,
                        other.2,
                        ours.name,
                        config.tag_prefix_named()
                    ),
                    Some(ours) => format!(
                        "the release tags here are mixed: the newest, `{}`, does not start with {}, while older ones do (`{}`), so relhook cannot tell the current version or which commits are released",
                        other.0,
                        config.tag_prefix_named(),
                        ours.name
                    ),
                    None => format!(
                        "the release tags here do not start with {} (e.g. `{}`), so relhook cannot tell the current version or which commits are released",
                        config.tag_prefix_named(),
                        other.0
                    ),
                };
                let fix = match &slip {
                    Some(s) => s.fix(
                        repo,
                        config,
                        None,
                        &super::prefix_ways::other_ways(repo, config, &other, &above),
                    ),
                    None => format!(
                        "{}; or, {}",
                        super::prefix_ways::set_prefix(config, &other.2, tags.latest.is_some()),
                        super::prefix_ways::name_above(config, &above)
                    ),
                };
                return Err(Error::IncompleteHistory { message, fix });
            }
        }
        // Before the first release under `tag_prefix`, tags under any other prefix
        // (`hatch-v1.18.0`; in a monorepo, leaving out the packages' own) unless the first release
        // is named, which says they are not the project's releases; or a package's tags in
        // another form than its template (`api-1.0.0`).
        // A package's tags named after it are its releases whatever version is named: one
        // at or above that version is refused all the same.
        if tags.latest.is_none() {
            match &config.package {
                None if named_first.is_none() => {
                    super::tag_prefixes::refuse_other_prefixes(repo, head, config, advise.first)?;
                }
                None => {}
                Some(p) => super::tag_prefixes::refuse_other_package_forms(
                    repo,
                    head,
                    (config, p),
                    named_first,
                )?,
            }
        }
    }
    Ok(())
}

/// The commit of the other usual prefix's newest release tag HEAD holds (`1.0.1` where tags
/// are `v…`), when it is above every release tag under `tag_prefix`: a project going on under
/// `tag_prefix` above it (a version named above it) takes it for its last release, so its
/// commits are released. `except`: a tag being made, not counted as `tag_prefix`'s.
pub(crate) fn other_prefix_above(
    repo: &Repo,
    head: Oid,
    config: &Config,
    except: Option<&str>,
) -> Option<Oid> {
    other_prefix_release(repo, head, config, except).map(|(_, _, commit, _)| commit)
}

/// [`other_prefix_above`]'s tag: its name, version, commit and prefix, the release a version
/// named above it follows.
pub(crate) fn other_prefix_release(
    repo: &Repo,
    head: Oid,
    config: &Config,
    except: Option<&str>,
) -> Option<(String, Version, Oid, String)> {
    let prefix = config.version.tag_prefix.as_str();
    let (name, other, other_prefix) = other_prefix_tag(repo, head, config)?;
    let ours = repo.latest_release_tag_except(head, prefix, except);
    let ours = ours.and_then(|(n, _)| Version::parse(n.get(prefix.len()..)?).ok());
    if ours.is_some_and(|v| v.cmp_precedence(&other) != Ordering::Less) {
        return None;
    }
    let commit = repo.peel_to_commit(repo.tag_target(&name)?)?;
    Some((name, other, commit, other_prefix))
}

/// Why a release of `version` above the other usual prefix's newest tag (going on under
/// `tag_prefix`) would list that tag's changes again: see [`super::unsectioned`].
pub fn lists_again(repo: &Repo, config: &Config, version: &Version) -> Option<String> {
    lists_again_parts(repo, config, version).map(|(why, edit)| format!("{why}; {edit}"))
}

/// [`lists_again`]: why, and the section to write.
pub(crate) fn lists_again_parts(
    repo: &Repo,
    config: &Config,
    version: &Version,
) -> Option<(String, String)> {
    let head = repo.head()?;
    let prefix = &config.version.tag_prefix;
    let (name, other, other_prefix) = other_prefix_tag(repo, head, config)?;
    let ours = reachable_tags(repo, head, prefix).latest;
    let ours_below = ours
        .as_ref()
        .is_none_or(|t| other.cmp_precedence(&t.version) == Ordering::Greater);
    if !ours_below || !version.cmp_precedence(&other).is_gt() {
        return None;
    }
    let last = ours.map(|t| t.commit);
    let tag = (name.as_str(), other_prefix.as_str());
    super::unsectioned::shipped_unsectioned(repo, config, tag, &other, last)
}

/// Why a new release tag for `version` at HEAD cannot be judged: a tag under the other usual
/// prefix (`0.1.0` where tag_prefix is `v`) reachable from HEAD and above `version`, the
/// check [`check_history`] makes once the tag exists, made before it does (a hand tag's
/// `prepared`), with what to do. With `equal_too`, a tag of the very version counts (a new
/// release of it would release that version a second time).
pub fn prefix_conflict(
    repo: &Repo,
    config: &Config,
    version: &Version,
    equal_too: bool,
) -> Option<String> {
    conflict(repo, config, version, equal_too).map(|(what, ways)| format!("{what}; {ways}"))
}

/// [`prefix_conflict`]: what is wrong, and the ways on.
pub(crate) fn conflict(
    repo: &Repo,
    config: &Config,
    version: &Version,
    equal_too: bool,
) -> Option<(String, String)> {
    let (name, other, other_prefix) = other_prefix_tag(repo, repo.head()?, config)?;
    let relation = match other.cmp_precedence(version) {
        Ordering::Greater => format!("is above {version}"),
        Ordering::Equal if equal_too => format!("already tags {version}"),
        _ => return None,
    };
    Some((
        format!(
            "`{name}` (a release tag without {}) is in this commit's history and {relation}, so relhook cannot tell which commits {version} releases",
            config.tag_prefix_named(),
        ),
        format!(
            "tag a version above {other}, or set `tag_prefix = {}` under [version] in {} if `{name}` is how this project tags its releases",
            crate::config::toml_text::string(&other_prefix),
            config.file_to_edit()
        ),
    ))
}

/// The usual prefixes (`v` and none) other than `tag_prefix`: those a project's releases were
/// likely tagged under before `tag_prefix` changed (`v0.1.0`, then `release-`), so that its
/// tags read as releases made, not as tags of something else. In a monorepo the `v` tags
/// beside a package's `app-v` ones are the root's, not the package's.
pub(crate) fn other_usual_prefixes(config: &Config) -> &'static [&'static str] {
    match config.version.tag_prefix.as_str() {
        "v" => &[""],
        "" => &["v"],
        _ if config.package.is_none() && config.packages.is_empty() => &["v", ""],
        _ => &[],
    }
}

/// The prefixes other than `tag_prefix` this project's releases were likely tagged under:
/// [`other_usual_prefixes`], then [`configured_before`].
pub(crate) fn former_prefixes(repo: &Repo, config: &Config) -> Vec<String> {
    let usual = other_usual_prefixes(config).iter().map(|p| (*p).to_owned());
    usual.chain(configured_before(repo, config)).collect()
}

/// The prefixes, other than the usual ones, that a release was tagged under while the
/// configuration stored in its commit said so (`tag_prefix = "release-"`, changed since): the
/// project's own former prefix, whatever its form, never a CI's `build-` tags. Each prefix's
/// greatest tag is asked, the 8 greatest prefixes at most; a monorepo's are its packages'.
pub(crate) fn configured_before(repo: &Repo, config: &Config) -> Vec<String> {
    if config.package.is_some() || !config.packages.is_empty() {
        return Vec::new();
    }
    let prefix = config.version.tag_prefix.as_str();
    let usual = other_usual_prefixes(config);
    (repo.greatest_version_suffixed_by_prefix().into_iter())
        .filter(|(p, _)| p != prefix && !usual.contains(&p.as_str()))
        .take(8)
        .filter(|(p, name)| {
            let commit = repo.tag_target(name).and_then(|t| repo.peel_to_commit(t));
            commit.and_then(|c| stored_prefix(repo, c)).as_ref() == Some(p)
        })
        .map(|(p, _)| p)
        .collect()
}

/// The `tag_prefix` of the configuration stored at `commit`, when it configures no packages.
pub(crate) fn stored_prefix(repo: &Repo, commit: Oid) -> Option<String> {
    let file = std::path::Path::new(crate::config::FILE_NAME);
    let stored = repo.file_at(commit, file).ok()??;
    let then = Config::parse(file, &String::from_utf8(stored.bytes).ok()?).ok()?;
    then.packages.is_empty().then_some(then.version.tag_prefix)
}

/// The greatest reachable tag that would be a release tag under another usual prefix (`v`
/// versus none), else under a former `tag_prefix` ([`configured_before`], asked only then):
/// its name, version and that prefix.
pub(crate) fn other_prefix_tag(
    repo: &Repo,
    head: Oid,
    config: &Config,
) -> Option<(String, Version, String)> {
    let greatest = |other: &str| {
        let mut found: Vec<ReleaseTag> = repo
            .release_tag_candidates(other)
            .into_iter()
            .filter(|t| {
                t.name
                    .get(other.len()..)
                    .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
            })
            .collect();
        found.sort_by(|a, b| b.version.cmp_precedence(&a.version));
        let t = (found.into_iter().take(8))
            .find(|t| t.commit == head || repo.reaches(head, t.commit))?;
        Some((t.name, t.version, other.to_owned()))
    };
    if let Some(found) = other_usual_prefixes(config)
        .iter()
        .find_map(|o| greatest(o))
    {
        return Some(found);
    }
    configured_before(repo, config)
        .iter()
        .find_map(|o| greatest(o))
}
