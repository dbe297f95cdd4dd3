//! The one place relhook starts the `git` program. git2 does reads and object writes; `git`
//! runs only where git2 cannot do the job (signing, `git config --show-scope`, `git
//! merge-file`, a file's clean filter). Every failure is [`Error::GitCommand`] with the
//! command, status and stderr.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::{Error, Result};

/// The `RELHOOK_SKIP` value of relhook's own git commands: it skips relhook's hooks as any
/// yes does (shims from before it included), and the hooks say nothing of it.
pub const SKIP_QUIETLY: &str = "internal";

/// What a finished `git` said.
#[derive(Debug)]
pub struct GitOutput {
    /// The exit status (`None`: killed by a signal).
    pub status: Option<i32>,
    /// Its standard output.
    pub stdout: Vec<u8>,
    /// Its standard error, trimmed.
    pub stderr: String,
    /// The arguments, for error messages.
    args: String,
}

impl GitOutput {
    /// Whether git exited 0.
    pub fn success(&self) -> bool {
        self.status == Some(0)
    }

    /// Standard output as text when git succeeded, else [`Error::GitCommand`].
    pub fn ok(self) -> Result<String> {
        if !self.success() {
            return Err(self.into_error());
        }
        String::from_utf8(self.stdout).map_err(|_| Error::GitCommand {
            args: self.args,
            status: Some(0),
            stderr: "its output is not UTF-8".into(),
        })
    }

    /// The failure as an error.
    pub fn into_error(self) -> Error {
        Error::GitCommand {
            args: self.args,
            stderr: stale_lock(&self.stderr).unwrap_or(self.stderr),
            status: self.status,
        }
    }
}

/// The signal that ended a process, where the platform says.
fn killed_by(status: &std::process::ExitStatus) -> Option<i32> {
    #[cfg(unix)]
    {
        std::os::unix::process::ExitStatusExt::signal(status)
    }
    #[cfg(not(unix))]
    {
        let _ = status;
        None
    }
}

/// git's eight lines about a lock file it found (`Unable to create '….lock': File exists.`)
/// in one, naming the file to remove: a git process killed mid-update leaves its lock behind,
/// and every later update of that ref (or index) fails until it goes.
fn stale_lock(stderr: &str) -> Option<String> {
    let (before, rest) = stderr.split_once("Unable to create '")?;
    let (path, _) = rest.split_once("': File exists")?;
    // `fatal: cannot lock ref 'refs/tags/v1.0.0': ` says which ref; the index's says none.
    let what = before
        .lines()
        .last()
        .map(|l| l.trim_start_matches("fatal: ").trim_end())
        .filter(|l| !l.is_empty())
        .map(|l| format!("{} ", l));
    Some(format!(
        "{}{path} exists: another git process is at work in this repository, or one was killed and left it; if none is running, remove it (`rm {}`)",
        what.unwrap_or_default(),
        crate::shellword::quote(path)
    ))
}

/// git's refusal of a repository owned by another user (`fatal: detected dubious ownership
/// ...`, then its advice over several lines) in one line, with the command git names, for
/// every command that asks git first: `None` when git refused for another reason. `why` is
/// said when git gives no reason of its own.
pub(super) fn untrusted(stderr: &str, why: &str) -> Option<Error> {
    let fix = stderr
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("git config --global --add safe.directory"))?;
    let why = stderr
        .lines()
        .find(|l| l.starts_with("fatal:"))
        .map_or(why, |l| l.trim_start_matches("fatal: "));
    Some(Error::Usage(format!(
        "git refuses to work here: {why}; if you trust this repository: `{fix}`"
    )))
}

/// The repository's git dir and work tree, when the work tree holds no `.git` that leads to
/// it (`core.worktree` naming a folder elsewhere, or GIT_DIR and GIT_WORK_TREE exported): git
/// started in that work tree would find no repository, so every `git` is told both.
static APART: std::sync::OnceLock<(PathBuf, PathBuf)> = std::sync::OnceLock::new();

