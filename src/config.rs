//! `.relconfig.toml`: the raw file as serde reads it (`RawConfig`), resolved once into the
//! validated `Config` the rest of relhook uses (regexes compiled, limits checked). Errors name
//! the file, line and column. `main`/`cli` loads it once and passes it down; nothing else reads
//! configuration files.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::lint::{Level, Rule};
use crate::version::files::{Locator, VersionFile};
use crate::{Error, Result};

/// The configuration file's name, at the top of the work tree.
pub const FILE_NAME: &str = ".relconfig.toml";

/// The Conventional Commits types allowed when the file names none.
pub const DEFAULT_TYPES: &[&str] = &[
    "feat", "fix", "docs", "style", "refactor", "perf", "test", "build", "ci", "chore", "revert",
];

/// The resolved configuration.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Where it came from (`None`: no file, the defaults).
    pub source: Option<PathBuf>,
    /// The `[commit]` table: the commit message rules.
    pub commit: CommitConfig,
    /// The `[version]` table: how releases are named.
    pub version: VersionConfig,
    /// The `[changelog]` table: where the changelog is and what goes in it.
    pub changelog: ChangelogConfig,
    /// The `[release]` table.
    pub release: ReleaseConfig,
    /// The `[checks]` table.
    pub checks: ChecksConfig,
}

/// `[changelog]`: the Keep a Changelog file relhook maintains.
#[derive(Debug, Clone)]
pub struct ChangelogConfig {
    /// The file, relative to the top of the work tree (checked to stay inside it).
    pub path: PathBuf,
    /// Whether post-commit adds each commit's entry to Unreleased.
    pub accumulate: bool,
    /// Commit type → Keep a Changelog sub-section; types not listed get no entry.
    pub sections: BTreeMap<String, String>,
}

impl ChangelogConfig {
    /// The sub-section for a commit type (`None`: the type gets no entry).
    pub fn section_for(&self, ty: &str) -> Option<&str> {
        self.sections.get(&ty.to_lowercase()).map(String::as_str)
    }
}

impl Default for ChangelogConfig {
    fn default() -> Self {
        let sections = [
            ("feat", "Added"),
            ("fix", "Fixed"),
            ("perf", "Changed"),
            ("revert", "Removed"),
        ];
        ChangelogConfig {
            path: PathBuf::from("CHANGELOG.md"),
            accumulate: true,
            sections: sections
                .iter()
                .map(|(t, s)| (t.to_string(), s.to_string()))
                .collect(),
        }
    }
}

/// `[version]`: how versions are computed, named and written into project files.
#[derive(Debug, Clone)]
pub struct VersionConfig {
    /// What precedes `X.Y.Z` in a release tag (`v` in `v1.2.3`).
    pub tag_prefix: String,
    /// The version when there is no release tag and no version file.
    pub initial: semver::Version,
    /// The files holding the version; `None`: detected (Cargo.toml, package.json, pyproject.toml).
    pub files: Option<Vec<VersionFile>>,
    /// Below 1.0.0, a breaking change bumps the minor version.
    pub zero_major_breaking_bumps_minor: bool,
    /// Below 1.0.0, a feature bumps the patch version.
    pub zero_major_feat_bumps_patch: bool,
}

impl Default for VersionConfig {
    fn default() -> Self {
        VersionConfig {
            tag_prefix: "v".into(),
            initial: semver::Version::new(0, 1, 0),
            files: None,
            zero_major_breaking_bumps_minor: true,
            zero_major_feat_bumps_patch: true,
        }
    }
}

/// `[release]`: what `relhook release` and hand tagging enforce and produce.
#[derive(Debug, Clone)]
pub struct ReleaseConfig {
    /// Branches a release may be made from; empty: any branch.
    pub branches: Vec<String>,
    /// The release commit's message; `{version}` is replaced.
    pub commit_message: String,
    /// Whether tags are signed (as git is configured: gpg, ssh or x509).
    pub sign: bool,
    /// Whether a lightweight release tag made by hand is accepted.
    pub allow_lightweight_tags: bool,
}

