//! QA29: `relhook release` killed at each of its steps and finished by `--resume`; what the
//! resume says about the tests (never that they run when none is set, and every command it
//! names works on a half-made release); a monorepo's notices name the package's changelog.

use std::path::Path;

use crate::support::{Repo, configured_with_a_feature, next_command, ok, stderr, text};

/// A repository released by `relhook release` killed once its release commit is made.
fn killed_after_its_commit(config: &str) -> Repo {
    let config = config.to_owned();
    let repo = configured_with_a_feature(move |_| config);
    repo.relhook_killed_at("release-committed", &["release"]);
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
    assert_eq!(repo.git(&["tag", "-l"]), "");
    repo
}

/// A test command that passes while `file` is absent.
fn passing_unless(file: &Path) -> String {
    format!(
        "[checks]\ntest = [\"sh\", \"-c\", \"test ! -e '{}'\"]\n",
        file.display()
    )
}

#[test]
fn a_resume_with_no_test_command_never_says_the_commit_is_tested() {
    let repo = killed_after_its_commit("");
    repo.write("notes.txt", "mine\n");
    let out = repo.relhook(&["release", "--resume"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("not clean (notes.txt)"), "{err}");
    assert!(!err.contains("tested"), "no test command is set: {err}");
    std::fs::remove_file(repo.path().join("notes.txt")).unwrap();
    let out = ok(repo.relhook(&["release", "--resume"]));
    assert!(!stderr(&out).contains("(tested"), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l"]), "v0.1.0");
}

#[test]
fn a_resume_whose_tests_fail_names_commands_that_finish_it() {
    let (_kept, fail) = tempfile_path("fail-the-tests");
    let repo = killed_after_its_commit(&passing_unless(&fail));
    std::fs::write(&fail, "").unwrap();
    let out = repo.relhook(&["release", "--resume"]);
    std::fs::remove_file(&fail).unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("the release commit stays"), "{err}");
    let next = err.lines().find(|l| l.starts_with("next: ")).unwrap();
    // A plain `relhook release` refuses a half-made release: only --resume finishes it.
    assert!(!next.contains("`relhook release`"), "{err}");
    assert!(!next.contains("`relhook release --no-test`"), "{err}");
    assert!(next.contains("`relhook release --resume`"), "{err}");
    assert!(
        next.contains("`relhook release --resume --no-test`"),
        "{err}"
    );
    assert_eq!(repo.git(&["tag", "-l"]), "");
    // The tests pass again: the command named finishes the release, tested.
    assert!(
        next.contains("fix that, then `relhook release --resume`"),
        "{err}"
    );
    let out = ok(repo.relhook(&["release", "--resume"]));
    assert!(
        stderr(&out).contains("(tested, release finished)"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["tag", "-l"]), "v0.1.0");
}

#[test]
fn a_resume_whose_test_command_cannot_start_names_the_resume_without_tests() {
    let (_kept, dir) = tempfile_path("tool");
    std::fs::create_dir_all(&dir).unwrap();
    let tool = dir.join("run-tests");
    std::fs::write(&tool, "#!/bin/sh\nexit 0\n").unwrap();
    crate::support::make_executable(&tool);
    let repo = killed_after_its_commit(&format!("[checks]\ntest = [\"{}\"]\n", tool.display()));
    std::fs::remove_file(&tool).unwrap();
    let out = repo.relhook(&["release", "--resume"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    let next = err.lines().find(|l| l.starts_with("next: ")).unwrap();
    assert!(
        next.contains("`relhook release --resume --no-test`"),
        "{err}"
    );
    assert!(!next.contains("`relhook release --no-test`"), "{err}");
    // The way to fix the command itself is still said.
    assert!(next.contains("set the test command"), "{err}");
    let out = ok(repo.relhook(&["release", "--resume", "--no-test"]));
    assert!(
        stderr(&out).contains("was not tested (--no-test)"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["tag", "-l"]), "v0.1.0");
}

/// A path in a fresh temporary directory, removed with the guard the caller keeps.
fn tempfile_path(name: &str) -> (assert_fs::TempDir, std::path::PathBuf) {
    let dir = assert_fs::TempDir::new().unwrap();
    let path = dir.path().join(name);
    (dir, path)
}

/// `relhook release ARGS` on the pinned date.
fn release(repo: &Repo, args: &[&str]) -> std::process::Output {
    crate::support::dated_release(repo, args)
}

/// A monorepo of packages `api` and `web` (`packages/<name>`), relhook installed.
fn monorepo() -> Repo {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        "[packages.api]\npath = \"packages/api\"\n\n[packages.web]\npath = \"packages/web\"\n",
    );
    repo.write("packages/api/a.txt", "a\n");
    repo.write("packages/web/w.txt", "w\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo
}

#[test]
fn a_reapplied_merge_in_a_monorepo_names_the_package_changelog() {
    let repo = monorepo();
    repo.write("packages/api/b.txt", "b\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "feat(api): base"]);
    ok(release(&repo, &["--all"]));
    repo.git(&["checkout", "-q", "-b", "topic"]);
    repo.write("packages/api/x.txt", "x\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "feat(api): x thing"]);
    repo.git(&["checkout", "-q", "main"]);
    repo.git(&[
        "merge",
        "-q",
        "--no-ff",
        "topic",
        "-m",
        "Merge branch 'topic'",
    ]);
    let merge = repo.git(&["rev-parse", "HEAD"]);
    ok(release(&repo, &["--all"]));
    repo.git(&["revert", "--no-edit", "-m", "1", &merge]);
    let revert = repo.git(&["rev-parse", "HEAD"]);
    ok(release(&repo, &["--all"]));
    let out = repo.git_output(&["revert", "--no-edit", &revert]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        repo.head_subject().starts_with("Reapply \""),
        "{}",
        text(&out)
    );
    let err = stderr(&out);
    let line = err
        .lines()
        .find(|l| l.contains("this reapply calls for"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(line.contains("packages/api/CHANGELOG.md"), "{err}");
    assert!(!line.contains(" CHANGELOG.md"), "{err}");
    // The command it names adds the entry to that file.
    ok(repo.relhook(&["changelog", "--sync", "--all"]));
    let unreleased = repo.read("packages/api/CHANGELOG.md");
    let unreleased = unreleased.split("## [0.1.2]").next().unwrap();
    assert!(unreleased.contains("- **api:** x thing"), "{unreleased}");
}

/// The command a line names after `run it again: `.
fn again_command(line: &str) -> String {
    let (_, after) = line
        .split_once("run it again: `")
        .unwrap_or_else(|| panic!("no command to run again in: {line}"));
    after.split('`').next().unwrap_or_default().to_owned()
}

/// `relhook release ARGS` killed (SIGKILL) at failpoint `step`, then `relhook release
/// --resume`: the repository is released (its tag on the release commit, the tree clean)
/// by the resume or by the one command it names, and a second resume has nothing to do.
fn killed_then_finished(repo: &Repo, step: &str, args: &[&str], tags: &str) {
    let before = repo.git(&["rev-parse", "HEAD"]);
    repo.relhook_killed_at(step, args);
    assert_eq!(repo.git(&["tag", "-l"]), "", "killed at {step}");
    let head = repo.git(&["rev-parse", "HEAD"]);
    if head == before {
        // Stopped before its commit: undone by the next relhook command.
    } else {
        assert_eq!(
            repo.git(&["rev-parse", "HEAD~1"]),
            before,
            "killed at {step}"
        );
        assert!(
            repo.head_subject().starts_with("chore(release): "),
            "{step}"
        );
    }
    let out = repo.relhook(&["release", "--resume"]);
    let err = stderr(&out);
    if head == before {
        assert_eq!(out.status.code(), Some(1), "{step}: {}", text(&out));
        assert_eq!(repo.git(&["rev-parse", "HEAD"]), before, "{step}: {err}");
        assert_eq!(repo.git(&["status", "--porcelain"]), "", "{step}: {err}");
        let line = err
            .lines()
            .find(|l| l.contains("nothing to resume"))
            .unwrap();
        assert!(line.contains("undone"), "{step}: {err}");
        let again = again_command(line);
        assert!(again.starts_with("relhook release"), "{step}: {err}");
        let out = repo.sh(&again);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{step}: {again}: {}",
            text(&out)
        );
    } else {
        assert_eq!(out.status.code(), Some(0), "{step}: {}", text(&out));
        assert!(err.contains("release finished"), "{step}: {err}");
    }
    let tagged = repo.git(&["tag", "-l", "--points-at", "HEAD"]);
    assert_eq!(tagged.replace('\n', " "), tags, "{step}");
    assert_eq!(repo.git(&["status", "--porcelain"]), "", "{step}");
    let out = repo.relhook(&["release", "--resume"]);
    assert_eq!(out.status.code(), Some(1), "{step}: {}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("nothing to resume: no release commit"),
        "{step}: {err}"
    );
}

/// A repository ready for its first release, whose tests pass.
fn ready() -> Repo {
    configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".into())
}

#[test]
fn a_release_killed_while_it_takes_the_lock_is_undone_and_made_again() {
    killed_then_finished(&ready(), "locked", &["release"], "v0.1.0");
}

#[test]
fn a_release_killed_after_writing_its_files_is_undone_and_made_again() {
    killed_then_finished(&ready(), "files-written", &["release"], "v0.1.0");
}

#[test]
fn a_release_killed_after_staging_is_undone_and_made_again() {
    killed_then_finished(&ready(), "index-staged", &["release"], "v0.1.0");
}

#[test]
fn a_release_killed_after_moving_head_is_resumed() {
    killed_then_finished(&ready(), "refs-moved", &["release"], "v0.1.0");
}

#[test]
fn a_release_killed_after_its_commit_is_resumed() {
    killed_then_finished(&ready(), "release-committed", &["release"], "v0.1.0");
}

#[test]
fn a_release_killed_after_its_tests_is_resumed() {
    killed_then_finished(&ready(), "release-tested", &["release"], "v0.1.0");
}

/// [`monorepo`] with a change to each package, whose tests pass.
fn monorepo_ready() -> Repo {
    let repo = monorepo();
    let config = repo.read(".relconfig.toml");
    repo.write(
        ".relconfig.toml",
        format!("[checks]\ntest = [\"true\"]\n\n{config}"),
    );
    repo.write("packages/api/b.txt", "b\n");
    repo.write("packages/web/c.txt", "c\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "feat: both"]);
    repo
}

#[test]
fn a_monorepo_release_killed_before_its_commit_is_undone_and_made_again() {
    for step in ["files-written", "index-staged"] {
        let repo = monorepo_ready();
        killed_then_finished(&repo, step, &["release", "--all"], "api-v0.1.0 web-v0.1.0");
    }
}

#[test]
fn a_monorepo_release_killed_after_its_commit_is_resumed() {
    for step in ["refs-moved", "release-committed", "release-tested"] {
        let repo = monorepo_ready();
        killed_then_finished(&repo, step, &["release", "--all"], "api-v0.1.0 web-v0.1.0");
    }
}

#[test]
fn ctrl_c_while_a_monorepo_resume_tests_names_the_resume() {
    use std::os::unix::process::CommandExt;
    let repo = monorepo();
    let dir = repo.dir.path().display().to_string();
    let slow = format!(
        "[packages.web]\npath = \"packages/web\"\ntest = [\"sh\", \"-c\", \"test -e {dir}/quick && exit 0; touch {dir}/started; exec sleep 30\"]\n"
    );
    let config = repo
        .read(".relconfig.toml")
        .replace("[packages.web]\npath = \"packages/web\"\n", &slow);
    repo.write(".relconfig.toml", config);
    repo.write("packages/api/b.txt", "b\n");
    repo.write("packages/web/c.txt", "c\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "feat: both"]);
    repo.relhook_killed_at("release-committed", &["release", "--all"]);
    let release = repo.git(&["rev-parse", "HEAD"]);
    let mut child = repo
        .command_in(crate::support::relhook_bin(), &repo.path())
        .args(["release", "--resume"])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .process_group(0)
        .spawn()
        .unwrap();
    let started = repo.dir.path().join("started");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !started.exists() {
        assert!(
            child.try_wait().unwrap().is_none(),
            "ended before its tests"
        );
        assert!(
            std::time::Instant::now() < deadline,
            "the tests never started"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // A terminal's Ctrl-C: the whole process group.
    let group = -i32::try_from(child.id()).unwrap();
    // SAFETY: a signal to the process group this test started.
    assert_eq!(unsafe { libc::kill(group, libc::SIGINT) }, 0);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130), "{}", text(&out));
    let err = stderr(&out);
    let line = err
        .lines()
        .find(|l| l.contains("SIGINT"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(line.contains("the release commit stays"), "{err}");
    assert!(line.contains("`relhook release --resume`"), "{err}");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), release);
    assert_eq!(repo.git(&["tag", "-l"]), "");
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
    std::fs::write(repo.dir.path().join("quick"), "").unwrap();
    ok(repo.relhook(&["release", "--resume"]));
    assert_eq!(
        repo.git(&["tag", "-l", "--points-at", "HEAD"]),
        "api-v0.1.0\nweb-v0.1.0"
    );
}

/// [`monorepo`] whose api tests pass only when `packages/api/state.txt` says `good`, with
/// `bad` committed and a change to api to release.
fn monorepo_failing_as_committed() -> Repo {
    let repo = monorepo();
    let config = repo.read(".relconfig.toml").replace(
        "path = \"packages/api\"\n",
        "path = \"packages/api\"\ntest = [\"sh\", \"-c\", \"grep -q good packages/api/state.txt\"]\n",
    );
    repo.write(".relconfig.toml", config);
    repo.write("packages/api/state.txt", "bad\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "feat(api): state"]);
    // Uncommitted: what makes the tests pass in the work tree alone.
    repo.write("packages/api/state.txt", "good\n");
    repo
}

#[test]
fn a_monorepo_release_beside_uncommitted_changes_tests_the_release_commit() {
    let repo = monorepo_failing_as_committed();
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = release(&repo, &["--all", "--allow-dirty"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("tests of api failed"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert_eq!(repo.git(&["tag", "-l"]), "");
    assert_eq!(repo.read("packages/api/state.txt"), "good\n");
}

#[test]
fn a_monorepo_resume_beside_uncommitted_changes_tests_the_release_commit() {
    let repo = monorepo_failing_as_committed();
    repo.relhook_killed_at(
        "release-committed",
        &["release", "--all", "--no-test", "--allow-dirty"],
    );
    let release = repo.git(&["rev-parse", "HEAD"]);
    let out = repo.relhook(&["release", "--resume", "--allow-dirty"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("tests of api failed"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), release);
    assert_eq!(repo.git(&["tag", "-l"]), "");
    assert_eq!(repo.read("packages/api/state.txt"), "good\n");
}

#[test]
fn a_resume_with_an_evident_test_command_says_what_relhook_test_runs() {
    let repo = configured_with_a_feature(|repo| {
        repo.write(
            "package.json",
            "{\"name\":\"x\",\"version\":\"0.0.0\",\"scripts\":{\"test\":\"true\"}}\n",
        );
        String::new()
    });
    repo.relhook_killed_at("release-committed", &["release"]);
    let out = ok(repo.relhook(&["release", "--resume"]));
    let err = stderr(&out);
    // "not set" and then `relhook test` as the next step: what that runs is said.
    assert_eq!(next_command(&err), "relhook test", "{err}");
    let line = err.lines().find(|l| l.contains("was not tested")).unwrap();
    assert!(
        line.contains("`relhook test` runs `npm test`, evident from package.json"),
        "{err}"
    );
}

/// `relhook release` at a terminal (a pty), answering `answer` to its question; all it wrote.
fn release_at_a_terminal(repo: &Repo, answer: &str) -> String {
    use std::io::Write;
    let mut cmd = repo.command_in(crate::support::relhook_bin(), &repo.path());
    cmd.arg("release");
    let (mut child, mut output) = crate::support::spawn_in_pty(cmd);
    let mut input = output.try_clone().unwrap();
    let reader = std::thread::spawn(move || {
        let mut all = Vec::new();
        let _ = std::io::Read::read_to_end(&mut output, &mut all);
        String::from_utf8_lossy(&all).into_owned()
    });
    input.write_all(format!("{answer}\n").as_bytes()).unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("relhook release never returned at a terminal");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    drop(input);
    reader.join().unwrap_or_default()
}

#[test]
fn at_a_terminal_the_offer_to_finish_says_tests_only_when_they_run() {
    let repo = killed_after_its_commit("");
    let said = release_at_a_terminal(&repo, "n");
    assert!(said.contains("finish it now (tag v0.1.0)?"), "{said}");
    assert!(!said.contains("test"), "no test command is set: {said}");
    assert_eq!(repo.git(&["tag", "-l"]), "");
    let repo = killed_after_its_commit("[checks]\ntest = [\"true\"]\n");
    let said = release_at_a_terminal(&repo, "y");
    assert!(
        said.contains("finish it now (test and tag v0.1.0)?"),
        "{said}"
    );
    assert_eq!(repo.git(&["tag", "-l"]), "v0.1.0", "{said}");
}

/// `--resume --format json`: stdout is one JSON document, for a resume that finished (the tags
/// it made, the release commit, whether tests ran) and for one refused.
#[test]
fn a_resume_in_json_says_what_it_tagged_or_why_not() {
    let repo = killed_after_its_commit("");
    let json = |out: &std::process::Output| -> serde_json::Value {
        serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {}", text(out)))
    };
    repo.write("notes.txt", "mine\n");
    let out = repo.relhook(&["release", "--resume", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        json(&out).to_string().contains("not clean"),
        "{}",
        text(&out)
    );
    std::fs::remove_file(repo.path().join("notes.txt")).unwrap();
    let out = ok(repo.relhook(&["release", "--resume", "--format", "json"]));
    let v = json(&out);
    assert_eq!(v["tags"], serde_json::json!(["v0.1.0"]), "{v}");
    assert_eq!(v["release_commit"], repo.git(&["rev-parse", "HEAD"]), "{v}");
    assert_eq!(v["tested"], false, "{v}");
    assert_eq!(repo.git(&["tag", "--points-at", "HEAD"]), "v0.1.0");

    let repo = monorepo_ready();
    repo.relhook_killed_at("release-committed", &["release", "--all"]);
    let out = ok(repo.relhook(&["release", "--resume", "--format", "json"]));
    let v = json(&out);
    assert_eq!(
        v["tags"],
        serde_json::json!(["api-v0.1.0", "web-v0.1.0"]),
        "{v}"
    );
    assert_eq!(v["release_commit"], repo.git(&["rev-parse", "HEAD"]), "{v}");
    assert_eq!(v["tested"], true, "{v}");
}
