//! Test records: `[checks] test` is run as an argv list (never through a shell) and a pass is
//! recorded as a git note under `refs/notes/relhook-tests` on the commit. A record names the
//! commit's tree, so it counts for every commit with that tree (an amended message needs no
//! new run), and CI can publish it by pushing the notes ref. A package's record names the tree
//! of its directory and a digest of what its tests build on outside it ([`Depends`]).

mod checkout;
mod depends;
pub mod leftovers;
mod relay;

use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};

use git2::Oid;

use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::{Error, Result};

pub use checkout::{Checkout, leaked, sweep as sweep_leaked};
pub use depends::Depends;

/// The notes ref test records live under.
pub const NOTES_REF: &str = "refs/notes/relhook-tests";

/// The command that brings `remote`'s test records into this clone's, whatever either holds:
/// fetched into a ref of their own (a fetch into [`NOTES_REF`] is refused as non-fast-forward
/// once both sides recorded runs), then merged with `union`, which keeps every record whole
/// (`cat_sort_uniq` would sort a record's lines into another's).
pub fn fetch_records_command(remote: &str) -> String {
    let remote = crate::shellword::quote(remote);
    format!(
        "git fetch {remote} +{NOTES_REF}:{NOTES_REF}-fetched && git notes --ref={NOTES_REF} merge -s union {NOTES_REF}-fetched"
    )
}

/// The command that publishes this clone's records to `remote`: the remote's merged in first
/// when it has some (asked first: a fetch of a ref the remote lacks says `fatal:` on a first
/// publish), since a clone that never fetched them (a CI run's) would otherwise be refused as
/// non-fast-forward from the second run on.
pub fn publish_records_command(remote: &str) -> String {
    let quoted = crate::shellword::quote(remote);
    format!(
        "{{ git ls-remote --exit-code {quoted} {NOTES_REF} >/dev/null && {}; }}; git push {quoted} {NOTES_REF}",
        fetch_records_command(remote),
    )
}

/// One passing test run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestRecord {
    /// The tree that passed.
    pub tree: String,
    /// The command that ran.
    pub command: String,
    /// When, in seconds since the epoch.
    pub time: i64,
    /// The relhook version that recorded it.
    pub relhook: String,
    /// In a monorepo, the package whose tests passed: `tree` is then the tree of the
    /// package's directory, not the commit's.
    pub package: Option<String>,
    /// A package's record: the [`Depends::digest`] of what its tests built on outside its
    /// directory. `None` in a record made before relhook wrote it, which counts for no tag.
    pub depends: Option<String>,
}

impl TestRecord {
    fn render(&self) -> String {
        let package = self
            .package
            .as_ref()
            .map(|p| format!("package: {p}\n"))
            .unwrap_or_default();
        let depends = self
            .depends
            .as_ref()
            .map(|d| format!("depends: {d}\n"))
            .unwrap_or_default();
        format!(
            "relhook-test-record: pass\ntree: {}\n{package}{depends}command: {}\ntime: {} ({})\nrelhook: {}\n",
            self.tree,
            self.command,
            self.time,
            crate::date::ymd(self.time, 0),
            self.relhook
        )
    }

    /// Every record a note holds (a commit carries one note; a monorepo release commit holds
    /// one record per package tested on it, one after the other).
    pub fn parse_all(text: &str) -> Vec<TestRecord> {
        let mut blocks: Vec<String> = Vec::new();
        for line in text.lines() {
            if line.starts_with("relhook-test-record:") || blocks.is_empty() {
                blocks.push(String::new());
            }
            if let Some(b) = blocks.last_mut() {
                b.push_str(line);
                b.push('\n');
            }
        }
        blocks.iter().filter_map(|b| TestRecord::parse(b)).collect()
    }

    fn parse(text: &str) -> Option<TestRecord> {
        let field = |name: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(name)?.strip_prefix(": "))
                .map(str::to_owned)
        };
        if field("relhook-test-record").as_deref() != Some("pass") {
            return None;
        }
        Some(TestRecord {
            tree: field("tree")?,
            command: field("command").unwrap_or_default(),
            time: field("time")
                .and_then(|t| t.split_whitespace().next()?.parse().ok())
                .unwrap_or(0),
            relhook: field("relhook").unwrap_or_default(),
            package: field("package"),
            depends: field("depends"),
        })
    }
}

