//! QA49: advice that dropped what the failed command was given or mistook what it saw.
//! - The retry after a failed release, and the `relhook test` beside it, left out the global
//!   `--config FILE`: pasted, they read `.relconfig.toml` (another tag prefix, no tests).

use crate::support::{Repo, installed_repo, ok, stderr, text};

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
