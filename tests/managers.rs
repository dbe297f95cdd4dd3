//! relhook under the hook managers people already have, driven through the real tools: husky
//! and lefthook from npm, the pre-commit framework from PyPI. The tools are installed once into
//! `target/tool-cache` (reused by later runs); a test is skipped, saying why, only when the
//! tool cannot be installed (no registry, no npm or pip).

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use crate::support::{Repo, ok, pending, relhook_bin, stderr, stdout, text};

fn cache_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
        .join("tool-cache")
}

fn attempt(cmd: &mut Command) -> Result<(), String> {
    match cmd.output() {
        Ok(out) if out.status.success() => Ok(()),
        Ok(out) => Err(text(&out)
            .lines()
            .rev()
            .take(5)
            .collect::<Vec<_>>()
            .join(" | ")),
        Err(e) => Err(e.to_string()),
    }
}

/// `node_modules/.bin` holding husky and lefthook.
pub(crate) fn npm_tools() -> Result<PathBuf, String> {
    static TOOLS: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    TOOLS
        .get_or_init(|| {
            let prefix = cache_dir().join("npm");
            let bin = prefix.join("node_modules/.bin");
            if !(bin.join("husky").exists() && bin.join("lefthook").exists()) {
                std::fs::create_dir_all(&prefix).map_err(|e| e.to_string())?;
                // No install scripts: lefthook's would run `lefthook install` in the directory npm
                // was started from (this checkout). Its npm wrapper finds the binary without it.
                attempt(
                    Command::new("npm")
                        .current_dir(&prefix)
                        .env("INIT_CWD", &prefix)
                        .args(["install", "--ignore-scripts", "--no-audit", "--no-fund"])
                        .arg("--prefix")
                        .arg(&prefix)
                        .args(["husky@9", "lefthook@2"]),
                )
                .map_err(|e| format!("`npm install husky lefthook` failed: {e}"))?;
            }
            Ok(bin)
        })
        .clone()
}

/// A `--target` directory holding the pre-commit package (`PYTHONPATH`), and its `bin`.
pub(crate) fn pre_commit_tools() -> Result<PathBuf, String> {
    static TOOLS: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    TOOLS
        .get_or_init(|| {
            let target = cache_dir().join("py");
            if !target.join("pre_commit").is_dir() {
                std::fs::create_dir_all(&target).map_err(|e| e.to_string())?;
                attempt(
                    Command::new("python3")
                        .args(["-m", "pip", "install", "-q", "--disable-pip-version-check"])
                        .arg("--target")
                        .arg(&target)
                        .arg("pre-commit>=3,<5"),
                )
                .map_err(|e| format!("`pip install pre-commit` failed: {e}"))?;
            }
            Ok(target)
        })
        .clone()
}

/// PATH with relhook's directory (as after `cargo install`) and the tools first.
/// The environment that runs pre-commit from `py` (its install, `pre_commit_tools`) with
/// relhook first on PATH and a pre-commit home of the repository's own.
pub(crate) fn pre_commit_env(repo: &Repo, py: &Path) -> Vec<(String, OsString)> {
    let home = repo.scratch("pre-commit-home");
    env_with(
        &[&py.join("bin")],
        &[
            ("PYTHONPATH", py.to_path_buf().into()),
            ("PRE_COMMIT_HOME", home.into()),
        ],
    )
}

pub(crate) fn env_with(tools: &[&Path], extra: &[(&str, OsString)]) -> Vec<(String, OsString)> {
    let bin = relhook_bin();
    let first: Vec<&Path> = std::iter::once(bin.parent().unwrap())
        .chain(tools.iter().copied())
        .collect();
    let mut env = vec![("PATH".to_owned(), crate::support::path_with(&first))];
    env.extend(extra.iter().map(|(k, v)| ((*k).to_owned(), v.clone())));
    env
}

pub(crate) fn run(
    repo: &Repo,
    program: impl AsRef<std::ffi::OsStr>,
    args: &[&str],
    env: &[(String, OsString)],
) -> Output {
    let mut cmd = repo.command_in(program, &repo.path());
    cmd.args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run")
}

