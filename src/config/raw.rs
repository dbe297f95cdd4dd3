//! The configuration file as serde reads it (`Raw*`, every field optional, unknown keys
//! refused), and its resolution into the validated types of `config`: regexes compiled,
//! versions parsed, paths kept inside the repository. Errors carry the byte offset of the
//! faulty value, which `config` turns into a line and column. Single values are checked in
//! `check`, `[commit.rules]` is read in `rules`.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::check::{Argv, first_line, positive, relative_path, version_file, word_list};
use super::{
    ChangelogConfig, ChecksConfig, CommitConfig, Config, Pattern, ReleaseConfig, VersionConfig,
};
use crate::{Error, Result};

/// Reports a fault at a byte offset of the file.
pub(super) type Fault<'a> = &'a dyn Fn(usize, String) -> Error;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub(super) struct RawConfig {
    commit: RawCommit,
    version: RawVersion,
    changelog: RawChangelog,
    release: RawRelease,
    checks: RawChecks,
    packages: BTreeMap<String, Spanned<super::package::RawPackage>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct RawChangelog {
    path: Option<Spanned<String>>,
    accumulate: Option<bool>,
    sections: Option<BTreeMap<String, Spanned<String>>>,
    order: Option<Vec<Spanned<String>>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct RawVersion {
    tag_prefix: Option<Spanned<String>>,
    initial: Option<Spanned<String>>,
    files: Option<Vec<Spanned<RawVersionFile>>>,
    detect: Option<bool>,
    zero_major_breaking_bumps_minor: Option<bool>,
    zero_major_feat_bumps_patch: Option<bool>,
    minor_types: Option<Vec<Spanned<String>>>,
    pre_release_start: Option<Spanned<u64>>,
    floating_tags: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawVersionFile {
    pub(super) path: String,
    pub(super) key: Option<String>,
    pub(super) pattern: Option<String>,
    pub(super) format: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct RawRelease {
    branches: Option<Vec<Spanned<String>>>,
    commit_message: Option<Spanned<String>>,
    sign: Option<bool>,
    allow_lightweight_tags: Option<bool>,
    bump_dependents: Option<bool>,
    channels: Option<BTreeMap<String, Spanned<String>>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct RawChecks {
    test: Option<Spanned<Argv>>,
    require_tested_tags: Option<bool>,
    run_tests_on_push: Option<bool>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct RawCommit {
    types: Option<Spanned<Vec<Spanned<String>>>>,
    scopes: Option<Vec<Spanned<String>>>,
    require_scope: Option<bool>,
    header_max_length: Option<Spanned<usize>>,
    body_max_line_length: Option<Spanned<usize>>,
    footer_max_line_length: Option<Spanned<usize>>,
    ignore: Option<Vec<Spanned<String>>>,
    ignore_merge_commits: Option<bool>,
    fixup_in_hook: Option<bool>,
    fixup_in_check: Option<bool>,
    rules: super::rules::RawRules,
}

/// Resolves a parsed file; `err` turns an offset and a message into the error to return.
pub(super) fn resolve(raw: RawConfig, source: &std::path::Path, err: Fault<'_>) -> Result<Config> {
    let commit = resolve_commit(raw.commit, err)?;
    let mut version = VersionConfig::default();
    if let Some(initial) = &raw.version.initial {
        version.initial = semver::Version::parse(initial.get_ref()).map_err(|e| {
            err(
                initial.span().start,
                format!(
                    "`version.initial`: `{}` is not a SemVer version ({})",
                    initial.get_ref(),
                    crate::history::version::unparsed::why_not(initial.get_ref(), &e)
                ),
            )
        })?;
        // A first release the tags could not carry: 0.0.0 is no release (a hand tag of it is
        // refused), and build metadata is not part of a tag's version.
        let why = if version.initial == semver::Version::new(0, 0, 0) {
            Some("0.0.0 is no release; the first is 0.0.1 or above (0.1.0 when not set)")
        } else if !version.initial.build.is_empty() {
            Some("build metadata (`+...`) is no part of a release's version; leave it out")
        } else {
            None
        };
        if let Some(why) = why {
            return Err(err(
                initial.span().start,
                format!("`version.initial`: `{}`: {why}", initial.get_ref()),
            ));
        }
    }
    if let Some(files) = raw.version.files {
        version.files = Some(
            files
                .into_iter()
                .map(|f| version_file(f, err))
                .collect::<Result<_>>()?,
        );
    }
    version.detect = raw.version.detect.unwrap_or(version.detect);
    version.floating_tags = raw.version.floating_tags.unwrap_or(version.floating_tags);
    version.zero_major_breaking_bumps_minor = raw
        .version
        .zero_major_breaking_bumps_minor
        .unwrap_or(version.zero_major_breaking_bumps_minor);
    version.zero_major_feat_bumps_patch = raw
        .version
        .zero_major_feat_bumps_patch
        .unwrap_or(version.zero_major_feat_bumps_patch);
    if let Some(types) = raw.version.minor_types {
        version.minor_types = word_list("version.minor_types", types, err)?
            .into_iter()
            .map(|t| t.to_lowercase())
            .collect();
    }
    if let Some(start) = raw.version.pre_release_start {
        if *start.get_ref() > 1 {
            return Err(err(
                start.span().start,
                format!(
                    "`version.pre_release_start` must be 0 (rc.0) or 1 (rc.1), not {}",
                    start.get_ref()
                ),
            ));
        }
        version.pre_release_start = *start.get_ref();
    }
    let release = resolve_release(raw.release, err)?;
    let mut commit = commit;
    commit.release_header = super::release_header(&release.commit_message);
    let checks = resolve_checks(raw.checks, err)?;
    if let Some(prefix) = raw.version.tag_prefix {
        if let Some(why) = super::package::bad_tag_prefix(prefix.get_ref()) {
            return Err(err(
                prefix.span().start,
                format!(
                    "`version.tag_prefix`: `{}` cannot start a git tag name: {why}",
                    prefix.get_ref()
                ),
            ));
        }
        version.tag_prefix = prefix.into_inner();
        version.tag_prefix_set = true;
    }
    let changelog = resolve_changelog(raw.changelog, err)?;
    let packages = super::package::resolve(
        raw.packages,
        (&changelog.path, &version.tag_prefix),
        source,
        err,
    )?;
    commit.release_tag_prefixes = packages.iter().map(|p| p.tag.prefix().to_owned()).collect();
    Ok(Config {
        source: Some(source.to_owned()),
        commit,
        version,
        changelog,
        release,
        checks,
        packages,
        package: None,
    })
}

fn resolve_commit(raw: RawCommit, err: Fault<'_>) -> Result<CommitConfig> {
    let mut c = CommitConfig::default();
    if let Some(types) = raw.types {
        if types.get_ref().is_empty() {
            return Err(err(
                types.span().start,
                "`commit.types` must name at least one type".into(),
            ));
        }
        c.types = word_list("commit.types", types.into_inner(), err)?
            .into_iter()
            .map(|t| t.to_lowercase())
            .collect();
    }
    if let Some(scopes) = raw.scopes {
        c.scopes = word_list("commit.scopes", scopes, err)?;
    }
    c.require_scope = raw.require_scope.unwrap_or(c.require_scope);
    c.header_max_length = positive(
        "commit.header_max_length",
        raw.header_max_length,
        c.header_max_length,
        err,
    )?;
    c.body_max_line_length = positive(
        "commit.body_max_line_length",
        raw.body_max_line_length,
        c.body_max_line_length,
        err,
    )?;
    c.footer_max_line_length = positive(
        "commit.footer_max_line_length",
        raw.footer_max_line_length,
        c.footer_max_line_length,
        err,
    )?;
    if let Some(ignore) = raw.ignore {
        c.ignore = ignore
            .into_iter()
            .map(|p| {
                Pattern::new(p.get_ref()).map_err(|e| {
                    err(
                        p.span().start,
                        format!(
                            "`commit.ignore`: invalid regex `{}`: {}",
                            p.get_ref(),
                            first_line(&e.to_string())
                        ),
                    )
                })
            })
            .collect::<Result<_>>()?;
    }
    c.ignore_merge_commits = raw.ignore_merge_commits.unwrap_or(c.ignore_merge_commits);
    c.fixup_in_hook = raw.fixup_in_hook.unwrap_or(c.fixup_in_hook);
    c.fixup_in_check = raw.fixup_in_check.unwrap_or(c.fixup_in_check);
    raw.rules.apply(&mut c.levels);
    Ok(c)
}

fn resolve_release(raw: RawRelease, err: Fault<'_>) -> Result<ReleaseConfig> {
    let mut r = ReleaseConfig::default();
    let branches_set = raw.branches.is_some();
    if let Some(b) = raw.branches {
        // An entry no branch can match (empty, a space) would refuse every release.
        if let Some((at, why)) = (b.iter())
            .find_map(|n| super::branch_name::fault(n.get_ref()).map(|w| (n.span().start, w)))
        {
            return Err(err(at, format!("`release.branches`: {why}")));
        }
        r.branches = b.into_iter().map(Spanned::into_inner).collect();
    }
    if let Some(channels) = raw.channels {
        let stable = branches_set.then_some(r.branches.as_slice());
        r.channels = super::channels::resolve(channels, stable, err)?;
    }
    if let Some(m) = raw.commit_message {
        if !m.get_ref().contains("{version}") || m.get_ref().trim().is_empty() {
            return Err(err(
                m.span().start,
                "`release.commit_message` must contain `{version}`".into(),
            ));
        }
        r.commit_message = m.into_inner();
    }
    r.sign = raw.sign.unwrap_or(r.sign);
    r.allow_lightweight_tags = raw
        .allow_lightweight_tags
        .unwrap_or(r.allow_lightweight_tags);
    r.bump_dependents = raw.bump_dependents.unwrap_or(r.bump_dependents);
    Ok(r)
}

fn resolve_checks(raw: RawChecks, err: Fault<'_>) -> Result<ChecksConfig> {
    let mut c = ChecksConfig::default();
    if let Some(test) = raw.test {
        if test.get_ref().0.first().is_none_or(|p| p.trim().is_empty()) {
            return Err(err(
                test.span().start,
                "`checks.test` is an argv list with the program first, e.g. [\"cargo\", \"test\"]"
                    .into(),
            ));
        }
        if let Some(why) = test.get_ref().nul_fault("checks.test") {
            return Err(err(test.span().start, why));
        }
        c.test = Some(test.into_inner().0);
    }
    c.require_tested_tags = raw.require_tested_tags.unwrap_or(c.require_tested_tags);
    c.run_tests_on_push = raw.run_tests_on_push.unwrap_or(c.run_tests_on_push);
    Ok(c)
}

fn resolve_changelog(raw: RawChangelog, err: Fault<'_>) -> Result<ChangelogConfig> {
    let mut c = ChangelogConfig::default();
    if let Some(path) = raw.path {
        c.path = relative_path("changelog.path", &path, err)?;
    }
    c.accumulate = raw.accumulate.unwrap_or(c.accumulate);
    if let Some(sections) = raw.sections {
        c.sections = BTreeMap::new();
        for (ty, heading) in sections {
            let h = heading.get_ref().trim();
            // The name is written into CHANGELOG.md and shown in messages: a control
            // character (an escape sequence) would be obeyed by the terminal that shows it.
            let control = h.contains(|c: char| c.is_control() && c != '\t');
            if h.is_empty() || control || h.starts_with('#') {
                return Err(err(
                    heading.span().start,
                    format!(
                        "`changelog.sections.{}`: `{}` is not a sub-section name (one line of text without control characters, e.g. \"Added\")",
                        crate::printable::visible(&ty),
                        crate::printable::visible(heading.get_ref())
                    ),
                ));
            }
            c.sections.insert(ty.to_lowercase(), h.to_owned());
        }
    }
    for name in raw.order.unwrap_or_default() {
        let n = name.get_ref().trim();
        let control = n.contains(|c: char| c.is_control() && c != '\t');
        let twice = c.order.iter().any(|o| o.eq_ignore_ascii_case(n));
        if n.is_empty() || control || n.starts_with('#') || twice {
            let why = match twice {
                true => "is listed twice",
                false => {
                    "is not a sub-section name (one line of text without control characters, e.g. \"Added\")"
                }
            };
            return Err(err(
                name.span().start,
                format!(
                    "`changelog.order`: `{}` {why}",
                    crate::printable::visible(name.get_ref())
                ),
            ));
        }
        c.order.push(n.to_owned());
    }
    Ok(c)
}
