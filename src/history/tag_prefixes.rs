//! Release tags under a prefix other than `tag_prefix` (`hatch-v1.18.0`, changesets'
//! `@changesets/cli@3.0.1`): before the first release under `tag_prefix`, relhook would take
//! all of history for unreleased and propose a first release below them, so it refuses and
//! names the prefixes found. In a monorepo the packages' own tags are theirs, not the
//! root's, and so are those of a package without a table (`old-cli@2.1.1`, gone from the
//! workspace) or of one removed from .relconfig.toml since its release; and a package's tags
//! in another form than its template (cocogitto's `api-1.0.0` beside `api-v{version}`) are
//! named the same way, with the `tag` line that reads them.

use git2::Oid;

use crate::config::{Config, Package};
use crate::git::{ReleaseTag, Repo};
use crate::history::packages::{former, names_package};
use crate::{Error, Result};

/// Refuses when the release tags reachable from HEAD do not start with `tag_prefix` but would
/// under the other usual prefix (`v` versus none): every command that sorts history into
/// releases would otherwise take all of it for unreleased. `named_first` as in
/// [`check_history`](super::tags::check_history); `advise` names the versions to go on with
/// (where the release stage is out of reach, the next patch and `version.initial`).
pub fn check_tag_prefix(
    repo: &Repo,
    config: &Config,
    named_first: Option<&semver::Version>,
    advise: &super::tags::Advise<'_>,
) -> Result<()> {
    let tags = match repo.head() {
        Some(h) => super::tags::reachable_tags(repo, h, &config.version.tag_prefix),
        None => return Ok(()),
    };
    super::tags::check_prefix(repo, config, &tags, named_first, advise)
}

/// How many of a prefix's greatest tags are tried for reachability from HEAD.
const TRIED: usize = 8;

/// Refuses when tags that end in a SemVer version after a prefix other than `prefix` are in
/// `head`'s history: each such prefix with its greatest reachable tag, greatest first.
/// `initial`: the version a first release under `tag_prefix` starts at, named when they are
/// not the project's releases.
pub fn refuse_other_prefixes(
    repo: &Repo,
    head: Oid,
    config: &Config,
    initial: &dyn Fn() -> semver::Version,
) -> Result<()> {
    let prefix = config.version.tag_prefix.as_str();
    // A package's tags, in its template's form or named after it, are the package's.
    let theirs = |p: &str| {
        config
            .packages
            .iter()
            .any(|k| k.tag.prefix() == p || names_package(&k.name, p))
    };
    let mut found = other_prefixes(repo, head, prefix, |p| !theirs(p));
    // Nor are a package's that has no table (gone from the workspace: `old-cli@2.1.1`), nor
    // a removed package's, as the .relconfig.toml committed with its release has it.
    // With no package set up at all, a package of the workspace now (changesets'
    // `@changesets/cli@`) lacks a table because none was written: its tags stay, and are named.
    let workspace = config
        .packages
        .is_empty()
        .then(|| repo.work_tree())
        .flatten();
    // Read once, when first asked: each prefix is checked twice.
    let members = std::cell::OnceCell::new();
    let current = |p: &str| {
        workspace.as_deref().is_some_and(|root| {
            former::in_workspace(members.get_or_init(|| former::member_names(root)), p)
        })
    };
    found.retain(|(p, tag)| {
        (current(p) || !former::a_package_s(repo, p, tag.commit))
            && crate::tag::former_package(repo, config, &tag.name, tag.commit).is_none()
    });
    if !found.is_empty() && found.iter().all(|(p, _)| current(p)) {
        return Err(packages_unset(config, &found));
    }
    let Some((first, tag)) = found.first() else {
        return refuse_two_part_versions(repo, head, config, initial);
    };
    let (message, fix) = if found.len() == 1 {
        (
            format!(
                "the release tags here do not start with {} (e.g. `{}`), so relhook cannot tell the current version or which commits are released",
                config.tag_prefix_named(),
                tag.name
            ),
            format!(
                "set `tag_prefix = {}` under [version] in {}{}",
                crate::config::toml_text::string(first),
                config.file_to_edit(),
                not_releases(config, &initial())
            ),
        )
    } else {
        let shown: Vec<String> = found
            .iter()
            .take(4)
            .map(|(p, t)| format!("{p:?} (`{}`)", t.name))
            .collect();
        let more = if found.len() > 4 { ", …" } else { "" };
        (
            format!(
                "the release tags here do not start with {} but with {} others: {}{more}; so relhook cannot tell the current version or which commits are released",
                config.tag_prefix_named(),
                found.len(),
                shown.join(", ")
            ),
            format!(
                "set `tag_prefix` under [version] in {} to the project's own (e.g. `tag_prefix = {}`); in a monorepo, each `[packages.<name>]` table takes one (`tag = {}`){}",
                config.file_to_edit(),
                crate::config::toml_text::string(first),
                crate::config::toml_text::string(&format!("{first}{{version}}")),
                not_releases(config, &initial())
            ),
        )
    };
    Err(Error::IncompleteHistory { message, fix })
}