/// The three jobs through the manager: a bad message is refused, a feat commit carries its
/// changelog entry, a hand tag becomes a release commit, and an untested release tag is not
/// pushed.
fn three_jobs(repo: &Repo, env: &[(String, OsString)], hand_tags: bool) {
    let git = |args: &[&str]| run(repo, "git", args, env);
    repo.write("x.txt", "x\n");
    ok(git(&["add", "x.txt"]));
    let bad = git(&["commit", "-q", "-m", "added stuff"]);
    assert!(!bad.status.success(), "{}", text(&bad));
    assert!(
        stderr(&bad).contains("header-format") || stdout(&bad).contains("header-format"),
        "{}",
        text(&bad)
    );
    ok(git(&["commit", "-q", "-m", "feat: add x"]));
    assert_eq!(
        repo.git(&["show", "--format=", "--name-only", "HEAD"]),
        "CHANGELOG.md\nx.txt",
        "the entry is in the feat commit"
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    if hand_tags {
        ok(git(&["tag", "-a", "v0.1.0", "-m", "first release"]));
        assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
    } else {
        ok(run(repo, relhook_bin(), &["release", "--no-test"], env));
    }
    let remote = repo.scratch("remote.git");
    ok(git(&["init", "-q", "--bare", remote.to_str().unwrap()]));
    let push = git(&["push", "--follow-tags", remote.to_str().unwrap(), "main"]);
    assert!(!push.status.success(), "{}", text(&push));
    assert!(
        format!("{}{}", stdout(&push), stderr(&push)).contains("untested"),
        "{}",
        text(&push)
    );
}

/// A husky 9 repository whose `.husky/commit-msg` is `team`: `relhook install` puts its call
/// above the file's `line` (else unreachable), and a bad message is refused. Returns the
/// repository and that refused commit.
fn installed_above(
    bin: &Path,
    env: &[(String, OsString)],
    team: &str,
    line: &str,
) -> (Repo, Output) {
    let repo = husky_9_repo(bin, env, team, false);
    let install = ok(run(&repo, relhook_bin(), &["install"], env));
    assert!(
        stdout(&install).contains(&format!("above `{line}`")),
        "{}",
        text(&install)
    );
    let bad = run(
        &repo,
        "git",
        &["commit", "-q", "--allow-empty", "-m", "bad"],
        env,
    );
    assert!(!bad.status.success(), "{}", text(&bad));
    (repo, bad)
}

/// `relhook doctor`'s output, which must end with exit code `code`.
fn doctor_is(repo: &Repo, env: &[(String, OsString)], code: i32) -> Output {
    let d = doctor(repo, env);
    assert_eq!(d.status.code(), Some(code), "{}", text(&d));
    d
}

fn doctor(repo: &Repo, env: &[(String, OsString)]) -> Output {
    run(repo, relhook_bin(), &["doctor"], env)
}

/// A repository with husky 9 set up (`npx husky`) and the team's `.husky/commit-msg`
/// committed, with a package.json when `package` says so.
fn husky_9_repo(bin: &Path, env: &[(String, OsString)], team: &str, package: bool) -> Repo {
    let repo = Repo::new();
    repo.write(".husky/commit-msg", team);
    if package {
        repo.write(
            "package.json",
            "{ \"name\": \"demo\", \"version\": \"0.1.0\" }\n",
        );
    }
    ok(run(&repo, bin.join("husky"), &[], env));
    ok(run(&repo, "git", &["add", "."], env));
    ok(run(
        &repo,
        "git",
        &["commit", "-q", "-m", "chore: husky"],
        env,
    ));
    repo
}

#[test]
fn husky_gets_every_hook_in_its_own_files() {
    let bin = match npm_tools() {
        Ok(b) => b,
        Err(why) => return eprintln!("skipped: {why}"),
    };
    let env = env_with(&[&bin], &[]);
    let team = "echo \"team commit-msg ran\" >&2\n";
    let repo = husky_9_repo(&bin, &env, team, true);

    let install = ok(run(&repo, relhook_bin(), &["install"], &env));
    let said = stdout(&install);
    assert!(said.contains("husky runs the hooks here"), "{said}");
    assert!(!said.contains("not checked"), "hand tags are wired: {said}");
    for hook in [
        "commit-msg",
        "post-commit",
        "pre-push",
        "reference-transaction",
    ] {
        let file = repo.read(&format!(".husky/{hook}"));
        assert!(file.contains("command -v relhook"), "{hook}: {file}");
    }
    assert!(repo.read(".husky/commit-msg").starts_with(team));
    assert!(repo.path().join(".husky/_/reference-transaction").is_file());
    doctor_is(&repo, &env, 0);
    // Install again: nothing to do, and doctor still agrees.
    let again = ok(run(&repo, relhook_bin(), &["install"], &env));
    assert!(!stdout(&again).contains("wired "), "{}", text(&again));
    ok(run(&repo, "git", &["add", ".husky"], &env));
    ok(run(
        &repo,
        "git",
        &["commit", "-q", "-m", "chore: relhook in husky"],
        &env,
    ));
    // husky's next `prepare` keeps everything working.
    ok(run(&repo, bin.join("husky"), &[], &env));
    doctor_is(&repo, &env, 0);

    three_jobs(&repo, &env, true);

    // A teammate without relhook commits as before.
    let without_relhook = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
        .filter(|d| !d.join("relhook").exists())
        .collect::<Vec<_>>();
    let bare_path = vec![(
        "PATH".to_owned(),
        std::env::join_paths(std::iter::once(bin.clone()).chain(without_relhook)).unwrap(),
    )];
    repo.write("y.txt", "y\n");
    ok(run(&repo, "git", &["add", "y.txt"], &bare_path));
    let mate = run(
        &repo,
        "git",
        &["commit", "-q", "-m", "whatever"],
        &bare_path,
    );
    assert!(mate.status.success(), "{}", text(&mate));
    assert!(
        stderr(&mate).contains("relhook is not on PATH"),
        "{}",
        text(&mate)
    );

    // relhook's calls are committed: the team's files, changed only on purpose.
    ok(run(&repo, relhook_bin(), &["uninstall", "--shared"], &env));
    assert_eq!(repo.read(".husky/commit-msg"), team);
    for hook in ["post-commit", "pre-push", "reference-transaction"] {
        assert!(!repo.path().join(".husky").join(hook).exists(), "{hook}");
    }
    assert!(!repo.path().join(".husky/_/reference-transaction").exists());
}

#[test]
fn husky_9_files_that_end_with_exit_still_run_relhook() {
    let bin = match npm_tools() {
        Ok(b) => b,
        Err(why) => return eprintln!("skipped: {why}"),
    };
    let env = env_with(&[&bin], &[]);
    let team = "echo \"team commit-msg ran\" >&2\nexit 0\n";
    let (repo, bad) = installed_above(&bin, &env, team, "exit 0");
    assert!(
        stderr(&bad).contains("team commit-msg ran"),
        "{}",
        text(&bad)
    );
    doctor_is(&repo, &env, 0);
    ok(run(&repo, relhook_bin(), &["uninstall"], &env));
    assert_eq!(repo.read(".husky/commit-msg"), team);
}

#[test]
fn husky_9_files_that_silence_their_errors_still_show_relhooks() {
    let bin = match npm_tools() {
        Ok(b) => b,
        Err(why) => return eprintln!("skipped: {why}"),
    };
    let env = env_with(&[&bin], &[]);
    let team = "exec 2>/dev/null\necho \"team commit-msg ran\"\n";
    let (repo, bad) = installed_above(&bin, &env, team, "exec 2>/dev/null");
    assert!(stderr(&bad).contains("header-format"), "{}", text(&bad));
    let good = ok(run(
        &repo,
        "git",
        &["commit", "-q", "--allow-empty", "-m", "feat: quiet"],
        &env,
    ));
    assert!(
        stderr(&good).contains("team commit-msg ran"),
        "{}",
        text(&good)
    );
    doctor_is(&repo, &env, 0);
}

/// A fresh clone: husky's `prepare` writes runners for its own list only, so
/// `.husky/reference-transaction` (committed) never runs. doctor names husky's missing runner;
/// its fix adds it, husky's next `prepare` keeps it, and a hand tag becomes a release.
#[test]
fn husky_9_clone_without_the_reference_transaction_runner_is_reported_and_fixed() {
    let bin = match npm_tools() {
        Ok(b) => b,
        Err(why) => return eprintln!("skipped: {why}"),
    };
    let env = env_with(&[&bin], &[]);
    let repo = husky_9_repo(&bin, &env, "echo team\n", false);
    ok(run(&repo, relhook_bin(), &["install"], &env));
    ok(run(&repo, "git", &["add", ".husky"], &env));
    ok(run(
        &repo,
        "git",
        &["commit", "-q", "-m", "chore: relhook"],
        &env,
    ));
    std::fs::remove_dir_all(repo.path().join(".husky/_")).unwrap();
    ok(run(&repo, bin.join("husky"), &[], &env));
    let d = doctor_is(&repo, &env, 1);
    assert!(
        stdout(&d).contains("husky has no .husky/_/reference-transaction runner"),
        "{}",
        text(&d)
    );
    ok(run(&repo, relhook_bin(), &["install"], &env));
    ok(run(&repo, bin.join("husky"), &[], &env));
    doctor_is(&repo, &env, 0);
    repo.write("x.txt", "x\n");
    ok(run(&repo, "git", &["add", "x.txt"], &env));
    ok(run(&repo, "git", &["commit", "-q", "-m", "feat: x"], &env));
    ok(run(&repo, "git", &["tag", "-a", "v0.1.0", "-m", "x"], &env));
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
}

/// `git lfs install --force` writes into the hooks directory, husky's `.husky/_`: git then
/// runs git-lfs's file, never `.husky/<hook>`. Doctor says so; husky's way with git-lfs (its
/// runner back, git-lfs's line in `.husky/<hook>`) then gets both relhook and git-lfs the refs.
#[test]
fn husky_9_runners_git_lfs_wrote_over_are_reported() {
    let bin = match npm_tools() {
        Ok(b) => b,
        Err(why) => return eprintln!("skipped: {why}"),
    };
    let repo = husky_9_repo(&bin, &env_with(&[&bin], &[]), "echo team\n", false);
    let lfs = crate::lfs::stand_in(&repo);
    let env = env_with(&[&bin, &lfs], &[]);
    ok(run(&repo, relhook_bin(), &["install"], &env));
    ok(run(&repo, "git", &["add", ".husky"], &env));
    ok(run(
        &repo,
        "git",
        &["commit", "-q", "-m", "chore: relhook"],
        &env,
    ));
    for hook in ["pre-push", "post-commit"] {
        let runner = repo.path().join(".husky/_").join(hook);
        std::fs::write(&runner, crate::lfs::lfs_hook(hook)).unwrap();
        crate::support::chmod(&runner, 0o755);
    }
    let d = doctor_is(&repo, &env, 1);
    assert!(
        stdout(&d).contains("SHADOWED  hook pre-push (via husky): git runs .husky/_/pre-push, which is git-lfs's hook now, not husky's runner")
            && stdout(&d).contains("fix: npx husky (writes husky's runner back); git-lfs's line, `git lfs pre-push \"$@\"`, then goes into .husky/pre-push"),
        "{}",
        text(&d)
    );
    // The fix: husky's runner back, git-lfs's line below relhook's in `.husky/pre-push`.
    ok(run(&repo, bin.join("husky"), &[], &env));
    let file = repo.path().join(".husky/pre-push");
    let mut text_ = std::fs::read_to_string(&file).unwrap();
    text_.push_str("git lfs pre-push \"$@\"\n");
    std::fs::write(&file, &text_).unwrap();
    doctor_is(&repo, &env, 0);
    ok(run(&repo, "git", &["add", ".husky"], &env));
    ok(run(
        &repo,
        "git",
        &["commit", "-q", "-m", "chore: git-lfs in husky"],
        &env,
    ));
    ok(run(
        &repo,
        "git",
        &[
            "commit",
            "-q",
            "--no-verify",
            "--allow-empty",
            "-m",
            "dodged",
        ],
        &env,
    ));
    let remote = repo.scratch("remote.git");
    ok(run(
        &repo,
        "git",
        &["init", "-q", "--bare", remote.to_str().unwrap()],
        &env,
    ));
    let push = run(
        &repo,
        "git",
        &["push", remote.to_str().unwrap(), "main"],
        &env,
    );
    assert!(!push.status.success(), "{}", text(&push));
    assert!(stderr(&push).contains("dodged"), "{}", text(&push));
    ok(run(
        &repo,
        "git",
        &["reset", "-q", "--hard", "HEAD~1"],
        &env,
    ));
    crate::lfs::lfs_calls(&repo);
    let push = ok(run(
        &repo,
        "git",
        &["push", remote.to_str().unwrap(), "main"],
        &env,
    ));
    assert_eq!(
        crate::lfs::lfs_calls(&repo),
        "pre-push\n",
        "{}",
        text(&push)
    );
    assert!(repo.read(".git/lfs-refs").starts_with("refs/heads/main "));

    // relhook's block as an earlier relhook wrote it (reading the refs itself), git-lfs's
    // line below: git-lfs got none. Doctor says so, install writes the block again.
    let old = "# >>> relhook: `relhook uninstall` removes this block\nif command -v relhook >/dev/null 2>&1; then\n  relhook hook pre-push \"$@\" || exit $?\nfi\n# <<< relhook\ngit lfs pre-push \"$@\"\n";
    std::fs::write(&file, old).unwrap();
    let d = doctor_is(&repo, &env, 1);
    assert!(
        stdout(&d).contains("reads git's refs without handing them on, so line 6 below it (`git lfs pre-push \"$@\"`) gets none"),
        "{}",
        text(&d)
    );
    ok(run(&repo, relhook_bin(), &["install"], &env));
    doctor_is(&repo, &env, 0);
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .ends_with("# <<< relhook\ngit lfs pre-push \"$@\"\n")
    );
}

