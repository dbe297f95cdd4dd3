//! `.relconfig.toml`: the raw file as serde reads it (`RawConfig`), resolved once into the
//! validated `Config` the rest of relhook uses (regexes compiled, limits checked). Errors name
//! the file, line and column. `main`/`cli` loads it once and passes it down; nothing else reads
//! configuration files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

mod branch_name;
mod channels;
mod check;
pub mod cliff;
mod commands;
mod key_parts;
mod linked;
mod package;
mod parsed;
mod quick;
mod raw;
mod rules;
pub mod toml_text;

pub use branch_name::matches as branch_matches;
pub use channels::Channel;
pub use package::{Package, TagTemplate, bad_package_name, prefixes_clash};
pub use parsed::parses;

use crate::commit::vocab::{Level, Rule};
use crate::history::version::files::VersionFile;
use crate::{Error, Result};

/// The configuration file's name, at the top of the work tree.
pub const FILE_NAME: &str = ".relconfig.toml";

pub use crate::commit::vocab::DEFAULT_TYPES;

/// The resolved configuration.
#[derive(Debug, Clone, PartialEq, Default)]
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
    /// The `[packages.*]` tables, in name order (empty: not a monorepo, everything as before).
    pub packages: Vec<Package>,
    /// Set in the view of one package (`crate::history::packages::view`): history is read for that
    /// package's commits only, and `changelog`, `version` and `checks` are the package's.
    pub package: Option<Package>,
}

/// `[changelog]`: the Keep a Changelog file relhook maintains.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangelogConfig {
    /// The file, relative to the top of the work tree (checked to stay inside it).
    pub path: PathBuf,
    /// Whether post-commit adds each commit's entry to Unreleased.
    pub accumulate: bool,
    /// Commit type → Keep a Changelog sub-section; types not listed get no entry.
    pub sections: BTreeMap<String, String>,
    /// `order`: the sub-section names in the order a release lists them; names not listed
    /// come after, in Keep a Changelog's order (or the file's vocabulary's). Empty: no order
    /// of the project's own.
    pub order: Vec<String>,
    /// The `commit_parsers` of the project's git-cliff configuration, which decide a commit's
    /// sub-section (or that it has no entry) before `sections` does; set by the command line
    /// from the work tree's `cliff.toml` (`None`: there is none, or it has no parsers).
    pub cliff: Option<std::sync::Arc<cliff::Cliff>>,
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
            sections: BTreeMap::from(sections.map(|(t, s)| (t.to_owned(), s.to_owned()))),
            order: Vec::new(),
            cliff: None,
        }
    }
}

/// `[version]`: how versions are computed, named and written into project files.
#[derive(Debug, Clone, PartialEq)]
pub struct VersionConfig {
    /// What precedes `X.Y.Z` in a release tag (`v` in `v1.2.3`).
    pub tag_prefix: String,
    /// The version when there is no release tag and no version file.
    pub initial: semver::Version,
    /// Version files added to the detected ones (`None`: none configured).
    pub files: Option<Vec<VersionFile>>,
    /// Whether version files are detected (manifests, lock files, `__version__`, the runbook's
    /// places); `false` leaves only `files`.
    pub detect: bool,
    /// Below 1.0.0, a breaking change bumps the minor version.
    pub zero_major_breaking_bumps_minor: bool,
    /// Below 1.0.0, a feature bumps the patch version.
    pub zero_major_feat_bumps_patch: bool,
    /// The commit types that bump the minor version, as `feat` does (lowercase); any other
    /// bumps the patch version. cocogitto's `bump_minor` types come here.
    pub minor_types: Vec<String>,
    /// The number of a line's first pre-release: 1 gives `rc.1` (the default), 0 gives `rc.0`.
    pub pre_release_start: u64,
    /// Whether `tag_prefix` + `N` and `tag_prefix` + `N.M` (`v1`, `v1.2`: the floating tags
    /// GitHub Actions are published under) are tags of their own, not release tags: made and
    /// moved freely, and left out of every version computation.
    pub floating_tags: bool,
    /// Whether the file sets `tag_prefix` (`false`: the default is in force), for messages
    /// that say where it comes from.
    pub tag_prefix_set: bool,
}