/// Notes `git_dir` and `work_tree` for every `git` started from here on, when the work tree
/// has no `.git` of its own (one repository per process: the first noted stands).
pub(super) fn note_layout(git_dir: &Path, work_tree: &Path) {
    if work_tree.join(".git").symlink_metadata().is_err() {
        let _ = APART.set((git_dir.to_owned(), work_tree.to_owned()));
    }
}

/// A `git` command line about to run.
pub struct Git<'a> {
    cmd: Command,
    args: Vec<String>,
    stdin: Option<&'a [u8]>,
}

impl<'a> Git<'a> {
    /// `git ARGS` in `cwd`.
    pub fn new<S: AsRef<OsStr>>(cwd: &Path, args: &[S]) -> Git<'a> {
        let mut cmd = Command::new("git");
        cmd.current_dir(cwd).args(args);
        if let Some((git_dir, work_tree)) = APART.get() {
            cmd.env("GIT_DIR", git_dir).env("GIT_WORK_TREE", work_tree);
        } else {
            // Exported relative to the folder relhook was started in (or, in a hook, as git
            // handed them over): absolute, they name the same repository wherever git runs.
            if let Some(git_dir) = super::locate::env_git_dir() {
                cmd.env("GIT_DIR", git_dir);
            }
            if let Some(work_tree) = super::locate::env_work_tree() {
                cmd.env("GIT_WORK_TREE", work_tree);
            }
        }
        Git {
            cmd,
            args: args
                .iter()
                .map(|a| a.as_ref().to_string_lossy().into_owned())
                .collect(),
            stdin: None,
        }
    }

    /// Feeds `bytes` on standard input.
    pub fn stdin(mut self, bytes: &'a [u8]) -> Self {
        self.stdin = Some(bytes);
        self
    }

    /// With relhook's own hooks switched off, in silence: relhook makes these refs itself, and
    /// the hooks say a skip only to someone who asked for it.
    pub fn skipping_relhook(self) -> Self {
        self.env("RELHOOK_SKIP", SKIP_QUIETLY)
    }

    /// Without the `GIT_INDEX_FILE` relhook was given: for a command that makes or fills
    /// another work tree (a test checkout's `worktree add`), whose index is its own. That
    /// variable names this work tree's index (git gives post-commit a relative `.git/index`,
    /// which the new tree cannot open; a user's exported one would get the other's files).
    pub fn own_index(mut self) -> Self {
        self.cmd.env_remove("GIT_INDEX_FILE");
        self
    }

    /// Sets an environment variable for git.
    pub fn env(mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Self {
        self.cmd.env(key, value);
        self
    }

    /// Runs it to the end, whatever its status.
    pub fn output(mut self) -> Result<GitOutput> {
        let what = format!("git {}", self.args.first().map_or("", String::as_str));
        self.count_remote_ask();
        self.cmd
            .stdin(if self.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = self.cmd.spawn().map_err(|e| not_started(&what, e))?;
        if let (Some(input), Some(mut pipe)) = (self.stdin, child.stdin.take()) {
            use std::io::Write;
            // git may exit without reading everything (e.g. a refused commit): its status
            // says what happened, so a broken pipe here is not the error to report.
            let _ = pipe.write_all(input);
        }
        let out = child
            .wait_with_output()
            .map_err(|e| Error::io("run", what, e))?;
        let mut stderr = String::from_utf8_lossy(&out.stderr).trim().to_owned();
        // Killed, git may say nothing: the signal is the reason then.
        if let Some(signal) = killed_by(&out.status).filter(|_| stderr.is_empty()) {
            stderr = format!("killed by signal {signal}");
        }
        Ok(GitOutput {
            status: out.status.code(),
            stdout: out.stdout,
            stderr,
            args: self.args.join(" "),
        })
    }

    /// Runs it with the terminal: standard output and error are the user's (git's own
    /// messages, its hooks' output and the editor reach them), only `stdin` is fed. Returns
    /// the exit status (`None`: killed by a signal).
    pub fn interactive(mut self) -> Result<Option<i32>> {
        let what = format!("git {}", self.args.first().map_or("", String::as_str));
        self.count_remote_ask();
        if self.stdin.is_some() {
            self.cmd.stdin(Stdio::piped());
        }
        let mut child = self.cmd.spawn().map_err(|e| not_started(&what, e))?;
        if let (Some(input), Some(mut pipe)) = (self.stdin, child.stdin.take()) {
            use std::io::Write;
            // As in `output`: git's status says what happened if it stops reading.
            let _ = pipe.write_all(input);
        }
        let status = child.wait().map_err(|e| Error::io("run", what, e))?;
        Ok(status.code())
    }

    /// Runs it and returns its standard output; a non-zero exit is an error.
    pub fn run(self) -> Result<String> {
        self.output()?.ok()
    }

    /// Counts a command that connects to a remote (see [`REMOTE_ASKS`]).
    fn count_remote_ask(&self) {
        if matches!(subcommand(&self.args), Some("ls-remote" | "fetch")) {
            REMOTE_ASKS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
    }
}

/// How many `git` commands that connect to a remote (`ls-remote`, `fetch`) were started: each
/// may ask for an SSH key's passphrase again, so a test bounds them (`RELHOOK_TEST_REMOTE_ASKS`).
static REMOTE_ASKS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// How many `git` commands this process started that connect to a remote (see [`REMOTE_ASKS`]).
pub fn remote_asks() -> usize {
    REMOTE_ASKS.load(std::sync::atomic::Ordering::Relaxed)
}

/// git's subcommand in `args`: the first word that is not an option of git itself (`-c
/// key=value` and `-C dir` take the next word).
fn subcommand(args: &[String]) -> Option<&str> {
    let mut words = args.iter();
    while let Some(w) = words.next() {
        match w.as_str() {
            "-c" | "-C" => {
                words.next();
            }
            w if w.starts_with('-') => {}
            w => return Some(w),
        }
    }
    None
}

/// Why git (`what`, as `git rev-parse`) did not start: not on PATH is said as that, in the
/// same words by every command, rather than as the OS's "No such file or directory". A
/// folder to run in that is gone fails the same way, so PATH is asked again.
fn not_started(what: &str, e: std::io::Error) -> Error {
    if e.kind() == std::io::ErrorKind::NotFound && !program_found() {
        return Error::GitNotFound {
            release: false,
            dry_run: false,
        };
    }
    Error::io("run", what, e)
}

/// Whether the `git` program starts here (PATH holds it): a release tags through it, and
/// asks first, before it changes anything, rather than find it missing at its tag.
pub fn program_found() -> bool {
    Command::new("git")
        .arg("--version")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// `git merge-file --marker-size=N -L OURS -L BASE -L THEIRS ours base theirs`: a line merge
/// into `ours` with conflict markers of `marker_size` characters labelled `labels` (ours,
/// base, theirs). `Ok(true)` when clean, `Ok(false)` when conflicts were marked.
pub fn merge_file(
    (ours, base, theirs): (&Path, &Path, &Path),
    labels: [&str; 3],
    marker_size: usize,
) -> Result<bool> {
    let size = format!("--marker-size={marker_size}");
    let mut all: Vec<&OsStr> = vec!["merge-file".as_ref(), size.as_ref()];
    for label in labels {
        all.push("-L".as_ref());
        all.push(label.as_ref());
    }
    all.extend([ours.as_os_str(), base.as_os_str(), theirs.as_os_str()]);
    // merge-file exits with the number of conflicts (capped at 127); negative on error.
    let out = Git::new(Path::new("."), &all).output()?;
    match out.status {
        Some(0) => Ok(true),
        Some(n) if (1..=127).contains(&n) => Ok(false),
        _ => Err(out.into_error()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// QA51: only git missing from PATH is said as that; with git there (the tests run it),
    /// a start that fails otherwise (a folder gone) keeps the OS's reason.
    #[test]
    fn a_start_that_fails_with_git_on_path_keeps_its_reason() {
        let gone = std::io::Error::from(std::io::ErrorKind::NotFound);
        let e = not_started("git rev-parse", gone);
        assert!(matches!(e, Error::Io { .. }), "{e:?}");
        assert!(
            !Error::GitNotFound {
                release: false,
                dry_run: false,
            }
            .to_string()
            .contains("release")
        );
    }

    #[test]
    fn a_lock_left_behind_is_named_in_one_line() {
        let git = "fatal: cannot lock ref 'refs/tags/v0.1.0': Unable to create '/r/.git/refs/tags/v0.1.0.lock': File exists.\n\nAnother git process seems to be running in this repository, e.g.\nan editor opened by 'git commit'. Please make sure all processes\nare terminated then try again. If it still fails, a git process\nmay have crashed in this repository earlier:\nremove the file manually to continue.";
        assert_eq!(
            stale_lock(git).unwrap(),
            "cannot lock ref 'refs/tags/v0.1.0': /r/.git/refs/tags/v0.1.0.lock exists: another git process is at work in this repository, or one was killed and left it; if none is running, remove it (`rm /r/.git/refs/tags/v0.1.0.lock`)"
        );
        let index =
            "fatal: Unable to create '/r/.git/index.lock': File exists.\n\nAnother git process…";
        assert!(
            stale_lock(index)
                .unwrap()
                .starts_with("/r/.git/index.lock exists: ")
        );
        assert_eq!(stale_lock("fatal: not a git repository"), None);
    }

    #[test]
    fn another_users_repository_is_named_in_one_line_with_gits_fix() {
        let git = "fatal: detected dubious ownership in repository at '/r'\nTo add an exception for this directory, call:\n\n\tgit config --global --add safe.directory /r";
        let Some(Error::Usage(said)) = untrusted(git, "unused") else {
            panic!("not a usage error");
        };
        assert_eq!(
            said,
            "git refuses to work here: detected dubious ownership in repository at '/r'; if you trust this repository: `git config --global --add safe.directory /r`"
        );
        assert!(untrusted("fatal: not a git repository", "unused").is_none());
    }

    #[cfg(unix)]
    #[test]
    fn a_killed_process_is_named_by_its_signal() {
        let status = |script: &str| {
            std::process::Command::new("sh")
                .args(["-c", script])
                .status()
                .unwrap()
        };
        assert_eq!(killed_by(&status("kill -9 $$")), Some(9));
        assert_eq!(killed_by(&status("exit 3")), None);
    }

    #[test]
    fn failures_carry_command_status_and_stderr() {
        let dir = tempfile::tempdir().unwrap();
        let err = Git::new(dir.path(), &["rev-parse", "--no-such-option-here"])
            .env("GIT_DIR", dir.path().join("nope"))
            .run()
            .unwrap_err();
        match err {
            Error::GitCommand { args, status, .. } => {
                assert!(args.starts_with("rev-parse"), "{args}");
                assert_ne!(status, Some(0));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn merge_file_reports_conflicts() {
        const LABELS: [&str; 3] = ["ours", "base", "theirs"];
        let dir = tempfile::tempdir().unwrap();
        let p = |n: &str, t: &str| {
            let p = dir.path().join(n);
            std::fs::write(&p, t).unwrap();
            p
        };
        let base = p("base", "a\n");
        let ours = p("ours", "b\n");
        let theirs = p("theirs", "c\n");
        assert!(!merge_file((&ours, &base, &theirs), LABELS, 7).unwrap());
        assert!(
            std::fs::read_to_string(&ours)
                .unwrap()
                .contains("<<<<<<< ours")
        );
        let ours = p("ours2", "a\n");
        assert!(merge_file((&ours, &base, &theirs), LABELS, 7).unwrap());
        assert_eq!(std::fs::read_to_string(&ours).unwrap(), "c\n");
    }
}