/// husky 9 sources `.husky/<hook>` with `sh -e`, which reads a CRLF file's carriage returns
/// into its commands; git starts `.husky/_/<hook>` itself, which a CRLF `#!` line stops.
#[test]
fn husky_9_files_with_crlf_line_endings_are_reported() {
    let bin = match npm_tools() {
        Ok(b) => b,
        Err(why) => return eprintln!("skipped: {why}"),
    };
    let env = env_with(&[&bin], &[]);
    // Harmless enough that husky's own set-up commit passes (`echo team\r` still runs).
    let team = "#!/usr/bin/env sh\r\n# the team's hook\r\necho team\r\n";
    let repo = husky_9_repo(&bin, &env, team, false);
    let install = run(&repo, relhook_bin(), &["install"], &env);
    assert_eq!(install.status.code(), Some(1), "{}", text(&install));
    assert!(
        stdout(&install).contains("commit-msg: NOT wired: .husky/commit-msg has Windows (CRLF) line endings: sh reads the carriage return into each line's last word (line 3: `echo team`)"),
        "{}",
        text(&install)
    );
    assert_eq!(repo.read(".husky/commit-msg"), team);
    let d = doctor_is(&repo, &env, 1);
    assert!(
        stdout(&d).contains("BROKEN  hook commit-msg (via husky)"),
        "{}",
        text(&d)
    );
    // What the user runs (doctor's fix), then install again.
    ok(run(
        &repo,
        "perl",
        &["-pi", "-e", "s/\\r$//", ".husky/commit-msg"],
        &env,
    ));
    ok(run(&repo, relhook_bin(), &["install"], &env));
    doctor_is(&repo, &env, 0);

    // husky's own runner saved with CRLF endings: every push is refused; `npx husky` fixes it.
    let runner = repo.path().join(".husky/_/pre-push");
    let crlf = std::fs::read_to_string(&runner)
        .unwrap()
        .replace('\n', "\r\n");
    std::fs::write(&runner, crlf).unwrap();
    let d = doctor_is(&repo, &env, 1);
    assert!(
        stdout(&d).contains(
            "BROKEN  hook pre-push (via husky): .husky/_/pre-push has Windows (CRLF) line endings"
        ) && stdout(&d).contains("fix: npx husky"),
        "{}",
        text(&d)
    );
    ok(run(&repo, bin.join("husky"), &[], &env));
    doctor_is(&repo, &env, 0);
    let bad = run(
        &repo,
        "git",
        &["commit", "-q", "--allow-empty", "-m", "bad"],
        &env,
    );
    assert!(stderr(&bad).contains("header-format"), "{}", text(&bad));
}