/// The refusal for tags that are all the workspace's packages' while no package is set up:
/// relhook would take the repository for one project never released, all of history for its
/// unreleased changes.
fn packages_unset(config: &Config, found: &[(String, ReleaseTag)]) -> Error {
    let (first, tag) = &found[0];
    let others = match found.len() {
        1 => String::new(),
        2 => ", and 1 more package's".to_owned(),
        n => format!(", and {} more packages'", n - 1),
    };
    let tables = match &config.source {
        None => format!(
            "`relhook init` writes {} with a `[packages.<name>]` table for each package",
            crate::config::FILE_NAME
        ),
        Some(_) => format!(
            "add a `[packages.<name>]` table for each package to {} (`path`, and `tag = {}` for {})",
            crate::config::FILE_NAME,
            crate::config::toml_text::string(&format!("{first}{{version}}")),
            first.trim_end_matches('@')
        ),
    };
    Error::IncompleteHistory {
        message: format!(
            "the release tags here are the workspace's packages' (`{}`{others}), none under {}, and no package is set up: relhook cannot tell which commits are released",
            tag.name,
            config.tag_prefix_named()
        ),
        fix: format!("{tables}, released under its own tags"),
    }
}

/// Refuses when a tag ending in a two-part version (`v1.0`, `release-1.0`) is in `head`'s
/// history: the project was likely released before as 1.0, which no release tag says, and a
/// first release from `version.initial` would go below it. The greatest such tag is named.
fn refuse_two_part_versions(
    repo: &Repo,
    head: Oid,
    config: &Config,
    first: &dyn Fn() -> semver::Version,
) -> Result<()> {
    // A release's names only (`v1.0`, `release-1.0`, `1.0`): `ubuntu-22.04` or `py3.8` name
    // something else.
    let release_like = |name: &str| {
        let at = name.rfind(|c: char| !c.is_ascii_digit() && c != '.');
        let prefix = at.map_or(String::new(), |i| {
            name[..i + name[i..].chars().next().map_or(1, char::len_utf8)].to_ascii_lowercase()
        });
        let word = prefix.trim_end_matches(['-', '_', '/', 'v']);
        prefix == config.version.tag_prefix.to_ascii_lowercase()
            || matches!(word, "" | "release" | "version" | "ver" | "rel")
    };
    let mut tags: Vec<_> = repo
        .two_part_version_tags()
        .into_iter()
        .filter(|(name, _, _)| release_like(name))
        .collect();
    tags.sort_by_key(|t| std::cmp::Reverse(t.1));
    let Some((name, (major, minor), _)) = tags
        .iter()
        .take(TRIED)
        .find(|(_, _, commit)| *commit == head || repo.reaches(head, *commit))
    else {
        return Ok(());
    };
    let (above, first) = (semver::Version::new(*major, *minor, 1), first());
    let release = config.release_command();
    let by_hand =
        |v: &semver::Version| config.hand_tag_command(&format!("{}{v}", config.version.tag_prefix));
    let unknown = format!(
        "tag `{name}` in this history names version {major}.{minor}, but not as X.Y.Z, and no release tag exists yet: relhook cannot tell whether {major}.{minor} was released"
    );
    // The version files say more (2.3.0 beside `v1.0`): the first release is above it either
    // way, and a release of the version above it (1.0.1) would be refused as below the files.
    if first.cmp_precedence(&above).is_ge() {
        return Err(Error::IncompleteHistory {
            message: unknown,
            fix: format!(
                "name the first release's version, above it whether or not it was: `{release} {first}` (or `{}`)",
                by_hand(&first)
            ),
        });
    }
    Err(Error::IncompleteHistory {
        message: format!("{unknown}, and a first release of {first} could go below it"),
        fix: format!(
            "if it was a release, name the next version above it: `{release} {above}` (or `{}`); if not, name the first release's version: `{release} {first}`",
            by_hand(&above)
        ),
    })
}

