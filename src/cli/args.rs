//! The command line as clap reads it. Doc comments are the help text. These types stay in
//! `cli`: commands turn them into library calls.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// What `relhook --help` ends with: the global options (listed once here, hidden from each
/// subcommand's option list, which names them in one line), and the exit codes.
const EXIT_CODES: &str = "\
Global options (they work with every command):
      --color <WHEN>   auto (colour on a terminal unless NO_COLOR is set), always or never
      --config <FILE>  read FILE instead of `.relconfig.toml` at the repository's top

Exit codes: 0 ok (warnings allowed) · 1 a check failed or a release was refused (you must change \
something: a commit, a version file that does not parse) · 2 usage, configuration, git or I/O error.

`relhook <command> --help` shows each command's options and examples; `relhook man` prints the \
manual pages.";

/// Conventional Commits linting, a CHANGELOG.md that keeps itself current, and safe releases,
/// all from git hooks.
#[derive(Debug, Parser)]
#[command(
    name = "relhook",
    version,
    about,
    max_term_width = 100,
    after_help = EXIT_CODES,
    subcommand_help_heading = "Commands",
)]
pub struct Cli {
    /// When to use colour (NO_COLOR is honoured in `auto`).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true, value_name = "WHEN", hide = true)]
    pub color: ColorChoice,
    /// Read this configuration file instead of `.relconfig.toml` at the repository's top.
    #[arg(long, global = true, value_name = "FILE", hide = true)]
    pub config: Option<PathBuf>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The command tree as relhook parses it.
pub fn command() -> clap::Command {
    <Cli as clap::CommandFactory>::command()
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write relhook's hook shims into the hooks directory git uses (idempotent).
    #[command(after_help = "\
Examples:
  relhook install                      every hook, into the hooks directory git uses
  relhook install --hooks commit-msg   only the message lint

Global options: --color WHEN, --config FILE (see `relhook --help`).")]
    Install(InstallArgs),
    /// Remove what `relhook install` wrote and restore the hooks it replaced.
    #[command(
        after_help = "Example:\n  relhook uninstall\n\nGlobal options: --color WHEN, --config FILE (see `relhook --help`)."
    )]
    Uninstall(UninstallArgs),
    /// Say what is installed, stale, shadowed or missing, and the command that fixes it.
    #[command(after_help = "\
Examples:
  relhook doctor                  exit 1 when something needs fixing
  relhook doctor --format json    for scripts (docs/json.md)

Global options: --color WHEN, --config FILE (see `relhook --help`).")]
    Doctor(DoctorArgs),
    /// Write `.relconfig.toml` and `CHANGELOG.md` where they do not exist yet.
    #[command(
        after_help = "Example:\n  relhook init && git add .relconfig.toml CHANGELOG.md\n\nGlobal options: --color WHEN, --config FILE (see `relhook --help`)."
    )]
    Init,
    /// Lint one commit message (a file, `-` for stdin, or --message).
    #[command(after_help = "\
Examples:
  relhook lint --message 'feat(api): add the export endpoint'
  git log -1 --format=%B | relhook lint -
  relhook lint --strict --message \"$PR_TITLE\"   a squash-merge pull request title

Exit codes: 0 valid (warnings allowed) · 1 invalid · 2 usage or I/O error.
Global options: --color WHEN, --config FILE (see `relhook --help`).")]
    Lint(LintArgs),
    /// Lint every commit in a revision range (default: in CI, what the CI's variables name;
    /// else upstream..HEAD, else the last release tag..HEAD).
    #[command(after_help = "\
Examples:
  relhook check                      in CI: merge-base(base, HEAD)..HEAD from GitHub/GitLab
  relhook check --base main          the commits since HEAD left main
  relhook check --all                every commit reachable from HEAD
  relhook check --all v1.2.0..HEAD   every commit of the range, from before `relhook install` too
  relhook check v1.2.0..HEAD --format json
  relhook check --format github      annotations in GitHub Actions

