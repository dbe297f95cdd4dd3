//! The command line as clap reads it. Doc comments are the help text. These types stay in
//! `cli`: commands turn them into library calls.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Conventional Commits linting, a CHANGELOG.md that keeps itself current, and safe releases,
/// all from git hooks.
#[derive(Debug, Parser)]
#[command(name = "relhook", version, about, max_term_width = 100)]
pub struct Cli {
    /// When to use colour (NO_COLOR is honoured in `auto`).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
    /// Read this configuration file instead of `.relconfig.toml` at the repository's top.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write relhook's hook shims into the hooks directory git uses (idempotent).
    Install(InstallArgs),
    /// Remove what `relhook install` wrote and restore the hooks it replaced.
    Uninstall,
    /// Say what is installed, stale, shadowed or missing, and the command that fixes it.
    Doctor(DoctorArgs),
    /// Write `.relconfig.toml` and `CHANGELOG.md` where they do not exist yet.
    Init,
    /// Lint one commit message (a file, `-` for stdin, or --message).
    Lint(LintArgs),
    /// Lint every commit in a revision range (default: upstream..HEAD, else last release tag..HEAD).
    Check(CheckArgs),
    /// Entry point of the installed git hooks.
    #[command(subcommand)]
    Hook(HookCommand),
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
    #[arg(value_name = "RANGE")]
    pub range: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
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
}

/// `relhook doctor`.
#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// `relhook hook <name>`.
#[derive(Debug, Subcommand)]
pub enum HookCommand {
    /// Lint the message git is about to commit (git passes the message file).
    CommitMsg {
        /// The message file git passes.
        file: PathBuf,
    },
}
