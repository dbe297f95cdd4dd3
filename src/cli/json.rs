//! `--format json` output types: every document a command prints for machines is one of these
//! `Serialize` types, with `schema_version` first. docs/json.md describes them; tests pin them.
//! Commit ids are always full.

use serde::Serialize;

use crate::commit::lint::Verdict;
use crate::commit::report::MessageReport;
use crate::{Error, Result};

/// The version of every JSON document relhook prints. Adding a field keeps it; renaming,
/// removing or changing the meaning of one bumps it.
pub(crate) const SCHEMA_VERSION: u32 = 1;

/// Prints one JSON document and a newline on stdout.
pub(crate) fn print<T: Serialize + ?Sized>(value: &T) -> Result<()> {
    let text = serde_json::to_string_pretty(value)?;
    super::write_out(|out| writeln!(out, "{text}"))
}

/// `relhook check --format json`.
#[derive(Debug, Serialize)]
pub(crate) struct CheckReport<'a> {
    pub schema_version: u32,
    /// The range checked and why.
    pub range: RangeReport<'a>,
    /// Commits walked (merges and ignored ones included).
    pub checked: usize,
    /// Commits with at least one error.
    pub failed: usize,
    /// Commits exempted (merges, `ignore` patterns).
    pub ignored: usize,
    /// Commits made before `relhook install` here (or rewrites of them), left unjudged and
    /// not counted in `checked`.
    pub before_install: usize,
    /// The commits with findings, newest first.
    pub commits: Vec<CommitReport<'a>>,
}

/// The range `check` walked.
#[derive(Debug, Serialize)]
pub(crate) struct RangeReport<'a> {
    /// As printed (`1a2b3c4d5..HEAD`, `origin/main..HEAD`, `HEAD`).
    pub spec: &'a str,
    /// The commit the range starts after (full id), or null for all history.
    pub base: Option<String>,
    /// HEAD's commit (full id), or null in a repository without commits.
    pub head: Option<String>,
    /// Why this range, in one line.
    pub reason: &'a str,
    /// What decided it: github, gitlab, base, all, upstream, tag, history, explicit.
    pub source: &'a str,
}

/// One commit with findings.
#[derive(Debug, Serialize)]
pub(crate) struct CommitReport<'a> {
    /// The full commit id.
    pub commit: String,
    /// The verdict on its message (`source` is the full id too).
    #[serde(flatten)]
    pub message: MessageReport<'a>,
}

impl<'a> CommitReport<'a> {
    pub(crate) fn new(id: &'a str, v: &'a Verdict) -> Self {
        CommitReport {
            commit: id.to_owned(),
            message: MessageReport::new(id, v),
        }
    }
}

/// `relhook lint --format json`.
#[derive(Debug, Serialize)]
pub(crate) struct LintReport<'a> {
    pub schema_version: u32,
    #[serde(flatten)]
    pub message: MessageReport<'a>,
}

/// Any command's error in JSON mode (printed on stdout; the exit code is unchanged).
#[derive(Debug, Serialize)]
pub(crate) struct ErrorReport {
    pub schema_version: u32,
    pub error: ErrorBody,
}

/// What went wrong.
#[derive(Debug, Serialize)]
pub(crate) struct ErrorBody {
    /// A stable name for the kind of error (`usage`, `config`, `git`, `refused`, ...).
    pub kind: &'static str,
    /// The message as relhook prints it.
    pub message: String,
    /// The fix, when relhook knows it.
    pub hint: Option<String>,
    /// For a refusal, the rule that refused (`dirty-tree`, `tag-exists`, ...); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'static str>,
    /// The process's exit code.
    pub exit_code: u8,
    /// A refusal of a monorepo release by its packages: each refused package's own, with its
    /// own `hint` (the refusal's `hint` alone is one package's way on); absent otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub packages: Vec<super::json_refused::PackageRefused>,
}

impl ErrorReport {
    pub(crate) fn new(e: &Error, exit_code: u8) -> Self {
        ErrorReport {
            schema_version: SCHEMA_VERSION,
            error: ErrorBody {
                kind: error_kind(e),
                message: e.to_string(),
                hint: match e {
                    Error::Refused(r) => r.fix.clone(),
                    _ => e.hint(),
                },
                reason: match e {
                    Error::Refused(r) => Some(r.reason.name()),
                    _ => None,
                },
                exit_code,
                packages: match e {
                    Error::Refused(r) => super::json_refused::of(r),
                    _ => Vec::new(),
                },
            },
        }
    }