Exit codes: 0 all pass · 1 a commit fails · 2 the range cannot be known (e.g. a shallow clone:
the message names the fetch that fixes it), or a usage or git error.
Global options: --color WHEN, --config FILE (see `relhook --help`).")]
    Check(CheckArgs),
    /// Bring CHANGELOG.md's Unreleased section up to date with history, or rebuild the file.
    #[command(after_help = "\
Examples:
  relhook changelog                  add what history has and Unreleased lacks
  relhook changelog --rebuild --stdout | less

--rebuild replaces a file that is not Keep a Changelog, or has uncommitted edits, only with
--force.
Global options: --color WHEN, --config FILE (see `relhook --help`).")]
    Changelog(ChangelogArgs),
    /// The current version (greatest release tag reachable from HEAD), the next one and why.
    #[command(after_help = "\
Examples:
  relhook version --next --explain
  relhook version --next --pre rc    e.g. 1.3.0-rc.1

Global options: --color WHEN, --config FILE (see `relhook --help`).")]
    Version(VersionArgs),
    /// Release: changelog section, version files, commit, tests, annotated tag.
    #[command(after_help = "\
Examples:
  relhook release --dry-run          show every change, write nothing
  relhook release                    the version the commits call for
  relhook release minor --sign

Exit codes: 0 released · 1 refused (the message says what to do) · 2 usage, config, git or I/O error.
Global options: --color WHEN, --config FILE (see `relhook --help`).")]
    Release(ReleaseArgs),
    /// One version's release notes as Markdown (for `gh release create --notes-file -`).
    #[command(after_help = "\
Example:
  relhook notes v1.2.0 | gh release create v1.2.0 --notes-file -

The notes are the tag's changelog section as written; with no section, they are built from
the tag's commits (said on stderr).
Exit codes: 0 printed · 1 no notes to print (an empty section, two for the version, or none
and no commit with an entry) · 2 usage, config, git or I/O error.
Global options: --color WHEN, --config FILE (see `relhook --help`).")]
    Notes(NotesArgs),
    /// Run `[checks] test`; on success record that HEAD's tree passed.
    #[command(after_help = "\
Example:
  relhook test && git push --follow-tags

Exits as the test command did (126: not executable, 127: not found).
Global options: --color WHEN, --config FILE (see `relhook --help`).")]
    Test(TestArgs),
    /// Print shell completions (bash, zsh, fish, elvish, powershell) to standard output.
    #[command(after_help = "\
Examples:
  relhook completions bash > ~/.local/share/bash-completion/completions/relhook
  relhook completions zsh > ~/.zfunc/_relhook")]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (`relhook man check` for one subcommand's), or write every page to a
    /// directory with --dir.
    #[command(after_help = "\
Examples:
  relhook man | man -l -
  relhook man check | man -l -
  relhook man --dir ~/.local/share/man/man1")]
    Man(ManArgs),
    /// Write a Conventional Commit by answering questions (type, scope, description, breaking
    /// change, issues), checked by the linter, then `git commit` with it.
    #[command(after_help = "\
Examples:
  relhook commit            then answer; the header's length shows as you type
  relhook commit -a -S      arguments after the questions' answers go to `git commit`

Needs a terminal. Global options: --color WHEN, --config FILE (see `relhook --help`).")]
    Commit(CommitArgs),
    /// Entry point of the installed git hooks.
    #[command(subcommand)]
    Hook(HookCommand),
}

