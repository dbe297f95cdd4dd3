//! A new user's first ten minutes: `git init`, `relhook install`, `relhook init`, a commit, a
//! tag, `relhook check`, `relhook version`, `relhook changelog`, with nothing else read.

use crate::support::{Repo, installed_repo, next_command, stderr, stdout, text};

/// Runs a printed `next:` command as the user pastes it into a shell.
fn run_next(repo: &Repo, command: &str) -> std::process::Output {
    repo.command_in("sh", &repo.path())
        .args(["-c", command])
        .output()
        .expect("run sh")
}

/// `changelog --rebuild` in a repository with no CHANGELOG.md writes every entry history has:
/// it says so (not "history has no entry for it yet"), and names the command that commits it.
#[test]
fn a_rebuild_that_creates_the_changelog_says_what_it_wrote_and_how_to_commit_it() {
    let repo = Repo::new();
    repo.commit("feat: first thing");
    repo.commit("fix: a bug");
    let out = repo.relhook(&["changelog", "--rebuild"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("- first thing") && log.contains("- a bug"),
        "{log}"
    );
    let said = stderr(&out);
    assert!(!said.contains("no entry"), "{said}");
    assert!(said.contains("created CHANGELOG.md"), "{said}");
    let out = run_next(&repo, &next_command(&said));
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));

    // One with nothing to list says so, and how to commit the skeleton too.
    let repo = Repo::new();
    repo.commit("chore: start");
    let out = repo.relhook(&["changelog", "--rebuild"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let said = stderr(&out);
    assert!(said.contains("no entry"), "{said}");
    let out = run_next(&repo, &next_command(&said));
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

/// With nothing committed, `version` and `version --next` give the same version and the same
/// reason, one line each.
#[test]
fn version_and_next_in_an_empty_repository_agree_and_say_why() {
    let repo = Repo::new();
    let out = repo.relhook(&["version"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(stdout(&out), "0.1.0\n", "{}", text(&out));
    let plain = stderr(&out);
    assert_eq!(plain.lines().count(), 1, "{plain}");
    assert!(plain.contains("nothing is committed yet"), "{plain}");
    assert!(plain.contains("version.initial"), "{plain}");

    let out = repo.relhook(&["version", "--next"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert_eq!(stdout(&out), "", "{}", text(&out));
    let next = stderr(&out);
    assert_eq!(next.lines().count(), 1, "{next}");
    assert!(next.contains("nothing is committed yet"), "{next}");
    assert!(next.contains("0.1.0"), "{next}");
    assert!(next.contains("version.initial"), "{next}");
}

/// A bare-version hand tag where no .relconfig.toml exists is refused for the default
/// `tag_prefix`, which is named as the default, with where to change it; not as a setting of
/// a file that is not there.
#[test]
fn a_tag_prefix_refusal_with_no_configuration_names_the_default() {
    let repo = installed_repo();
    assert!(!repo.path().join(".relconfig.toml").exists());
    let err = crate::support::hand_tag_refused(&repo, "1.0.0");
    let line = err.lines().next().unwrap_or_default();
    assert!(!line.contains("in .relconfig.toml)"), "{err}");
    assert!(line.contains("default"), "{err}");
    assert!(line.contains("relhook init"), "{err}");

    // And `release`, reading such a tag, says the same.
    let out = repo.git_skipping_relhook(&["tag", "-a", "1.0.0", "-m", "1.0.0"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.commit_hooked("fix: after");
    let out = repo.relhook(&["release", "--dry-run"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("the default tag_prefix \"v\""), "{err}");
    assert!(err.contains("relhook init"), "{err}");

    // Where the file sets it, the file is named.
    let repo = installed_repo();
    let out = repo.relhook(&["init"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = crate::support::hand_tag_refused(&repo, "1.0.0");
    assert!(
        err.contains("`tag_prefix = \"v\"` in .relconfig.toml"),
        "{err}"
    );
    assert!(!err.contains("relhook init"), "{err}");
}

/// `relhook init` says its files need committing, and the command it names commits them.
#[test]
fn init_says_how_to_commit_what_it_wrote() {
    let repo = Repo::new();
    let out = repo.relhook(&["install"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.relhook(&["init"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = format!("{}{}", stdout(&out), stderr(&out));
    let out = run_next(&repo, &next_command(&said));
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    let tracked = repo.git(&["ls-files"]);
    assert!(tracked.contains(".relconfig.toml"), "{tracked}");
    assert!(tracked.contains("CHANGELOG.md"), "{tracked}");

    // Run again, it writes nothing and names nothing to commit.
    let out = repo.relhook(&["init"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stdout(&out).contains("next:"), "{}", text(&out));
}

/// `relhook check` warns, as a release does, when git no longer runs relhook's hooks here.
#[test]
fn check_says_when_git_no_longer_runs_the_hooks() {
    let warning = "git does not run relhook's hooks here";
    let repo = installed_repo();
    let out = repo.relhook(&["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(!stderr(&out).contains(warning), "{}", text(&out));

    std::fs::create_dir_all(repo.path().join(".husky/_")).unwrap();
    repo.git(&["config", "core.hooksPath", ".husky/_"]);
    let out = repo.relhook(&["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let said = stderr(&out);
    let line = said.lines().find(|l| l.contains(warning));
    let line = line.unwrap_or_else(|| panic!("no warning in:\n{said}"));
    assert!(line.contains("core.hooksPath"), "{line}");
    // Several hooks "never run"; one alone "never runs".
    assert!(line.contains("post-applypatch in "), "{line}");
    assert!(line.contains(" never run: "), "{line}");

    // JSON stays JSON.
    let out = repo.relhook(&["check", "--format", "json"]);
    assert!(!stderr(&out).contains(warning), "{}", text(&out));
}

/// `git filter-branch --tag-name-filter` moving a release tag is refused; the bypass named is
/// for the command the user ran, not the `git update-ref` it runs inside.
#[test]
fn a_tag_moved_by_filter_branch_names_filter_branch() {
    let repo = installed_repo();
    let out = crate::support::dated_release(&repo, &["--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let tag = repo.git(&["rev-parse", "v0.1.0"]);
    let out = repo.git_in(
        &repo.path(),
        &[
            "filter-branch",
            "-f",
            "--msg-filter",
            "cat; echo",
            "--tag-name-filter",
            "cat",
            "--",
            "--all",
        ],
        &[("FILTER_BRANCH_SQUELCH_WARNING", "1")],
    );
    let err = stderr(&out);
    assert_eq!(repo.git(&["rev-parse", "v0.1.0"]), tag, "{}", text(&out));
    let line = err
        .lines()
        .find(|l| l.starts_with("relhook: refusing tag v0.1.0"))
        .unwrap_or_else(|| panic!("no refusal in:\n{}", text(&out)));
    assert!(line.contains("RELHOOK_SKIP=1 git filter-branch"), "{line}");
    assert!(!line.contains("update-ref"), "{line}");
}

/// A release refused on a detached HEAD names the branch to switch to when one holds HEAD's
/// commit, and otherwise how to keep the commits made there, which a switch would leave behind.
#[test]
fn a_release_on_a_detached_head_says_how_to_keep_its_commits() {
    let repo = installed_repo();
    repo.git(&["checkout", "-q", "--detach", "HEAD"]);
    let out = repo.relhook(&["release", "--dry-run"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("`git switch main`"), "{err}");
    assert!(!err.contains("git switch -c"), "{err}");

    repo.commit_hooked("fix: made while detached");
    let out = repo.relhook(&["release", "--dry-run"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("git switch -c <name>"), "{err}");
    assert!(err.contains("git merge <name>"), "{err}");
}

/// A rebuild that finds the file already as history has it says so, rather than nothing.
#[test]
fn a_rebuild_that_changes_nothing_says_so() {
    let repo = installed_repo();
    let out = repo.relhook(&["changelog", "--rebuild"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("CHANGELOG.md is already what history rebuilds"),
        "{said}"
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

/// `relhook init` before `git init` writes its files; the command it names makes the
/// repository and commits them.
#[test]
fn init_before_git_init_names_git_init_too() {
    let repo = Repo::new();
    let dir = repo.scratch("plain");
    let out = repo.relhook_in(&dir, &["init"]);
    assert!(out.status.success(), "{}", text(&out));
    let next = next_command(&stdout(&out));
    assert!(next.starts_with("git init && "), "{next}");
    let out = repo
        .command_in("sh", &dir)
        .args(["-c", &next])
        .output()
        .expect("run sh");
    assert!(out.status.success(), "{}", text(&out));
    let tracked = repo.git_in(&dir, &["ls-files"], &[]);
    assert!(
        stdout(&tracked).contains(".relconfig.toml"),
        "{}",
        text(&tracked)
    );
}

/// `relhook notes` before any release says there is none yet and what makes one, not "name
/// one" of tags that do not exist; with nothing committed, it says what to do too.
#[test]
fn notes_before_any_release_says_what_makes_one() {
    let repo = Repo::new();
    let out = repo.relhook(&["notes"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("relhook release"), "{err}");

    let repo = installed_repo();
    let out = repo.relhook(&["notes"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert!(!err.contains("name one"), "{err}");
    assert!(err.contains("no release tag yet"), "{err}");
    assert!(err.contains("`relhook release`"), "{err}");
}
