//! The one error type of the library. Lint findings are not errors (see `lint`): an `Error`
//! means relhook could not do its job (usage, configuration, git or I/O), which exits 2.

use std::path::PathBuf;

mod denied;
mod git_missing;
mod hint;
mod not_utf8;
pub use hint::{cr_only_what, permission_step, permission_step_from_top, to_lf_command};
use hint::{locked_message, one_line, os_reason, permission_fix, unreadable_index};

/// Shorthand for results whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that stops a command before it can give a verdict.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read or written.
    #[error("cannot {action} `{}`: {}{}", path.display(), os_reason(source), permission_fix(source, path))]
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
    /// A git operation failed. libgit2's own text only: its `; class=Os (2)` tail is for
    /// its developers, not for the user.
    #[error("git: {context}: {}", source.message())]
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
    /// The changelog ends lines with a CR alone (classic Mac OS), which relhook does not
    /// split: read as one line, its sections would go unseen.
    #[error(
        "{}: relhook reads LF or CRLF; convert it, e.g. `{}`",
        cr_only_what(path, *line),
        to_lf_command(path)
    )]
    ChangelogCrOnly {
        /// The file, from the top of the work tree.
        path: PathBuf,
        /// 1-based line (split at LF) of the first CR alone.
        line: usize,
    },
    /// A release or tag that the runbook's checks refuse (exit 1): what, why and the fix.
    #[error("{0}")]
    Refused(Refusal),
    /// Not inside a git repository.
    #[error("not inside a git repository (searched upwards from `{}`)", .0.display())]
    NotARepository(PathBuf),
    /// The command line asks for something that cannot be done.
    #[error("{0}")]
    Usage(String),
    /// The `git` program is not on PATH, and the command runs it (a release tags with it;
    /// every command reads the repository with it).
    #[error("{}", git_missing::message(*release, *dry_run))]
    GitNotFound {
        /// Whether a release asked, before it changed anything.
        release: bool,
        /// Whether that release was a dry run (`--dry-run`), which makes no tag itself.
        dry_run: bool,
    },
    /// The `git` program failed where relhook needed its answer.
    #[error("`git {args}` failed{}: {}", status.map(|s| format!(" (exit {s})")).unwrap_or_default(), one_line(stderr))]
    GitCommand {
        /// The arguments given to git.
        args: String,
        /// Its exit status (`None`: killed by a signal).
        status: Option<i32>,
        /// What git said.
        stderr: String,
    },
    /// The signing program failed as git signed a commit relhook writes (`git commit-tree
    /// -S`), where git could sign before (a key that stopped working, a card pulled out): the
    /// program and the first line it said; the caller names the way to finish or retry.
    #[error("signing the commit failed: `{program}` said: {said}")]
    SigningFailed {
        /// The program git signs with (`gpg.program` or its kin, else git's default).
        program: String,
        /// The first line it said.
        said: String,
    },
    /// A bare repository has no work tree, so no commit is ever made in it; every command
    /// that needs a work tree (or hooks) refuses it with this one error.
    #[error("`{}` is a bare repository: relhook works where commits are made, in a work tree", .0.display())]
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
    #[error("{}", locked_message(path, *waited_ms, *age_s))]
    Locked {
        /// The lock file.
        path: PathBuf,
        /// How long relhook waited.
        waited_ms: u64,
        /// How long the lock had been there when relhook gave up, when far longer than any
        /// git holds one (see [`Error::locked`]).
        age_s: Option<u64>,
    },
    /// An index lock a killed relhook left: no wait frees it, its recovery does.
    #[error(
        "{} was left by relhook (pid {pid}), which was interrupted there; `{fix}` finishes or undoes what it was doing",
        path.display()
    )]
    LeftByRelhook {
        /// The lock file.
        path: PathBuf,
        /// The killed relhook's pid.
        pid: u32,
        /// The command that recovers.
        fix: String,
    },
    /// An index lock beside a killed transaction's journal that is not that run's own (made
    /// before it began or after it stopped): a running git may hold it, so relhook leaves it.
    #[error(
        "{} is not the lock of the interrupted relhook {what} (pid {pid}): {why}, and a running git may hold it; if no git command is running, `{fix}` removes it and sees to that {what}",
        path.display()
    )]
    ForeignIndexLock {
        /// The lock file.
        path: PathBuf,
        /// The killed relhook's pid.
        pid: u32,
        /// What the killed relhook was doing (`release`).
        what: String,
        /// Why it is not that run's lock.
        why: String,
        /// The command that removes it, then recovers.
        fix: String,
    },
    /// The status read kept failing on a work-tree file that was being written meanwhile (an
    /// editor saving it in place), after relhook tried again.
    #[error(
        "could not read the status: {} changed while it was read ({why}), three times; try again once it is saved",
        file.as_ref().map_or_else(|| "a work-tree file".to_owned(), |f| f.display().to_string())
    )]
    ChangedWhileRead {
        /// The file being written, relative to the top of the work tree, when it is known.
        file: Option<PathBuf>,
        /// libgit2's words for the failure.
        why: String,
    },
    /// A killed transaction staged into another index (`GIT_INDEX_FILE`) than the one in
    /// use: finishing it here would stage into the wrong index.
    #[error(
        "a killed relhook transaction staged into the index `{}`, not the one in use: `GIT_INDEX_FILE={} relhook changelog --sync` finishes it",
        index.display(),
        index.display()
    )]
    OtherIndex {
        /// The index it staged into.
        index: PathBuf,
    },
    /// A path relhook was asked to read or write that it must not.
    #[error("refusing `{}`: {reason}", path.display())]
    UnsafePath {
        /// The path as configured.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// The configuration path (`--config`, or .relconfig.toml) is a directory or another
    /// file that is not a regular one.
    #[error("cannot read the configuration `{}`: it is {}", path.display(), if *directory { "a directory" } else { "not a regular file (a FIFO or device)" })]
    ConfigNotAFile {
        /// The path.
        path: PathBuf,
        /// Whether it is a directory.
        directory: bool,
        /// Whether `--config` named it (else it is the work tree's .relconfig.toml).
        named: bool,
    },
    /// The work tree's `.relconfig.toml` is a symbolic link to a file outside the repository
    /// (or in its git directory, which no clone has).
    #[error("refusing `{}`: it is a symbolic link to `{}`, {}, and relhook reads its configuration only from inside it: {fix}", path.display(), target.display(), if *git_dir { "in the git directory, outside the work tree" } else { "outside the repository" })]
    ConfigLinkedOutside {
        /// The link.
        path: PathBuf,
        /// The file it leads to, every link resolved.
        target: PathBuf,
        /// Whether that file is in a git directory inside the work tree's folder.
        git_dir: bool,
        /// The way on, pasteable.
        fix: String,
    },
    /// The work tree's `.relconfig.toml` is a symbolic link that leads to no file: to nothing,
    /// round a loop of links, or to a directory or another file that is not a regular one.
    #[error("refusing `{}`: it is a symbolic link {why}; {fix}", path.display())]
    ConfigLinkBroken {
        /// The link.
        path: PathBuf,
        /// Where it leads (``to `nowhere.toml`, a file that does not exist``).
        why: String,
        /// The way on, pasteable.
        fix: String,
    },
    /// A binary path that cannot be written into a shell script.
    #[error("cannot record `{}` in a hook script: the path is not valid UTF-8", .0.display())]
    UnrepresentablePath(PathBuf),
    /// The journal of a killed transaction that relhook cannot read (cut short, not a file,
    /// not relhook's): what it would undo cannot be told, so nothing is undone or claimed.
    #[error(
        "`{}` is not a journal relhook can read ({why}), so what an interrupted relhook changed cannot be told from it: check `git status` and `git log -1`, then remove it (`rm -r {}`)",
        crate::printable::visible(&path.display().to_string()),
        crate::shellword::quote(&path.display().to_string())
    )]
    BadJournal {
        /// The journal.
        path: PathBuf,
        /// What is wrong with it.
        why: String,
    },
    /// A multi-step rewrite failed and undoing it failed too: the state is named, with the
    /// command that finishes it.
    #[error("{error}; and {left}: {finish}")]
    Unfinished {
        /// Why the rewrite failed.
        error: Box<Error>,
        /// What could not be undone, and why.
        left: String,
        /// The command (or commands) that finish or drop the half-made state.
        finish: String,
    },
    /// The tests passed and their record could not be written (a full disk): the pass is
    /// said, so that only the record is what to get again, with `again`, which records it.
    #[error(
        "the tests passed, but their record could not be written ({error}); once that is fixed, `{again}` runs them again and records the pass"
    )]
    NotRecorded {
        /// Why the record's write failed.
        error: Box<Error>,
        /// The command that tests and records again (`relhook test --package api`).
        again: String,
    },
    /// SIGINT, SIGTERM or SIGHUP arrived while relhook was doing `step` (see `interrupt`):
    /// what the step did is undone before this is reported, and relhook exits 128 + signal.
    #[error("interrupted ({name}) while {step}")]
    Interrupted {
        /// The signal's number.
        signal: i32,
        /// Its name (`SIGINT`).
        name: &'static str,
        /// What relhook was doing (`testing`).
        step: &'static str,
    },
    /// No test command is set (or it is empty), so there is nothing to run: the key to set
    /// (`[checks] test`, or a package's `[packages.a] test`, as `Config::test_key` names it),
    /// an example for the project's ecosystem as a TOML array, and whether .relconfig.toml
    /// exists.
    #[error(
        "no test command: set `{0} = {1}` (an argv list: your project's test command) in .relconfig.toml{missing}",
        missing = if *.2 { "" } else { ", which does not exist yet (`relhook init` writes a commented one)" }
    )]
    NoTestCommand(String, String, bool),
    /// A commit id that is not in this repository.
    #[error("commit {0} is not in this repository")]
    MissingCommit(String),
    /// An object that does not lead to a commit (a tag of a tree or a blob).
    #[error("{0} does not lead to a commit")]
    NotACommit(String),
    /// A path that is not in a commit's tree.
    #[error("{} is not in commit {commit}", path.display())]
    MissingPath {
        /// The path, relative to the top of the work tree.
        path: PathBuf,
        /// The commit.
        commit: String,
    },
    /// `GITHUB_EVENT_PATH` names a file that is not GitHub's event JSON.
    #[error("GITHUB_EVENT_PATH does not hold GitHub's event JSON: {0}")]
    CiEvent(#[source] serde_json::Error),
    /// A line a hook was given on standard input that is not what git writes there.
    #[error("not a {hook} update line: `{line}`")]
    HookInput {
        /// The hook.
        hook: &'static str,
        /// The line as read.
        line: String,
    },
    /// relhook was started inside the git directory, where there is no work tree.
    #[error("`{}` is inside a git directory, not a work tree: run relhook from the work tree", .0.display())]
    InsideGitDir(PathBuf),
    /// A path that must be handed to git as text is not UTF-8.
    #[error("`{}` is not valid UTF-8, and git needs it as text", .0.display())]
    NotUtf8Path(PathBuf),
    /// History kept moving while relhook planned an edit of a file from it.
    #[error("history kept changing while relhook planned {}; run it again", .0.display())]
    KeptChanging(PathBuf),
    /// A work-tree file was written by someone else (an editor saving it) while relhook was
    /// replacing it: relhook's version is not put over theirs.
    #[error("`{}` changed while relhook was writing it, so it is left as it is now", .0.display())]
    ChangedMeanwhile(PathBuf),
    /// JSON output could not be encoded.
    #[error("cannot encode the JSON output: {0}")]
    Json(#[from] serde_json::Error),
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

/// Why a release or tag is refused, as data: `reason` for machines (`--format json`), `what`
/// is wrong and the `fix`, for people. Prints as one line, `what; fix`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// Which rule refused.
    pub reason: Reason,
    /// What is wrong.
    pub what: String,
    /// The change or command that fixes it, when there is one.
    pub fix: Option<String>,
    /// The refusals it gathers, each package's own with its own fix (a release of several
    /// packages refused: `--format json` lists them); empty otherwise.
    pub packages: Vec<(String, Refusal)>,
}

impl Refusal {
    /// A refusal with its fix.
    pub fn new(reason: Reason, what: impl Into<String>, fix: impl Into<String>) -> Self {
        // Its text quotes file names and config values: shown, never obeyed by a terminal,
        // and a line break in one does not break the refusal's one line.
        Refusal {
            reason,
            what: crate::printable::visible(&what.into()),
            fix: Some(crate::printable::visible(&fix.into())),
            packages: Vec::new(),
        }
    }

    /// A refusal whose text already says everything.
    pub fn bare(reason: Reason, what: impl Into<String>) -> Self {
        Refusal {
            reason,
            what: crate::printable::visible(&what.into()),
            fix: None,
            packages: Vec::new(),
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.fix {
            Some(fix) => write!(f, "{}; {fix}", self.what),
            None => f.write_str(&self.what),
        }
    }
}

impl Error {
    /// The refusal this error is, when it is one ([`Error::is_refusal`]): a version file's
    /// refusal becomes a [`Reason::VersionFile`] refusal.
    pub fn into_refusal(self) -> Result<Refusal, Error> {
        match self {
            Error::Refused(r) => Ok(r),
            e if e.is_refusal() => Ok(Refusal::bare(Reason::VersionFile, e.to_string())),
            e => Err(e),
        }
    }
}

impl From<Refusal> for Error {
    fn from(r: Refusal) -> Self {
        Error::Refused(r)
    }
}

macro_rules! reasons {
    ($($variant:ident = $name:literal, $doc:literal;)*) => {
        /// The rule behind a [`Refusal`]; its name is the `reason` in JSON output.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Reason {
            $(#[doc = $doc] $variant,)*
        }

        impl Reason {
            /// Every reason.
            pub const ALL: &[Reason] = &[$(Reason::$variant),*];

            /// The name used in JSON output (docs/json.md).
            pub fn name(self) -> &'static str {
                match self { $(Reason::$variant => $name,)* }
            }
        }
    };
}

reasons! {
    NoCommits = "no-commits", "the repository has no commits yet";
    TagExists = "tag-exists", "the release tag already exists";
    ChangedSincePlan = "changed-since-plan", "HEAD or a file changed between plan and commit";
    OperationInProgress = "operation-in-progress", "a merge, rebase or similar is in progress";
    DirtyTree = "dirty-tree", "the work tree has changes";
    DetachedHead = "detached-head", "HEAD is not on a branch";
    Identity = "identity", "git does not know who makes the release commit (`user.name`, `user.email`)";
    Branch = "branch", "the branch is not a release branch";
    Channel = "channel", "a stable release asked on a branch `[release] channels` makes pre-releases on, without `--allow-stable`";
    Behind = "behind", "the branch is behind its upstream";
    CommitMessage = "commit-message", "`release.commit_message` makes release commits that fail the lint";
    Unlinted = "unlinted", "a commit not pushed yet fails the lint (pre-push would refuse it under the release tag)";
    Changelog = "changelog", "the changelog cannot take the release's section, or is not Keep a Changelog and `--rebuild` would replace it";
    Version = "version", "no next version follows (e.g. a component at its maximum)";
    NotGreater = "not-greater", "the version is not above every existing one";
    VersionFile = "version-file", "a version file cannot take the new version";
    HalfMade = "half-made", "a release commit lacks its tag (an interrupted release)";
    PublishedTag = "published-tag", "a remote has the release tag `--resume` would move onto a rewritten release commit";
    HandTagUnfinished = "hand-tag-unfinished", "a hand tag's release commit was interrupted";
    NothingToResume = "nothing-to-resume", "`--resume` found no interrupted release";
    Dependent = "dependent", "a dependent package's requirement cannot be rewritten";
    NothingToRelease = "nothing-to-release", "no commits since the last release";
    NothingForChangelog = "nothing-for-changelog", "no commit since the last release has a changelog entry";
    TestsFailed = "tests-failed", "the tests failed";
    TestsCannotStart = "tests-cannot-start", "the test command cannot start";
    Tag = "tag", "a tag relhook cannot carry over";
    SparseCheckout = "sparse-checkout", "a file the release edits is outside the sparse checkout";
    HiddenChanges = "hidden-changes", "a file the release edits has local changes hidden by `git update-index --skip-worktree` or `--assume-unchanged`";
    Filter = "filter", "a file the release writes is under a `filter` attribute (git-lfs) that git cannot run here";
    Signing = "signing", "the release signs (its tag: `--sign`, `[release] sign`, `tag.gpgSign`; its commit: `commit.gpgSign`) and git cannot sign here";
    NoNotes = "no-notes", "a release's notes cannot be told: an empty or doubtful changelog section, or no section and no commit with an entry";
    ReleaseRunning = "release-running", "another relhook release is at work in this repository (its tests may be running)";
    RelhookRunning = "relhook-running", "another relhook command is still writing its changes in this repository (its transaction is open)";
    ReplacedHistory = "replaced-history", "replace refs (`git replace`) that git follows and relhook does not are in force";
    Interrupted = "interrupted", "`--dry-run`, which writes nothing, met a relhook command interrupted half done, which a command that writes finishes or undoes first";
}

impl Error {
    /// Wraps an I/O error with the file and the action (see [`permission_fix`]).
    pub fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            action,
            path: path.into(),
            source,
        }
    }

    /// Wraps a libgit2 error with what relhook was doing.
    pub fn git(context: impl Into<String>, source: git2::Error) -> Self {
        // A file libgit2 could not open, which it calls gone: the read that failed, and why.
        if let Some((path, why)) = denied::still_there(source.message()) {
            return Error::io("read", path, why);
        }
        // A file it could not make for the folder's permissions: the folder to look at.
        if let Some((action, path, why)) = denied::not_made(source.message()) {
            return Error::io(action, path, why);
        }
        let mut context = context.into();
        // An index libgit2 cannot read: no retry helps, so say the fix.
        if let Some((what, fix)) = unreadable_index(source.message()) {
            context.push_str(&format!(
                " (this clone uses {what}, which relhook's git library cannot read; `{fix}` turns it off)"
            ));
        }
        Error::Git { context, source }
    }

    /// The command that turns off the index format this error is libgit2's refusal of (a
    /// split or sparse index), when it is one: nothing relhook does works until then.
    pub fn unreadable_index_fix(&self) -> Option<&'static str> {
        match self {
            Error::Git { source, .. } => unreadable_index(source.message()).map(|(_, fix)| fix),
            _ => None,
        }
    }

    /// For a journal relhook cannot read ([`Error::BadJournal`]): the command that removes it
    /// (first, as nothing relhook does gets past it until then), and what is wrong with it.
    pub fn bad_journal_removal(&self) -> Option<(String, String)> {
        let Error::BadJournal { path, why } = self else {
            return None;
        };
        // The git directory's path may hold any character (a quote, a line break): one word.
        let shown = path.display().to_string();
        Some((
            format!("rm -r {}", crate::shellword::quote(&shown)),
            format!(
                "`{}` is not a journal relhook can read ({why}), so what an interrupted relhook changed cannot be told from it: check `git status` and `git log -1` first",
                crate::printable::visible(&shown)
            ),
        ))
    }

    /// The signal that interrupted the command, also under an undo that failed after it.
    pub fn interrupted(&self) -> Option<i32> {
        match self {
            Error::Interrupted { signal, .. } => Some(*signal),
            Error::Unfinished { error, .. } => error.interrupted(),
            _ => None,
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
}

impl Error {
    /// [`Error::Locked`] for `path` after waiting `wait`: a lock unchanged for far longer than
    /// the wait is said to be possibly stale (a git that crashed leaves its lock, and waiting
    /// never helps), with the way to remove it.
    pub fn locked(path: PathBuf, wait: std::time::Duration) -> Error {
        let age = std::fs::metadata(&path)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok());
        Error::Locked {
            waited_ms: u64::try_from(wait.as_millis()).unwrap_or(u64::MAX),
            age_s: age.filter(|a| *a > wait + STALE_AFTER).map(|a| a.as_secs()),
            path,
        }
    }

    /// Whether waiting and trying again may help: a lock held now, not one left behind, nor
    /// anything else (an index relhook cannot read stays so, however often it is asked).
    pub fn retry_may_help(&self) -> bool {
        matches!(self, Error::Locked { age_s: None, .. })
    }
}