#[test]
fn lefthook_gets_every_hook_in_its_config() {
    let bin = match npm_tools() {
        Ok(b) => b,
        Err(why) => return eprintln!("skipped: {why}"),
    };
    let repo = Repo::new();
    let env = env_with(
        &[&bin],
        &[("LEFTHOOK_QUIET", "meta,summary,execution_info".into())],
    );
    let config = "pre-commit:\n  commands:\n    lint:\n      run: echo lint\n";
    repo.write("lefthook.yml", config);
    repo.write(
        "package.json",
        "{ \"name\": \"demo\", \"version\": \"0.1.0\" }\n",
    );
    ok(run(&repo, bin.join("lefthook"), &["install"], &env));
    ok(run(&repo, "git", &["add", "."], &env));
    ok(run(
        &repo,
        "git",
        &["commit", "-q", "-m", "chore: lefthook"],
        &env,
    ));

    let install = pending(run(&repo, relhook_bin(), &["install"], &env));
    let said = stdout(&install);
    assert!(said.contains("then run `lefthook install`"), "{said}");
    let d = doctor_is(&repo, &env, 1);
    assert!(stdout(&d).contains("fix: lefthook install"), "{}", text(&d));
    ok(run(&repo, bin.join("lefthook"), &["install"], &env));
    doctor_is(&repo, &env, 0);
    let again = ok(run(&repo, relhook_bin(), &["install"], &env));
    assert!(!stdout(&again).contains("wired "), "{}", text(&again));
    ok(run(&repo, "git", &["add", "lefthook.yml"], &env));
    ok(run(
        &repo,
        "git",
        &["commit", "-q", "-m", "chore: relhook in lefthook"],
        &env,
    ));

    three_jobs(&repo, &env, true);

    // relhook's sections are committed: the team's file, changed only on purpose.
    let refused = run(&repo, relhook_bin(), &["uninstall"], &env);
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused));
    ok(run(&repo, relhook_bin(), &["uninstall", "--shared"], &env));
    assert_eq!(repo.read("lefthook.yml"), config);
}

