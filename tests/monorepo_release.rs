//! Monorepo releases end to end (issue 14): per-package releases, `release --all` as one
//! transaction and one commit, internal dependents (Cargo and npm workspaces), hand tags per
//! package, pre-push per package and the opt-in lint rule that wants a package scope.

use std::io::{BufRead, BufReader};
use std::process::{Output, Stdio};

use crate::support::{Repo, SKELETON, relhook_bin, stderr, text};

const DATE: &str = "2026-11-21";

/// `relhook release ARGS` with the release date pinned.
fn release(repo: &Repo, args: &[&str]) -> Output {
    let mut cmd = repo.command_in(relhook_bin(), &repo.path());
    cmd.env("RELHOOK_DATE", DATE).arg("release").args(args);
    cmd.output().unwrap()
}

fn ok(out: &Output) {
    assert_eq!(out.status.code(), Some(0), "{}", text(out));
}

/// Commits a change to one file under each of `dirs` (hooks off).
fn change(repo: &Repo, dirs: &[&str], message: &str) -> String {
    let n = repo
        .git(&["rev-list", "--count", "--all"])
        .parse::<usize>()
        .unwrap_or(0);
    for dir in dirs {
        let file = format!("{dir}/src/change{n}.rs");
        repo.write(&file, format!("// {message}\n"));
        repo.git(&["add", &file]);
    }
    repo.git(&["commit", "-q", "--no-verify", "-m", message]);
    repo.git(&["rev-parse", "HEAD"])
}

fn crate_toml(name: &str, version: &str, deps: &str) -> String {
    format!("[package]\nname = \"{name}\"\nversion = \"{version}\"\nedition = \"2021\"\n{deps}")
}

fn released_changelog(version: &str) -> String {
    format!("{SKELETON}\n## [{version}] - 2026-01-01\n\n### Added\n\n- the start\n")
}

/// A Cargo workspace of three crates, each released once: `api` 1.2.0, `core` 0.3.0 and
/// `cli` 0.4.0, which requires `api` at `1.2`.
fn cargo_workspace(extra_config: &str) -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"crates/*\"]\nresolver = \"2\"\n",
    );
    repo.write("CHANGELOG.md", SKELETON);
    for (name, version, deps) in [
        ("api", "1.2.0", ""),
        ("core", "0.3.0", ""),
        (
            "cli",
            "0.4.0",
            "\n[dependencies]\napi = { path = \"../api\", version = \"1.2\" }\n",
        ),
    ] {
        repo.write(
            &format!("crates/{name}/Cargo.toml"),
            crate_toml(name, version, deps),
        );
        repo.write(&format!("crates/{name}/src/lib.rs"), "\n");
        repo.write(
            &format!("crates/{name}/CHANGELOG.md"),
            released_changelog(version),
        );
    }
    repo.write(
        ".relconfig.toml",
        format!(
            "[packages.api]\npath = \"crates/api\"\n\n[packages.core]\npath = \"crates/core\"\n\n[packages.cli]\npath = \"crates/cli\"\n{extra_config}"
        ),
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: start"]);
    for tag in ["api-v1.2.0", "core-v0.3.0", "cli-v0.4.0"] {
        repo.git(&["tag", "-a", tag, "-m", tag]);
    }
    repo
}

/// Installs relhook's hook shims and commits the `.gitattributes` line they need.
fn hooks(repo: &Repo, names: &[&str]) {
    repo.hooks(names);
    repo.git(&["add", ".gitattributes"]);
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "-m",
        "chore: relhook's hooks",
    ]);
}

fn tags(repo: &Repo) -> Vec<String> {
    repo.git(&["tag", "--list"])
        .lines()
        .map(str::to_owned)
        .collect()
}