/// `relhook commit`.
#[derive(Debug, Args)]
pub struct CommitArgs {
    /// Arguments for `git commit` (`-a`, `-S`, `--amend`, paths ...).
    #[arg(
        value_name = "GIT ARGS",
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    pub git_args: Vec<String>,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Diagnostics for people.
    Text,
    /// One JSON document on stdout.
    Json,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal and NO_COLOR is unset.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// How git will clean the message (`--cleanup`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CleanupArg {
    /// As git will: `commit.cleanup`, else `strip` in an editor session and `whitespace` for `-m`.
    Auto,
    /// Drop comment lines and surplus whitespace.
    Strip,
    /// Keep comment lines; drop surplus whitespace.
    Whitespace,
    /// Cut at the scissors line; keep comment lines.
    Scissors,
    /// Keep everything.
    Verbatim,
}

/// `relhook lint`.
#[derive(Debug, Args)]
pub struct LintArgs {
    /// The message file (`-` for standard input).
    #[arg(value_name = "FILE", conflicts_with = "message")]
    pub file: Option<PathBuf>,
    /// The message itself, as with `git commit -m`.
    #[arg(short, long, value_name = "TEXT")]
    pub message: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// How git will clean the message before storing it.
    #[arg(long, value_enum, default_value_t = CleanupArg::Auto)]
    pub cleanup: CleanupArg,
    /// Judge as `relhook check` does: `fixup!`/`squash!`/`amend!` are refused.
    #[arg(long)]
    pub strict: bool,
}

/// `relhook check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// `A..B`, `A...B`, `A..`, or one revision (that commit alone).
    #[arg(value_name = "RANGE", conflicts_with = "base", value_parser = clap::builder::NonEmptyStringValueParser::new())]
    pub range: Option<String>,
    /// Check all of HEAD's history; with RANGE, every commit of it, those from before
    /// `relhook install` too.
    #[arg(long, conflicts_with = "base")]
    pub all: bool,
    /// Check the commits since HEAD left REF: merge-base(REF, HEAD)..HEAD (overrides CI
    /// detection).
    // An empty REF (a CI variable that expanded to nothing) is a usage error, not a revision.
    #[arg(long, value_name = "REF", value_parser = clap::builder::NonEmptyStringValueParser::new())]
    pub base: Option<String>,
    /// Output format: `github` prints workflow-command annotations, `gitlab` a code-quality
    /// report (JSON).
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
}

/// Output formats of `relhook check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Diagnostics for people.
    Text,
    /// One JSON document on stdout.
    Json,
    /// GitHub Actions annotations (`::error title=...::...`), one per finding.
    Github,
    /// GitLab's code-quality report (a JSON array) on stdout.
    Gitlab,
}

/// `relhook changelog`.
#[derive(Debug, Clone, Args)]
#[command(group = clap::ArgGroup::new("mode").multiple(false))]
pub struct ChangelogArgs {
    /// Add what history has and Unreleased lacks, keeping hand edits (the default).
    #[arg(long, group = "mode")]
    pub sync: bool,
    /// Write the whole file from history and release tags (for a repository adopting relhook).
    #[arg(long, group = "mode")]
    pub rebuild: bool,
    /// Print the result instead of writing the file (`--dry-run`, as `release` takes it).
    #[arg(long, visible_alias = "dry-run")]
    pub stdout: bool,
    /// Let --rebuild replace a file it would lose: one with uncommitted changes, or one that is
    /// not Keep a Changelog.
    #[arg(long)]
    pub force: bool,
    /// Output format (`json`: what was added, and the text with --stdout).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// In a monorepo: the changelog of this package (`[packages.<name>]`), from its commits.
    #[arg(long, value_name = "NAME", conflicts_with = "all")]
    pub package: Option<String>,
    /// In a monorepo: the root changelog (when there is one) and every package's.
    #[arg(long, conflicts_with = "stdout")]
    pub all: bool,
}