/// lefthook installed after relhook writes only the hooks its configuration has sections for,
/// so relhook's own hooks stay and git runs them: doctor says so (it said MISSING for each),
/// and install leaves lefthook.yml alone. A section lefthook does have for one of them is
/// flagged, since lefthook's next install or sync replaces relhook's hook with its own.
#[test]
fn lefthook_installed_after_relhook_leaves_relhooks_hooks_running() {
    let bin = match npm_tools() {
        Ok(b) => b,
        Err(why) => return eprintln!("skipped: {why}"),
    };
    let repo = Repo::new();
    let env = env_with(
        &[&bin],
        &[("LEFTHOOK_QUIET", "meta,summary,execution_info".into())],
    );
    let git = |args: &[&str]| run(&repo, "git", args, &env);
    ok(git(&["commit", "-q", "--allow-empty", "-m", "chore: init"]));
    ok(run(&repo, relhook_bin(), &["install"], &env));
    ok(run(&repo, bin.join("lefthook"), &["install"], &env));
    let config = repo.read("lefthook.yml");

    let d = doctor_is(&repo, &env, 0);
    let said = stdout(&d);
    assert!(!said.contains("MISSING"), "{said}");
    for hook in [
        "commit-msg",
        "post-commit",
        "pre-push",
        "reference-transaction",
    ] {
        assert!(
            said.lines()
                .any(|l| l.contains(&format!("ok  hook {hook}:")) && l.contains("lefthook")),
            "{hook}: {said}"
        );
    }
    let again = ok(run(&repo, relhook_bin(), &["install"], &env));
    assert!(!stdout(&again).contains("NOT wired"), "{}", text(&again));
    assert!(
        !stdout(&again).contains("lefthook install"),
        "{}",
        text(&again)
    );
    assert!(!stdout(&again).contains("not checked"), "{}", text(&again));
    assert_eq!(
        repo.read("lefthook.yml"),
        config,
        "lefthook.yml is left alone"
    );
    let bad = git(&["commit", "-q", "--allow-empty", "-m", "added stuff"]);
    assert!(!bad.status.success(), "{}", text(&bad));
    repo.write("x.txt", "x\n");
    ok(git(&["add", "x.txt"]));
    ok(git(&["commit", "-q", "-m", "feat: add x"]));
    assert_eq!(
        repo.git(&["show", "--format=", "--name-only", "HEAD"]),
        "CHANGELOG.md\nx.txt"
    );

    // A commit-msg section of lefthook's own: relhook's hook runs only until lefthook syncs.
    repo.write(
        "lefthook.yml",
        format!("{config}commit-msg:\n  commands:\n    lint:\n      run: echo lint\n"),
    );
    let d = doctor_is(&repo, &env, 1);
    let said = stdout(&d);
    let line = said
        .lines()
        .find(|l| l.contains("hook commit-msg"))
        .unwrap_or_default();
    assert!(line.contains("MISSING"), "{said}");
    assert!(line.contains("writes its own over it"), "{said}");
    assert!(said.contains("ok  hook post-commit:"), "{said}");
}