    /// A usage error clap found (exit 2): its first line, without clap's `error: `, and
    /// the rest (a tip, the command's usage line, where to read more) as the hint.
    pub(crate) fn usage(e: &clap::Error) -> Self {
        let text = e.render().to_string();
        let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
        let first = lines.next().unwrap_or_default();
        let message = first.strip_prefix("error: ").unwrap_or(first).to_owned();
        let hint = lines.collect::<Vec<_>>().join("; ");
        let mut report = ErrorReport::new(&Error::Usage(message), 2);
        report.error.hint = Some(hint);
        report
    }

    /// A refusal that a command reports as its verdict (exit 1).
    pub(crate) fn refused(r: &crate::error::Refusal) -> Self {
        ErrorReport {
            schema_version: SCHEMA_VERSION,
            error: ErrorBody {
                kind: "refused",
                message: r.to_string(),
                hint: r.fix.clone(),
                reason: Some(r.reason.name()),
                exit_code: 1,
                packages: super::json_refused::of(r),
            },
        }
    }
}

fn error_kind(e: &Error) -> &'static str {
    match e {
        Error::Io { .. } => "io",
        Error::Config { .. } => "config",
        Error::Git { .. } | Error::GitCommand { .. } | Error::SigningFailed { .. } => "git",
        Error::Range { .. } => "range",
        Error::NotKeepAChangelog { .. } | Error::ChangelogCrOnly { .. } => "not-keep-a-changelog",
        Error::Refused(_) => "refused",
        Error::NotARepository(_) | Error::BareRepository(_) => "repository",
        Error::Usage(_)
        | Error::UnknownHook { .. }
        | Error::HookNotAvailable { .. }
        | Error::HookInput { .. } => "usage",
        Error::InsideGitDir(_) => "repository",
        Error::NoTestCommand(..) => "config",
        Error::MissingCommit(_) | Error::MissingPath { .. } | Error::NotACommit(_) => "git",
        Error::CiEvent(_) => "usage",
        Error::Unfinished { .. } => "unfinished",
        Error::KeptChanging(_) => "kept-changing",
        Error::ChangedMeanwhile(_) => "changed-meanwhile",
        Error::IncompleteHistory { .. } => "incomplete-history",
        #[allow(unreachable_patterns)]
        _ => "error",
    }
}

/// `relhook version --format json`.
#[derive(Debug, Serialize)]
pub(crate) struct VersionReport<'a> {
    pub schema_version: u32,
    /// The package (`--package`, `--all`; absent for the repository's own version).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub package: Option<&'a str>,
    /// The current version, and where it comes from.
    #[serde(flatten)]
    pub current: CurrentVersion<'a>,
    /// The next version.
    pub next: String,
    /// The tag the next release gets.
    pub next_tag: String,
    /// `major`, `minor` or `patch`: what the commits call for.
    pub level: &'static str,
    /// The commits since the current tag, newest first.
    pub commits: Vec<VersionCommit<'a>>,
    /// Entries in Unreleased that no commit since the last stable release wrote, counted as
    /// commits are (absent when there are none that change the version).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unreleased_entries: Vec<VersionEntry<'a>>,
    /// The tag of the version `level` gives, which exists on a commit this branch does not
    /// hold: `next` is the first version above it with no tag (absent when none was taken).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub taken: Option<String>,
    /// Why `relhook release` refuses `next` (a version file above it), as its error says it
    /// (absent when the release makes it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refused: Option<Box<RefusedNext>>,
    /// The latest pre-release's line `next` finishes or goes on with, though the commits alone
    /// call for less (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pre_release_line: Option<Box<PreReleaseLine<'a>>>,
    /// What calls for leaving the latest pre-release's line, all of it shipped in that
    /// pre-release, and the release that stays on the line instead (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipped_in_line: Option<Box<ShippedInLine<'a>>>,
    /// The pre-release identifier of HEAD's branch's channel (`[release] channels`), which
    /// `next` is a pre-release of (absent off a channel, or with `--pre`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
}