/// `relhook version`.
#[derive(Debug, Args)]
pub struct VersionArgs {
    /// Print the next version instead of the current one.
    #[arg(long)]
    pub next: bool,
    /// List what decided it.
    #[arg(long)]
    pub explain: bool,
    /// The next version is a pre-release `X.Y.Z-ID.N` (implies --next).
    // Hyphen values are taken so that `--pre -x` gets relhook's own refusal, not clap's
    // advice to write `-- -x`, which fails when pasted.
    #[arg(long, value_name = "ID", allow_hyphen_values = true)]
    pub pre: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// In a monorepo: the version of this package (`[packages.<name>]`), from its own tags
    /// and commits.
    #[arg(long, value_name = "NAME", conflicts_with = "all")]
    pub package: Option<String>,
    /// In a monorepo: every package's version, one line each.
    #[arg(long)]
    pub all: bool,
}

/// `relhook install`.
#[derive(Debug, Args)]
pub struct InstallArgs {
    /// Replace hooks relhook did not write instead of running them first (each is still kept
    /// as `<hook>.relhook-orig`), and install even where another hook manager is in charge.
    #[arg(long)]
    pub force: bool,
    /// The hooks to install, comma-separated (default: every hook this relhook handles).
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub hooks: Vec<String>,
    /// Install where `core.hooksPath` sends hooks that are not this clone's alone: a directory
    /// in your global or system git config (relhook's hooks then run in every repository), or
    /// one this repository tracks (the team's files: commit the change; the shims there find
    /// relhook on PATH, so every clone's install writes the same files). Refused without it.
    #[arg(long)]
    pub shared: bool,
}

/// `relhook uninstall`.
#[derive(Debug, Args)]
pub struct UninstallArgs {
    /// Uninstall where relhook's hooks are more than this clone's: shims committed in a hooks
    /// directory this repository tracks (`relhook install --shared`), calls committed in
    /// husky's or lefthook's files (the team's files change, and once that is committed no
    /// clone runs relhook), or a hooks directory the global or system git config names (every
    /// repository on this machine stops running relhook). Refused without it.
    #[arg(long)]
    pub shared: bool,
}

