//! QA46: `relhook test --package core` with build output left in the work tree: its hint ended
//! "then run `relhook test` again", whose whole-tree record does not count for core's tag, so
//! pre-push still refused the tag as untested. The hint repeats the command as it was run.

use crate::support::{Repo, ok, stderr, text};

#[test]
fn the_build_output_hint_runs_the_package_test_again() {
    let repo = Repo::new();
    repo.with_origin();
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"crates/*\"]\nresolver = \"2\"\n",
    );
    repo.write(
        "crates/core/Cargo.toml",
        "[package]\nname = \"core\"\nversion = \"0.3.0\"\nedition = \"2021\"\n",
    );
    repo.write("crates/core/src/lib.rs", "pub fn f() {}\n");
    ok(repo.relhook(&["init"]));
    let config = repo.read(".relconfig.toml");
    let config: String = config
        .lines()
        .map(|l| match l.starts_with("test = [") {
            true => "test = [\"true\"]\n".to_owned(),
            false => format!("{l}\n"),
        })
        .collect();
    repo.write(".relconfig.toml", config);
    ok(repo.relhook(&["install"]));
    repo.git(&["add", "-A"]);
    ok(repo.git_output(&["commit", "-q", "-m", "chore: adopt relhook"]));
    repo.write("crates/core/src/lib.rs", "pub fn f() {}\npub fn g() {}\n");
    repo.git(&["add", "-A"]);
    ok(repo.git_output(&["commit", "-q", "-m", "fix: core g"]));
    ok(crate::support::hand_tag(
        &repo,
        &["-a", "core-v0.3.0", "-m", "core"],
    ));
    // A test run's leftover.
    repo.write("build.out", "out\n");
    let out = repo.relhook(&["test", "--package", "core"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    let hint = err
        .lines()
        .find_map(|l| l.strip_prefix("hint: "))
        .unwrap_or_else(|| panic!("no hint in:\n{err}"));
    assert!(
        hint.ends_with("then run `relhook test --package core` again"),
        "{hint}"
    );
    // Pasted as said: the ignore line, then the test run it names.
    let ignore = hint.split('`').nth(1).unwrap();
    ok(repo.sh(ignore));
    let again = hint.rsplit('`').nth(1).unwrap();
    ok(repo.sh(again));
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
}