impl Default for VersionConfig {
    fn default() -> Self {
        VersionConfig {
            tag_prefix: "v".into(),
            initial: semver::Version::new(0, 1, 0),
            files: None,
            detect: true,
            zero_major_breaking_bumps_minor: true,
            zero_major_feat_bumps_patch: true,
            minor_types: vec!["feat".into()],
            pre_release_start: 1,
            floating_tags: false,
            tag_prefix_set: false,
        }
    }
}

/// `[release]`: what `relhook release` and hand tagging enforce and produce.
#[derive(Debug, Clone, PartialEq)]
pub struct ReleaseConfig {
    /// Branches a release may be made from (`*` matches within one path component); empty: any.
    pub branches: Vec<String>,
    /// The release commit's message; `{version}` is replaced.
    pub commit_message: String,
    /// Whether tags are signed (as git is configured: gpg, ssh or x509).
    pub sign: bool,
    /// Whether a lightweight release tag made by hand is accepted.
    pub allow_lightweight_tags: bool,
    /// In a monorepo, whether releasing a package also updates the requirement on it of the
    /// packages that depend on it (Cargo, npm) and gives each dependent whose requirement
    /// changed a patch release saying why.
    pub bump_dependents: bool,
    /// `channels`: the branches that make pre-releases, and the identifier of each, in name
    /// order (empty: none).
    pub channels: Vec<Channel>,
}

impl ReleaseConfig {
    /// The channel `branch` makes pre-releases of (`[release] channels`), if any.
    pub fn channel(&self, branch: &str) -> Option<&Channel> {
        channels::of(&self.channels, branch)
    }
}

impl Default for ReleaseConfig {
    fn default() -> Self {
        ReleaseConfig {
            branches: vec!["main".into(), "master".into()],
            commit_message: "chore(release): {version}".into(),
            sign: false,
            allow_lightweight_tags: false,
            bump_dependents: true,
            channels: Vec::new(),
        }
    }
}

/// `[checks]`: the tests that must pass before a release leaves the machine.
#[derive(Debug, Clone, PartialEq)]
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
#[derive(Debug, Clone, PartialEq)]
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
    /// Whether merge commits pass: commit-msg, `check` and pre-push skip them.
    pub ignore_merge_commits: bool,
    /// Whether the commit-msg hook (and `lint`) accept `fixup!`/`squash!`/`amend!`.
    pub fixup_in_hook: bool,
    /// Whether `check` and pre-push accept them (they should be squashed before sharing).
    pub fixup_in_check: bool,
    /// The level of each rule.
    pub levels: Levels,
    /// The header of relhook's own release commits (`release.commit_message`'s first line) as
    /// the text before and after `{version}`: such a header is relhook's, and passes
    /// `type-enum` and `scope-enum` whatever they list (`chore(release): 1.2.0` in a project
    /// whose scopes are `api` and `ui`).
    pub release_header: Option<(String, String)>,
    /// The tag prefixes of the monorepo's packages (`api-v`, `@acme/web@`): the release
    /// commit of `release --all` names their tags, joined by `, ` (`chore(release): api-v1.2.0,
    /// web-v0.3.1`), and is relhook's as much as a one-version one.
    pub release_tag_prefixes: Vec<String>,
}

impl CommitConfig {
    /// Whether `header` is relhook's own release commit's, as `release.commit_message` makes
    /// it: the template around one version-like word (`1.2.0`, `api-v1.2.0-rc.1`), or around
    /// package release tags joined by `, ` (`release --all`: `a-v1.0.0, @acme/web@2.3.1`).
    pub fn is_release_header(&self, header: &str) -> bool {
        let Some((before, after)) = &self.release_header else {
            return false;
        };
        let Some(middle) = header
            .strip_prefix(before.as_str())
            .and_then(|rest| rest.strip_suffix(after.as_str()))
        else {
            return false;
        };
        let version_like = |v: &str| {
            v.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
                && v.chars().any(|c| c.is_ascii_digit())
                && !v.contains(char::is_whitespace)
        };
        let package_tag = |t: &str| {
            self.release_tag_prefixes.iter().any(|p| {
                t.strip_prefix(p.as_str())
                    .is_some_and(|v| semver::Version::parse(v).is_ok())
            })
        };
        version_like(middle) || middle.split(", ").all(package_tag)
    }
}

