//! QA33: a release whose step failed and whose undo failed too named `relhook release
//! --resume` twice in one line, and ended a libgit2 error with its `; class=Os (2)` tail.

use crate::support::{Repo, relhook_bin, stderr, text};

#[test]
fn a_release_left_half_made_names_the_finishing_command_once() {
    let repo = Repo::new();
    // The test command leaves the index locked, so undoing the release commit fails too.
    repo.write(
        ".relconfig.toml",
        "[checks]\ntest = [\"touch\", \".git/index.lock\"]\n",
    );
    repo.git(&["add", "."]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.commit_hooked("feat: one");
    let out = repo
        .command_in(relhook_bin(), &repo.path())
        .args(["release"])
        .env("RELHOOK_TEST_FAILPOINT", "release-tested")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("undoing the release commit failed too"),
        "{err}"
    );
    assert_eq!(err.matches("relhook release --resume").count(), 1, "{err}");
    assert!(!err.contains("class="), "{err}");
    std::fs::remove_file(repo.path().join(".git/index.lock")).unwrap();
    let out = repo.relhook(&["release", "--resume"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.git(&["tag"]).contains("v0.1.0"));
}

/// QA33: a release made with an uncommitted `.relconfig.toml` (`--allow-dirty`) then told the
/// user to put it in .gitignore as build output.
#[test]
fn an_uncommitted_relconfig_is_to_be_committed_not_ignored() {
    let repo = crate::support::installed_repo();
    repo.commit_hooked("feat: one");
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    // QA41: a release no longer follows settings its commit would not carry.
    let out = repo.relhook(&["release", "--allow-dirty", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains(".relconfig.toml has uncommitted changes")
            && err.contains("git add :/.relconfig.toml && git commit"),
        "{err}"
    );
    assert!(!err.contains(".gitignore"), "{err}");
}

/// QA33: a configured changelog in a folder not made yet dropped the entry with no next step.
#[test]
fn a_changelog_folder_not_made_yet_is_said_with_the_mkdir() {
    let repo = crate::support::installed_repo();
    repo.write(
        ".relconfig.toml",
        "[changelog]\npath = \"docs/CHANGELOG.md\"\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: cfg"]);
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    let out = repo.git_output(&["commit", "-q", "-m", "feat: a"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("`mkdir -p \"$(git rev-parse --show-toplevel)\"/docs`, then `relhook changelog --sync` adds this one"),
        "{said}"
    );
    std::fs::create_dir(repo.path().join("docs")).unwrap();
    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.read("docs/CHANGELOG.md").contains("- a"));
}

/// QA33: a pushed release tag deleted here: doctor's fix was `relhook release --resume`, which
/// made another tag of the same name that the remote then refused as moved.
#[test]
fn a_pushed_tag_deleted_here_is_fetched_back_by_the_fix() {
    let repo = crate::support::untested_installed();
    repo.with_origin();
    repo.commit_hooked("feat: a");
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let tag = repo.git(&["rev-parse", "v0.1.0"]);
    let out = repo.git_output(&["push", "-q", "--follow-tags", "-u", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.git(&["tag", "-d", "v0.1.0"]);
    let out = repo.relhook(&["doctor"]);
    let said = crate::support::stdout(&out);
    assert!(
        said.contains("fix: git fetch origin tag v0.1.0 || relhook release --resume"),
        "{said}"
    );
    let out = repo.sh("git fetch -q origin tag v0.1.0 || relhook release --resume");
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        repo.git(&["rev-parse", "v0.1.0"]),
        tag,
        "the very tag, not another"
    );
}

/// QA33: a release in a repository with no commits named no command.
#[test]
fn a_release_with_no_commits_names_the_way_on() {
    let repo = crate::support::Repo::new();
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("; commit your work first"),
        "{}",
        text(&out)
    );
}

/// QA33: a changed `.relconfig.toml` left by `--allow-dirty` got the build-output advice.
#[test]
fn a_changed_relconfig_is_never_called_build_output() {
    let repo = crate::support::untested_installed();
    repo.commit_hooked("feat: one");
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[release]\nsign = false\n",
    );
    let out = repo.relhook(&["release", "--allow-dirty"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("`.relconfig.toml` is relhook's configuration"),
        "{err}"
    );
    assert!(!err.contains("build output"), "{err}");
}

/// QA33: with the changelog's folder not made yet, only post-commit named the `mkdir`.
#[test]
fn a_changelog_folder_not_made_yet_is_named_by_sync_and_doctor() {
    let repo = crate::support::installed_repo();
    repo.write(
        ".relconfig.toml",
        "[changelog]\npath = \"docs/a/CHANGELOG.md\"\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: cfg"]);
    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains("`mkdir -p \"$(git rev-parse --show-toplevel)\"/docs/a`"),
        "{}",
        text(&out)
    );
    // QA40: from a folder below the top, the command makes the folder at the top.
    repo.write("src/x.txt", "x");
    let run = repo
        .command_in("sh", &repo.path().join("src"))
        .args(["-c", "mkdir -p \"$(git rev-parse --show-toplevel)\"/docs/a"])
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", text(&run));
    assert!(repo.path().join("docs/a").is_dir() && !repo.path().join("src/docs").exists());
    std::fs::remove_dir_all(repo.path().join("docs")).unwrap();
    let out = repo.relhook(&["doctor"]);
    let said = crate::support::stdout(&out);
    assert!(
        said.contains("fix: `mkdir -p \"$(git rev-parse --show-toplevel)\"/docs/a`, then `relhook changelog --sync`"),
        "{said}"
    );
}