/// How a test run ended.
#[derive(Debug)]
pub enum RunStatus {
    /// The command ran to its end (passing or not).
    Finished(ExitStatus),
    /// The command could not be started at all.
    CannotStart {
        /// Why, in one sentence naming the command.
        reason: String,
        /// The exit status a shell would give: 127 not found, 126 not executable.
        code: u8,
    },
}

impl RunStatus {
    /// Whether the tests ran and passed.
    pub fn passed(&self) -> bool {
        matches!(self, RunStatus::Finished(s) if s.success())
    }

    /// The exit code that reports this run as a shell would: the command's own code, 128 +
    /// the signal that killed it, 127 when it was not found, 126 when it cannot be executed.
    pub fn exit_code(&self) -> u8 {
        match self {
            RunStatus::Finished(s) => exit_code(s),
            RunStatus::CannotStart { code, .. } => *code,
        }
    }

    /// A short description for reports: `exit code 3`, `killed by signal 9`, or why it
    /// could not start.
    pub fn describe(&self) -> String {
        match self {
            RunStatus::Finished(s) => match s.code() {
                Some(c) => format!("exit code {c}"),
                None => format!("{s}"),
            },
            RunStatus::CannotStart { reason, .. } => reason.clone(),
        }
    }
}

fn exit_code(status: &ExitStatus) -> u8 {
    if let Some(c) = status.code() {
        return u8::try_from(c & 0xff).unwrap_or(1);
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            return u8::try_from(128 + (sig & 0x7f)).unwrap_or(1);
        }
    }
    1
}

