//! QA round 23 on real public histories: a Cargo workspace of one shared version that `init`
//! split into packages, a revert of a change released before the install, a revert's own PR
//! number, and `wip:` answered with "did you mean `fix`?".

use crate::support::{Repo, text};

/// `relhook lint --message` in a fresh repository: (exit code, all it printed).
fn lint(message: &str) -> (Option<i32>, String) {
    let repo = Repo::new();
    let out = repo.relhook(&["lint", "--message", message]);
    (out.status.code(), text(&out))
}

/// `wip` shares one letter of three with `fix`: following "did you mean `fix`?" would turn
/// work in progress into a changelog entry and a patch release. No type is suggested; the
/// allowed types are named.
#[test]
fn wip_gets_no_type_suggestion() {
    let (code, err) = lint("wip: trying to make tests work");
    assert_eq!(code, Some(1), "{err}");
    assert!(!err.contains("did you mean"), "{err}");
    assert!(!err.contains("try:"), "{err}");
    assert!(err.contains("expected one of: feat, fix"), "{err}");
    for (typo, meant) in [
        ("fxi", "fix"),
        ("fet", "feat"),
        ("feature", "feat"),
        ("bugfix", "fix"),
        ("chroe", "chore"),
        ("refactr", "refactor"),
        ("ic", "ci"),
    ] {
        let (code, err) = lint(&format!("{typo}: something"));
        assert_eq!(code, Some(1), "{err}");
        assert!(
            err.contains(&format!("did you mean `{meant}`?")),
            "{typo}: {err}"
        );
    }
    for unrelated in ["dx", "ops", "tmp", "score"] {
        let (_, err) = lint(&format!("{unrelated}: something"));
        assert!(!err.contains("did you mean"), "{unrelated}: {err}");
    }
}

