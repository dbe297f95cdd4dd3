//! A temporary repository driven through the real `git`, and the `relhook` binary, both with
//! a hermetic environment: no user or system git config, fixed identity and dates.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use assert_fs::TempDir;

pub mod fast_import;
pub mod hand_tag_cost;
pub mod immutable;
pub mod registry_lock;
pub mod squash;
pub mod tag_pages;
pub mod told;
pub mod unwritable;

/// The one relhook binary cargo built for these tests.
pub fn relhook_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_relhook"))
}

/// A scratch repository.
pub struct Repo {
    pub dir: TempDir,
    home: PathBuf,
}

impl Repo {
    /// `git init -b main` in a fresh temporary directory.
    pub fn new() -> Repo {
        let dir = TempDir::new().expect("temp dir");
        let home = dir.path().join(".home");
        std::fs::create_dir_all(&home).unwrap();
        let root = dir.path().join("repo");
        std::fs::create_dir_all(&root).unwrap();
        let repo = Repo { dir, home };
        repo.git(&["init", "-q", "-b", "main"]);
        repo
    }

    /// The top of the work tree.
    pub fn path(&self) -> PathBuf {
        self.dir.path().join("repo")
    }

    /// A command with the hermetic environment, run in `cwd`.
    pub fn command_in(&self, program: impl AsRef<std::ffi::OsStr>, cwd: &Path) -> Command {
        default_interrupts();
        let mut cmd = Command::new(program);
        cmd.current_dir(cwd)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &self.home)
            // git's own temporary files (an SSH signing key's copy, which a killed git leaves)
            // stay in the test's folder, removed with it, not in the machine's /tmp.
            .env("TMPDIR", &self.home)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", self.home.join("gitconfig"))
            .env("GIT_AUTHOR_NAME", "Test Author")
            .env("GIT_AUTHOR_EMAIL", "author@example.com")
            .env("GIT_COMMITTER_NAME", "Test Committer")
            .env("GIT_COMMITTER_EMAIL", "committer@example.com")
            .env("GIT_AUTHOR_DATE", "2026-01-01T12:00:00Z")
            .env("GIT_COMMITTER_DATE", "2026-01-01T12:00:00Z")
            .env("NO_COLOR", "1");
        cmd
    }

    /// Runs git in the repository; panics with its output when it fails.
    pub fn git(&self, args: &[&str]) -> String {
        let out = self.git_output(args);
        assert!(out.status.success(), "git {args:?} failed:\n{}", text(&out));
        String::from_utf8_lossy(&out.stdout).trim_end().to_owned()
    }

    /// Loads a `git fast-import` stream (a long history in one process, where a commit per
    /// `git commit` would take minutes), then checks out `main` as the stream left it.
    pub fn fast_import(&self, stream: &str) {
        use std::io::Write;
        let mut child = self
            .command_in("git", &self.path())
            .args(["fast-import", "--quiet"])
            .stdin(std::process::Stdio::piped())
            .spawn()
            .expect("git fast-import");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(stream.as_bytes())
            .expect("write the stream");
        assert!(
            child.wait().expect("wait").success(),
            "git fast-import failed"
        );
        self.git(&["reset", "-q", "--hard", "main"]);
    }

    /// `n` empty commits `feat: change <i>` on `main`, made at once with [`Repo::fast_import`].
    pub fn feat_history(&self, n: usize) {
        let mut script = String::new();
        for i in 0..n {
            let msg = format!("feat: change {i}\n");
            script.push_str(&format!(
                "commit refs/heads/main\ncommitter A <a@b> {} +0000\ndata {}\n{msg}\n",
                1_700_000_000 + i,
                msg.len()
            ));
        }
        self.fast_import(&script);
    }

    /// Runs git and returns whatever happened.
    pub fn git_output(&self, args: &[&str]) -> Output {
        self.command_in("git", &self.path())
            .args(args)
            .output()
            .expect("run git")
    }

    /// Runs git with `RELHOOK_SKIP=1`, relhook's bypass.
    pub fn git_skipping_relhook(&self, args: &[&str]) -> Output {
        self.command_in("git", &self.path())
            .env("RELHOOK_SKIP", "1")
            .args(args)
            .output()
            .expect("run git")
    }

    /// Runs relhook in the repository.
    pub fn relhook(&self, args: &[&str]) -> Output {
        self.command_in(relhook_bin(), &self.path())
            .args(args)
            .output()
            .expect("run relhook")
    }

    /// Writes a file in the work tree.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) {
        let path = self.path().join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(path, contents).unwrap();
    }

    /// Reads a file of the work tree.
    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path().join(rel)).unwrap()
    }

    /// Commits a new file with `message`, hooks off (`--no-verify`).
    pub fn commit(&self, message: &str) -> String {
        let n = self
            .git(&["rev-list", "--count", "--all"])
            .parse::<usize>()
            .unwrap_or(0);
        let file = format!("f{n}.txt");
        self.write(&file, format!("{message}\n"));
        self.git(&["add", &file]);
        self.git(&["commit", "-q", "--no-verify", "-m", message]);
        self.git(&["rev-parse", "HEAD"])
    }
}

