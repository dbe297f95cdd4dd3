//! QA131: `relhook init` left the release commits other tools made (lerna's `v21.2.2`, its
//! independent mode's `Publish`, `npm version`'s `1.2.3`) to fail the lint, so the first check
//! or release of an adopting repository refused its own released history. init now finds them
//! and ignores exactly those headers, saying so in one line; a header that only begins with a
//! version (`v2 support`) is still linted.

use crate::support::{Repo, ok, stdout, text};

/// The line init prints about them.
const SAID: &str = "set `[commit] ignore` to pass the 3 release commits here that another tool made (a version alone or `Publish`, like `Publish`, as lerna and `npm version` write them): no Conventional Commits, and released history is not reworded";

#[test]
fn init_ignores_the_release_commits_lerna_and_npm_made() {
    let repo = Repo::new();
    repo.commit("feat: start");
    repo.commit("v21.2.2");
    repo.commit("fix: mend");
    repo.commit("1.2.3");
    repo.commit("v2 support");
    repo.commit("Publish");

    let out = ok(repo.relhook(&["init"]));
    let said = stdout(&out);
    assert!(said.lines().any(|l| l == SAID), "{}", text(&out));

    // Exactly those: the header that only begins with a version is still judged.
    let out = repo.relhook(&["check", "--all"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stdout(&out);
    assert!(said.contains("✗") && said.contains("v2 support"), "{said}");
    for tool in ["v21.2.2", "1.2.3", "Publish"] {
        assert!(
            !said
                .lines()
                .any(|l| l.starts_with("✗") && l.ends_with(tool)),
            "{said}"
        );
    }
    assert!(said.contains("1 failed (3 ignored)"), "{said}");
}

#[test]
fn init_without_such_commits_keeps_the_default_ignore() {
    let repo = Repo::new();
    repo.commit("feat: start");
    repo.commit("v2 support");

    let out = ok(repo.relhook(&["init"]));
    assert!(!stdout(&out).contains("[commit] ignore"), "{}", text(&out));
    assert!(
        repo.read(".relconfig.toml")
            .contains("\nignore = ['^Merge ']\n")
    );
}