/// A history where `fix(core): thing` is released as v1.0.0 (a hand tag, hooks off), then
/// `fix(core): other (#13)` and git's revert of the released fix, squash-merged by a forge
/// as `Revert "fix(core): thing" (#15)`; nothing installed.
fn reverted_by_a_pull_request() -> Repo {
    let repo = Repo::new();
    repo.write("package.json", "{\"name\":\"x\",\"version\":\"1.0.0\"}\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.write("a.txt", "1\n");
    repo.git(&["add", "a.txt"]);
    repo.git(&["commit", "-q", "-m", "fix(core): thing"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.commit("fix(core): other (#13)");
    repo.git(&["revert", "--no-commit", "v1.0.0"]);
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "-m",
        "Revert \"fix(core): thing\" (#15)",
    ]);
    repo
}

/// The revert's own pull request number stays on its entry, as every other entry's does:
/// vuejs/core 3.5.40's `Revert "fix(runtime-core): …" (#15094)` lost `#15094`.
#[test]
fn a_revert_keeps_its_pull_request_number() {
    let repo = reverted_by_a_pull_request();
    let out = repo.relhook(&["changelog", "--rebuild", "--stdout"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let log = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        log.contains("- **core:** revert \"thing\" (#15)\n"),
        "{log}"
    );
    assert!(log.contains("- **core:** other (#13)\n"), "{log}");
    // Notes built from commits (no CHANGELOG.md at the tag).
    repo.git(&["tag", "-a", "v1.0.1", "-m", "v1.0.1"]);
    let out = repo.relhook(&["notes", "v1.0.1"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let notes = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        notes.contains("- **core:** revert \"thing\" (#15)\n"),
        "{notes}"
    );
}

/// The entry post-commit adds for such a revert keeps the number too.
#[test]
fn a_hooked_revert_keeps_its_pull_request_number() {
    let repo = crate::support::installed_repo();
    repo.commit_hooked("fix(core): thing");
    let out = crate::support::dated_release(&repo, &["1.0.0", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let fix = repo.git(&["log", "-1", "--format=%H", "--grep=^fix(core): thing"]);
    repo.git(&["revert", "--no-commit", &fix]);
    let out = repo.git_output(&["commit", "-q", "-m", "Revert \"fix(core): thing\" (#15)"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("- **core:** revert \"thing\" (#15)\n"),
        "{log}"
    );
}

/// A clone adopted after its v1.0.0: `fix(core): thing` and its tag predate `relhook
/// install`, and CHANGELOG.md has no section for them.
fn adopted_after_a_release() -> Repo {
    let repo = Repo::new();
    repo.write("package.json", "{\"name\":\"x\",\"version\":\"1.0.0\"}\n");
    repo.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.write("a.txt", "1\n");
    repo.git(&["add", "a.txt"]);
    repo.git(&["commit", "-q", "-m", "fix(core): thing"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo
}

/// `git revert` of that released fix takes a shipped change back: post-commit gives it its
/// entry, as it does a revert of a change released through relhook, and as `--sync` (and so
/// the next release) and `version --next` read it. It added nothing and said nothing.
#[test]
fn reverting_a_change_released_before_the_install_gets_its_entry() {
    let repo = adopted_after_a_release();
    let out = repo.git_output(&["revert", "--no-edit", "HEAD"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert_eq!(
        log,
        "# Changelog\n\n## [Unreleased]\n\n### Removed\n\n- **core:** revert \"thing\"\n",
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["show", "HEAD:CHANGELOG.md"]), log.trim_end());
    assert!(
        text(&out).contains("relhook: CHANGELOG.md: added"),
        "{}",
        text(&out)
    );
    let sync = repo.relhook(&["changelog", "--sync", "--stdout"]);
    assert_eq!(sync.status.code(), Some(0), "{}", text(&sync));
    assert_eq!(String::from_utf8_lossy(&sync.stdout), log);
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}

/// A revert of a change not released yet, made with the hooks off: neither ships, so no entry,
/// as `--sync` decides; said in one line rather than nothing.
#[test]
fn reverting_an_unreleased_change_without_an_entry_says_why_none() {
    let repo = adopted_after_a_release();
    repo.write("b.txt", "1\n");
    repo.git(&["add", "b.txt"]);
    repo.git_env(
        &["commit", "-q", "-m", "fix(core): other"],
        &[("RELHOOK_SKIP", "1")],
    );
    let before = repo.read("CHANGELOG.md");
    assert_eq!(before, "# Changelog\n\n## [Unreleased]\n");
    let out = repo.git_output(&["revert", "--no-edit", "HEAD"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.read("CHANGELOG.md"), before, "{}", text(&out));
    let said = text(&out);
    assert!(
        said.contains("relhook: no entry added") && said.contains("neither"),
        "{said}"
    );
    let sync = repo.relhook(&["changelog", "--sync", "--stdout"]);
    assert_eq!(
        String::from_utf8_lossy(&sync.stdout),
        before,
        "{}",
        text(&sync)
    );
}

/// Two crates that each say `1.4.0`, committed as one commit and tagged `tags`.
pub(crate) fn one_version_released(tags: &[&str]) -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"app\", \"core\"]\nresolver = \"2\"\n",
    );
    for c in ["app", "core"] {
        repo.write(
            &format!("{c}/Cargo.toml"),
            format!("[package]\nname = \"{c}\"\nversion = \"1.4.0\"\nedition = \"2021\"\n"),
        );
        repo.write(&format!("{c}/src/lib.rs"), "pub fn f() {}\n");
    }
    repo.write(
        "CHANGELOG.md",
        "# Changelog\n\n## [Unreleased]\n\n## [1.4.0] - 2024-01-01\n\n### Added\n\n- everything so far\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "feat: everything so far"]);
    for t in tags {
        repo.git(&["tag", "-a", t, "-m", t]);
    }
    repo
}

/// git-cliff's layout: a Cargo workspace of two crates that each say `1.4.0` (not
/// `version.workspace = true`), released together as `v1.4.0`, with a fix since.
fn one_version_workspace(tags: &[&str]) -> Repo {
    let repo = one_version_released(tags);
    repo.write("core/src/lib.rs", "pub fn f() {}\n// x\n");
    repo.git(&["commit", "-q", "-am", "fix(core): one fix after 1.4.0"]);
    repo
}

/// init proposes one project, its version in both crates' Cargo.toml (`[version] files`),
/// not a `[packages.*]` table per crate with `<crate>-v{version}` tags that do not exist,
/// whose release was a "first release" of 1.4.0, already out, with all of history.
#[test]
fn init_proposes_one_project_for_crates_of_one_released_version() {
    let repo = one_version_workspace(&["v1.4.0"]);
    let out = repo.relhook(&["init"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let said = text(&out);
    assert!(said.contains("released as one project"), "{said}");
    assert!(!said.contains("found 2 packages"), "{said}");
    let config = repo.read(".relconfig.toml");
    assert!(!config.contains("\n[packages."), "{config}");
    assert!(
        config.contains(
            "\nfiles = [\n  { path = \"app/Cargo.toml\", key = \"package.version\" },\n  \
             { path = \"core/Cargo.toml\", key = \"package.version\" },\n]\n"
        ),
        "{config}"
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: adopt relhook"]);
    let next = repo.relhook(&["version", "--next"]);
    assert_eq!(
        crate::support::stdout(&next).trim(),
        "1.4.1",
        "{}",
        text(&next)
    );
    let plan = repo.relhook(&["release", "--dry-run", "--no-test"]);
    assert_eq!(plan.status.code(), Some(0), "{}", text(&plan));
    let plan = crate::support::stdout(&plan);
    assert!(plan.starts_with("release v1.4.1 (1.4.0 → 1.4.1"), "{plan}");
    assert!(plan.contains("+++ b/app/Cargo.toml"), "{plan}");
    assert!(plan.contains("+++ b/core/Cargo.toml"), "{plan}");
    assert!(!plan.contains("everything so far"), "{plan}");
}

/// Crates of one version with tags of their own (`app-v1.4.0`) are released alone: their
/// tables are proposed, as before.
#[test]
fn init_keeps_packages_whose_tags_are_their_own() {
    let repo = one_version_workspace(&["app-v1.4.0", "core-v1.4.0"]);
    let out = repo.relhook(&["init"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let config = repo.read(".relconfig.toml");
    assert!(config.contains("\n[packages.app]\n"), "{config}");
    assert!(config.contains("\n[packages.core]\n"), "{config}");
    assert!(!config.contains("\nfiles = ["), "{config}");
}

/// The configuration the old init proposed: a table per crate, tags `<crate>-v{version}`
/// that do not exist, while `v1.4.0` does.
fn packages_over_root_tags() -> Repo {
    let repo = one_version_workspace(&["v1.4.0"]);
    repo.write(
        ".relconfig.toml",
        "[packages.app]\npath = \"app\"\n\n[packages.core]\npath = \"core\"\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: adopt relhook"]);
    repo
}

/// A first release of a version the repository has tagged already is almost surely a
/// configuration mistake: refused, in one line naming the tag, and said by doctor.
#[test]
fn a_package_first_release_of_a_version_tagged_at_the_root_is_refused() {
    let repo = packages_over_root_tags();
    for (args, own) in [
        (&["release", "--all", "--dry-run", "--no-test"][..], "app-v"),
        (
            &["release", "--package", "core", "--dry-run", "--no-test"][..],
            "core-v",
        ),
    ] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out));
        let err = crate::support::stderr(&out);
        assert!(
            err.contains("v1.4.0, the repository's own"),
            "{args:?}: {err}"
        );
        assert!(err.contains(own), "{args:?}: {err}");
        assert!(
            !crate::support::stdout(&out).contains("first release"),
            "{args:?}: {}",
            text(&out)
        );
    }
    let out = repo.relhook(&["doctor"]);
    let said = crate::support::stdout(&out);
    let line = said
        .lines()
        .find(|l| l.contains("package core") && l.contains("v1.4.0"))
        .unwrap_or_else(|| panic!("{said}"));
    assert!(line.contains("INVALID"), "{line}");
    assert_ne!(out.status.code(), Some(0), "{said}");
}

/// A package added after the root's release, at the version the root had: its first release
/// is its own, not a release again.
#[test]
fn a_package_added_since_at_the_root_s_version_makes_its_first_release() {
    let repo = one_version_workspace(&["v1.4.0"]);
    repo.write(
        "cli/Cargo.toml",
        "[package]\nname = \"cli\"\nversion = \"1.4.0\"\nedition = \"2021\"\n",
    );
    repo.write("cli/src/lib.rs", "pub fn f() {}\n");
    repo.write(".relconfig.toml", "[packages.cli]\npath = \"cli\"\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "feat(cli): a command line"]);
    let out = repo.relhook(&["release", "--package", "cli", "--dry-run", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        crate::support::stdout(&out).contains("cli-v1.4.0: 1.4.0 (first release"),
        "{}",
        text(&out)
    );
    let out = repo.relhook(&["doctor"]);
    assert!(
        !crate::support::stdout(&out).contains("package cli"),
        "{}",
        text(&out)
    );
}