#[test]
fn pre_commit_runs_relhooks_stages_and_relhook_keeps_hand_tags_and_tags_on_push() {
    let py = match pre_commit_tools() {
        Ok(p) => p,
        Err(why) => return eprintln!("skipped: {why}"),
    };
    let repo = Repo::new();
    let env = pre_commit_env(&repo, &py);
    // The README's configuration: relhook's hooks by stage, as `repo: local` with relhook on
    // PATH (the same entries as .pre-commit-hooks.yaml, without building relhook).
    let config = concat!(
        "repos:\n",
        "  - repo: local\n",
        "    hooks:\n",
        "      - id: relhook\n",
        "        name: relhook\n",
        "        entry: relhook hook commit-msg\n",
        "        language: system\n",
        "        stages: [commit-msg]\n",
        "        verbose: true\n",
        "      - id: relhook-post-commit\n",
        "        name: relhook changelog\n",
        "        entry: relhook hook post-commit\n",
        "        language: system\n",
        "        stages: [post-commit]\n",
        "        verbose: true\n",
        "        always_run: true\n",
        "        pass_filenames: false\n",
        "      - id: relhook-pre-push\n",
        "        name: relhook pre-push\n",
        "        entry: relhook hook pre-push\n",
        "        language: system\n",
        "        stages: [pre-push]\n",
        "        verbose: true\n",
        "        always_run: true\n",
        "        pass_filenames: false\n",
    );
    repo.write(".pre-commit-config.yaml", config);
    repo.write(
        "pyproject.toml",
        "[project]\nname = \"demo\"\nversion = \"0.1.0\"\n",
    );
    ok(run(&repo, "git", &["add", "."], &env));
    ok(run(
        &repo,
        "git",
        &["commit", "-q", "-m", "chore: pre-commit"],
        &env,
    ));
    ok(run(
        &repo,
        "python3",
        &[
            "-m",
            "pre_commit",
            "install",
            "--hook-type",
            "commit-msg",
            "--hook-type",
            "post-commit",
            "--hook-type",
            "pre-push",
        ],
        &env,
    ));

    let install = ok(run(&repo, relhook_bin(), &["install"], &env));
    let said = stdout(&install);
    assert!(
        said.contains("commit-msg: .pre-commit-config.yaml runs relhook for it"),
        "{said}"
    );
    assert!(said.contains("installed reference-transaction"), "{said}");
    assert!(said.contains("installed pre-push"), "{said}");
    doctor_is(&repo, &env, 0);

    three_jobs(&repo, &env, true);

    // A later `pre-commit install` keeps relhook's pre-push as legacy and still runs it.
    ok(run(
        &repo,
        "python3",
        &["-m", "pre_commit", "install", "--hook-type", "pre-push"],
        &env,
    ));
    let push = run(
        &repo,
        "git",
        &[
            "push",
            "--follow-tags",
            repo.scratch("remote.git").to_str().unwrap(),
            "main",
        ],
        &env,
    );
    assert!(!push.status.success(), "{}", text(&push));
    assert!(stderr(&push).contains("untested"), "{}", text(&push));
}