/// `relhook doctor`.
#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// `relhook release`.
#[derive(Debug, Args)]
pub struct ReleaseArgs {
    /// `auto` (from the commits), `major`, `minor`, `patch`, or an exact `X.Y.Z`.
    #[arg(default_value = "auto", value_name = "VERSION")]
    pub version: String,
    /// Make a pre-release `X.Y.Z-ID.N` (`--pre rc`: rc.1, then rc.2).
    // As `relhook version --pre`: a hyphen value is refused by relhook, before anything runs.
    #[arg(long, value_name = "ID", allow_hyphen_values = true)]
    pub pre: Option<String>,
    /// Print the plan and the diff; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Sign the tag (gpg, ssh or x509, as git is configured).
    #[arg(long)]
    pub sign: bool,
    /// Release even with uncommitted changes (they are not included).
    #[arg(long)]
    pub allow_dirty: bool,
    /// Release from a branch not in `release.branches` (a maintenance branch).
    #[arg(long)]
    pub allow_branch: bool,
    /// Do not run `[checks] test` on the release commit.
    #[arg(long)]
    pub no_test: bool,
    /// Release above commits not pushed yet whose messages fail the lint (pre-push still
    /// refuses them: the push then needs `--no-verify`).
    #[arg(long)]
    pub allow_unlinted: bool,
    /// Make a stable release on a branch `[release] channels` makes pre-releases on (there,
    /// without it, a release is the channel's next pre-release and a stable version is refused).
    #[arg(long, conflicts_with = "pre")]
    pub allow_stable: bool,
    /// Finish an interrupted release: tag the release commit whose tag is missing (after
    /// running `[checks] test` on it).
    #[arg(long, conflicts_with_all = ["dry_run", "pre"])]
    pub resume: bool,
    /// In a monorepo: release this package (`[packages.<name>]`) from its own commits, and the
    /// packages whose requirement on it changes (`[release] bump_dependents`); repeatable.
    #[arg(long, value_name = "NAME", conflicts_with = "all")]
    pub package: Vec<String>,
    /// In a monorepo: release every package with changes since its last release, in one
    /// release commit.
    #[arg(long)]
    pub all: bool,
    /// Output format (`json`: the plan, and the release commit once made).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// `relhook test`.
#[derive(Debug, Args)]
pub struct TestArgs {
    /// In a monorepo: run this package's test command (`[packages.<name>] test`, else
    /// `[checks] test`) and record the pass for the tree of the package's directory.
    #[arg(long, value_name = "NAME")]
    pub package: Option<String>,
    /// Test release tag NAME instead of HEAD: on a clean checkout of it in a temporary
    /// worktree, with this checkout's test command (the tag's tree may predate it), recording
    /// the pass for the tag's tree (a package's tag: its package's). Several names: all looked
    /// up first, then each tree once in turn, stopping at the first that fails
    #[arg(long, value_name = "NAME", num_args = 1..)]
    pub tag: Vec<String>,
}

/// `relhook notes`.
#[derive(Debug, Args)]
pub struct NotesArgs {
    /// The release tag (default: the latest reachable from HEAD).
    pub tag: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// `relhook man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// The subcommand whose page to print (`check`, `hook commit-msg`); default: relhook's own.
    #[arg(value_name = "COMMAND", conflicts_with = "dir")]
    pub command: Option<Vec<String>>,
    /// Write `relhook.1` and `relhook-<command>.1` for every subcommand into DIR.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// `relhook hook <name>`.
#[derive(Debug, Subcommand)]
pub enum HookCommand {
    /// Lint the message git is about to commit (git passes the message file).
    CommitMsg {
        /// The message file git passes.
        file: PathBuf,
    },
    /// Add the new commit's entry to CHANGELOG.md's Unreleased section, in that same commit.
    PostCommit,
    /// Guard release tags made by hand, and give them their changelog section.
    ReferenceTransaction {
        /// `prepared`, `committed` or `aborted`.
        state: String,
        /// The ref updates, already read from standard input (started through a link).
        #[arg(skip)]
        input: Option<String>,
    },
    /// Say which commits a `git am` made call for a changelog entry they lack (git runs it
    /// after each patch; relhook speaks once, after the last).
    PostApplypatch,
    /// Refuse a push that would publish unlinted commits, bad, deleted, moved or untested
    /// release tags (git passes the remote and its URL, and the updates on stdin).
    PrePush {
        /// The remote's name (or its URL when pushing to a URL). Under the pre-commit
        /// framework, which passes none, `PRE_COMMIT_REMOTE_NAME`.
        remote: Option<String>,
        /// The remote's URL.
        url: Option<String>,
    },
    /// The CHANGELOG.md merge driver: `--marker-size=%L --base-label=%S --ours-label=%X
    /// --theirs-label=%Y %O %A %B %P`.
    MergeChangelog {
        /// git's conflict marker size (%L: the `conflict-marker-size` attribute, 7 unless
        /// set); a driver registered before relhook passed it leaves it out.
        #[arg(long, value_name = "N", default_value_t = 7)]
        marker_size: usize,
        /// git's label for the common ancestor (%S, git 2.44 and later; an older git passes
        /// `%S` itself, which counts as none). Without labels, the driver tells them itself.
        #[arg(long, value_name = "LABEL")]
        base_label: Option<std::ffi::OsString>,
        /// git's label for ours (%X).
        #[arg(long, value_name = "LABEL")]
        ours_label: Option<std::ffi::OsString>,
        /// git's label for theirs (%Y).
        #[arg(long, value_name = "LABEL")]
        theirs_label: Option<std::ffi::OsString>,
        /// The common ancestor's version (%O).
        base: PathBuf,
        /// Ours (%A): the result is written here.
        ours: PathBuf,
        /// Theirs (%B).
        theirs: PathBuf,
        /// The file's name in the repository (%P), for messages.
        name: Option<PathBuf>,
    },
}
