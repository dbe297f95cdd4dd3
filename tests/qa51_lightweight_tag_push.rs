//! QA51: a lightweight `v0.1.0` (made with `RELHOOK_SKIP=1`) was refused at `git push --tags`
//! in two blocks whose fixes did not fit together: delete it and `relhook release 0.1.0`, and
//! `relhook test --tag v0.1.0`, a record for a tag that goes. Now one block whose fix chains:
//! delete, release, then the test record step only when the release records none.

use crate::support::{Repo, ok, text};

/// A repository with relhook installed, `.relconfig.toml` as `config` (none when empty), one
/// feature, a remote, and the lightweight tag made past the tag hook.
fn lightweight(config: &str) -> Repo {
    let repo = Repo::new();
    if !config.is_empty() {
        repo.write(".relconfig.toml", config);
        repo.git(&["add", "."]);
        repo.git(&["commit", "-q", "--no-verify", "-m", "chore: init"]);
    }
    ok(repo.relhook(&["install"]));
    repo.with_origin();
    repo.commit_hooked("feat: a");
    ok(repo.git_skipping_relhook(&["tag", "v0.1.0"]));
    repo
}

fn push(repo: &Repo) -> (bool, String) {
    let out = repo.git_output(&["push", "--tags", "origin", "main"]);
    (out.status.success(), text(&out))
}

/// The fix line of the one block for `v0.1.0`.
fn fix_line(all: &str) -> &str {
    let blocks = all.matches("✗ refs/tags/v0.1.0 ").count();
    assert_eq!(blocks, 1, "one block for the tag: {all}");
    assert!(!all.contains("untested"), "{all}");
    all.lines()
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("no fix in {all}"))
}

/// No test command: the release records none, so the record's step follows it in the chain,
/// and the chain, followed, is a push pre-push takes.
#[test]
fn without_a_test_command_the_record_step_follows_the_release() {
    let repo = lightweight("");
    let (pushed, all) = push(&repo);
    assert!(!pushed, "{all}");
    let fix = fix_line(&all);
    let order = [
        "delete the tag (`git tag -d v0.1.0`)",
        "then `relhook release 0.1.0`",
        "then give it the test record pre-push asks for",
        "`relhook test --tag v0.1.0`",
        "and push again",
    ];
    let at: Vec<usize> = order
        .iter()
        .map(|s| fix.find(s).unwrap_or_else(|| panic!("{s:?} not in {fix}")))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{fix}");
    ok(repo.git_output(&["tag", "-d", "v0.1.0"]));
    ok(repo.relhook(&["release", "0.1.0"]));
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", ".relconfig.toml"]);
    repo.commit_hooked("chore: test command");
    ok(repo.relhook(&["test", "--tag", "v0.1.0"]));
    let (pushed, all) = push(&repo);
    assert!(pushed, "{all}");
}

/// `[checks] test` set: `relhook release` runs it and records the pass, so the fix asks for
/// no record, and delete then release is a push pre-push takes.
#[test]
fn with_a_test_command_the_release_records_the_test_itself() {
    let repo = lightweight("[checks]\ntest = [\"true\"]\n");
    let (pushed, all) = push(&repo);
    assert!(!pushed, "{all}");
    let fix = fix_line(&all);
    assert!(fix.contains("then `relhook release 0.1.0`"), "{fix}");
    assert!(
        !fix.contains("test record") && !fix.contains("relhook test"),
        "{fix}"
    );
    ok(repo.git_output(&["tag", "-d", "v0.1.0"]));
    ok(repo.relhook(&["release", "0.1.0"]));
    let (pushed, all) = push(&repo);
    assert!(pushed, "{all}");
}