impl Repo {
    /// The default hooks directory, `.git/hooks`.
    pub fn hooks_dir(&self) -> PathBuf {
        self.path().join(".git/hooks")
    }

    /// The test's HOME (git's global file there is `gitconfig`, as GIT_CONFIG_GLOBAL names).
    pub fn home(&self) -> &Path {
        &self.home
    }

    /// A directory of its own beside the repository (created).
    pub fn scratch(&self, name: &str) -> PathBuf {
        let dir = self.dir.path().join(name);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// Runs git in `cwd` with extra environment variables.
    pub fn git_in(&self, cwd: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut cmd = self.command_in("git", cwd);
        cmd.args(args);
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.output().expect("run git")
    }

    /// Runs git in the repository with extra environment variables; panics when it fails.
    pub fn git_env(&self, args: &[&str], env: &[(&str, &str)]) -> String {
        let out = self.git_in(&self.path(), args, env);
        assert!(out.status.success(), "git {args:?} failed:\n{}", text(&out));
        String::from_utf8_lossy(&out.stdout).trim_end().to_owned()
    }

    /// Runs relhook in `cwd`.
    pub fn relhook_in(&self, cwd: &Path, args: &[&str]) -> Output {
        self.command_in(relhook_bin(), cwd)
            .args(args)
            .output()
            .expect("run relhook")
    }

    /// Commits a new file with `message` through the hooks (no `--no-verify`) in `cwd`.
    pub fn try_commit_in(&self, cwd: &Path, message: &str) -> Output {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let file = format!("h{n}.txt");
        std::fs::write(cwd.join(&file), format!("{message}\n")).unwrap();
        let add = self.git_in(cwd, &["add", &file], &[]);
        assert!(add.status.success(), "{}", text(&add));
        self.git_in(cwd, &["commit", "-q", "-m", message], &[])
    }

    /// [`Repo::try_commit_in`] in the repository.
    pub fn try_commit(&self, message: &str) -> Output {
        self.try_commit_in(&self.path(), message)
    }

    /// Commits through the hooks; panics when the commit is refused.
    pub fn commit_hooked(&self, message: &str) {
        let out = self.try_commit(message);
        assert!(
            out.status.success(),
            "commit {message:?} refused:\n{}",
            text(&out)
        );
    }

    /// The subject of HEAD.
    pub fn head_subject(&self) -> String {
        self.git(&["log", "-1", "--format=%s"])
    }
}

/// Every entry of a directory tree with its bytes and (on unix) mode, for "nothing changed"
/// comparisons.
pub fn listing(dir: &Path) -> Vec<(String, Vec<u8>, u32)> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>, u32)>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let path = e.path();
            let rel = path.strip_prefix(base).unwrap().display().to_string();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            #[cfg(unix)]
            let mode = std::os::unix::fs::PermissionsExt::mode(&meta.permissions());
            #[cfg(not(unix))]
            let mode = 0;
            if meta.is_dir() {
                out.push((rel + "/", Vec::new(), mode));
                walk(base, &path, out);
            } else {
                out.push((rel, std::fs::read(&path).unwrap_or_default(), mode));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// Sets a file's unix permission bits.
pub fn chmod(path: &Path, mode: u32) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    #[cfg(not(unix))]
    let _ = (path, mode);
}

