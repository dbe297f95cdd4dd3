//! Found by a second pass as a demanding new user: each test follows what relhook itself told
//! the user to do, through real git and the installed hooks, and checks that it works.

use crate::support::{Repo, stderr, text};

/// A repository with relhook's hooks installed, a bare remote `origin` and one commit.
fn installed_with_remote() -> Repo {
    let repo = Repo::new();
    repo.commit("chore: init");
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let remote = repo.scratch("remote.git");
    let out = repo.git_in(&remote, &["init", "-q", "--bare"], &[]);
    assert!(out.status.success(), "{}", text(&out));
    repo.git(&["remote", "add", "origin", remote.to_str().unwrap()]);
    repo
}

/// The backquoted commands of a line of advice, in order.
fn commands(advice: &str) -> Vec<String> {
    advice
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_first_push_of_a_project_with_no_test_command_gives_advice_that_works() {
    // No Cargo.toml, package.json or Python project: nothing evident to test with.
    let repo = installed_with_remote();
    repo.commit_hooked("feat: one");
    let out = repo.git_output(&["tag", "-a", "v0.1.0", "-m", "first"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("no test command is configured"), "{err}");
    // Writing `[checks] test` and testing the tag, as the advice once said, is a dead end: the
    // uncommitted .relconfig.toml makes the tree dirty, so nothing is recorded and pre-push
    // refuses a release from a dirty tree. The advice must say to commit it and tag again.
    let fix = err
        .lines()
        .find(|l| l.trim_start().starts_with("fix:") && l.contains("[checks] test"))
        .unwrap_or_else(|| panic!("no fix line: {err}"));
    let steps = commands(fix);
    assert!(
        steps.iter().any(|c| c == "git tag -d v0.1.0"),
        "the tag must go first: {fix}"
    );
    assert!(
        fix.contains("commit"),
        "the configuration must be committed: {fix}"
    );
    // Follow it: delete the tag, commit the configuration, tag again, test, push.
    repo.git(&["tag", "-d", "v0.1.0"]);
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", ".relconfig.toml"]);
    repo.commit_hooked("chore: configure the tests");
    let out = repo.git_output(&["tag", "-a", "v0.1.0", "-m", "first"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.relhook(&["test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let out = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}

#[test]
fn relhook_test_with_an_uncommitted_configuration_says_to_commit_it() {
    let repo = installed_with_remote();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    let out = repo.relhook(&["test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("not recorded"), "{err}");
    assert!(
        err.contains("commit .relconfig.toml"),
        "says what makes the record possible: {err}"
    );
}

#[test]
fn the_first_release_does_not_claim_a_bump_from_its_own_version() {
    let repo = installed_with_remote();
    repo.commit_hooked("feat: one");
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let err = stderr(&out);
    assert!(!err.contains("0.1.0 → 0.1.0"), "{err}");
    assert!(err.contains("releasing v0.1.0 (first release"), "{err}");
    repo.commit_hooked("fix: two");
    let out = repo.relhook(&["release", "--dry-run"]);
    let o = crate::support::stdout(&out);
    assert!(o.contains("(0.1.0 → 0.1.1, release tag v0.1.0)"), "{o}");
}

#[test]
fn a_hand_tag_is_refused_unsigned_when_the_configuration_signs_releases() {
    let repo = installed_with_remote();
    repo.write(".relconfig.toml", "[release]\nsign = true\n");
    repo.git(&["add", ".relconfig.toml"]);
    repo.commit_hooked("feat: signed releases only");
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = repo.git_output(&["tag", "-a", "v0.1.0", "-m", "first"]);
    assert_ne!(out.status.code(), Some(0), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("sign = true"), "{err}");
    assert!(err.contains("relhook release 0.1.0"), "{err}");
    assert_eq!(repo.git(&["tag", "-l", "v0.1.0"]), "", "no tag was made");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head, "no release commit");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}
