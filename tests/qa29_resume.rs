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
    let fail = tempfile_path("fail-the-tests");
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
    assert!(next_command(&err).contains("fix them"), "{err}");
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
    let dir = tempfile_path("tool");
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

/// A path in a fresh temporary directory kept for the test's life (leaked on purpose).
fn tempfile_path(name: &str) -> std::path::PathBuf {
    let dir = assert_fs::TempDir::new().unwrap().into_persistent();
    dir.path().join(name)
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