/// Why `next` is the latest pre-release's line (`1.0.0` after `v1.0.0-rc.1`) though the
/// commits since the last stable release alone call for less: a version never goes below a
/// pre-release already made.
#[derive(Debug, Serialize)]
pub(crate) struct PreReleaseLine<'a> {
    /// The pre-release's tag.
    pub tag: &'a str,
    /// What the commits alone make of the last stable release.
    pub commits_call_for: String,
    /// True: `next` finishes the line (a stable release); false: it goes on with it.
    pub finishes: bool,
    /// The line as `relhook version --explain` says it.
    pub message: String,
}

/// A pre-release line that already shipped what calls for more than it: `next` leaves the
/// line, as SemVer says, and `command` releases `instead`, which stays on it.
#[derive(Debug, Serialize)]
pub(crate) struct ShippedInLine<'a> {
    /// The pre-release's tag.
    pub tag: &'a str,
    /// `major` or `minor`: what the shipped commits call for.
    pub level: &'static str,
    /// Their headers.
    pub headers: &'a [String],
    /// The release that finishes the line (or goes on with it).
    pub instead: String,
    /// The command that releases `instead`.
    pub command: String,
    /// The note `relhook version --next` prints.
    pub message: String,
}

/// The refusal `relhook release` meets releasing the next version: the fields of its error.
#[derive(Debug, Serialize)]
pub(crate) struct RefusedNext {
    /// The rule that refuses (`version-file`, ...).
    pub reason: &'static str,
    /// The message as relhook prints it.
    pub message: String,
    /// The way on.
    pub hint: Option<String>,
}

impl RefusedNext {
    pub(crate) fn new(r: &crate::error::Refusal) -> Box<Self> {
        Box::new(RefusedNext {
            reason: r.reason.name(),
            message: r.to_string(),
            hint: r.fix.clone(),
        })
    }
}

/// An Unreleased entry no commit wrote, counting towards the next version.
#[derive(Debug, Serialize)]
pub(crate) struct VersionEntry<'a> {
    /// Its text.
    pub text: &'a str,
    /// `major`, `minor` or `patch`.
    pub calls_for: &'static str,
}

/// A commit counting towards the next version.
#[derive(Debug, Serialize)]
pub(crate) struct VersionCommit<'a> {
    /// The full commit id.
    pub commit: &'a str,
    /// Its header.
    pub header: &'a str,
    /// What this commit alone calls for.
    pub calls_for: &'static str,
    /// Whether the header is a Conventional Commit (one that is not counts as a patch).
    pub understood: bool,
    /// Whether it gets a changelog entry.
    pub in_changelog: bool,
}

impl<'a> VersionReport<'a> {
    pub(crate) fn new(
        info: &'a crate::release::VersionInfo,
        config: &crate::config::Config,
    ) -> Self {
        let tag_prefix = &config.version.tag_prefix;
        let command = config.release_command();
        VersionReport {
            schema_version: SCHEMA_VERSION,
            package: None,
            current: CurrentVersion {
                current: info.current.to_string(),
                current_tag: info.tag.as_ref().map(|t| t.0.as_str()),
                stable_tag: info.stable.as_ref().map(|t| t.0.as_str()),
                current_commit: info.tag.as_ref().map(|t| t.2.to_string()),
                current_from: &info.current_from,
            },
            next: info.next.to_string(),
            next_tag: format!("{tag_prefix}{}", info.next),
            level: info.level(),
            commits: info
                .commits
                .iter()
                .map(|c| VersionCommit {
                    commit: &c.id,
                    header: &c.header,
                    calls_for: c.calls_for,
                    understood: c.understood,
                    in_changelog: c.in_changelog,
                })
                .collect(),
            unreleased_entries: info
                .unlogged
                .iter()
                .map(|e| VersionEntry {
                    text: &e.text,
                    calls_for: e.calls_for,
                })
                .collect(),
            taken: None,
            refused: None,
            pre_release_line: info.line_above_said().and_then(|message| {
                Some(Box::new(PreReleaseLine {
                    tag: &info.tag.as_ref()?.0,
                    commits_call_for: info.line_above.as_ref()?.to_string(),
                    finishes: info.next.pre.is_empty(),
                    message,
                }))
            }),
            shipped_in_line: info.shipped_in_line.as_ref().map(|s| {
                Box::new(ShippedInLine {
                    tag: &s.tag,
                    level: s.level,
                    headers: &s.headers,
                    instead: s.instead.to_string(),
                    command: format!("{command} {}", s.instead),
                    message: s.note(&info.next, &command),
                })
            }),
            channel: None,
        }
    }
}