/// Whether the tests run as root, whom a file's mode does not stop unless capabilities drop.
pub fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// `program ARGS` in the repository as a user its files' modes apply to: as root, without
/// the capabilities that read and write past them (`None` where capsh is not installed).
pub fn as_user(repo: &Repo, program: &Path, args: &[&str]) -> Option<Output> {
    let mut cmd = if is_root() {
        let mut cmd = repo.command_in("capsh", &repo.path());
        cmd.args([
            "--drop=cap_dac_override,cap_dac_read_search,cap_fowner",
            "--",
            "-c",
            "exec \"$@\"",
            "x",
        ])
        .arg(program);
        cmd
    } else {
        repo.command_in(program, &repo.path())
    };
    cmd.env("RELHOOK_DATE", "2026-11-21").args(args);
    let out = cmd.output().ok()?;
    // capsh missing, or refused the drop (a container without CAP_SETPCAP): no test here.
    (!is_root() || !text(&out).contains("capsh")).then_some(out)
}

/// The absolute path of the `git` found on PATH.
pub fn git_abs() -> PathBuf {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|d| d.join("git"))
        .find(|p| p.is_file())
        .expect("git on PATH")
}

/// stdout and stderr together, for assertion messages.
pub fn text(out: &Output) -> String {
    format!(
        "status: {:?}\n--- stdout\n{}--- stderr\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Standard output as text.
pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

impl Repo {
    /// Writes executable hook shims calling the test binary, as `relhook install` would, and
    /// registers the CHANGELOG.md merge driver.
    pub fn hooks(&self, names: &[&str]) {
        let bin = relhook_bin();
        for name in names {
            let hook = self.path().join(".git/hooks").join(name);
            std::fs::write(
                &hook,
                format!("#!/bin/sh\nexec '{}' hook {name} \"$@\"\n", bin.display()),
            )
            .unwrap();
            make_executable(&hook);
        }
        // The line install registers, with git's conflict labels where this git passes them.
        let labels = relhook::git::version::passes_driver_labels(&self.path());
        let driver = relhook::hooks::driver_line::command(&bin, labels);
        self.git(&["config", "merge.relhook-changelog.driver", &driver]);
        self.write(".gitattributes", "CHANGELOG.md merge=relhook-changelog\n");
    }

    /// A commit through the hooks (`git commit -m`), adding a fresh file.
    pub fn commit_with_hooks(&self, message: &str) -> Output {
        let n = self
            .git(&["rev-list", "--count", "--all"])
            .parse::<usize>()
            .unwrap_or(0);
        let file = format!(
            "h{n}-{}.txt",
            self.git(&["rev-parse", "--abbrev-ref", "HEAD"])
                .replace('/', "-")
        );
        self.write(&file, format!("{message}\n"));
        self.git(&["add", &file]);
        self.git_output(&["commit", "-q", "-m", message])
    }

    /// A side branch and main each get a commit, then main merges side (hooks off) with
    /// `message`: a history with one merge commit.
    pub fn merged_history(&self, side: &str, main: &str, message: &str) {
        self.git(&["checkout", "-q", "-b", "side"]);
        self.commit(side);
        self.git(&["checkout", "-q", "main"]);
        self.commit(main);
        self.git(&[
            "merge",
            "-q",
            "--no-ff",
            "--no-verify",
            "-m",
            message,
            "side",
        ]);
    }

    /// Whether `git status --porcelain` is empty.
    pub fn is_clean(&self) -> bool {
        self.git(&["status", "--porcelain"]).is_empty()
    }
}

/// chmod 755.
pub fn make_executable(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}

/// The Keep a Changelog skeleton relhook writes.
pub const SKELETON: &str = "# Changelog\n\nAll notable changes to this project will be documented in this file.\n\n## [Unreleased]\n";

/// Installs with a second name of relhook that is then deleted (the recorded binary is gone),
/// and returns an empty folder for a PATH. A hard link, not a copy: a copy's write handle,
/// inherited by a process another test thread forks meanwhile, makes running it fail with
/// "text file busy".
pub fn installed_by_a_binary_that_then_goes(repo: &Repo) -> PathBuf {
    let old = repo.scratch("old").join("relhook");
    if std::fs::hard_link(relhook_bin(), &old).is_err() {
        std::fs::copy(relhook_bin(), &old).unwrap();
    }
    let out = repo
        .command_in(&old, &repo.path())
        .arg("install")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    std::fs::remove_file(&old).unwrap();
    repo.scratch("bin")
}

/// A repository with relhook's commit-msg and post-commit hooks and a committed
/// CHANGELOG.md skeleton: where the changelog, signing and transaction tests start.
pub fn hooked_changelog_repo() -> Repo {
    let repo = Repo::new();
    repo.hooks(&["commit-msg", "post-commit"]);
    repo.write("CHANGELOG.md", SKELETON);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo
}

impl Repo {
    /// Runs `relhook ARGS` until failpoint `step` pauses it, then kills it: relhook killed at
    /// that step (e.g. `release-committed`: after the release commit, before tests and tag).
    pub fn relhook_killed_at(&self, step: &str, args: &[&str]) {
        use std::io::BufRead;
        let mut child = self
            .command_in(relhook_bin(), &self.path())
            .args(args)
            .env("RELHOOK_TEST_FAILPOINT", format!("{step}:pause"))
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run relhook");
        let err = std::io::BufReader::new(child.stderr.take().unwrap());
        let paused = err.lines().any(|l| l.is_ok_and(|l| l.contains("pausing")));
        child.kill().unwrap();
        child.wait().unwrap();
        assert!(paused, "relhook {args:?} never reached failpoint {step}");
    }

    /// Runs `git ARGS` (with `env`) until relhook's failpoint `step` pauses one of its hooks,
    /// then kills git's whole process group: git ended (Ctrl-C, a kill) at that step.
    pub fn git_killed_at(&self, step: &str, args: &[&str], env: &[(&str, &str)]) {
        use std::os::unix::process::CommandExt;
        let paused = self.scratch("paused");
        let _ = std::fs::remove_dir_all(&paused);
        let mut child = self
            .command_in("git", &self.path())
            .args(args)
            .envs(env.iter().copied())
            .env("RELHOOK_TEST_FAILPOINT", format!("{step}:pause"))
            .env("RELHOOK_TEST_PAUSED", &paused)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .process_group(0)
            .spawn()
            .expect("spawn git");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while !paused.exists() {
            assert!(
                std::time::Instant::now() < deadline,
                "git {args:?} never reached failpoint {step}"
            );
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let group = -i32::try_from(child.id()).unwrap();
        // SAFETY: kill(2) on the process group this call started.
        assert_eq!(unsafe { libc::kill(group, libc::SIGKILL) }, 0);
        let _ = child.wait();
    }

    /// A folder holding `relhook`, a link to the binary under test, to put first on PATH for
    /// a command line relhook printed (which names plain `relhook`).
    pub fn relhook_on_path(&self) -> PathBuf {
        let dir = self.scratch("relhook-bin");
        let link = dir.join("relhook");
        if !link.exists() {
            #[cfg(unix)]
            std::os::unix::fs::symlink(relhook_bin(), &link).unwrap();
        }
        dir
    }

    /// Runs a command line relhook printed, through `sh`, with the binary under test first
    /// on PATH.
    pub fn sh(&self, line: &str) -> Output {
        let path = format!(
            "{}:{}",
            self.relhook_on_path().display(),
            std::env::var("PATH").unwrap_or_default()
        );
        self.command_in("sh", &self.path())
            .env("PATH", path)
            .args(["-c", line])
            .output()
            .expect("run sh")
    }

    /// A PATH folder with a shell and a few tools but no `git` (and `relhook`, a link to the
    /// binary under test, when `with_relhook`): for the "git is not on PATH" paths.
    #[cfg(unix)]
    pub fn path_without_git(&self, with_relhook: bool) -> PathBuf {
        let bin = self.scratch("no-git-bin");
        if with_relhook {
            std::os::unix::fs::symlink(relhook_bin(), bin.join("relhook")).unwrap();
        }
        for tool in ["sh", "cat", "ls", "rm", "env"] {
            let found = ["/bin", "/usr/bin"]
                .iter()
                .map(|d| Path::new(d).join(tool))
                .find(|p| p.exists());
            if let Some(found) = found {
                std::os::unix::fs::symlink(found, bin.join(tool)).unwrap();
            }
        }
        bin
    }

    /// A bare repository beside this one, added as remote `origin`.
    pub fn with_origin(&self) -> PathBuf {
        let remote = self.scratch("origin.git");
        self.git(&["init", "-q", "--bare", remote.to_str().unwrap()]);
        self.git(&["remote", "add", "origin", remote.to_str().unwrap()]);
        remote
    }
}

/// The command a `next: …` line names: the text after `next: ` up to the first run of three
/// spaces (the reason that follows) or `, then`.
pub fn next_command(err: &str) -> String {
    let line = err
        .lines()
        .find_map(|l| l.strip_prefix("next: "))
        .unwrap_or_else(|| panic!("no `next:` line in:\n{err}"));
    let end = [line.find("   "), line.find(", then")]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(line.len());
    line[..end].to_owned()
}

/// `PATH` with `first` ahead of the test process's own (a stand-in tool, or relhook as after
/// `cargo install`).
pub fn path_with(first: &[&Path]) -> std::ffi::OsString {
    let mut path: Vec<PathBuf> = first.iter().map(|p| p.to_path_buf()).collect();
    path.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(path).expect("PATH")
}

/// `out`, after checking that it succeeded.
pub fn ok(out: Output) -> Output {
    assert!(out.status.success(), "{}", text(&out));
    out
}

/// `out` of a `relhook install` that wired relhook where a hook manager has yet to run it in
/// this clone (husky before `npx husky`, lefthook before `lefthook install`, pre-commit before
/// `pre-commit install`), after checking that it said so and exited 1, as doctor does.
pub fn pending(out: Output) -> Output {
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stdout(&out).contains("once you run `"), "{}", text(&out));
    out
}

/// Runs `cmd` with `input` on its standard input, capturing its output.
pub fn output_with_stdin(cmd: &mut Command, input: &[u8]) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write stdin");
    child.wait_with_output().expect("wait")
}

/// A hand tag: `git tag ARGS` with the hooks, the release date pinned to 2026-11-21.
pub fn hand_tag(repo: &Repo, args: &[&str]) -> Output {
    let mut cmd = repo.command_in("git", &repo.path());
    cmd.env("RELHOOK_DATE", "2026-11-21").arg("tag").args(args);
    cmd.output().expect("run git tag")
}

/// A repository whose .relconfig.toml is what `config` gives for it, with relhook installed
/// and one feature (`one.txt`) committed through the hooks: a release's starting point.
pub fn configured_with_a_feature(config: impl FnOnce(&Repo) -> String) -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", config(&repo));
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.write("one.txt", "1\n");
    repo.git(&["add", "one.txt"]);
    repo.git(&["commit", "-q", "-m", "feat: one"]);
    repo
}