/// The other answer: the tags are not the project's releases (a CI's `build-1.2.3`), said by
/// naming the first release's version, `initial` (the version files' when they say one, which
/// a release never goes below); from then on the project's own tags decide.
fn not_releases(config: &Config, initial: &semver::Version) -> String {
    format!(
        "; or, if they are not this project's releases, name the first release's version: `{} {initial}` (or `{}`)",
        config.release_command(),
        config.hand_tag_command(&format!("{}{initial}", config.version.tag_prefix))
    )
}

/// The prefixes other than `prefix` (and `wanted`) whose tags (ending in a SemVer version) are in `head`'s
/// history, each with its greatest such tag; greatest version first.
fn other_prefixes(
    repo: &Repo,
    head: Oid,
    prefix: &str,
    wanted: impl Fn(&str) -> bool,
) -> Vec<(String, ReleaseTag)> {
    let mut by_prefix: std::collections::BTreeMap<String, Vec<ReleaseTag>> = Default::default();
    for (p, tag) in repo.version_suffixed_tags() {
        if p != prefix && wanted(&p) {
            by_prefix.entry(p).or_default().push(tag);
        }
    }
    let mut out: Vec<(String, ReleaseTag)> = by_prefix
        .into_iter()
        .filter_map(|(p, mut tags)| {
            tags.sort_by(|a, b| b.version.cmp_precedence(&a.version));
            let reachable = tags
                .into_iter()
                .take(TRIED)
                .find(|t| t.commit == head || repo.reaches(head, t.commit))?;
            Some((p, reachable))
        })
        .collect();
    out.sort_by(|a, b| b.1.version.cmp_precedence(&a.1.version));
    out
}

/// Refuses, before a package's first release under its template, when tags named after the
/// package in another form (`api-1.0.0`, `api/v1.0.0`, `api@1.0.0` beside `api-v{version}`)
/// are in `head`'s history: they are its releases, which relhook would otherwise release again
/// from all of history. The error names them and the `tag` line that reads them. A `named`
/// first release above all of them goes past; one at or below them does not (it would
/// release a released version again).
pub fn refuse_other_package_forms(
    repo: &Repo,
    head: Oid,
    (config, package): (&Config, &Package),
    named: Option<&semver::Version>,
) -> Result<()> {
    let own = package.tag.prefix();
    let others = |p: &str| config.packages.iter().any(|k| k.tag.prefix() == p);
    let found = other_prefixes(repo, head, own, |p| {
        names_package(&package.name, p) && !others(p)
    });
    let Some((prefix, tag)) = found.first() else {
        return Ok(());
    };
    // A first release named above them: they are behind it, whatever they are.
    if named.is_some_and(|v| tag.version.cmp_precedence(v) == std::cmp::Ordering::Less) {
        return Ok(());
    }
    let table = crate::config::toml_text::package_table(&package.name);
    let template = crate::config::toml_text::string(&format!("{prefix}{{version}}"));
    let v = &tag.version;
    let above = if v.pre.is_empty() {
        semver::Version::new(v.major, v.minor, v.patch + 1)
    } else {
        semver::Version::new(v.major, v.minor, v.patch)
    };
    Err(Error::IncompleteHistory {
        message: format!(
            "package {}'s release tags here do not follow its tag template {:?} (e.g. `{}`), so relhook cannot tell its current version or which of its commits are released",
            package.name,
            package.tag.template(),
            tag.name
        ),
        fix: format!(
            "set `tag = {template}` in {table} in .relconfig.toml; or, if they are not {}'s releases, name its first release's version, above theirs: `{} {above}`",
            package.name,
            crate::resume_advice::release_of(Some(&package.name))
        ),
    })
}

#[cfg(test)]
mod tests {
    use crate::history::packages::names_package;

    #[test]
    fn prefixes_named_after_a_package() {
        for p in ["api-", "api-v", "api/v", "api@", "api_", "api", "apiv"] {
            assert!(names_package("api", p), "{p}");
        }
        for p in ["apis-", "v", "", "core-api-", "api-x-"] {
            assert!(!names_package("api", p), "{p}");
        }
        assert!(names_package("@acme/web", "@acme/web@"));
        assert!(names_package("@acme/web", "web-v"));
    }
}