impl Default for ReleaseConfig {
    fn default() -> Self {
        ReleaseConfig {
            branches: vec!["main".into(), "master".into()],
            commit_message: "chore(release): {version}".into(),
            sign: false,
            allow_lightweight_tags: false,
        }
    }
}

/// `[checks]`: the tests that must pass before a release leaves the machine.
#[derive(Debug, Clone)]
pub struct ChecksConfig {
    /// The test command as an argv list (never a shell string); `None`: not configured.
    pub test: Option<Vec<String>>,
    /// Whether pre-push refuses a release tag whose tree has no passing test record.
    pub require_tested_tags: bool,
    /// Whether pre-push runs the tests itself for an untested tag.
    pub run_tests_on_push: bool,
}

impl Default for ChecksConfig {
    fn default() -> Self {
        ChecksConfig {
            test: None,
            require_tested_tags: true,
            run_tests_on_push: false,
        }
    }
}

/// `[commit]`: what a commit message must look like.
#[derive(Debug, Clone)]
pub struct CommitConfig {
    /// Allowed types, lowercase.
    pub types: Vec<String>,
    /// Allowed scopes; empty means any scope.
    pub scopes: Vec<String>,
    /// Whether every commit must name a scope.
    pub require_scope: bool,
    /// The longest header allowed, in characters.
    pub header_max_length: usize,
    /// The longest body line allowed by `body-max-line-length`, in characters.
    pub body_max_line_length: usize,
    /// The longest footer line allowed by `footer-max-line-length`, in characters.
    pub footer_max_line_length: usize,
    /// Headers that are not linted at all (merges by default).
    pub ignore: Vec<Pattern>,
    /// Whether `check` skips commits with more than one parent.
    pub ignore_merge_commits: bool,
    /// Whether the commit-msg hook (and `lint`) accept `fixup!`/`squash!`/`amend!`.
    pub fixup_in_hook: bool,
    /// Whether `check` and pre-push accept them (they should be squashed before sharing).
    pub fixup_in_check: bool,
    /// The level of each rule.
    pub levels: Levels,
}

/// A rule's level, indexed by [`Rule`].
#[derive(Debug, Clone)]
pub struct Levels([Level; Rule::ALL.len()]);

impl Levels {
    /// The level of one rule.
    pub fn of(&self, rule: Rule) -> Level {
        self.0[rule as usize]
    }

    /// Sets one rule's level.
    pub fn set(&mut self, rule: Rule, level: Level) {
        self.0[rule as usize] = level;
    }
}

impl Default for Levels {
    fn default() -> Self {
        Levels(Rule::ALL.map(Rule::default_level))
    }
}

/// A header pattern: a plain prefix when the regex is only `^literal`, so that the default
/// configuration compiles no regex on the commit-msg hot path.
#[derive(Debug, Clone)]
pub enum Pattern {
    /// `^` followed by literal text.
    Prefix(String),
    /// Anything else.
    Regex(regex::Regex),
}

impl Pattern {
    /// Compiles `source`, choosing the cheap form when it is a literal prefix.
    pub fn new(source: &str) -> std::result::Result<Self, regex::Error> {
        if let Some(lit) = source.strip_prefix('^') {
            if !lit.is_empty() && !lit.contains(|c: char| r"\.+*?()|[]{}^$".contains(c)) {
                return Ok(Pattern::Prefix(lit.to_owned()));
            }
        }
        regex::Regex::new(source).map(Pattern::Regex)
    }

    /// Whether the header matches.
    pub fn is_match(&self, header: &str) -> bool {
        match self {
            Pattern::Prefix(p) => header.starts_with(p.as_str()),
            Pattern::Regex(r) => r.is_match(header),
        }
    }
}