/// `pre-commit install` after relhook moves relhook's shims to `<hook>.legacy` and runs them
/// from there: the hooks relhook chained (git-lfs's, here a stand-in that leaves a mark) still
/// run, doctor and install see relhook's shim where it is, and uninstall hands the chained hook
/// back to pre-commit as its `<hook>.legacy`.
#[test]
fn pre_commit_installed_after_relhook_keeps_the_hooks_relhook_chains() {
    let py = match pre_commit_tools() {
        Ok(p) => p,
        Err(why) => return eprintln!("skipped: {why}"),
    };
    let repo = Repo::new();
    let env = pre_commit_env(&repo, &py);
    let git = |args: &[&str]| run(&repo, "git", args, &env);
    for hook in ["post-commit", "pre-push"] {
        let file = repo.hooks_dir().join(hook);
        let mark = format!("#!/bin/sh\ncat >/dev/null\necho {hook} >>.git/chained-ran\n");
        std::fs::write(&file, mark).unwrap();
        crate::support::chmod(&file, 0o755);
    }
    ok(run(&repo, relhook_bin(), &["install"], &env));
    repo.write(
        ".pre-commit-config.yaml",
        "repos:\n  - repo: local\n    hooks:\n      - id: team\n        name: team\n        entry: sh -c 'echo TEAM-HOOK >&2'\n        language: system\n        stages: [post-commit, pre-push]\n        always_run: true\n        pass_filenames: false\n",
    );
    ok(git(&["add", ".pre-commit-config.yaml"]));
    ok(git(&["commit", "-q", "-m", "chore: pre-commit"]));
    let install = ok(run(
        &repo,
        "python3",
        &[
            "-m",
            "pre_commit",
            "install",
            "-t",
            "post-commit",
            "-t",
            "pre-push",
        ],
        &env,
    ));
    assert!(
        text(&install).contains("migration mode"),
        "{}",
        text(&install)
    );
    std::fs::remove_file(repo.path().join(".git/chained-ran")).unwrap();

    repo.write("x.txt", "x\n");
    ok(git(&["add", "x.txt"]));
    let commit = ok(git(&["commit", "-q", "-m", "feat: add x"]));
    assert!(
        text(&commit).contains("team...."),
        "pre-commit's own: {}",
        text(&commit)
    );
    assert_eq!(
        repo.git(&["show", "--format=", "--name-only", "HEAD"]),
        "CHANGELOG.md\nx.txt",
        "relhook's post-commit ran"
    );
    let remote = repo.scratch("remote.git");
    ok(git(&["init", "-q", "--bare", remote.to_str().unwrap()]));
    ok(git(&["push", "-q", remote.to_str().unwrap(), "main"]));
    assert_eq!(
        repo.read(".git/chained-ran"),
        "post-commit\npre-push\n",
        "the hooks relhook chained still ran"
    );

    let d = doctor_is(&repo, &env, 0);
    assert!(
        stdout(&d).contains("pre-commit's pre-push hook runs relhook's shim, kept as"),
        "{}",
        text(&d)
    );
    let again = ok(run(&repo, relhook_bin(), &["install"], &env));
    assert!(
        stdout(&again).contains("pre-push: pre-commit's hook runs relhook's shim, kept as pre-push.legacy; nothing changed"),
        "{}",
        text(&again)
    );
    let uninstall = ok(run(&repo, relhook_bin(), &["uninstall"], &env));
    assert!(
        stdout(&uninstall).contains("as pre-push.legacy, which pre-commit's hook runs"),
        "{}",
        text(&uninstall)
    );
    std::fs::remove_file(repo.path().join(".git/chained-ran")).unwrap();
    ok(git(&[
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "anything goes now",
    ]));
    assert_eq!(repo.read(".git/chained-ran"), "post-commit\n");
}