/// A command line as a POSIX shell reads it back into `argv`: each word as is when it is
/// plainly safe, else in single quotes (`sh -c 'sleep 0.3'`), so a shown command can be
/// pasted into a terminal and runs the same.
pub fn shown(argv: &[String]) -> String {
    argv.iter()
        .map(|w| crate::shellword::quote(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Variables git exports to hooks that would point a child `git` at the wrong repository or
/// index. The test command runs in `dir` as a repository of its own.
const GIT_LOCAL_VARS: &[&str] = &[
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_PREFIX",
    "GIT_COMMON_DIR",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_QUARANTINE_PATH",
];

/// The user's `GIT_DIR` and `GIT_WORK_TREE` (or the repository's `core.worktree`), made
/// absolute, when the work tree they name is `dir` and `dir` has no `.git` of its own to find
/// the repository by.
fn kept_apart(dir: &Path) -> Option<(std::path::PathBuf, std::path::PathBuf)> {
    let cwd = std::env::current_dir().ok()?;
    let git_dir = cwd.join(std::env::var_os("GIT_DIR")?);
    // Without GIT_WORK_TREE, the repository's `core.worktree` (relative to the git dir).
    let work_tree = match std::env::var_os("GIT_WORK_TREE") {
        Some(w) => cwd.join(w),
        None => crate::git::core_worktree(&git_dir)?,
    };
    let same = work_tree.canonicalize().ok()? == dir.canonicalize().ok()?;
    (same && dir.join(".git").symlink_metadata().is_err()).then_some((git_dir, work_tree))
}

/// Runs the test command in `dir`, its output streamed to the terminal (stdout goes to
/// stderr, as in hooks, so that a caller's stdout stays clean). Failing to start is a
/// [`RunStatus::CannotStart`], not an error: it is a verdict on the configured command.
pub fn run_status(argv: &[String], dir: &Path) -> Result<RunStatus> {
    let (program, args) = argv.split_first().ok_or_else(|| {
        let example = crate::init::example_test_command(dir, None);
        // An empty `test = []`: the file is there.
        Error::NoTestCommand(
            "[checks] test".into(),
            crate::init::toml_argv(&example),
            true,
        )
    })?;
    let mut cmd = Command::new(program);
    cmd.args(args).current_dir(dir).stdin(Stdio::null());
    for var in GIT_LOCAL_VARS {
        cmd.env_remove(var);
    }
    // A repository kept apart from its work tree (`GIT_DIR=~/.dotfiles GIT_WORK_TREE=~`),
    // tested in that work tree: git finds it only so, and the tests see it as the user does.
    if let Some((git_dir, work_tree)) = kept_apart(dir) {
        cmd.env("GIT_DIR", git_dir).env("GIT_WORK_TREE", work_tree);
    }
    // Whether the command gets a process group of its own (its id), asked after it ends.
    #[cfg(unix)]
    let own_group = !has_terminal();
    #[cfg(not(unix))]
    let own_group = false;
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        if let Ok(err) = std::io::stderr().as_fd().try_clone_to_owned() {
            cmd.stdout(Stdio::from(err));
        }
        // Without a terminal (CI), a process group of its own: a signal that stops relhook
        // (a CI timeout's SIGTERM) stops the command with every process it started
        // (`interrupt::stop`), not only the first. At a terminal the command stays in
        // relhook's group: a group of its own would be in the background, and the first
        // pager, prompt or `stty` in it would stop it for good (SIGTTIN, SIGTTOU); there a
        // Ctrl-C reaches the whole group already.
        if own_group {
            std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
        }
    }
    end_with_relhook(&mut cmd);
    // The command has a process group of its own, which a terminal's Ctrl-C does not reach:
    // relhook takes the signal (under a guard, wherever it is called from) and passes it on.
    let _deferred = crate::interrupt::Deferred::begin();
    // A stop asked for before the command starts (`interrupt`): it does not start.
    crate::interrupt::check("testing")?;
    let relay = relay::attach(&mut cmd);
    let spawned = cmd.spawn();
    // relhook's copies of the output file's descriptors go with it.
    drop(cmd);
    let group = spawned.as_ref().ok().map(|c| c.id()).filter(|_| own_group);
    let ended = match spawned {
        Ok(mut child) => wait(&mut child).map(RunStatus::Finished),
        Err(e) => {
            let (why, code) = match e.kind() {
                std::io::ErrorKind::NotFound => (" was not found (not on PATH?)", 127),
                std::io::ErrorKind::PermissionDenied => (" is not executable (chmod +x?)", 126),
                _ => (" could not be started", 126),
            };
            Ok(RunStatus::CannotStart {
                reason: format!("the test command `{}`{why}: {e}", shown(argv)),
                code,
            })
        }
    };
    if let Some(relay) = relay {
        relay.finish(group);
    }
    ended
}

/// A relhook killed outright (SIGKILL, which it cannot pass on) takes the test command with
/// it: a suite left running would write into the work tree after the release it tested was
/// undone, beside the run a `--resume` starts. Linux's parent-death signal: the same SIGTERM a
/// caught signal passes on.
#[cfg(target_os = "linux")]
fn end_with_relhook(cmd: &mut Command) {
    let parent = libc::pid_t::try_from(std::process::id()).unwrap_or(0);
    // SAFETY: between fork and exec only async-signal-safe calls (prctl, getppid, _exit) are made,
    // and nothing is allocated.
    unsafe {
        std::os::unix::process::CommandExt::pre_exec(cmd, move || {
            if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            // relhook died before the signal was asked for: nothing would send it. Ended here,
            // not with an error: std would write that error to the dead parent, fail, and
            // abort with a runtime error on the terminal.
            if libc::getppid() != parent {
                libc::_exit(126);
            }
            Ok(())
        });
    }
}

#[cfg(not(target_os = "linux"))]
fn end_with_relhook(_: &mut Command) {}

/// Whether relhook has a controlling terminal (`/dev/tty` opens).
#[cfg(unix)]
fn has_terminal() -> bool {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .custom_flags(libc::O_NOCTTY)
        .open("/dev/tty")
        .is_ok()
}

/// Waits for the test command; under an `interrupt` guard, a signal relhook receives stops
/// it (the same signal, then SIGKILL after 5 s: a Ctrl-C that reached it too has ended it
/// already) and is the error, whatever the command's own end.
fn wait(child: &mut std::process::Child) -> Result<ExitStatus> {
    let io = |e| Error::io("wait for", "the test command", e);
    loop {
        if let Some(signal) = crate::interrupt::received() {
            crate::interrupt::stop(child, signal, std::time::Duration::from_secs(5));
            return Err(crate::interrupt::interrupted(signal, "testing"));
        }
        if let Some(status) = child.try_wait().map_err(io)? {
            return Ok(status);
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// Why `argv` would not start in `dir`, judged without running it, as [`run_status`] would
/// find: its program is not found (on PATH, or at its path when it names one) or is not
/// executable. `None` when it would start, or cannot be judged (an empty argv).
pub fn cannot_start(argv: &[String], dir: &Path) -> Option<RunStatus> {
    let program = argv.first()?;
    let candidates: Vec<std::path::PathBuf> = if program.contains('/') {
        vec![dir.join(program)]
    } else {
        let path = std::env::var_os("PATH").unwrap_or_default();
        std::env::split_paths(&path)
            .map(|d| dir.join(d).join(program))
            .collect()
    };
    let files: Vec<_> = candidates
        .iter()
        .filter_map(|c| std::fs::metadata(c).ok())
        .filter(std::fs::Metadata::is_file)
        .collect();
    #[cfg(unix)]
    let runnable = |m: &std::fs::Metadata| {
        use std::os::unix::fs::PermissionsExt;
        m.permissions().mode() & 0o111 != 0
    };
    #[cfg(not(unix))]
    let runnable = |_: &std::fs::Metadata| true;
    let (why, code) = match files.first() {
        _ if files.iter().any(runnable) => return None,
        Some(_) => (" is not executable (chmod +x?)", 126),
        None => (" was not found (not on PATH?)", 127),
    };
    Some(RunStatus::CannotStart {
        reason: format!("the test command `{}`{why}", shown(argv)),
        code,
    })
}

/// [`run_status`] for callers that treat a command that cannot start as an error.
pub fn run(argv: &[String], dir: &Path) -> Result<ExitStatus> {
    match run_status(argv, dir)? {
        RunStatus::Finished(s) => Ok(s),
        RunStatus::CannotStart { reason, .. } => Err(Error::Refused(Refusal::bare(
            Reason::TestsCannotStart,
            reason,
        ))),
    }
}

/// Records that `commit`'s tree passed `argv`.
pub fn record(repo: &Repo, commit: Oid, argv: &[String]) -> Result<TestRecord> {
    let tree = repo
        .tree_of(commit)
        .ok_or_else(|| Error::MissingCommit(commit.to_string()))?;
    write_record(repo, commit, tree, None, argv)
}

/// Records that package `p`'s directory at `commit` passed `argv`: the record is keyed by
/// the tree of that directory and by what its tests build on outside it ([`Depends`]), so it
/// counts for any commit where both are the same, whatever changed elsewhere.
fn record_package(
    repo: &Repo,
    config: &crate::config::Config,
    commit: Oid,
    p: &crate::config::Package,
    argv: &[String],
) -> Result<TestRecord> {
    let tree = repo
        .path_id(commit, &p.path)
        .ok_or_else(|| Error::MissingPath {
            path: p.path.clone(),
            commit: commit.to_string(),
        })?;
    let depends = Depends::at(repo, config, commit, &p.path).digest();
    write_record(repo, commit, tree, Some((&p.name, depends)), argv)
}

fn write_record(
    repo: &Repo,
    commit: Oid,
    tree: Oid,
    package: Option<(&str, String)>,
    argv: &[String],
) -> Result<TestRecord> {
    let (package, depends) = package.unzip();
    let rec = TestRecord {
        tree: tree.to_string(),
        command: argv.join(" "),
        time: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0)),
        relhook: env!("CARGO_PKG_VERSION").to_owned(),
        package: package.map(str::to_owned),
        depends,
    };
    // The other records of this commit's note stay (other packages, or the whole tree).
    let mut text: String = repo
        .note(NOTES_REF, commit)
        .map(|n| TestRecord::parse_all(&n))
        .unwrap_or_default()
        .into_iter()
        .filter(|r| r.package != rec.package)
        .map(|r| r.render() + "\n")
        .collect();
    text.push_str(&rec.render());
    // The other records, read from a note a partial clone could not fetch, would be lost.
    repo.all_fetched()?;
    repo.write_note(NOTES_REF, commit, &text)?;
    Ok(rec)
}

/// A passing record for what `config` releases at `commit`: the package's directory in a
/// package's view, else the whole tree.
pub fn find_for(repo: &Repo, config: &crate::config::Config, commit: Oid) -> Option<TestRecord> {
    match &config.package {
        Some(p) => find_package(repo, config, commit, p),
        None => find(repo, commit),
    }
}

/// Records a pass of `argv` for what `config` releases at `commit` (see [`find_for`]).
pub fn record_for(
    repo: &Repo,
    config: &crate::config::Config,
    commit: Oid,
    argv: &[String],
) -> Result<TestRecord> {
    match &config.package {
        Some(p) => record_package(repo, config, commit, p, argv),
        None => record(repo, commit, argv),
    }
}

/// A passing record for `commit`'s tree, from any commit's note.
pub fn find(repo: &Repo, commit: Oid) -> Option<TestRecord> {
    let tree = repo.tree_of(commit)?.to_string();
    find_tree(repo, commit, &tree, None)
}

/// A passing record of package `p` for the tree of its directory at `commit` and what its
/// tests build on there ([`Depends`]), from any commit's note.
fn find_package(
    repo: &Repo,
    config: &crate::config::Config,
    commit: Oid,
    p: &crate::config::Package,
) -> Option<TestRecord> {
    let tree = repo.path_id(commit, &p.path)?.to_string();
    let depends = Depends::at(repo, config, commit, &p.path).digest();
    find_tree(repo, commit, &tree, Some((&p.name, depends)))
}

fn find_tree(
    repo: &Repo,
    commit: Oid,
    tree: &str,
    package: Option<(&str, String)>,
) -> Option<TestRecord> {
    let (package, depends) = package.unzip();
    let wanted =
        |r: &TestRecord| r.tree == tree && r.package.as_deref() == package && r.depends == depends;
    if let Some(r) = repo
        .note(NOTES_REF, commit)
        .and_then(|n| TestRecord::parse_all(&n).into_iter().find(wanted))
    {
        return Some(r);
    }
    repo.find_note(NOTES_REF, |text| {
        TestRecord::parse_all(text).into_iter().find(wanted)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_commands_paste_back_into_the_same_argv() {
        let argv = |a: &[&str]| a.iter().map(|w| (*w).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            shown(&argv(&["cargo", "test", "-p", "api"])),
            "cargo test -p api"
        );
        assert_eq!(
            shown(&argv(&["sh", "-c", "sleep 0.3"])),
            "sh -c 'sleep 0.3'"
        );
        assert_eq!(
            shown(&argv(&["pnpm", "--filter", "@x/a", "test"])),
            "pnpm --filter @x/a test"
        );
        assert_eq!(shown(&argv(&["echo", "it's", ""])), "echo 'it'\\''s' ''");
        assert_eq!(shown(&argv(&["a$b", "*"])), "'a$b' '*'");
    }

    #[test]
    #[cfg(unix)]
    fn cannot_start_says_what_a_run_would_find() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let code = |argv: &[&str]| {
            let argv: Vec<String> = argv.iter().map(|a| (*a).to_owned()).collect();
            match cannot_start(&argv, dir.path()) {
                Some(RunStatus::CannotStart { code, .. }) => Some(code),
                _ => None,
            }
        };
        assert_eq!(code(&["sh", "-c", "true"]), None, "on PATH");
        assert_eq!(code(&["relhook-test-no-such-program"]), Some(127));
        let script = dir.path().join("t.sh");
        std::fs::write(&script, "#!/bin/sh\n").unwrap();
        assert_eq!(
            code(&["./t.sh"]),
            Some(126),
            "a path, relative to the directory"
        );
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(code(&["./t.sh"]), None);
        assert_eq!(code(&["./missing.sh"]), Some(127));
    }

    #[test]
    fn record_round_trips() {
        let r = TestRecord {
            tree: "abc".into(),
            command: "cargo test".into(),
            time: 1_767_268_800,
            relhook: "0.1.0".into(),
            package: None,
            depends: None,
        };
        assert_eq!(TestRecord::parse(&r.render()), Some(r.clone()));
        assert_eq!(TestRecord::parse("something else"), None);
        let p = TestRecord {
            tree: "def".into(),
            package: Some("api".into()),
            depends: Some("0123".into()),
            ..r.clone()
        };
        let both = format!("{}\n{}", p.render(), r.render());
        assert_eq!(TestRecord::parse_all(&both), [p, r]);
    }
}