/// A rule's level, indexed by [`Rule`].
#[derive(Debug, Clone, PartialEq)]
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

// Two patterns are the same setting when they are written the same.
impl PartialEq for Pattern {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Pattern::Prefix(a), Pattern::Prefix(b)) => a == b,
            (Pattern::Regex(a), Pattern::Regex(b)) => a.as_str() == b.as_str(),
            _ => false,
        }
    }
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

/// [`CommitConfig::release_header`] from `release.commit_message`.
pub(crate) fn release_header(template: &str) -> Option<(String, String)> {
    let header = template.lines().next()?;
    let (before, after) = header.split_once("{version}")?;
    Some((before.to_owned(), after.to_owned()))
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
            release_header: release_header(&ReleaseConfig::default().commit_message),
            release_tag_prefixes: Vec::new(),
        }
    }
}

impl Config {
    /// `tag_prefix` as a message names it: `tag_prefix "v"` when the file sets it, else `the
    /// default tag_prefix "v"` (no file claims a setting nobody made).
    pub fn tag_prefix_named(&self) -> String {
        let prefix = &self.version.tag_prefix;
        match self.version.tag_prefix_set {
            true => format!("tag_prefix {prefix:?}"),
            false => format!("the default tag_prefix {prefix:?}"),
        }
    }

    /// Where `tag_prefix` comes from: `` `tag_prefix = "v"` in .relconfig.toml ``, or the
    /// default, with no file or one that does not set it.
    pub fn tag_prefix_origin(&self) -> String {
        let prefix = toml_text::string(&self.version.tag_prefix);
        match (self.version.tag_prefix_set, &self.source) {
            (true, _) => format!("`tag_prefix = {prefix}` in {FILE_NAME}"),
            (false, Some(_)) => {
                format!("the default `tag_prefix = {prefix}`: {FILE_NAME} does not set it")
            }
            (false, None) => {
                format!("the default `tag_prefix = {prefix}`: there is no {FILE_NAME}")
            }
        }
    }

    /// The file a message says to set a key in: `.relconfig.toml`, with the command that
    /// writes it when there is none yet.
    pub fn file_to_edit(&self) -> String {
        match &self.source {
            Some(_) => FILE_NAME.to_owned(),
            None => format!("{FILE_NAME} (there is none yet: `relhook init` writes it)"),
        }
    }

    /// Loads `<root>/.relconfig.toml`, or the defaults when there is none; a link to a file
    /// outside `root` is refused.
    pub fn load(root: &Path) -> Result<Config> {
        Self::refuse_link(root)?;
        Self::load_file(&root.join(FILE_NAME), false)
    }

    /// Refuses `<root>/.relconfig.toml` when it is a link [`Config::load`] does not follow
    /// (outside the repository, into its git directory, to no file), as `load` says it.
    pub fn refuse_link(root: &Path) -> Result<()> {
        let path = root.join(FILE_NAME);
        linked::refuse_outside(root, &path)?;
        linked::refuse_broken(&path)
    }

    /// Loads a named file; `required` makes a missing file an error (for `--config`).
    pub fn load_file(path: &Path, required: bool) -> Result<Config> {
        // Said as what it is: the generic refusal points at settings that name files.
        if let Ok(meta) = std::fs::metadata(path)
            && !meta.is_file()
        {
            return Err(Error::ConfigNotAFile {
                path: path.to_owned(),
                directory: meta.is_dir(),
                named: required,
            });
        }
        let bytes = match crate::fsx::read_regular_optional(path)? {
            Some(bytes) => bytes,
            None if required => {
                return Err(Error::io(
                    "read",
                    path,
                    std::io::Error::from(std::io::ErrorKind::NotFound),
                ));
            }
            // A link to nothing, gone since `load` looked: as `load` says it.
            None if !required => {
                linked::refuse_broken(path)?;
                return Ok(Config::default());
            }
            None => return Ok(Config::default()),
        };
        let text = String::from_utf8(bytes).map_err(|e| {
            let offset = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            config_error(path, &text, offset, "the file is not valid UTF-8".into())
        })?;
        let config = Self::parse(path, &text)?;
        check::outside_git_dir(&config, path, &text)?;
        Ok(config)
    }

