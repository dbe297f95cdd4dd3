//! The one error type of the library. Lint findings are not errors (see `lint`): an `Error`
//! means relhook could not do its job (usage, configuration, git or I/O), which exits 2.

use std::path::PathBuf;

/// Shorthand for results whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that stops a command before it can give a verdict.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read or written.
    #[error("cannot {action} `{}`: {source}", path.display())]
    Io {
        /// What was being done ("read", "write", ...).
        action: &'static str,
        /// The file concerned.
        path: PathBuf,
        /// The operating system's reason.
        #[source]
        source: std::io::Error,
    },
    /// `.relconfig.toml` is not valid.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Config {
        /// The configuration file.
        path: PathBuf,
        /// 1-based line of the fault.
        line: usize,
        /// 1-based column of the fault.
        column: usize,
        /// What is wrong, and what is expected.
        message: String,
    },
    /// A git operation failed.
    #[error("git: {context}: {source}")]
    Git {
        /// What relhook was doing.
        context: String,
        /// libgit2's reason.
        #[source]
        source: git2::Error,
    },
    /// A revision or range that git cannot resolve.
    #[error("cannot resolve revision range `{range}`: {reason}")]
    Range {
        /// The range as given.
        range: String,
        /// Why it failed.
        reason: String,
    },
    /// The changelog is not a Keep a Changelog file; relhook refuses to rewrite it.
    #[error("{}:{line}: not a Keep a Changelog file: {message}", path.display())]
    NotKeepAChangelog {
        /// The file.
        path: PathBuf,
        /// 1-based line that broke the parse.
        line: usize,
        /// What was wrong there.
        message: String,
    },
    /// A release or tag that the runbook's checks refuse.
    #[error("{0}")]
    Refused(String),
    /// Not inside a git repository.
    #[error("not inside a git repository (searched upwards from `{}`)", .0.display())]
    NotARepository(PathBuf),
    /// The command line asks for something that cannot be done.
    #[error("{0}")]
    Usage(String),
    /// The `git` program failed where relhook needed its answer.
    #[error("`git {args}` failed{}: {stderr}", status.map(|s| format!(" (exit {s})")).unwrap_or_default())]
    GitCommand {
        /// The arguments given to git.
        args: String,
        /// Its exit status (`None`: killed by a signal).
        status: Option<i32>,
        /// What git said.
        stderr: String,
    },
    /// A bare repository has no work tree, so no commit is ever made in it.
    #[error("`{}` is a bare repository: git runs commit hooks only where commits are made", .0.display())]
    BareRepository(PathBuf),
    /// `--hooks` names a hook relhook does not know.
    #[error("unknown hook `{name}` (relhook knows: {known})")]
    UnknownHook {
        /// The name as given.
        name: String,
        /// The hooks relhook has shims for.
        known: String,
    },
    /// `--hooks` names a hook whose handler this relhook does not have yet.
    #[error("this relhook has no `{name}` handler yet, so it will not install a `{name}` hook")]
    HookNotAvailable {
        /// The hook asked for.
        name: String,
        /// The hooks this version can install.
        available: String,
    },
    /// A version file could not be read, planned or written.
    #[error(transparent)]
    VersionFile(#[from] crate::history::version::files::VersionFileError),
    /// A lock another process holds did not come free in time.
    #[error("`{}` is held by another git process (waited {waited_ms} ms)", path.display())]
    Locked {
        /// The lock file.
        path: PathBuf,
        /// How long relhook waited.
        waited_ms: u64,
    },
    /// A path relhook was asked to read or write that it must not.
    #[error("refusing `{}`: {reason}", path.display())]
    UnsafePath {
        /// The path as configured.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// A binary path that cannot be written into a shell script.
    #[error("cannot record `{}` in a hook script: the path is not valid UTF-8", .0.display())]
    UnrepresentablePath(PathBuf),
    /// The range to check cannot be known from the history this clone has (a shallow clone,
    /// a base branch that was not fetched): relhook refuses rather than pass what it did not see.
    #[error("{message}")]
    IncompleteHistory {
        /// What is missing.
        message: String,
        /// The exact change that fixes it.
        fix: String,
    },
}

impl Error {
    /// Wraps an I/O error with the file and the action.
    pub fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            action,
            path: path.into(),
            source,
        }
    }

    /// Wraps a libgit2 error with what relhook was doing.
    pub fn git(context: impl Into<String>, source: git2::Error) -> Self {
        Error::Git {
            context: context.into(),
            source,
        }
    }

    /// Whether this is a policy verdict (exit 1: the user must change something) rather than
    /// a breakdown (exit 2: usage, configuration, git or I/O).
    pub fn is_refusal(&self) -> bool {
        use crate::history::version::files::VersionFileError as V;
        match self {
            Error::Refused(_) => true,
            Error::VersionFile(e) => !matches!(
                e,
                V::Read { .. } | V::Write { .. } | V::UnsafePath { .. } | V::BadPattern { .. }
            ),
            _ => false,
        }
    }

    /// A hint printed under the error when the fix is evident.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::NotARepository(_) => {
                Some("run relhook inside a git work tree, or `git init` one first".into())
            }
            Error::Range { .. } => Some(
                "give a range git understands, e.g. `main..HEAD`, `v1.2.0..`, or a single commit"
                    .into(),
            ),
            Error::NotKeepAChangelog { .. } => Some(
                "relhook edits only Keep a Changelog files (https://keepachangelog.com/en/1.1.0/); fix that line, or point `changelog.path` elsewhere"
                    .into(),
            ),
            Error::Config { .. } => Some(
                "`relhook init` writes a commented .relconfig.toml with every key and its default"
                    .into(),
            ),
            Error::BareRepository(_) => Some(
                "install relhook in a clone or a worktree of it (`git worktree add`), where commits are made"
                    .into(),
            ),
            Error::UnknownHook { .. } => {
                Some("give a comma-separated list, e.g. `--hooks commit-msg`".into())
            }
            Error::HookNotAvailable { available, .. } => Some(format!(
                "this version installs: {available}; a later relhook adds the others"
            )),
            Error::GitCommand { .. } => Some("is `git` on PATH and working here?".into()),
            Error::IncompleteHistory { fix, .. } => Some(fix.clone()),
            _ => None,
        }
    }
}