/// `relhook version --all --format json`: every package, in name order.
#[derive(Debug, Serialize)]
pub(crate) struct PackagesVersionReport<'a> {
    pub schema_version: u32,
    /// One document per package.
    pub packages: Vec<PackageVersion<'a>>,
    /// What stderr says beside the answer, as the release's report has them.
    pub notes: Vec<String>,
    pub warnings: Vec<String>,
}

/// A package in `version --all`: its next version, or why it has nothing to release.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub(crate) enum PackageVersion<'a> {
    /// What `version --package NAME --format json` says.
    Next(VersionReport<'a>),
    /// Nothing to release.
    Nothing(NothingToRelease<'a>),
}

/// The current version in `relhook version --format json`, and where it comes from.
#[derive(Debug, Serialize)]
pub(crate) struct CurrentVersion<'a> {
    /// The current version.
    pub current: String,
    /// The release tag it comes from (null: no release tag reachable from HEAD).
    pub current_tag: Option<&'a str>,
    /// The last stable release tag (the level is decided by the commits since it).
    pub stable_tag: Option<&'a str>,
    /// That tag's commit (full id).
    pub current_commit: Option<String>,
    /// Where the current version came from, in words.
    pub current_from: &'a str,
}

/// `relhook version --format json` with nothing to release: the current version, and no next.
#[derive(Debug, Serialize)]
pub(crate) struct NoNextVersion<'a> {
    pub schema_version: u32,
    /// The package (`--package`; absent for the repository's own version).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub package: Option<&'a str>,
    /// The current version, and where it comes from.
    #[serde(flatten)]
    pub current: CurrentVersion<'a>,
    /// Null: nothing of its own to release; or the patch `release --all` gives it because a
    /// requirement of its on a released package moves (`reason` says which).
    pub next: Option<String>,
    /// Why there is nothing to release.
    pub reason: String,
}

/// A package with nothing to release.
#[derive(Debug, Serialize)]
pub(crate) struct NothingToRelease<'a> {
    /// The package.
    pub package: &'a str,
    /// The current version.
    pub current: String,
    /// Where the current version came from, in words.
    pub current_from: &'a str,
    /// Always null: there is no next version.
    pub next: Option<String>,
    /// Why there is nothing to release.
    pub reason: String,
}

/// `relhook notes --format json`.
#[derive(Debug, Serialize)]
pub(crate) struct NotesReport<'a> {
    pub schema_version: u32,
    /// The release tag.
    pub tag: &'a str,
    /// Its version.
    pub version: &'a str,
    /// The tagged commit (full id).
    pub commit: String,
    /// The release notes (Markdown).
    pub notes: &'a str,
}

/// `relhook changelog --format json`.
#[derive(Debug, Serialize)]
pub(crate) struct ChangelogReport {
    pub schema_version: u32,
    /// The changelog file, relative to the repository's top.
    pub path: String,
    /// `sync` or `rebuild`.
    pub mode: &'static str,
    /// Whether the result differs from the file.
    pub changed: bool,
    /// Whether the file was written (never with --stdout).
    pub written: bool,
    /// Entries `sync` adds, oldest commit first (empty for `rebuild`).
    pub added: Vec<AddedEntry>,
    /// Entries `sync` replaced, or moved to another section, as their commit's message has
    /// them now (empty for `rebuild`).
    pub replaced: Vec<super::json_replaced::ReplacedEntry>,
    /// The resulting text, with --stdout (else null).
    pub content: Option<String>,
}

/// `relhook changelog --all --format json`: the repository's changelog, then each package's.
#[derive(Debug, Serialize)]
pub(crate) struct ChangelogsReport {
    pub schema_version: u32,
    /// One report per changelog.
    pub changelogs: Vec<ChangelogReport>,
}

/// An entry `changelog --sync` adds.
#[derive(Debug, Serialize)]
pub(crate) struct AddedEntry {
    /// The commit it comes from (full id).
    pub commit: String,
    /// The Keep a Changelog sub-section.
    pub section: String,
    /// The bullet's Markdown without `- `.
    pub text: String,
    /// Whether it is a breaking change.
    pub breaking: bool,
}

/// `relhook doctor --format json`: doctor's report and the verdict.
#[derive(Debug, Serialize)]
pub(crate) struct DoctorReport<'a> {
    pub schema_version: u32,
    /// Whether nothing needs fixing.
    pub healthy: bool,
    #[serde(flatten)]
    pub report: &'a crate::hooks::doctor::Report,
}

