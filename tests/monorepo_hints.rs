//! What relhook says around a monorepo release (a pnpm workspace, as `relhook init` sets it
//! up): an interrupted `release --all` is reported by doctor, an untested package tag gets the
//! command pre-push accepts, and the dry run refuses what the release would.

use crate::support::{Repo, next_command, stderr, stdout, text};

/// A pnpm workspace of `@x/a` (a `test` script, so init gives it a `test` key, made
/// `a_test` here) and `@x/b` (no tests), set up by `relhook init` and installed, with one
/// feature touching both packages; `checks_test` sets `[checks] test`.
pub(crate) fn pnpm_workspace(a_test: &str, checks_test: Option<&str>) -> Repo {
    let repo = Repo::new();
    repo.write("pnpm-workspace.yaml", "packages:\n  - \"packages/*\"\n");
    repo.write("package.json", "{\"name\":\"root\",\"private\":true}\n");
    repo.write(
        "packages/a/package.json",
        "{\"name\":\"@x/a\",\"version\":\"1.0.0\",\"scripts\":{\"test\":\"true\"}}\n",
    );
    repo.write(
        "packages/b/package.json",
        "{\"name\":\"@x/b\",\"version\":\"2.0.0\"}\n",
    );
    for args in [&["init"][..], &["install"]] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    }
    let config = repo.read(".relconfig.toml");
    let written = "test = [\"pnpm\", \"--filter\", \"@x/a\", \"test\"]\n";
    assert!(config.contains(written), "{config}");
    let mut config = config.replace(written, &format!("test = {a_test}\n"));
    if let Some(argv) = checks_test {
        config = config.replacen("\n[checks]\n", &format!("\n[checks]\ntest = {argv}\n"), 1);
    }
    repo.write(".relconfig.toml", config);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.write("packages/a/x", "x\n");
    repo.write("packages/b/y", "y\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "feat: touch both"]);
    repo
}

#[test]
fn doctor_reports_an_interrupted_release_of_packages() {
    let repo = pnpm_workspace("[\"true\"]", None);
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.relhook_killed_at("release-committed", &["release", "--all"]);
    assert_eq!(
        repo.head_subject(),
        "chore(release): @x/a@1.0.0, @x/b@2.0.0"
    );
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let report = stdout(&out);
    assert!(
        report.contains("INVALID  release @x/a@1.0.0, @x/b@2.0.0:")
            && report.contains("fix: relhook release --resume")
            && !report.contains("all is well"),
        "{report}"
    );
    let out = repo.relhook(&["release", "--resume"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(!stderr(&out).contains("INVALID"), "{}", text(&out));
}

#[test]
fn resume_names_the_untested_package_and_how_to_test_it() {
    let repo = pnpm_workspace("[\"true\"]", None);
    repo.with_origin();
    repo.relhook_killed_at("release-committed", &["release", "--all"]);
    let out = repo.relhook(&["release", "--resume"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("(tested: @x/a; release finished)"), "{err}");
    assert!(
        err.contains("@x/b@2.0.0 was not tested (`[packages.\"@x/b\"] test` is not set"),
        "{err}"
    );
    assert!(
        !err.contains("next: git push"),
        "pre-push refuses @x/b: {err}"
    );
    // The package's own key, and a command of its ecosystem (pnpm, not cargo).
    let set = "`[packages.\"@x/b\"] test = [\"pnpm\", \"--filter\", \"@x/b\", \"test\"]`";
    assert!(err.contains(set), "{err}");
    let out = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    // pre-push's refusal gives the same advice.
    assert!(
        stderr(&out).contains(set) && !stderr(&out).contains("cargo"),
        "{}",
        text(&out)
    );
    // Followed, with a test command that runs here: the push goes through.
    let config = repo.read(".relconfig.toml").replace(
        "[packages.\"@x/b\"]\n",
        "[packages.\"@x/b\"]\ntest = [\"true\"]\n",
    );
    repo.write(".relconfig.toml", config);
    repo.git(&["commit", "-q", "-am", "chore: test @x/b"]);
    let step = "relhook test --tag @x/b@2.0.0";
    assert!(err.contains(&format!("`{step}`")), "{step}: {err}");
    let out = repo.sh(step);
    assert_eq!(out.status.code(), Some(0), "{step}: {}", text(&out));
    let out = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}

#[test]
fn an_untested_release_all_names_each_package_test_command() {
    let repo = pnpm_workspace("[\"true\"]", Some("[\"true\"]"));
    repo.with_origin();
    let out = repo.relhook(&["release", "--all", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let err = stderr(&out);
    let next = next_command(&err);
    assert_eq!(
        next, "relhook test --package @x/a && relhook test --package @x/b",
        "{err}"
    );
    let out = repo.sh(&next);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let out = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}

#[test]
fn a_release_refuses_a_test_program_that_is_not_installed_which_its_dry_run_notes() {
    let missing = "[\"relhook-test-no-such-pnpm\", \"--filter\", \"@x/a\", \"test\"]";
    let repo = pnpm_workspace(missing, Some("[\"true\"]"));
    let head = repo.git(&["rev-parse", "HEAD"]);
    // A dry run runs no tests: it notes the refusal the release would make, in one line.
    let out = repo.relhook(&["release", "--all", "--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        stderr(&out).contains("relhook: note: the release would refuse: the test command `relhook-test-no-such-pnpm --filter @x/a test` was not found"),
        "{}",
        text(&out)
    );
    let out = repo.relhook(&["release", "--all"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains(
            "the test command `relhook-test-no-such-pnpm --filter @x/a test` was not found"
        ),
        "{err}"
    );
    // The package's own key overrides `[checks] test`: the hint names it.
    let next = err.lines().last().unwrap_or("");
    assert!(
        next.starts_with("next: `relhook release --all --no-test`")
            && next.contains("`[packages.\"@x/a\"] test`")
            && !next.contains("[checks] test"),
        "{err}"
    );
    assert_eq!(
        repo.git(&["rev-parse", "HEAD"]),
        head,
        "nothing was released"
    );
    assert!(repo.is_clean());
    let out = repo.relhook(&["release", "--all", "--dry-run", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let out = repo.relhook(&["test", "--package", "@x/a"]);
    assert_eq!(out.status.code(), Some(127), "{}", text(&out));
    assert!(
        stderr(&out).contains("hint: `[packages.\"@x/a\"] test` in .relconfig.toml"),
        "{}",
        text(&out)
    );
}

#[test]
fn a_dry_run_shows_each_package_tests() {
    let repo = pnpm_workspace("[\"true\"]", None);
    let out = repo.relhook(&["release", "--all", "--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let plan = stdout(&out);
    assert!(
        plan.contains("  @x/a@1.0.0: ")
            && plan.contains("    tests: true on the release commit\n")
            && plan.contains("    tests: none (`[packages.\"@x/b\"] test` is not set)\n"),
        "{plan}"
    );
}
