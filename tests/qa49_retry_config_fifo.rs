//! QA49: advice that dropped what the failed command was given or mistook what it saw.
//! - The retry after a failed release, and the `relhook test` beside it, left out the global
//!   `--config FILE`: pasted, they read `.relconfig.toml` (another tag prefix, no tests).
//! - A FIFO where git tracks `yarn.lock` (or any file) was a change to "commit or stash",
//!   which git refuses: it is said as a FIFO, with `rm "$(git rev-parse --show-toplevel)"/X &&
//!   git checkout -- :/X` (paths from the top, pasted in any folder).
//! - doctor fetched test records from `origin` among several remotes none of which is it.
//! - doctor said to make the folder of a changelog a commit deleted with it, not to restore it.

use crate::support::{Repo, installed_repo, ok, stderr, stdout, text};

/// A release whose `--config 'ci/rel conf.toml'` tags `r…` and whose tests pass once
/// `passes` exists, with a feature to release.
fn configured_elsewhere() -> (Repo, std::path::PathBuf) {
    let repo = installed_repo();
    let passes = repo.scratch("state").join("passes");
    repo.write(
        "ci/rel conf.toml",
        format!(
            "[version]\ntag_prefix = \"r\"\n[checks]\ntest = [\"test\", \"-e\", \"{}\"]\n",
            passes.display()
        ),
    );
    repo.git(&["add", "."]);
    repo.commit_hooked("chore: release settings");
    repo.commit_hooked("feat: two");
    (repo, passes)
}

/// The text between the first backticks after `after` in `err`.
fn quoted_after<'a>(err: &'a str, after: &str) -> &'a str {
    let (_, rest) = err
        .split_once(after)
        .unwrap_or_else(|| panic!("no `{after}` in:\n{err}"));
    rest.split('`').next().unwrap()
}