/// The version section of `version` in a changelog, from its heading to the next.
fn section(changelog: &str, version: &str) -> String {
    let heading = format!("## [{version}] - {DATE}");
    let Some(start) = changelog.find(&heading) else {
        return String::new();
    };
    let rest = &changelog[start + heading.len()..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    rest[..end].to_owned()
}

#[test]
fn release_package_bumps_only_that_package() {
    let repo = cargo_workspace("\n[release]\nbump_dependents = false\n");
    change(&repo, &["crates/api"], "feat(api): stream responses");
    change(&repo, &["crates/core"], "fix(core): keep the cache warm");
    let before = repo.git(&["rev-parse", "HEAD"]);
    let core_before = repo.read("crates/core/CHANGELOG.md");
    let out = release(&repo, &["--package", "api"]);
    ok(&out);

    assert!(
        repo.read("crates/api/Cargo.toml")
            .contains("version = \"1.3.0\"")
    );
    let api_log = repo.read("crates/api/CHANGELOG.md");
    let api_section = section(&api_log, "1.3.0");
    assert!(api_section.contains("stream responses"), "{api_log}");
    assert!(
        !api_section.contains("keep the cache warm"),
        "core's commit is not api's: {api_log}"
    );
    assert!(api_log.contains("## [Unreleased]"), "{api_log}");
    // Nothing of core or the root moved.
    assert!(
        repo.read("crates/core/Cargo.toml")
            .contains("version = \"0.3.0\"")
    );
    assert_eq!(repo.read("crates/core/CHANGELOG.md"), core_before);
    assert_eq!(repo.read("CHANGELOG.md"), SKELETON);
    assert!(
        repo.read("crates/cli/Cargo.toml")
            .contains("version = \"1.2\"")
    );
    // One release commit on top, tagged with api's template, annotated.
    assert_eq!(repo.git(&["rev-parse", "HEAD~1"]), before);
    assert!(
        repo.head_subject().contains("api"),
        "{}",
        repo.head_subject()
    );
    assert_eq!(repo.git(&["cat-file", "-t", "api-v1.3.0"]), "tag");
    assert_eq!(
        repo.git(&["rev-parse", "api-v1.3.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD"])
    );
    assert!(!tags(&repo).iter().any(|t| t.starts_with("core-v0.3.1")));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    // The tag's message is api's notes.
    let message = repo.git(&["tag", "-l", "--format=%(contents)", "api-v1.3.0"]);
    assert!(message.contains("stream responses"), "{message}");
}

#[test]
fn release_all_releases_changed_packages_in_one_commit() {
    let repo = cargo_workspace("\n[release]\nbump_dependents = false\n");
    change(&repo, &["crates/api"], "feat(api): stream responses");
    change(&repo, &["crates/core"], "fix(core): keep the cache warm");
    change(
        &repo,
        &["crates/core", "crates/api"],
        "fix: share one clock",
    );
    let before = repo.git(&["rev-parse", "HEAD"]);
    let cli_before = repo.read("crates/cli/CHANGELOG.md");
    ok(&release(&repo, &["--all"]));

    assert_eq!(
        repo.git(&["rev-parse", "HEAD~1"]),
        before,
        "one release commit"
    );
    let head = repo.git(&["rev-parse", "HEAD"]);
    for (tag, manifest, version) in [
        ("api-v1.3.0", "crates/api/Cargo.toml", "1.3.0"),
        ("core-v0.3.1", "crates/core/Cargo.toml", "0.3.1"),
    ] {
        assert_eq!(repo.git(&["rev-parse", &format!("{tag}^{{commit}}")]), head);
        assert!(
            repo.read(manifest)
                .contains(&format!("version = \"{version}\""))
        );
    }
    // Each changelog holds its own commits, the shared one in both.
    let api = section(&repo.read("crates/api/CHANGELOG.md"), "1.3.0");
    let core = section(&repo.read("crates/core/CHANGELOG.md"), "0.3.1");
    assert!(
        api.contains("stream responses") && api.contains("share one clock"),
        "{api}"
    );
    assert!(!api.contains("cache warm"), "{api}");
    assert!(
        core.contains("cache warm") && core.contains("share one clock"),
        "{core}"
    );
    assert!(!core.contains("stream responses"), "{core}");
    // cli had no change: no release, no tag, no edit.
    assert!(!tags(&repo).iter().any(|t| t.starts_with("cli-v0.4.1")));
    assert_eq!(repo.read("crates/cli/CHANGELOG.md"), cli_before);
    assert!(repo.is_clean());
}

#[test]
fn release_all_is_all_or_nothing() {
    let repo = cargo_workspace("");
    let config = repo.read(".relconfig.toml").replace(
        "[packages.core]\npath = \"crates/core\"\n",
        "[packages.core]\npath = \"crates/core\"\ntest = [\"git\", \"rev-parse\", \"--verify\", \"no-such-ref\"]\n",
    ) + "\n[release]\nbump_dependents = false\n";
    repo.write(".relconfig.toml", config);
    repo.git(&["commit", "-q", "--no-verify", "-am", "chore: core's tests"]);
    change(&repo, &["crates/api"], "feat(api): stream responses");
    change(&repo, &["crates/core"], "fix(core): keep the cache warm");
    let before = repo.git(&["rev-parse", "HEAD"]);
    let tags_before = tags(&repo);
    let listing = crate::support::listing(&repo.path().join("crates"));

    let out = release(&repo, &["--all"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("core"),
        "names the package: {}",
        text(&out)
    );
    // The way on names the package's tests and the release as it was asked for, not the root's.
    let next = stderr(&out)
        .lines()
        .find(|l| l.starts_with("next: "))
        .unwrap_or_default()
        .to_owned();
    assert!(
        next.contains("`relhook test --package core`")
            && next.contains("then `relhook release --all`")
            && next.contains("`relhook release --all --no-test`"),
        "{}",
        text(&out)
    );
    assert_eq!(
        repo.git(&["rev-parse", "HEAD"]),
        before,
        "no release commit left"
    );
    assert_eq!(tags(&repo), tags_before, "no tag left");
    assert_eq!(
        crate::support::listing(&repo.path().join("crates")),
        listing
    );
    assert!(repo.is_clean());
}

#[test]
fn package_tests_run_and_are_recorded_per_package() {
    let repo = cargo_workspace("\n[release]\nbump_dependents = false\n");
    let config = repo.read(".relconfig.toml").replace(
        "[packages.api]\npath = \"crates/api\"\n",
        "[packages.api]\npath = \"crates/api\"\ntest = [\"git\", \"rev-parse\", \"HEAD\"]\n",
    );
    repo.write(".relconfig.toml", config);
    repo.git(&["commit", "-q", "--no-verify", "-am", "chore: api's tests"]);
    change(&repo, &["crates/api"], "feat(api): stream responses");
    ok(&release(&repo, &["--package", "api"]));
    let notes = repo.git(&["notes", "--ref=relhook-tests", "show", "HEAD"]);
    let api_tree = repo.git(&["rev-parse", "HEAD:crates/api"]);
    assert!(
        notes.contains(&api_tree),
        "a record keyed by api's tree: {notes}"
    );
    assert!(notes.contains("git rev-parse HEAD"), "{notes}");
}

#[test]
fn cargo_dependents_get_their_requirement_and_a_patch_release() {
    let repo = cargo_workspace("");
    change(&repo, &["crates/api"], "feat(api): stream responses");
    ok(&release(&repo, &["--package", "api"]));

    let cli = repo.read("crates/cli/Cargo.toml");
    assert!(
        cli.contains("api = { path = \"../api\", version = \"1.3\" }"),
        "{cli}"
    );
    assert!(cli.contains("version = \"0.4.1\""), "{cli}");
    let log = section(&repo.read("crates/cli/CHANGELOG.md"), "0.4.1");
    assert!(
        log.contains("require api 1.3.0"),
        "the entry says why: {log}"
    );
    let head = repo.git(&["rev-parse", "HEAD"]);
    for tag in ["api-v1.3.0", "cli-v0.4.1"] {
        assert_eq!(repo.git(&["rev-parse", &format!("{tag}^{{commit}}")]), head);
    }
    assert!(!tags(&repo).iter().any(|t| t == "core-v0.3.1"));
    assert!(repo.is_clean());
    // A patch of api leaves `1.3` as it is: no release of cli.
    change(&repo, &["crates/api"], "fix(api): close the stream");
    ok(&release(&repo, &["--all"]));
    assert!(tags(&repo).iter().any(|t| t == "api-v1.3.1"));
    assert!(!tags(&repo).iter().any(|t| t == "cli-v0.4.2"));
    assert!(
        repo.read("crates/cli/Cargo.toml")
            .contains("version = \"1.3\" }")
    );
}

#[test]
fn npm_workspace_dependents_follow() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\n  \"name\": \"acme\",\n  \"private\": true,\n  \"workspaces\": [\"packages/*\"]\n}\n",
    );
    repo.write(
        "packages/ui/package.json",
        "{\n  \"name\": \"@acme/ui\",\n  \"version\": \"0.3.0\"\n}\n",
    );
    repo.write(
        "packages/web/package.json",
        "{\n  \"name\": \"@acme/web\",\n  \"version\": \"1.0.0\",\n  \"dependencies\": {\n    \"@acme/ui\": \"^0.3.0\"\n  }\n}\n",
    );
    repo.write("packages/ui/CHANGELOG.md", released_changelog("0.3.0"));
    repo.write("packages/web/CHANGELOG.md", released_changelog("1.0.0"));
    repo.write(
        ".relconfig.toml",
        "[packages.ui]\npath = \"packages/ui\"\ntag = \"@acme/ui@{version}\"\n\n[packages.web]\npath = \"packages/web\"\ntag = \"@acme/web@{version}\"\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "@acme/ui@0.3.0", "-m", "ui"]);
    repo.git(&["tag", "-a", "@acme/web@1.0.0", "-m", "web"]);
    change(&repo, &["packages/ui"], "fix(ui): round the corners");
    ok(&release(&repo, &["--all"]));

    assert!(
        repo.read("packages/ui/package.json")
            .contains("\"version\": \"0.3.1\"")
    );
    let web = repo.read("packages/web/package.json");
    assert!(web.contains("\"@acme/ui\": \"^0.3.1\""), "{web}");
    assert!(web.contains("\"version\": \"1.0.1\""), "{web}");
    let log = section(&repo.read("packages/web/CHANGELOG.md"), "1.0.1");
    assert!(log.contains("require ui 0.3.1"), "{log}");
    assert!(tags(&repo).iter().any(|t| t == "@acme/ui@0.3.1"));
    assert!(tags(&repo).iter().any(|t| t == "@acme/web@1.0.1"));
    assert!(repo.is_clean());
}

#[test]
fn mixed_python_and_node_packages_release_apart() {
    let repo = Repo::new();
    repo.write(
        "py/pyproject.toml",
        "[project]\nname = \"acme-py\"\nversion = \"2.0.0\"\n",
    );
    repo.write(
        "js/package.json",
        "{\n  \"name\": \"acme-js\",\n  \"version\": \"0.1.0\"\n}\n",
    );
    repo.write(
        ".relconfig.toml",
        "[packages.py]\npath = \"py\"\n\n[packages.js]\npath = \"js\"\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "py-v2.0.0", "-m", "py"]);
    repo.git(&["tag", "-a", "js-v0.1.0", "-m", "js"]);
    change(&repo, &["py"], "feat: a faster parser");
    ok(&release(&repo, &["--all"]));
    assert!(
        repo.read("py/pyproject.toml")
            .contains("version = \"2.1.0\"")
    );
    assert!(
        repo.read("js/package.json")
            .contains("\"version\": \"0.1.0\"")
    );
    assert!(section(&repo.read("py/CHANGELOG.md"), "2.1.0").contains("a faster parser"));
    assert!(!repo.path().join("js/CHANGELOG.md").exists());
    assert!(tags(&repo).iter().any(|t| t == "py-v2.1.0"));
    // Nothing left to release: refused, nothing written.
    let out = release(&repo, &["--all"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(repo.is_clean());
}

#[test]
fn an_interrupted_release_all_is_resumed() {
    let repo = cargo_workspace("\n[release]\nbump_dependents = false\n");
    change(&repo, &["crates/api"], "feat(api): stream responses");
    change(&repo, &["crates/core"], "fix(core): keep the cache warm");
    let mut cmd = repo.command_in(relhook_bin(), &repo.path());
    let out = cmd
        .env("RELHOOK_DATE", DATE)
        .env("RELHOOK_TEST_FAILPOINT", "release-committed")
        .args(["release", "--all"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    // The failpoint fails the release: everything is undone.
    assert!(!tags(&repo).iter().any(|t| t == "api-v1.3.0"));
    assert_eq!(repo.head_subject(), "fix(core): keep the cache warm");
    assert!(repo.is_clean());
    // A release commit whose tags are missing (as a kill leaves it) is finished by --resume.
    ok(&release(&repo, &["--all", "--no-test"]));
    let head = repo.git(&["rev-parse", "HEAD"]);
    repo.git(&["tag", "-d", "api-v1.3.0", "core-v0.3.1"]);
    let out = release(&repo, &["--resume"]);
    ok(&out);
    for tag in ["api-v1.3.0", "core-v0.3.1"] {
        assert_eq!(repo.git(&["rev-parse", &format!("{tag}^{{commit}}")]), head);
        assert_eq!(repo.git(&["cat-file", "-t", tag]), "tag");
    }
}

#[test]
fn a_hand_tag_releases_that_package_only() {
    let repo = cargo_workspace("");
    hooks(&repo, &["post-commit", "reference-transaction"]);
    // Through the hooks: post-commit puts each entry in its package's changelog.
    for (dir, message) in [
        ("crates/api", "feat(api): stream responses"),
        ("crates/core", "fix(core): keep the cache warm"),
    ] {
        let file = format!("{dir}/src/hooked.rs");
        repo.write(&file, message);
        repo.git(&["add", &file]);
        repo.git(&["commit", "-q", "-m", message]);
    }
    assert!(
        repo.read("crates/api/CHANGELOG.md")
            .contains("stream responses")
    );
    let core_before = repo.read("crates/core/CHANGELOG.md");
    let before = repo.git(&["rev-parse", "HEAD"]);
    let out = repo.git_env(
        &["tag", "-a", "api-v1.3.0", "-m", "api 1.3.0"],
        &[("RELHOOK_DATE", DATE)],
    );
    let _ = out;
    let api_log = repo.read("crates/api/CHANGELOG.md");
    assert!(api_log.contains("## [1.3.0] - "), "{api_log}");
    assert!(api_log.contains("stream responses"), "{api_log}");
    assert!(!api_log.contains("cache warm"), "{api_log}");
    assert!(
        repo.read("crates/api/Cargo.toml")
            .contains("version = \"1.3.0\"")
    );
    assert_eq!(repo.read("crates/core/CHANGELOG.md"), core_before);
    assert_eq!(repo.read("CHANGELOG.md"), SKELETON);
    assert_eq!(repo.git(&["rev-parse", "HEAD~1"]), before);
    assert_eq!(
        repo.git(&["rev-parse", "api-v1.3.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD"])
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}

/// A bare remote for pushes.
fn remote(repo: &Repo) -> String {
    let bare = repo.scratch("remote.git");
    let bare = bare.to_str().unwrap().to_owned();
    let init = repo.git_in(&repo.path(), &["init", "-q", "--bare", &bare], &[]);
    assert!(init.status.success(), "{}", text(&init));
    repo.git(&["remote", "add", "origin", &bare]);
    repo.git(&["push", "-q", "--no-verify", "origin", "main", "--tags"]);
    bare
}

#[test]
fn pre_push_checks_a_package_tag_against_its_package() {
    let repo = cargo_workspace(
        "\n[release]\nbump_dependents = false\n\n[checks]\nrequire_tested_tags = false\n",
    );
    remote(&repo);
    hooks(&repo, &["pre-push"]);
    change(&repo, &["crates/api"], "feat(api): stream responses");
    change(&repo, &["crates/core"], "fix(core): keep the cache warm");
    // A core tag made behind relhook's back: core's changelog has no 0.3.1 section.
    repo.git_skipping_relhook(&["tag", "-a", "core-v0.3.1", "-m", "core"]);
    let out = repo.git_output(&["push", "-q", "origin", "main", "core-v0.3.1"]);
    assert!(!out.status.success(), "{}", text(&out));
    let says = stderr(&out);
    assert!(
        says.contains("core-v0.3.1") && says.contains("crates/core/CHANGELOG.md"),
        "{says}"
    );
    repo.git(&["tag", "-d", "core-v0.3.1"]);
    // api released by relhook: its tag passes.
    ok(&release(&repo, &["--package", "api", "--no-test"]));
    let out = repo.git_output(&["push", "-q", "origin", "main", "api-v1.3.0"]);
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn pre_push_wants_a_test_record_of_the_package_tree() {
    let repo = cargo_workspace("\n[release]\nbump_dependents = false\n");
    remote(&repo);
    hooks(&repo, &["pre-push"]);
    change(&repo, &["crates/api"], "feat(api): stream responses");
    ok(&release(&repo, &["--package", "api", "--no-test"]));
    let out = repo.git_output(&["push", "-q", "origin", "main", "api-v1.3.0"]);
    assert!(!out.status.success(), "untested: {}", text(&out));
    assert!(stderr(&out).contains("api-v1.3.0"), "{}", text(&out));
    // A record of api's tree, made on any commit with that tree of crates/api, lets it go.
    let config = repo.read(".relconfig.toml").replace(
        "[packages.api]\npath = \"crates/api\"\n",
        "[packages.api]\npath = \"crates/api\"\ntest = [\"git\", \"--version\"]\n",
    );
    repo.write(".relconfig.toml", config);
    repo.git(&["commit", "-q", "--no-verify", "-am", "chore: api's tests"]);
    let t = repo.relhook(&["test", "--package", "api"]);
    ok(&t);
    let out = repo.git_output(&["push", "-q", "origin", "main", "api-v1.3.0"]);
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn package_scope_rule_is_opt_in() {
    let repo = cargo_workspace("");
    hooks(&repo, &["commit-msg"]);
    let two = |repo: &Repo, message: &str| {
        for dir in ["crates/api", "crates/core"] {
            let file = format!("{dir}/src/x{}.rs", message.len());
            repo.write(&file, message);
            repo.git(&["add", &file]);
        }
        repo.git_output(&["commit", "-q", "-m", message])
    };
    // Off by default.
    let out = two(&repo, "fix: share one clock");
    assert!(out.status.success(), "{}", text(&out));
    let config = repo.read(".relconfig.toml") + "\n[commit.rules]\npackage-scope = \"error\"\n";
    repo.write(".relconfig.toml", config);
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "-am",
        "chore: want package scopes",
    ]);
    let out = two(&repo, "fix: share two clocks");
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let says = stderr(&out);
    assert!(
        says.contains("package-scope") && says.contains("api") && says.contains("core"),
        "{says}"
    );
    repo.git(&["reset", "-q"]);
    let out = two(&repo, "fix(api): share three clocks");
    assert!(out.status.success(), "{}", text(&out));
    // One package touched: no scope needed.
    let file = "crates/core/src/y.rs";
    repo.write(file, "y");
    repo.git(&["add", file]);
    let out = repo.git_output(&["commit", "-q", "-m", "fix: one package"]);
    assert!(out.status.success(), "{}", text(&out));
    // `relhook check` applies the rule to history.
    let out = repo.relhook(&["check", "HEAD~4..HEAD"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        crate::support::stdout(&out).contains("share one clock")
            || stderr(&out).contains("share one clock"),
        "{}",
        text(&out)
    );
}

#[test]
fn a_release_all_killed_before_its_tags_is_named_and_resumed() {
    let repo = cargo_workspace("\n[release]\nbump_dependents = false\n");
    change(&repo, &["crates/api"], "feat(api): stream responses");
    change(&repo, &["crates/core"], "fix(core): keep the cache warm");
    let mut child = repo
        .command_in(relhook_bin(), &repo.path())
        .env("RELHOOK_DATE", DATE)
        .env("RELHOOK_TEST_FAILPOINT", "release-tested:pause")
        .args(["release", "--all", "--no-test"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    loop {
        line.clear();
        assert!(
            err.read_line(&mut line).unwrap() > 0,
            "relhook never paused"
        );
        if line.contains("pausing") {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    // Killed between its commit and its tags: the release commit is there, no tag is.
    assert_eq!(
        repo.head_subject(),
        "chore(release): api-v1.3.0, core-v0.3.1"
    );
    assert!(
        !tags(&repo)
            .iter()
            .any(|t| t == "api-v1.3.0" || t == "core-v0.3.1")
    );
    assert!(repo.is_clean());
    // Any release now names what is half-made and the command that finishes it.
    let out = release(&repo, &["--package", "cli"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("relhook release --resume"),
        "{}",
        text(&out)
    );
    let out = release(&repo, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    ok(&release(&repo, &["--resume"]));
    let head = repo.git(&["rev-parse", "HEAD"]);
    for tag in ["api-v1.3.0", "core-v0.3.1"] {
        assert_eq!(repo.git(&["rev-parse", &format!("{tag}^{{commit}}")]), head);
    }
    let message = repo.git(&["tag", "-l", "--format=%(contents)", "core-v0.3.1"]);
    assert!(message.contains("keep the cache warm"), "{message}");
}

#[test]
fn a_dry_run_shows_every_package_and_writes_nothing() {
    let repo = cargo_workspace("");
    change(&repo, &["crates/api"], "feat(api): stream responses");
    let before = crate::support::listing(&repo.path());
    let out = release(&repo, &["--all", "--dry-run"]);
    ok(&out);
    let plan = crate::support::stdout(&out);
    assert!(plan.contains("api-v1.3.0: 1.2.0 → 1.3.0"), "{plan}");
    assert!(plan.contains("cli-v0.4.1: 0.4.0 → 0.4.1"), "{plan}");
    assert!(plan.contains("require api 1.3.0"), "{plan}");
    assert!(plan.contains("+version = \"1.3.0\""), "{plan}");
    let out = release(&repo, &["--all", "--dry-run", "--format", "json"]);
    ok(&out);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["dry_run"], true);
    let names: Vec<&str> = doc["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["tag"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["api-v1.3.0", "cli-v0.4.1"]);
    assert_eq!(crate::support::listing(&repo.path()), before);
    assert!(tags(&repo).iter().all(|t| t != "api-v1.3.0"));
}

#[test]
fn workspace_dependencies_move_and_their_members_follow() {
    let repo = cargo_workspace("");
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"crates/*\"]\nresolver = \"2\"\n\n[workspace.dependencies]\napi = { path = \"crates/api\", version = \"1.2\" }\n",
    );
    repo.write(
        "crates/cli/Cargo.toml",
        crate_toml(
            "cli",
            "0.4.0",
            "\n[dependencies]\napi = { workspace = true }\n",
        ),
    );
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "-am",
        "chore: workspace dependencies",
    ]);
    change(&repo, &["crates/api"], "feat(api): stream responses");
    ok(&release(&repo, &["--package", "api"]));
    let root = repo.read("Cargo.toml");
    assert!(
        root.contains("api = { path = \"crates/api\", version = \"1.3\" }"),
        "{root}"
    );
    assert!(
        repo.read("crates/cli/Cargo.toml")
            .contains("version = \"0.4.1\"")
    );
    let log = section(&repo.read("crates/cli/CHANGELOG.md"), "0.4.1");
    assert!(
        log.contains("require api 1.3.0 (`1.2` → `1.3` in Cargo.toml)"),
        "{log}"
    );
    assert!(tags(&repo).iter().any(|t| t == "cli-v0.4.1"));
    assert!(repo.is_clean());
}

#[test]
fn pre_push_names_a_package_tag_left_behind() {
    let repo = cargo_workspace(
        "\n[release]\nbump_dependents = false\n\n[checks]\nrequire_tested_tags = false\n",
    );
    remote(&repo);
    hooks(&repo, &["pre-push"]);
    change(&repo, &["crates/api"], "feat(api): stream responses");
    ok(&release(&repo, &["--package", "api", "--no-test"]));
    // The release commit goes, its tag stays behind: pre-push says so, naming it.
    let out = repo.git_output(&["push", "-q", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains("api-v1.3.0"), "{}", text(&out));
}

#[test]
fn a_hand_tag_that_would_break_a_dependent_is_refused() {
    // cli requires api "1.2": a hand tag api-v2.0.0 changes api only, so the workspace would
    // no longer build. relhook refuses it and names the release that rewrites the requirement.
    let repo = cargo_workspace("");
    hooks(&repo, &["post-commit", "reference-transaction"]);
    let file = "crates/api/src/hooked.rs";
    repo.write(file, "pub fn v2() {}\n");
    repo.git(&["add", file]);
    repo.git(&["commit", "-q", "-m", "feat(api)!: a new interface"]);
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = repo.git_in(
        &repo.path(),
        &["tag", "-a", "api-v2.0.0", "-m", "api 2.0.0"],
        &[("RELHOOK_DATE", DATE)],
    );
    assert!(!out.status.success(), "{}", text(&out));
    let said = text(&out);
    assert!(
        said.contains("crates/cli/Cargo.toml requires api `1.2`, which 2.0.0 does not meet")
            && said.contains("`relhook release --package api 2.0.0`"),
        "{said}"
    );
    assert_eq!(repo.git(&["tag", "-l", "api-v2.0.0"]), "");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert!(
        repo.read("crates/cli/Cargo.toml")
            .contains("version = \"1.2\"")
    );
    // A version the requirement admits is still a plain hand tag.
    repo.git_env(
        &["tag", "-a", "api-v1.3.0", "-m", "api 1.3.0"],
        &[("RELHOOK_DATE", DATE)],
    );
    assert!(
        repo.read("crates/api/Cargo.toml")
            .contains("version = \"1.3.0\"")
    );
}