/// QA33: a Python project without pytest installed was told `next: relhook test`, which could
/// only fail (`pytest` was not found).
#[test]
fn an_evident_test_program_not_installed_is_named_before_relhook_test() {
    let repo = crate::support::Repo::new();
    repo.write(
        "pyproject.toml",
        "[project]\nname = \"demo\"\nversion = \"0.1.0\"\n",
    );
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat: start");
    // A PATH with git alone: no pytest, whatever this machine has.
    let bin = repo.scratch("bin");
    std::os::unix::fs::symlink(crate::support::git_abs(), bin.join("git")).unwrap();
    let out = repo
        .command_in(crate::support::relhook_bin(), &repo.path())
        .arg("release")
        .env("PATH", &bin)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        stderr(&out)
            .contains("next: install `pytest` (it is not on PATH) or commit `[checks] test`"),
        "{}",
        text(&out)
    );
    // QA38: pre-push's refusal quotes the command alone, not the step before it.
    repo.with_origin();
    let out = repo
        .command_in("git", &repo.path())
        .args(["push", "-q", "--follow-tags", "origin", "main"])
        .env("PATH", &bin)
        .output()
        .unwrap();
    assert!(!out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("test it: install `pytest` (it is not on PATH) or commit `[checks] test` in .relconfig.toml, set to a test command that runs here, then `relhook test --tag v0.1.0`"),
        "{said}"
    );
    assert!(!said.contains("`install"), "{said}");
}

/// QA33: `relhook test` refused a tree with build output of an earlier run (`__pycache__/`)
/// without the `.gitignore` line that fixes it.
#[test]
fn relhook_test_names_the_gitignore_line_for_build_output_already_there() {
    let repo = crate::support::installed_repo();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: cfg"]);
    repo.write("__pycache__/x.pyc", "x");
    let out = repo.relhook(&["test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains(
            "printf '%s\\n' __pycache__/ >> \"$(git rev-parse --show-toplevel)/.gitignore\""
        ) && said.contains("then run `relhook test` again"),
        "{said}"
    );
}

/// QA33: `relhook check`'s hint said `git rebase -i` alone, which a branch without an upstream
/// refuses ("There is no tracking information").
#[test]
fn check_names_where_the_rebase_starts() {
    let repo = crate::support::installed_repo();
    repo.commit_hooked("feat: one");
    let base = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    repo.commit("wip stuff");
    repo.commit_hooked("fix: two");
    let out = repo.relhook(&["check"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = crate::support::stdout(&out);
    assert!(said.contains(&format!("`git rebase -i {base}`")), "{said}");
}

/// QA33: `relhook init` in a Go module proposed `# test = ["cargo", "test"]`, and `relhook
/// test` there pointed at it.
#[test]
fn init_proposes_the_project_s_own_test_command() {
    let repo = crate::support::Repo::new();
    repo.write("go.mod", "module example.com/x\n\ngo 1.22\n");
    let out = repo.relhook(&["init"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let config = repo.read(".relconfig.toml");
    assert!(
        config.contains("# test = [\"go\", \"test\", \"./...\"]\n"),
        "{config}"
    );
    assert!(
        !config.contains("# test = [\"cargo\", \"test\"]\n"),
        "{config}"
    );
}