/// A repository whose releases need no test record (`[checks] require_tested_tags = false`
/// committed as `chore: init`), with relhook installed.
pub fn untested_installed() -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo
}

/// A git-cliff project: `changelog` and `cliff` (its cliff.toml) committed past the hooks and
/// released at `v1.0.0`, post-commit installed.
pub fn cliff_released(changelog: &str, cliff: &str) -> Repo {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", changelog);
    repo.write("cliff.toml", cliff);
    repo.hooks(&["post-commit"]);
    repo.git(&["add", "-A"]);
    let skip = [("RELHOOK_SKIP", "1")];
    repo.git_env(&["commit", "-q", "-m", "feat(core): add import"], &skip);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo
}

/// A repository with relhook's hooks installed (`relhook install`) and one commit through them.
pub fn installed_repo() -> Repo {
    let repo = Repo::new();
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.commit_hooked("feat: init");
    repo
}

/// `relhook release ARGS` with the date [`hand_tag`] pins.
pub fn dated_release(repo: &Repo, args: &[&str]) -> Output {
    let mut cmd = repo.command_in(relhook_bin(), &repo.path());
    cmd.env("RELHOOK_DATE", "2026-11-21")
        .arg("release")
        .args(args);
    cmd.output().expect("run relhook release")
}

/// The refusal of a hand tag: git exits 128, no tag is made, HEAD stays; stderr returned.
pub fn hand_tag_refused(repo: &Repo, name: &str) -> String {
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = hand_tag(repo, &["-a", name, "-m", "x"]);
    assert_eq!(out.status.code(), Some(128), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l", name]), "", "no tag was made");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head, "no release commit");
    stderr(&out)
}

/// A stand-in `gpg.program` that signs (a made-up signature git takes) its first `good`
/// requests since the last [`Signer::reset`] and fails every one after, as a key that stops
/// working once relhook has checked that git can sign (a smartcard pulled out): for a test of
/// a step that fails at git's signing after the check passed.
pub struct Signer {
    /// The program, for `git config gpg.program`.
    pub program: PathBuf,
    count: PathBuf,
}

impl Signer {
    /// The stand-in, in a scratch folder of `repo`.
    pub fn failing_after(repo: &Repo, good: u32) -> Signer {
        let dir = repo.scratch("signer");
        let count = dir.join("count");
        let program = dir.join("gpg");
        std::fs::write(
            &program,
            format!(
                "#!/bin/sh\ncat >/dev/null\nn=$(cat '{count}' 2>/dev/null || echo 0)\necho $((n + 1)) > '{count}'\nif [ \"$n\" -lt {good} ]; then\n  printf '\\n[GNUPG:] SIG_CREATED D 22 8 00 1767268800 STANDIN\\n' >&2\n  printf -- '-----BEGIN PGP SIGNATURE-----\\n\\nc3RhbmQtaW4=\\n-----END PGP SIGNATURE-----\\n'\n  exit 0\nfi\necho 'gpg: signing failed: Card removed' >&2\nexit 2\n",
                count = count.display()
            ),
        )
        .unwrap();
        make_executable(&program);
        Signer { program, count }
    }

    /// Signs `good` more times from now.
    pub fn reset(&self) {
        let _ = std::fs::remove_file(&self.count);
    }

    /// `gpg.program` set to this stand-in in `repo`.
    pub fn configure(&self, repo: &Repo) {
        repo.git(&["config", "gpg.program", self.program.to_str().unwrap()]);
    }
}

/// Whether `path` is a hook relhook wrote: a shim (its marker line), reference-transaction's
/// launcher (the program holding relhook's path), or its link to the relhook binary.
pub fn relhooks_hook(path: &Path) -> bool {
    match path.symlink_metadata() {
        Ok(m) if m.file_type().is_symlink() => {
            std::fs::read_link(path).is_ok_and(|to| to.file_name().is_some_and(|n| n == "relhook"))
        }
        Ok(_) => std::fs::read(path)
            .is_ok_and(|b| String::from_utf8_lossy(&b).contains("relhook-shim") || is_launcher(&b)),
        Err(_) => false,
    }
}

/// Whether `bytes` are reference-transaction's launcher as `relhook install` writes it.
pub fn is_launcher(bytes: &[u8]) -> bool {
    const MARKER: &[u8] = b"relhook-launcher:v1:path=/";
    bytes.starts_with(b"\x7fELF") && bytes.windows(MARKER.len()).any(|w| w == MARKER)
}

/// Whether `hook` is what `relhook install` writes for reference-transaction here: the
/// launcher where this platform has one, else a link to relhook.
pub fn is_rt_hook(hook: &Path) -> bool {
    if cfg!(all(target_os = "linux", target_arch = "x86_64")) {
        hook.symlink_metadata().is_ok_and(|m| m.is_file())
            && std::fs::read(hook).is_ok_and(|b| is_launcher(&b))
    } else {
        std::fs::read_link(hook).is_ok_and(|to| to == relhook_bin())
    }
}

impl Repo {
    /// git (by its absolute path) in the repository with `path` as PATH: a user's git with no
    /// relhook on PATH, or with one somewhere else.
    pub fn git_with_path(&self, path: &str, args: &[&str]) -> Output {
        self.command_in(git_abs(), &self.path())
            .env("PATH", path)
            .args(args)
            .output()
            .unwrap()
    }
}

/// Starts `cmd` in a new session whose controlling terminal is a fresh pty, which is also its
/// standard input, output and error: the child, and the pty's other side to read what it
/// writes (until it closes) and type into.
#[cfg(unix)]
pub fn spawn_in_pty(mut cmd: Command) -> (std::process::Child, std::fs::File) {
    use std::os::unix::process::CommandExt;
    let (mut master, mut slave) = (0, 0);
    // SAFETY: openpty fills two descriptors; no name, no settings, no size.
    let opened = unsafe {
        libc::openpty(
            &raw mut master,
            &raw mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(opened, 0, "openpty");
    // SAFETY: between fork and exec only async-signal-safe calls: a new session whose
    // controlling terminal is the pty, which is also standard input, output and error.
    unsafe {
        cmd.pre_exec(move || {
            libc::setsid();
            libc::ioctl(slave, libc::TIOCSCTTY, 0);
            libc::dup2(slave, 0);
            libc::dup2(slave, 1);
            libc::dup2(slave, 2);
            Ok(())
        });
    }
    let child = cmd.spawn().expect("spawn");
    // SAFETY: the parent's copy of the pty's terminal side is not needed once it started.
    unsafe { libc::close(slave) };
    // SAFETY: the master descriptor is this test's, and is read until it closes.
    let master = unsafe { <std::fs::File as std::os::fd::FromRawFd>::from_raw_fd(master) };
    (child, master)
}

/// A monorepo of two packages, `a` at p/a and `b` at p/b, with the `package.json` texts given
/// and `require_tested_tags = false`, committed as `chore: start`, relhook installed.
pub fn two_packages(a_json: &str, b_json: &str) -> Repo {
    let repo = Repo::new();
    repo.write("p/a/package.json", a_json);
    repo.write("p/b/package.json", b_json);
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[packages.a]\npath = \"p/a\"\n[packages.b]\npath = \"p/b\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo
}

/// A clone of `origin` (its `main`) at `dir` beside `repo`, relhook installed.
pub fn clone_installed(repo: &Repo, origin: &Path, dir: &str) -> PathBuf {
    let path = repo.dir.path().join(dir);
    let url = origin.to_str().unwrap();
    let out = repo.git_in(
        repo.dir.path(),
        &["clone", "-q", "-b", "main", url, path.to_str().unwrap()],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out));
    ok(repo.relhook_in(&path, &["install"]));
    path
}

/// A repository with `config` as `.relconfig.toml`, relhook installed, v0.1.0 released over
/// `feat: a` and pushed to `origin`, and `fix: b` committed on top.
pub fn released_and_pushed(config: &str) -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", config);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.with_origin();
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release", "--no-test"]));
    ok(repo.git_skipping_relhook(&["push", "-q", "--follow-tags", "-u", "origin", "main"]));
    repo.commit_hooked("fix: b");
    repo
}

/// SIGINT and SIGQUIT back to their default in this test process, once, before its first
/// command, where they came in ignored: a suite started as a script's background job (`cargo
/// test &`) has them ignored, relhook rightly keeps an ignored signal ignored, and the Ctrl-C
/// tests would wait for a release that is never stopped. SIGHUP stays as it came (`nohup`):
/// the signal tests set it per child.
fn default_interrupts() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        for signal in [libc::SIGINT, libc::SIGQUIT] {
            // SAFETY: sigaction(2) reads the disposition, and only an ignored one is replaced.
            unsafe {
                let mut current: libc::sigaction = std::mem::zeroed();
                if libc::sigaction(signal, std::ptr::null(), &mut current) == 0
                    && current.sa_sigaction == libc::SIG_IGN
                {
                    libc::signal(signal, libc::SIG_DFL);
                }
            }
        }
    });
}

/// Makes the file at `path` 200 MiB long without writing the bytes (its real head kept): a
/// changelog past relhook's size cap, made in no time.
pub fn grow_past_the_cap(path: &Path) {
    std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .unwrap()
        .set_len(200 << 20)
        .unwrap();
}

/// `relhook doctor` in `repo` beside a changelog grown past the cap: its report (stdout) and
/// how many changelogs it parsed. It exits 1 and says the file is too large once.
pub fn doctor_beside_a_huge_changelog(repo: &Repo) -> (String, usize) {
    let out = repo
        .command_in(relhook_bin(), &repo.path())
        .arg("doctor")
        .env("RELHOOK_TEST_PARSE_COUNT", "1")
        .output()
        .unwrap();
    let all = text(&out);
    assert_eq!(out.status.code(), Some(1), "{all}");
    assert_eq!(
        all.matches("so relhook cannot check it").count(),
        1,
        "{all}"
    );
    let parses = all
        .lines()
        .find_map(|l| l.strip_prefix("relhook: test: "))
        .and_then(|l| l.strip_suffix(" changelog parses"))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{all}"));
    (stdout(&out), parses)
}