#[test]
fn the_retry_and_the_test_after_failing_tests_keep_the_config_given() {
    let (repo, passes) = configured_elsewhere();
    let out = repo.relhook(&["--config", "ci/rel conf.toml", "release", "0.3.0"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    let test = quoted_after(&err, "fix them (`");
    assert_eq!(test, "relhook --config 'ci/rel conf.toml' test", "{err}");
    let again = quoted_after(&err, "then `");
    assert_eq!(
        again, "relhook --config 'ci/rel conf.toml' release 0.3.0",
        "{err}"
    );
    std::fs::write(&passes, "").unwrap();
    ok(repo.sh(test));
    ok(repo.sh(again));
    assert!(repo.git(&["tag", "-l"]).lines().any(|t| t == "r0.3.0"));
}

/// `rel` (committed) made a FIFO in `repo`.
#[cfg(unix)]
fn fifo(repo: &Repo, rel: &str) {
    let path = repo.path().join(rel);
    std::fs::remove_file(&path).unwrap();
    let made = std::process::Command::new("mkfifo").arg(&path).status();
    assert!(made.unwrap().success());
}

#[cfg(unix)]
#[test]
fn a_fifo_of_any_tracked_name_is_put_back_not_committed_or_stashed() {
    for rel in ["yarn.lock", "bun.lockb", "docs/notes.txt"] {
        let repo = installed_repo();
        repo.write("package.json", "{\"name\":\"x\",\"version\":\"1.0.0\"}\n");
        repo.write(rel, "lock\n");
        repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
        repo.git(&["add", "."]);
        repo.commit_hooked("chore: files");
        repo.commit_hooked("feat: two");
        fifo(&repo, rel);
        let out = repo.relhook(&["release", "--dry-run"]);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        let err = stderr(&out);
        assert_eq!(
            err.trim_end(),
            format!(
                "relhook: release refused: {rel} is a FIFO (named pipe), not a file, which git \
                 can neither commit nor stash; `rm \"$(git rev-parse --show-toplevel)\"/{rel} && git checkout -- :/{rel}`, then \
                 release again"
            )
        );
        ok(repo.sh(&format!("rm {rel} && git checkout -- {rel}")));
        ok(repo.relhook(&["release", "--dry-run"]));
    }
}

#[cfg(unix)]
#[test]
fn a_hand_tag_over_a_fifo_yarn_lock_says_the_same() {
    let repo = installed_repo();
    repo.write("yarn.lock", "lock\n");
    repo.git(&["add", "."]);
    repo.commit_hooked("feat: two");
    fifo(&repo, "yarn.lock");
    let out = repo.git_output(&["tag", "-a", "v0.2.0", "-m", "v0.2.0"]);
    let all = text(&out);
    assert!(
        all.contains("yarn.lock is a FIFO (named pipe), not a file, which git can neither commit nor stash; `rm \"$(git rev-parse --show-toplevel)\"/yarn.lock && git checkout -- :/yarn.lock`, then tag again"),
        "{all}"
    );
    assert!(!all.contains("commit or stash"), "{all}");
}

/// doctor's fix for untested release tag v0.1.0 in `repo`.
fn doctor_untested_fix(repo: &Repo) -> String {
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    let at = said
        .find("untested release tags")
        .unwrap_or_else(|| panic!("{}", text(&out)));
    said[at..]
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_default()
        .to_owned()
}

/// QA49: with several remotes and none `origin`, doctor's fix fetched the test records from
/// `origin`; now from the branch's upstream remote, else not at all.
#[test]
fn doctor_fetches_records_from_no_origin_that_is_not_there() {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: one");
    ok(crate::support::hand_tag(
        &repo,
        &["-a", "v0.1.0", "-m", "v0.1.0"],
    ));
    for name in ["fork", "upstream"] {
        let bare = repo.scratch(&format!("{name}.git"));
        repo.git(&["init", "-q", "--bare", bare.to_str().unwrap()]);
        repo.git(&["remote", "add", name, bare.to_str().unwrap()]);
    }
    let none = doctor_untested_fix(&repo);
    assert!(none.contains("relhook test --tag v0.1.0"), "{none}");
    assert!(!none.contains("origin"), "{none}");
    assert!(!none.contains("git fetch"), "{none}");
    repo.git(&["config", "branch.main.remote", "upstream"]);
    repo.git(&["config", "branch.main.merge", "refs/heads/main"]);
    let named = doctor_untested_fix(&repo);
    assert!(
        named.contains("`git fetch upstream +refs/notes/relhook-tests:"),
        "{named}"
    );
}

/// QA49: docs/CHANGELOG.md deleted by a commit with docs/ itself (its only file): doctor said
/// to make the folder and sync, which sync then refused; now it gives the restore first.
#[test]
fn doctor_restores_a_changelog_deleted_with_its_folder() {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    std::fs::create_dir(repo.path().join("docs")).unwrap();
    repo.write(
        ".relconfig.toml",
        "[changelog]\npath = \"docs/CHANGELOG.md\"\n",
    );
    repo.git(&["add", "."]);
    repo.commit_hooked("chore: start");
    repo.commit_hooked("feat: add a");
    assert!(repo.read("docs/CHANGELOG.md").contains("- add a"));
    repo.git(&["rm", "-q", "docs/CHANGELOG.md"]);
    repo.write("c", "c\n");
    repo.git(&["add", "c"]);
    ok(repo.git_output(&["commit", "-q", "-m", "feat: add c"]));
    assert!(!repo.path().join("docs").exists());
    let said = stdout(&repo.relhook(&["doctor"]));
    let row = said
        .lines()
        .skip_while(|l| !l.contains("changelog:"))
        .take(2)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(row.contains("was deleted by commit"), "{said}");
    assert!(!row.contains("mkdir"), "{said}");
    let fix = quoted_after(&row, "fix: `");
    assert!(fix.starts_with("git checkout "), "{row}");
    ok(repo.sh(fix));
    let log = repo.read("docs/CHANGELOG.md");
    assert!(log.contains("- add a") && log.contains("- add c"), "{log}");
}