    /// Parses and resolves configuration text; `path` is only used in error messages. A file
    /// of plain tables, keys, strings, numbers and arrays is read by a reader made for the
    /// hooks (see `quick`); anything else, and every error, by toml.
    ///
    /// The text parsed last is not parsed again (see `parsed`): a hook reads the work tree's
    /// file, then the same file as commits store it.
    pub fn parse(path: &Path, text: &str) -> Result<Config> {
        if let Some(config) = parsed::again(path, text) {
            return Ok(config);
        }
        let config = parsed::anew(path, text)?;
        parsed::remember(text, &config);
        Ok(config)
    }

    /// Where this view's test command is set, as a hint names it: a package's own `test`
    /// key (`[packages."@x/a"] test`, which overrides `[checks] test` for that package, and
    /// the place for one when neither is set), else `[checks] test`.
    pub fn test_key(&self) -> String {
        match &self.package {
            Some(p) if p.test.is_some() || self.checks.test.is_none() => {
                format!("{} test", toml_text::package_table(&p.name))
            }
            _ => "[checks] test".to_owned(),
        }
    }

    /// [`Config::parse`] through toml alone.
    fn parse_full(path: &Path, text: &str) -> Result<Config> {
        let raw: raw::RawConfig = toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            let message = match header_sharing_a_line(text, offset) {
                Some(said) => said,
                None => plain_message(e.message()),
            };
            config_error(path, text, offset, message)
        })?;
        let err = |offset: usize, message: String| config_error(path, text, offset, message);
        raw::resolve(raw, path, &err)
    }
}

/// toml's message in the file's terms: serde names the Rust type it expected (`struct
/// RawVersionFile`), which says nothing to whoever wrote the file.
fn plain_message(message: &str) -> String {
    let message = message.trim();
    match message.split_once("expected struct RawVersionFile") {
        Some((before, after)) => format!(
            "{before}expected a table like `{{ path = \"VERSION\", pattern = \"{{version}}\" }}` or `{{ path = \"Cargo.toml\", key = \"package.version\" }}`{after}"
        ),
        None => match message.split_once("expected struct Raw") {
            // `expected struct RawChecks`: a table of the file.
            Some((before, after)) => {
                let rest = after.trim_start_matches(|c: char| c.is_ascii_alphanumeric());
                format!("{before}expected a table{rest}")
            }
            // `usize`, `i128`: a count, said as one.
            None if message.ends_with("expected usize") => {
                let shown = message.split('`').nth(1).unwrap_or("it");
                if message.starts_with("invalid type: integer") {
                    format!(
                        "`{shown}` is too large: a count up to {} is expected",
                        usize::MAX
                    )
                } else if message.starts_with("invalid value: integer") {
                    format!("`{shown}` is below zero: a count (0 or more) is expected")
                } else {
                    message.replace("usize", "a count (a whole number, 0 or more)")
                }
            }
            None => message.to_owned(),
        },
    }
}

/// A table header with a key after it on its line (`[checks] test = ["make", "test"]`, as
/// relhook's own messages write a key with its table), where toml only says it expected a
/// newline: the two lines to write instead.
fn header_sharing_a_line(text: &str, offset: usize) -> Option<String> {
    let start = text.get(..offset)?.rfind('\n').map_or(0, |i| i + 1);
    let line = text[start..].lines().next()?.trim();
    let header = line.strip_prefix('[').filter(|l| !l.starts_with('['))?;
    let (table, key) = header.split_once(']')?;
    let key = key.trim();
    (!key.is_empty() && !key.starts_with('#')).then(|| {
        format!(
            "a table header stands on a line of its own: write `[{table}]`, and `{key}` on the line below it"
        )
    })
}

pub use crate::position::line_col;

pub(crate) fn config_error(path: &Path, text: &str, offset: usize, message: String) -> Error {
    let (line, column) = line_col(text, offset);
    Error::Config {
        path: path.to_owned(),
        line,
        column,
        message,
    }
}

#[cfg(test)]
mod tests;