impl Default for CommitConfig {
    fn default() -> Self {
        CommitConfig {
            types: DEFAULT_TYPES.iter().map(|t| t.to_string()).collect(),
            scopes: Vec::new(),
            require_scope: false,
            header_max_length: 100,
            body_max_line_length: 100,
            footer_max_line_length: 100,
            ignore: vec![Pattern::Prefix("Merge ".into())],
            ignore_merge_commits: true,
            fixup_in_hook: true,
            fixup_in_check: false,
            levels: Levels::default(),
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct RawConfig {
    commit: RawCommit,
    version: RawVersion,
    changelog: RawChangelog,
    release: RawRelease,
    checks: RawChecks,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct RawChangelog {
    path: Option<Spanned<String>>,
    accumulate: Option<bool>,
    sections: Option<BTreeMap<String, Spanned<String>>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct RawVersion {
    tag_prefix: Option<Spanned<String>>,
    initial: Option<Spanned<String>>,
    files: Option<Vec<Spanned<RawVersionFile>>>,
    zero_major_breaking_bumps_minor: Option<bool>,
    zero_major_feat_bumps_patch: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVersionFile {
    path: String,
    key: Option<String>,
    pattern: Option<String>,
    format: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct RawRelease {
    branches: Option<Vec<String>>,
    commit_message: Option<Spanned<String>>,
    sign: Option<bool>,
    allow_lightweight_tags: Option<bool>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct RawChecks {
    test: Option<Spanned<Vec<String>>>,
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
    rules: RawRules,
}

/// `[commit.rules]`: one optional level per rule, keyed by the rule's name.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
struct RawRules {
    empty_message: Option<Level>,
    encoding: Option<Level>,
    header_format: Option<Level>,
    header_whitespace: Option<Level>,
    type_enum: Option<Level>,
    type_case: Option<Level>,
    scope_enum: Option<Level>,
    scope_required: Option<Level>,
    scope_case: Option<Level>,
    description_empty: Option<Level>,
    header_max_length: Option<Level>,
    body_leading_blank: Option<Level>,
    footer_format: Option<Level>,
    breaking_change_format: Option<Level>,
    fixup: Option<Level>,
    subject_case: Option<Level>,
    subject_full_stop: Option<Level>,
    body_max_line_length: Option<Level>,
    footer_max_line_length: Option<Level>,
}

impl RawRules {
    fn apply(&self, levels: &mut Levels) {
        let pairs = [
            (Rule::EmptyMessage, self.empty_message),
            (Rule::Encoding, self.encoding),
            (Rule::HeaderFormat, self.header_format),
            (Rule::HeaderWhitespace, self.header_whitespace),
            (Rule::TypeEnum, self.type_enum),
            (Rule::TypeCase, self.type_case),
            (Rule::ScopeEnum, self.scope_enum),
            (Rule::ScopeRequired, self.scope_required),
            (Rule::ScopeCase, self.scope_case),
            (Rule::DescriptionEmpty, self.description_empty),
            (Rule::HeaderMaxLength, self.header_max_length),
            (Rule::BodyLeadingBlank, self.body_leading_blank),
            (Rule::FooterFormat, self.footer_format),
            (Rule::BreakingChangeFormat, self.breaking_change_format),
            (Rule::Fixup, self.fixup),
            (Rule::SubjectCase, self.subject_case),
            (Rule::SubjectFullStop, self.subject_full_stop),
            (Rule::BodyMaxLineLength, self.body_max_line_length),
            (Rule::FooterMaxLineLength, self.footer_max_line_length),
        ];
        for (rule, level) in pairs {
            if let Some(level) = level {
                levels.set(rule, level);
            }
        }
    }
}

impl Config {
    /// Loads `<root>/.relconfig.toml`, or the defaults when there is none.
    pub fn load(root: &Path) -> Result<Config> {
        Self::load_file(&root.join(FILE_NAME), false)
    }

    /// Loads a named file; `required` makes a missing file an error (for `--config`).
    pub fn load_file(path: &Path, required: bool) -> Result<Config> {
        let bytes = match crate::fsx::read_optional(path)? {
            Some(bytes) => bytes,
            None if required => {
                return Err(Error::io(
                    "read",
                    path,
                    std::io::Error::from(std::io::ErrorKind::NotFound),
                ));
            }
            None => return Ok(Config::default()),
        };
        let text = String::from_utf8(bytes).map_err(|e| {
            let offset = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            config_error(path, &text, offset, "the file is not valid UTF-8".into())
        })?;
        Self::parse(path, &text)
    }

    /// Parses and resolves configuration text; `path` is only used in error messages.
    pub fn parse(path: &Path, text: &str) -> Result<Config> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            config_error(path, text, offset, e.message().trim().to_owned())
        })?;
        let err = |offset: usize, message: String| config_error(path, text, offset, message);
        let commit = resolve_commit(raw.commit, &err)?;
        let mut version = VersionConfig::default();
        if let Some(initial) = &raw.version.initial {
            version.initial = semver::Version::parse(initial.get_ref()).map_err(|e| {
                err(
                    initial.span().start,
                    format!(
                        "`version.initial`: `{}` is not a SemVer version ({e})",
                        initial.get_ref()
                    ),
                )
            })?;
        }
        if let Some(files) = raw.version.files {
            version.files = Some(
                files
                    .into_iter()
                    .map(|f| version_file(f, &err))
                    .collect::<Result<_>>()?,
            );
        }
        version.zero_major_breaking_bumps_minor = raw
            .version
            .zero_major_breaking_bumps_minor
            .unwrap_or(version.zero_major_breaking_bumps_minor);
        version.zero_major_feat_bumps_patch = raw
            .version
            .zero_major_feat_bumps_patch
            .unwrap_or(version.zero_major_feat_bumps_patch);
        let release = resolve_release(raw.release, &err)?;
        let checks = resolve_checks(raw.checks, &err)?;
        if let Some(prefix) = raw.version.tag_prefix {
            if prefix
                .get_ref()
                .contains(|c: char| c.is_whitespace() || "~^:?*[\\".contains(c))
            {
                return Err(err(
                    prefix.span().start,
                    format!(
                        "`version.tag_prefix`: `{}` cannot start a git tag name",
                        prefix.get_ref()
                    ),
                ));
            }
            version.tag_prefix = prefix.into_inner();
        }
        let changelog = resolve_changelog(raw.changelog, &err)?;
        Ok(Config {
            source: Some(path.to_owned()),
            commit,
            version,
            changelog,
            release,
            checks,
        })
    }
}

fn resolve_commit(raw: RawCommit, err: &dyn Fn(usize, String) -> Error) -> Result<CommitConfig> {
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

fn version_file(
    f: Spanned<RawVersionFile>,
    err: &dyn Fn(usize, String) -> Error,
) -> Result<VersionFile> {
    let at = f.span().start;
    let f = f.into_inner();
    let path = relative_path(
        "version.files.path",
        &Spanned::new(at..at, f.path.clone()),
        err,
    )?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let format = f
        .format
        .as_deref()
        .map(str::to_ascii_lowercase)
        .unwrap_or(ext);
    let locator = match (f.key, f.pattern) {
        (Some(_), Some(_)) => {
            return Err(err(
                at,
                format!(
                    "`version.files`: `{}` has both `key` and `pattern`; give one",
                    f.path
                ),
            ));
        }
        (None, None) => {
            return Err(err(
                at,
                format!(
                    "`version.files`: `{}` needs a `key` (TOML or JSON) or a `pattern` with `{{version}}`",
                    f.path
                ),
            ));
        }
        (Some(key), None) => match format.as_str() {
            "toml" | "lock" => Locator::TomlKey(key),
            "json" => Locator::JsonKey(key),
            other => {
                return Err(err(
                    at,
                    format!(
                        "`version.files`: `{}`: `key` works for TOML and JSON files, not `{other}`; use `pattern = '...{{version}}...'` or `format = \"toml\"`",
                        f.path
                    ),
                ));
            }
        },
        (None, Some(pattern)) => {
            if !pattern.contains("{version}") {
                return Err(err(
                    at,
                    format!(
                        "`version.files`: the pattern for `{}` has no `{{version}}` placeholder",
                        f.path
                    ),
                ));
            }
            let probe = pattern.replace("{version}", "(?:x)");
            if let Err(e) = regex::Regex::new(&probe) {
                return Err(err(
                    at,
                    format!(
                        "`version.files`: invalid pattern for `{}`: {}",
                        f.path,
                        first_line(&e.to_string())
                    ),
                ));
            }
            Locator::Pattern(pattern)
        }
    };
    Ok(VersionFile { path, locator })
}

fn resolve_release(raw: RawRelease, err: &dyn Fn(usize, String) -> Error) -> Result<ReleaseConfig> {
    let mut r = ReleaseConfig::default();
    if let Some(b) = raw.branches {
        r.branches = b;
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
    Ok(r)
}

fn resolve_checks(raw: RawChecks, err: &dyn Fn(usize, String) -> Error) -> Result<ChecksConfig> {
    let mut c = ChecksConfig::default();
    if let Some(test) = raw.test {
        if test.get_ref().is_empty() || test.get_ref()[0].trim().is_empty() {
            return Err(err(
                test.span().start,
                "`checks.test` is an argv list with the program first, e.g. [\"cargo\", \"test\"]"
                    .into(),
            ));
        }
        c.test = Some(test.into_inner());
    }
    c.require_tested_tags = raw.require_tested_tags.unwrap_or(c.require_tested_tags);
    c.run_tests_on_push = raw.run_tests_on_push.unwrap_or(c.run_tests_on_push);
    Ok(c)
}

fn resolve_changelog(
    raw: RawChangelog,
    err: &dyn Fn(usize, String) -> Error,
) -> Result<ChangelogConfig> {
    let mut c = ChangelogConfig::default();
    if let Some(path) = raw.path {
        c.path = relative_path("changelog.path", &path, err)?;
    }
    c.accumulate = raw.accumulate.unwrap_or(c.accumulate);
    if let Some(sections) = raw.sections {
        c.sections = BTreeMap::new();
        for (ty, heading) in sections {
            let h = heading.get_ref().trim();
            if h.is_empty() || h.contains(['\n', '\r']) || h.starts_with('#') {
                return Err(err(
                    heading.span().start,
                    format!(
                        "`changelog.sections.{ty}`: `{}` is not a sub-section name (one line of text, e.g. \"Added\")",
                        heading.get_ref()
                    ),
                ));
            }
            c.sections.insert(ty.to_lowercase(), h.to_owned());
        }
    }
    Ok(c)
}

/// A path from the configuration: relative, and never climbing out of the repository.
fn relative_path(
    key: &str,
    value: &Spanned<String>,
    err: &dyn Fn(usize, String) -> Error,
) -> Result<PathBuf> {
    let path = PathBuf::from(value.get_ref());
    let escapes = path
        .components()
        .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
    if value.get_ref().is_empty() || escapes {
        return Err(err(
            value.span().start,
            format!(
                "`{key}`: `{}` must be a relative path inside the repository",
                value.get_ref()
            ),
        ));
    }
    Ok(path)
}

/// A list of type or scope names: non-empty, no whitespace, parentheses or colons.
fn word_list(
    key: &str,
    items: Vec<Spanned<String>>,
    err: &dyn Fn(usize, String) -> Error,
) -> Result<Vec<String>> {
    items
        .into_iter()
        .map(|item| {
            let bad = item.get_ref().is_empty()
                || item
                    .get_ref()
                    .contains(|c: char| c.is_whitespace() || "():!".contains(c));
            if bad {
                Err(err(
                    item.span().start,
                    format!("`{key}`: `{}` is not a valid name (it must be non-empty, without spaces, parentheses, `:` or `!`)", item.get_ref()),
                ))
            } else {
                Ok(item.into_inner())
            }
        })
        .collect()
}

fn positive(
    key: &str,
    value: Option<Spanned<usize>>,
    default: usize,
    err: &dyn Fn(usize, String) -> Error,
) -> Result<usize> {
    match value {
        None => Ok(default),
        Some(v) if *v.get_ref() == 0 => {
            Err(err(v.span().start, format!("`{key}` must be at least 1")))
        }
        Some(v) => Ok(v.into_inner()),
    }
}

fn first_line(s: &str) -> &str {
    s.lines().last().unwrap_or(s).trim()
}

/// Turns a byte offset into a 1-based line and column (in characters).
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

fn config_error(path: &Path, text: &str, offset: usize, message: String) -> Error {
    let (line, column) = line_col(text, offset);
    Error::Config {
        path: path.to_owned(),
        line,
        column,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config> {
        Config::parse(Path::new(".relconfig.toml"), text)
    }

    fn config_err(text: &str) -> (usize, usize, String) {
        match parse(text) {
            Err(Error::Config {
                line,
                column,
                message,
                ..
            }) => (line, column, message),
            other => panic!("expected a config error, got {other:?}"),
        }
    }

    #[test]
    fn empty_file_gives_defaults() {
        let c = parse("").unwrap();
        assert_eq!(c.commit.types.len(), DEFAULT_TYPES.len());
        assert_eq!(c.commit.header_max_length, 100);
        assert!(c.commit.ignore[0].is_match("Merge branch 'x'"));
    }

    #[test]
    fn unknown_key_names_line_and_column() {
        let (line, column, message) = config_err("[commit]\ntypes = [\"feat\"]\nbogus = 1\n");
        assert_eq!((line, column), (3, 1));
        assert!(message.contains("unknown field `bogus`"), "{message}");
    }

    #[test]
    fn wrong_type_is_located() {
        let (line, _, message) = config_err("[commit]\nheader_max_length = \"long\"\n");
        assert_eq!(line, 2);
        assert!(message.contains("invalid type"), "{message}");
    }

    #[test]
    fn bad_toml_is_located() {
        let (line, _, _) = config_err("[commit\n");
        assert_eq!(line, 1);
    }

    #[test]
    fn invalid_regex_is_located() {
        let (line, column, message) =
            config_err("[commit]\nignore = [\n  '^ok',\n  '(unclosed',\n]\n");
        assert_eq!((line, column), (4, 3));
        assert!(message.contains("invalid regex"), "{message}");
    }

    #[test]
    fn rule_levels_and_unknown_rule() {
        let c = parse("[commit.rules]\nsubject-case = \"error\"\ntype-case = \"off\"\n").unwrap();
        assert_eq!(c.commit.levels.of(Rule::SubjectCase), Level::Error);
        assert_eq!(c.commit.levels.of(Rule::TypeCase), Level::Off);
        let (line, _, message) = config_err("[commit.rules]\nno-such-rule = \"error\"\n");
        assert_eq!(line, 2);
        assert!(message.contains("no-such-rule"), "{message}");
        let (_, _, message) = config_err("[commit.rules]\nsubject-case = \"fatal\"\n");
        assert!(message.contains("unknown variant"), "{message}");
    }

    #[test]
    fn bad_names_and_zero_limits_are_refused() {
        assert!(
            config_err("[commit]\ntypes = []\n")
                .2
                .contains("at least one")
        );
        assert!(
            config_err("[commit]\nscopes = [\"a b\"]\n")
                .2
                .contains("not a valid name")
        );
        assert!(
            config_err("[commit]\nheader_max_length = 0\n")
                .2
                .contains("at least 1")
        );
    }

    #[test]
    fn literal_prefix_patterns_compile_no_regex() {
        assert!(matches!(
            Pattern::new("^Merge ").unwrap(),
            Pattern::Prefix(_)
        ));
        assert!(matches!(
            Pattern::new("^Merge .*").unwrap(),
            Pattern::Regex(_)
        ));
        assert!(Pattern::new("WIP$").unwrap().is_match("feat: x WIP"));
    }

    #[test]
    fn changelog_table() {
        let c = parse("[changelog]\npath = \"docs/CHANGES.md\"\naccumulate = false\n[changelog.sections]\nfeat = \"Added\"\nsecurity = \"Security\"\n").unwrap();
        assert_eq!(c.changelog.path, PathBuf::from("docs/CHANGES.md"));
        assert!(!c.changelog.accumulate);
        assert_eq!(c.changelog.section_for("Security"), Some("Security"));
        assert_eq!(
            c.changelog.section_for("fix"),
            None,
            "a sections table replaces the defaults"
        );
        for bad in ["/etc/passwd", "../outside.md", "a/../../b", ""] {
            let (line, _, message) = config_err(&format!("[changelog]\npath = \"{bad}\"\n"));
            assert_eq!(line, 2);
            assert!(message.contains("inside the repository"), "{message}");
        }
        assert!(
            config_err("[changelog.sections]\nfeat = \"\"\n")
                .2
                .contains("not a sub-section")
        );
    }

    #[test]
    fn version_release_checks_tables() {
        let c = parse(
            r#"
[version]
initial = "1.0.0"
files = [
  { path = "Cargo.toml", key = "package.version" },
  { path = "web/package.json", key = "version" },
  { path = "src/pkg/__init__.py", pattern = '__version__ = "{version}"' },
]
zero_major_feat_bumps_patch = false
[release]
branches = ["trunk"]
commit_message = "chore: release {version}"
sign = true
[checks]
test = ["cargo", "test", "--locked"]
run_tests_on_push = true
"#,
        )
        .unwrap();
        let files = c.version.files.unwrap();
        assert_eq!(files[0].locator, Locator::TomlKey("package.version".into()));
        assert_eq!(files[1].locator, Locator::JsonKey("version".into()));
        assert!(matches!(files[2].locator, Locator::Pattern(_)));
        assert_eq!(c.version.initial, semver::Version::new(1, 0, 0));
        assert!(!c.version.zero_major_feat_bumps_patch);
        assert_eq!(c.release.branches, ["trunk"]);
        assert!(c.release.sign);
        assert_eq!(c.checks.test.unwrap(), ["cargo", "test", "--locked"]);
        assert!(c.checks.run_tests_on_push);
        for (bad, needle) in [
            ("[version]\ninitial = \"1.0\"\n", "not a SemVer version"),
            (
                "[version]\nfiles = [{ path = \"a.py\", key = \"x\" }]\n",
                "use `pattern",
            ),
            (
                "[version]\nfiles = [{ path = \"a.py\", pattern = \"x\" }]\n",
                "no `{version}`",
            ),
            (
                "[version]\nfiles = [{ path = \"../a.toml\", key = \"x\" }]\n",
                "inside the repository",
            ),
            (
                "[release]\ncommit_message = \"release\"\n",
                "must contain `{version}`",
            ),
            ("[checks]\ntest = []\n", "argv list"),
            ("[checks]\ntest = \"cargo test\"\n", "invalid type"),
        ] {
            let (_, _, message) = config_err(bad);
            assert!(message.contains(needle), "{bad}: {message}");
        }
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("ab\ncdé f", 8), (2, 5));
        assert_eq!(line_col("x", 99), (1, 2));
    }
}