/// How much longer than relhook's wait a lock must have stood to be called possibly stale.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(5);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_config_lock_git_names_is_the_hint() {
        let e = Error::GitCommand {
            args: "config --local x y".into(),
            status: Some(255),
            stderr: "error: could not lock config file .git/config: File exists\n".into(),
        };
        let hint = e.hint().unwrap();
        assert!(hint.contains("`rm .git/config.lock`"), "{hint}");
    }

    #[test]
    fn git_failures_are_said_in_one_line() {
        let e = Error::GitCommand {
            args: "tag -s v1".into(),
            status: Some(128),
            stderr: "fatal: cannot exec 'gpg': No such file\nerror: gpg failed to sign the data:\n(no gpg output)\nerror: unable to sign the tag\n".into(),
        };
        assert_eq!(
            e.to_string(),
            "`git tag -s v1` failed (exit 128): fatal: cannot exec 'gpg': No such file; error: gpg failed to sign the data; (no gpg output); error: unable to sign the tag"
        );
    }

    /// QA32: a ref lock a killed relhook left named "another git process" only, for a
    /// minute; it is named with the way to remove it at once, under a condition.
    #[test]
    fn a_lock_outlasting_the_wait_names_its_removal() {
        let dir = tempfile::tempdir().unwrap();
        let lock = dir.path().join("v0.1.0.lock");
        std::fs::write(&lock, "x").unwrap();
        let said = Error::locked(lock.clone(), std::time::Duration::from_millis(30)).to_string();
        assert!(
            said.contains("held by another git process (waited 30 ms)"),
            "{said}"
        );
        assert!(
            said.contains("if no git command is running, remove it (`rm ")
                && said.contains("v0.1.0.lock`)"),
            "{said}"
        );
    }

    #[test]
    fn every_refusal_reason_is_documented_for_json_readers() {
        let doc = include_str!("../../docs/json.md");
        for r in Reason::ALL {
            assert!(
                doc.contains(&format!("`{}`", r.name())),
                "{} missing from docs/json.md",
                r.name()
            );
        }
    }

    #[test]
    fn a_refusal_prints_as_one_line_what_then_fix() {
        let r = Refusal::new(
            Reason::DirtyTree,
            "the working tree is not clean (a)",
            "commit first",
        );
        assert_eq!(
            Error::from(r).to_string(),
            "the working tree is not clean (a); commit first"
        );
        let r = Refusal::bare(Reason::TestsFailed, "the tests failed");
        assert_eq!(Error::Refused(r).to_string(), "the tests failed");
    }

    #[test]
    fn a_permission_refusal_says_how_to_see_and_change_the_permissions() {
        // The file is there (one not made yet names its folder alone).
        let dir = tempfile::tempdir().unwrap();
        let docs = dir.path().join("docs");
        std::fs::create_dir(&docs).unwrap();
        let file = docs.join("CHANGE LOG.md");
        std::fs::write(&file, "x").unwrap();
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let e = Error::io("read", &file, denied);
        let said = e.to_string();
        assert!(
            said.starts_with(&format!(
                "cannot read `{}`: permission denied",
                file.display()
            )),
            "{said}"
        );
        let q = |p: &std::path::Path| crate::shellword::quote(&p.display().to_string());
        assert!(
            said.ends_with(&format!("; `ls -ld {} {}` shows who may change them (`chmod u+rw` the file, `u+rwx` the folder, as its owner)", q(&file), q(&docs))),
            "{said}"
        );
        // Any other error is said as it is.
        let gone = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert_eq!(
            Error::io("read", "CHANGELOG.md", gone).to_string(),
            "cannot read `CHANGELOG.md`: entity not found"
        );
        let top = Error::io(
            "write",
            "CHANGELOG.md",
            std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        );
        assert!(top.to_string().contains("`ls -ld CHANGELOG.md .`"), "{top}");
    }
}