/// Under the pre-commit framework, relhook's pre-push hook gets no update lines: pre-commit
/// read them and passes the first pushed branch through its environment instead.
#[test]
fn pre_push_through_pre_commit_rebuilds_its_ref_from_the_environment() {
    let repo = Repo::new();
    let remote = repo.scratch("remote.git");
    repo.git(&["init", "-q", "--bare", remote.to_str().unwrap()]);
    repo.git(&["remote", "add", "origin", remote.to_str().unwrap()]);
    repo.commit("chore: start");
    repo.git(&["push", "-q", "origin", "main"]);
    let base = repo.git(&["rev-parse", "HEAD"]);
    repo.commit("added stuff without a type");
    let head = repo.git(&["rev-parse", "HEAD"]);
    let hook = |extra: &[(&str, &str)]| {
        let mut cmd = repo.command_in(relhook_bin(), &repo.path());
        cmd.args(["hook", "pre-push"])
            .env("PRE_COMMIT_REMOTE_NAME", "origin")
            .env("PRE_COMMIT_REMOTE_URL", remote.to_str().unwrap())
            .env("PRE_COMMIT_LOCAL_BRANCH", "refs/heads/main")
            .env("PRE_COMMIT_REMOTE_BRANCH", "refs/heads/main")
            .stdin(std::process::Stdio::null());
        for (k, v) in extra {
            cmd.env(k, v);
        }
        cmd.output().unwrap()
    };
    let out = hook(&[("PRE_COMMIT_FROM_REF", &base), ("PRE_COMMIT_TO_REF", &head)]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("added stuff without a type"),
        "{}",
        text(&out)
    );
    // With relhook's own pre-push shim installed, that shim checks every ref (tags too): the
    // pre-commit hook defers to it.
    assert!(
        repo.relhook(&["install", "--hooks", "pre-push"])
            .status
            .success()
    );
    let out = hook(&[("PRE_COMMIT_FROM_REF", &base), ("PRE_COMMIT_TO_REF", &head)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    // Without the remote anywhere, the usage error says what is missing.
    let bare = repo.relhook(&["hook", "pre-push"]);
    assert_eq!(bare.status.code(), Some(2), "{}", text(&bare));
}

/// lefthook prints its banner on every run, and git runs reference-transaction for every ref
/// update (up to five times a commit): relhook's reference-transaction stays its own shim in
/// the hooks directory, never a lefthook.yml section. A section an earlier relhook wrote is
/// taken out, and lefthook's runner it left behind (which prints the banner with no section)
/// gives way to relhook's shim.
#[test]
fn lefthook_never_runs_for_ref_updates() {
    let bin = match npm_tools() {
        Ok(b) => b,
        Err(why) => return eprintln!("skipped: {why}"),
    };
    let banner = |out: &Output| {
        let all = text(out);
        assert!(!all.contains("reference-transaction"), "{all}");
    };
    for earlier in [false, true] {
        let repo = Repo::new();
        let env = env_with(&[&bin], &[]);
        let git = |args: &[&str]| run(&repo, "git", args, &env);
        let mut config = "pre-commit:\n  commands:\n    lint:\n      run: echo lint\n".to_owned();
        if earlier {
            // What relhook 0.1 wrote.
            config.push_str("# >>> relhook: `relhook uninstall` removes this block\nreference-transaction:\n  commands:\n    relhook:\n      run: if command -v relhook >/dev/null 2>&1; then relhook hook reference-transaction {1}; fi\n      use_stdin: true\n# <<< relhook\n");
        }
        repo.write("lefthook.yml", &config);
        ok(run(&repo, bin.join("lefthook"), &["install"], &env));
        ok(git(&["add", "."]));
        ok(git(&["commit", "-q", "-m", "chore: lefthook"]));

        let install = pending(run(&repo, relhook_bin(), &["install"], &env));
        assert!(
            !repo.read("lefthook.yml").contains("reference-transaction"),
            "{}",
            repo.read("lefthook.yml")
        );
        let hook = repo.path().join(".git/hooks/reference-transaction");
        assert!(crate::support::relhooks_hook(&hook), "{}", text(&install));
        let aside = repo
            .path()
            .join(".git/hooks/reference-transaction.relhook-orig");
        assert_eq!(aside.exists(), earlier, "lefthook's runner is kept aside");
        if earlier {
            let d = doctor(&repo, &env);
            assert!(!stdout(&d).contains("STALE"), "{}", text(&d));
        }
        ok(run(&repo, bin.join("lefthook"), &["install"], &env));
        let d = doctor_is(&repo, &env, 0);
        assert!(
            stdout(&d).contains("ok  hook reference-transaction:"),
            "{}",
            text(&d)
        );
        ok(git(&["add", "lefthook.yml"]));
        let commit = ok(git(&["commit", "-q", "-m", "feat: relhook in lefthook"]));
        banner(&commit);
        assert!(
            text(&commit).contains("hook: "),
            "lefthook still runs: {}",
            text(&commit)
        );
        banner(&ok(git(&["branch", "topic"])));
        let tag = ok(git(&["tag", "-a", "v0.1.0", "-m", "first release"]));
        banner(&tag);
        assert_eq!(
            repo.head_subject(),
            "chore(release): 0.1.0",
            "{}",
            text(&tag)
        );
        // lefthook.yml has no such section: the runner kept aside would only print the
        // banner again, so uninstall removes it rather than put it back.
        let un = ok(run(&repo, relhook_bin(), &["uninstall", "--shared"], &env));
        assert!(!aside.exists(), "{}", text(&un));
        let hook = repo.path().join(".git/hooks/reference-transaction");
        assert!(!hook.exists(), "{}", text(&un));
        if earlier {
            assert!(
                stdout(&un)
                    .contains("removed reference-transaction.relhook-orig too, not restored"),
                "{}",
                text(&un)
            );
        }
        let commit = ok(git(&[
            "commit",
            "-q",
            "--allow-empty",
            "-m",
            "chore: after",
        ]));
        banner(&commit);
    }
}