/// `relhook release --resume --format json` once it finished a half-made release (one an
/// interrupted release or hand tag left): what it tagged.
#[derive(Debug, Serialize)]
pub(crate) struct ResumeReport<'a> {
    pub schema_version: u32,
    /// The tags it made or moved onto the release commit.
    pub tags: Vec<&'a str>,
    /// The release commit (full id).
    pub release_commit: String,
    /// Whether tests ran and passed on it (a hand tag's release runs none).
    pub tested: bool,
    /// What stderr says beside the progress, as the release's report has them.
    pub notes: Vec<String>,
    pub warnings: Vec<String>,
    /// The step printed after `next: `.
    pub next: Option<String>,
}

/// `relhook release --format json` (with and without --dry-run).
#[derive(Debug, Serialize)]
pub(crate) struct ReleaseReport<'a> {
    pub schema_version: u32,
    /// Nothing was written.
    pub dry_run: bool,
    /// The tag made (or to be made).
    pub tag: &'a str,
    /// Its version.
    pub version: String,
    /// The version before.
    pub previous: String,
    /// Where the previous version came from.
    pub previous_from: &'a str,
    /// HEAD when planned (full id).
    pub head: String,
    /// The release commit's message.
    pub commit_message: &'a str,
    /// The tag's message: the release notes.
    pub tag_message: &'a str,
    /// The channel HEAD's branch makes pre-releases of (`[release] channels`); absent
    /// elsewhere.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<ChannelReport>,
    /// The test command run on the release commit (null: none).
    pub tests: Option<Vec<String>>,
    /// Why no tests run on it (`--no-test`, or no test command set), or, in a dry run, why
    /// the release would refuse to start them; null when they run.
    pub tests_note: Option<String>,
    /// Whether the tag is signed.
    pub signed: bool,
    /// Every file changed, with a unified diff.
    pub edits: Vec<EditReport>,
    /// The version files relhook found but leaves as they are (they hold another version
    /// than the project's), each with the note that says why.
    pub left_alone: Vec<LeftAloneReport>,
    /// The notes printed on stderr about the release (another branch's release tag above it,
    /// a pre-release line it leaves or finishes, ...), each as printed after `relhook: note: `.
    pub notes: Vec<String>,
    /// The warnings printed on stderr (the version is below what the commits call for).
    pub warnings: Vec<String>,
    /// The step printed after `next: ` once the tag is made; null in a dry run.
    pub next: Option<String>,
    /// The release commit (full id); null in a dry run.
    pub release_commit: Option<String>,
    /// Whether the tests ran and passed on it; null in a dry run.
    pub tested: Option<bool>,
}

/// The channel a release is made under (`[release] channels`).
#[derive(Debug, Serialize)]
pub(crate) struct ChannelReport {
    /// HEAD's branch.
    pub branch: String,
    /// The pre-release identifier the channel makes.
    pub id: String,
    /// The release is not one of the channel's pre-releases (`--allow-stable`, `--pre` of
    /// another identifier): its tag message says so.
    pub departs: bool,
}

/// A found version file a release leaves as it is.
#[derive(Debug, Serialize)]
pub(crate) struct LeftAloneReport {
    /// The file, relative to the repository's top.
    pub path: String,
    /// Why it is left alone, and how to include it.
    pub note: String,
}

/// One file a release changes.
#[derive(Debug, Serialize)]
pub(crate) struct EditReport {
    /// The file, relative to the repository's top.
    pub path: String,
    /// A unified diff of the change.
    pub diff: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A package with nothing to release keeps the shape `version --all` has always given it.
    #[test]
    fn nothing_to_release_has_a_null_next_version() {
        let doc = PackagesVersionReport {
            schema_version: SCHEMA_VERSION,
            packages: vec![PackageVersion::Nothing(NothingToRelease {
                package: "cli",
                current: "0.1.0".into(),
                current_from: "crates/cli/Cargo.toml",
                next: None,
                reason: "no commits since 0.1.0".into(),
            })],
            notes: Vec::new(),
            warnings: Vec::new(),
        };
        assert_eq!(
            serde_json::to_string(&doc).unwrap(),
            r#"{"schema_version":1,"packages":[{"package":"cli","current":"0.1.0","current_from":"crates/cli/Cargo.toml","next":null,"reason":"no commits since 0.1.0"}],"notes":[],"warnings":[]}"#
        );
    }
}
