//! The `next:` line after a release names a step that works, even where there is no test
//! command: following it gets the tag past pre-push.

use crate::support::{Repo, stderr, text};

/// A repository with relhook installed, no manifest (so no evident test command), a remote,
/// and a release of `feat: one` made without tests.
fn released_without_a_test_command() -> (Repo, String) {
    let repo = Repo::new();
    repo.commit("chore: init");
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.with_origin();
    repo.write("one.txt", "1\n");
    repo.git(&["add", "one.txt"]);
    repo.git(&["commit", "-q", "-m", "feat: one"]);
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains(
            "`[checks] test` is not set in .relconfig.toml, and no test command is evident"
        ),
        "{err}"
    );
    let next = err
        .lines()
        .find_map(|l| l.strip_prefix("next: "))
        .unwrap_or_else(|| panic!("{err}"))
        .to_owned();
    assert!(
        !next.starts_with("relhook test"),
        "`relhook test` has nothing to run here: {err}"
    );
    (repo, next)
}

/// The `code spans` of a hint, in order.
fn quoted(hint: &str) -> Vec<String> {
    hint.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

fn push(repo: &Repo) -> std::process::Output {
    repo.git_output(&["push", "-q", "origin", "main", "v0.1.0"])
}

#[test]
fn with_no_test_command_the_next_step_sets_one_and_tests_the_tag() {
    let (repo, next) = released_without_a_test_command();
    assert_eq!(push(&repo).status.code(), Some(1), "pre-push refuses it");
    let steps = quoted(&next);
    assert_eq!(
        steps[0], "[checks] test = [\"<your test command>\"]",
        "{next}"
    );
    // Without .relconfig.toml, the command that writes it is named.
    assert_eq!(steps[1], "relhook init", "{next}");
    assert_eq!(steps[2], "relhook test --tag v0.1.0", "{next}");
    // The user's own test command where the example has a placeholder.
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", ".relconfig.toml"]);
    repo.git(&["commit", "-q", "-m", "chore: test command"]);
    let out = repo.sh(&steps[2]);
    assert_eq!(out.status.code(), Some(0), "{}: {}", steps[2], text(&out));
    let out = push(&repo);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}

#[test]
fn with_no_test_command_the_next_step_can_turn_the_requirement_off() {
    let (repo, next) = released_without_a_test_command();
    let off = quoted(&next).pop().unwrap();
    assert_eq!(off, "[checks] require_tested_tags = false", "{next}");
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", ".relconfig.toml"]);
    repo.git(&["commit", "-q", "-m", "chore: no tests"]);
    let out = push(&repo);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}

#[test]
fn a_release_refuses_a_test_program_that_is_not_installed_which_its_dry_run_notes() {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        "[checks]\ntest = [\"relhook-test-no-such-tool\"]\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "feat: one"]);
    // A dry run runs no tests: it notes the refusal the release would make.
    let out = repo.relhook(&["release", "--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        stderr(&out).contains("`relhook-test-no-such-tool` was not found"),
        "{}",
        text(&out)
    );
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("`relhook-test-no-such-tool` was not found"),
        "{err}"
    );
    assert!(
        err.lines().last().unwrap_or("").starts_with(
            "next: `relhook release --no-test` releases without running the tests, or install `relhook-test-no-such-tool`"
        ) && err.contains("`[checks] test`"),
        "{err}"
    );
    assert_eq!(repo.head_subject(), "feat: one");
}

#[test]
fn a_shown_test_command_pastes_back_as_the_same_command() {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        "[checks]\ntest = [\"sh\", \"-c\", \"exit 3\"]\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    let out = repo.relhook(&["test"]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out));
    let err = stderr(&out);
    let shown = err
        .lines()
        .find_map(|l| l.strip_prefix("relhook: running `"))
        .and_then(|l| l.strip_suffix('`'))
        .unwrap_or_else(|| panic!("{err}"));
    assert_eq!(shown, "sh -c 'exit 3'");
    // Pasted, it runs what relhook ran (unquoted, `sh -c exit 3` would exit 0).
    assert_eq!(repo.sh(shown).status.code(), Some(3));
}

/// `relhook test` with nothing to run suggests a command of the project's own tools, never
/// `cargo test` in a repository without a Cargo.toml.
#[test]
fn relhook_test_without_a_command_suggests_one_for_the_project() {
    let repo = Repo::new();
    repo.commit("chore: init");
    let out = repo.relhook(&["test"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains("set `[checks] test = [\"<your test command>\"]`"),
        "{}",
        text(&out)
    );
    repo.write("go.mod", "module example.com/x\n");
    let out = repo.relhook(&["test"]);
    assert!(
        stderr(&out).contains("set `[checks] test = [\"go\", \"test\", \"./...\"]`"),
        "{}",
        text(&out)
    );
    assert!(!stderr(&out).contains("cargo"), "{}", text(&out));
    // With no .relconfig.toml, the message says so, and what writes one.
    assert!(
        stderr(&out).contains(
            "in .relconfig.toml, which does not exist yet (`relhook init` writes a commented one)"
        ),
        "{}",
        text(&out)
    );
    repo.write(".relconfig.toml", "[changelog]\n");
    let out = repo.relhook(&["test"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains("in .relconfig.toml\n") && !stderr(&out).contains("does not exist"),
        "{}",
        text(&out)
    );
}
