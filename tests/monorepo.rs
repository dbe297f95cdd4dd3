//! Monorepos: `[packages.<name>]` on generated workspaces (a Cargo workspace of three crates,
//! one depending on another; an npm workspace; a mixed Python/Node repository): each commit's
//! entry in the changelog of each package it belongs to, inside the commit; root commits;
//! versions per package; `init` detecting the packages; bad configurations refused.

use crate::support::{Repo, SKELETON, stderr, stdout, text};

/// A Cargo workspace: `core`, `api` (depends on `core`), `cli`, with relhook's hooks, a root
/// CHANGELOG.md and `config` as .relconfig.toml.
fn cargo_workspace(config: &str) -> Repo {
    let repo = Repo::new();
    repo.hooks(&["commit-msg", "post-commit"]);
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"crates/*\"]\nresolver = \"2\"\n",
    );
    repo.write(
        "crates/core/Cargo.toml",
        "[package]\nname = \"core\"\nversion = \"0.3.0\"\nedition = \"2021\"\n",
    );
    repo.write("crates/core/src/lib.rs", "pub fn core() {}\n");
    repo.write(
        "crates/api/Cargo.toml",
        "[package]\nname = \"api\"\nversion = \"1.2.0\"\nedition = \"2021\"\n\n[dependencies]\ncore = { path = \"../core\", version = \"0.3.0\" }\n",
    );
    repo.write("crates/api/src/lib.rs", "pub fn api() {}\n");
    repo.write(
        "crates/cli/Cargo.toml",
        "[package]\nname = \"cli\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    );
    repo.write("crates/cli/src/main.rs", "fn main() {}\n");
    repo.write("CHANGELOG.md", SKELETON);
    repo.write(".relconfig.toml", config);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start the workspace"]);
    repo
}

const CARGO_CONFIG: &str = r#"
[packages.core]
path = "crates/core"

[packages.api]
path = "crates/api"
scopes = ["api", "server"]

[packages.cli]
path = "crates/cli"
"#;

/// Edits `files` (appending a line) and commits them through the hooks with `message`.
fn change(repo: &Repo, files: &[&str], message: &str) {
    for f in files {
        let path = repo.path().join(f);
        let mut text = std::fs::read_to_string(&path).unwrap_or_default();
        text.push_str(&format!("// {message}\n"));
        repo.write(f, text);
        repo.git(&["add", f]);
    }
    let out = repo.git_output(&["commit", "-q", "-m", message]);
    assert!(out.status.success(), "{}", text(&out));
}

fn committed(repo: &Repo, path: &str) -> String {
    repo.git(&["show", &format!("HEAD:{path}")])
}

fn files_of_head(repo: &Repo) -> Vec<String> {
    repo.git(&["show", "--name-only", "--format=", "HEAD"])
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn each_package_gets_its_entry_inside_the_commit() {
    let repo = cargo_workspace(CARGO_CONFIG);
    change(&repo, &["crates/api/src/lib.rs"], "feat: list the users");
    let api = committed(&repo, "crates/api/CHANGELOG.md");
    assert!(api.contains("### Added\n\n- list the users"), "{api}");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    assert_eq!(
        files_of_head(&repo),
        ["crates/api/CHANGELOG.md", "crates/api/src/lib.rs"]
    );
    assert_eq!(
        committed(&repo, "CHANGELOG.md").trim_end(),
        SKELETON.trim_end()
    );
    assert!(!repo.path().join("crates/core/CHANGELOG.md").exists());

    // One commit touching two packages: both changelogs, in that one commit.
    change(
        &repo,
        &["crates/core/src/lib.rs", "crates/cli/src/main.rs"],
        "fix: handle an empty name",
    );
    for log in ["crates/core/CHANGELOG.md", "crates/cli/CHANGELOG.md"] {
        assert!(
            committed(&repo, log).contains("### Fixed\n\n- handle an empty name"),
            "{log}"
        );
    }
    assert!(!committed(&repo, "crates/api/CHANGELOG.md").contains("empty name"));
    let files = files_of_head(&repo);
    assert!(
        files.contains(&"crates/core/CHANGELOG.md".to_owned())
            && files.contains(&"crates/cli/CHANGELOG.md".to_owned()),
        "{files:?}"
    );
    assert!(repo.is_clean());
    assert_eq!(repo.git(&["rev-list", "--count", "HEAD"]), "3");
}

#[test]
fn root_commits_go_to_the_root_changelog_and_scopes_to_their_package() {
    let repo = cargo_workspace(CARGO_CONFIG);
    repo.write("README.md", "# The workspace\n");
    repo.git(&["add", "README.md"]);
    repo.commit_hooked("feat: a README for the workspace");
    assert!(
        committed(&repo, "CHANGELOG.md").contains("- a README for the workspace"),
        "{}",
        committed(&repo, "CHANGELOG.md")
    );
    let files = files_of_head(&repo);
    assert!(
        files.contains(&"CHANGELOG.md".to_owned())
            && !files.iter().any(|f| f.starts_with("crates/")),
        "{files:?}"
    );
    // A shared file with a package's scope: that package's changelog, not the root's.
    change(&repo, &["README.md"], "fix(server): document the port");
    assert!(
        committed(&repo, "crates/api/CHANGELOG.md").contains("- **server:** document the port")
    );
    assert!(!committed(&repo, "CHANGELOG.md").contains("document the port"));
    assert!(repo.is_clean());
}

#[test]
fn without_a_root_changelog_root_commits_get_no_entry_and_no_error() {
    let repo = cargo_workspace(CARGO_CONFIG);
    repo.git(&["rm", "-q", "CHANGELOG.md"]);
    repo.git(&["commit", "-q", "-m", "chore: one changelog per package"]);
    repo.write("README.md", "# The workspace\n");
    repo.git(&["add", "README.md"]);
    let out = repo.git_output(&["commit", "-q", "-m", "feat: a README"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("warning"), "{}", text(&out));
    assert!(!repo.path().join("CHANGELOG.md").exists());
    assert!(repo.is_clean());
}

#[test]
fn an_amend_moves_the_entry_to_the_package_it_now_touches() {
    let repo = cargo_workspace(CARGO_CONFIG);
    change(&repo, &["crates/api/src/lib.rs"], "feat: paging");
    assert!(committed(&repo, "crates/api/CHANGELOG.md").contains("- paging"));
    // The change really belonged to core: amend the commit so that it touches core only.
    repo.git(&["checkout", "-q", "HEAD~1", "--", "crates/api/src/lib.rs"]);
    repo.git(&["rm", "-q", "crates/api/CHANGELOG.md"]);
    repo.write("crates/core/src/lib.rs", "pub fn paged() {}\n");
    repo.git(&["add", "crates/core/src/lib.rs"]);
    let out = repo.git_output(&["commit", "-q", "--amend", "-m", "feat: paging"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(committed(&repo, "crates/core/CHANGELOG.md").contains("- paging"));
    assert_eq!(
        files_of_head(&repo),
        ["crates/core/CHANGELOG.md", "crates/core/src/lib.rs"]
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}

#[test]
fn version_per_package_counts_only_its_own_commits_since_its_own_tag() {
    let repo = cargo_workspace(CARGO_CONFIG);
    repo.git(&["tag", "-a", "-m", "api 1.2.0", "api-v1.2.0"]);
    repo.git(&["tag", "-a", "-m", "core 0.3.0", "core-v0.3.0"]);
    change(&repo, &["crates/api/src/lib.rs"], "feat: search");
    change(&repo, &["crates/core/src/lib.rs"], "fix: overflow");
    change(&repo, &["crates/api/src/lib.rs"], "fix: typo in a message");

    let out = repo.relhook(&["version", "--package", "api"]);
    assert_eq!(stdout(&out), "1.2.0\n", "{}", text(&out));
    let out = repo.relhook(&["version", "--package", "api", "--next"]);
    assert_eq!(stdout(&out), "1.3.0\n", "{}", text(&out));
    let out = repo.relhook(&["version", "--package", "core", "--next"]);
    assert_eq!(stdout(&out), "0.3.1\n", "{}", text(&out));
    // No tag yet: the version in its Cargo.toml.
    let out = repo.relhook(&["version", "--package", "cli"]);
    assert_eq!(stdout(&out), "0.1.0\n", "{}", text(&out));

    let out = repo.relhook(&["version", "--package", "api", "--explain"]);
    let said = stdout(&out);
    assert!(said.contains("2 commits since api-v1.2.0"), "{said}");
    assert!(
        said.contains("feat: search") && !said.contains("overflow"),
        "{said}"
    );
    assert!(said.contains("next: 1.3.0"), "{said}");

    let out = repo.relhook(&["version", "--package", "api", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(doc["package"], "api");
    assert_eq!(doc["next"], "1.3.0");
    assert_eq!(doc["next_tag"], "api-v1.3.0");
    assert_eq!(doc["commits"].as_array().unwrap().len(), 2);

    let out = repo.relhook(&["version", "--all"]);
    assert_eq!(
        stdout(&out),
        "api 1.2.0\ncli 0.1.0\ncore 0.3.0\n",
        "{}",
        text(&out)
    );
    let out = repo.relhook(&["version", "--all", "--next"]);
    let said = stdout(&out);
    assert!(said.contains("api 1.2.0 -> 1.3.0\n"), "{said}");
    assert!(said.contains("core 0.3.0 -> 0.3.1\n"), "{said}");
    // Never released, and its only commit (`chore:`) has no entry: no first release to name
    // (`release --all` leaves it alone); qa22_monopkg names a first release that has one.
    assert!(said.contains("cli 0.1.0 (nothing to release)\n"), "{said}");
    let out = repo.relhook(&["version", "--all", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let names: Vec<&str> = doc["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["package"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["api", "cli", "core"]);

    let out = repo.relhook(&["version", "--package", "nope"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(stderr(&out).contains("api, cli, core"), "{}", text(&out));
}

/// F11: `version --explain` says which of the commits decide the level (it listed one of two
/// under "2 commits ...; they call for"), the dry run's plan names the release a package below
/// 1.0.0 gets (it said "major" for 0.3.0 → 0.4.0), and `version --all` names the package whose
/// commits are not Conventional Commits.
#[test]
fn versions_below_one_and_odd_commits_are_worded_per_package() {
    let repo = cargo_workspace(CARGO_CONFIG);
    // A release of core's: its tag on a commit whose changelog has its section.
    repo.write(
        "crates/core/CHANGELOG.md",
        "# Changelog\n\n## [Unreleased]\n\n## [0.3.0] - 2026-01-01\n\n### Added\n\n- core\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "-m",
        "chore(release): core-v0.3.0",
    ]);
    repo.git(&["tag", "-a", "-m", "core 0.3.0", "core-v0.3.0"]);
    change(&repo, &["crates/core/src/lib.rs"], "feat!: new core");
    change(&repo, &["crates/core/src/lib.rs"], "fix: overflow");
    let out = repo.relhook(&["version", "--package", "core", "--next", "--explain"]);
    let said = stdout(&out);
    assert!(
        said.contains("2 commits since core-v0.3.0; they call for a major release, decided by this one (the other calls for less):\n"),
        "{said}"
    );
    assert!(said.contains("next: 0.4.0"), "{said}");
    let out = repo.relhook(&["release", "--package", "core", "--dry-run", "--no-test"]);
    let said = stdout(&out);
    assert!(
        said.contains("core-v0.4.0: 0.3.0 → 0.4.0 (minor since core-v0.3.0: a breaking change, which below 1.0.0 makes a minor release)"),
        "{}",
        text(&out)
    );
    assert!(!said.contains("(major since"), "{said}");
    // An explicit level is what the release does, and the plan says so.
    let out = repo.relhook(&[
        "release",
        "--package",
        "core",
        "major",
        "--dry-run",
        "--no-test",
    ]);
    let said = stdout(&out);
    assert!(
        said.contains("core-v1.0.0: 0.3.0 → 1.0.0 (major, as asked)"),
        "{}",
        text(&out)
    );

    repo.write("crates/cli/src/main.rs", "fn main() { }\n");
    repo.git(&["commit", "-q", "--no-verify", "-am", "tweak the cli"]);
    let out = repo.relhook(&["version", "--all", "--next"]);
    let err = stderr(&out);
    assert!(
        err.contains("relhook: warning: package cli: 1 commit since the start of history is not a Conventional Commit"),
        "{}",
        text(&out)
    );
}

#[test]
fn changelog_sync_and_rebuild_per_package() {
    let repo = cargo_workspace(CARGO_CONFIG);
    // Commits made with the hooks off: nothing in any changelog yet.
    for (file, message) in [
        ("crates/api/src/lib.rs", "feat: streaming"),
        ("crates/core/src/lib.rs", "fix: a leak"),
        ("README.md", "feat: a shared README"),
    ] {
        repo.write(file, format!("// {message}\n"));
        repo.git(&["add", file]);
        let out = repo.git_skipping_relhook(&["commit", "-q", "-m", message]);
        assert!(out.status.success(), "{}", text(&out));
    }
    let before = committed(&repo, "CHANGELOG.md");
    assert!(!before.contains("shared README"), "{before}");

    let out = repo.relhook(&["changelog", "--sync", "--package", "api"]);
    assert!(out.status.success(), "{}", text(&out));
    let api = repo.read("crates/api/CHANGELOG.md");
    assert!(
        api.contains("- streaming") && !api.contains("a leak") && !api.contains("README"),
        "{api}"
    );

    let out = repo.relhook(&["changelog", "--sync", "--all"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.read("crates/core/CHANGELOG.md").contains("- a leak"));
    let root = repo.read("CHANGELOG.md");
    assert!(
        root.contains("- a shared README") && !root.contains("streaming"),
        "{root}"
    );
    assert!(
        !repo.path().join("crates/cli/CHANGELOG.md").exists(),
        "a package with no entry gets no file"
    );

    let out = repo.relhook(&["changelog", "--rebuild", "--package", "core", "--stdout"]);
    assert!(out.status.success(), "{}", text(&out));
    let rebuilt = stdout(&out);
    assert!(
        rebuilt.contains("- a leak") && !rebuilt.contains("streaming"),
        "{rebuilt}"
    );
}

#[test]
fn an_npm_workspace_with_scoped_tags() {
    let repo = Repo::new();
    repo.hooks(&["commit-msg", "post-commit"]);
    repo.write(
        "package.json",
        r#"{"name": "root", "private": true, "workspaces": ["packages/*"]}"#,
    );
    repo.write(
        "packages/web/package.json",
        r#"{"name": "@acme/web", "version": "2.0.0", "dependencies": {"@acme/ui": "^1.0.0"}}"#,
    );
    repo.write(
        "packages/ui/package.json",
        r#"{"name": "@acme/ui", "version": "1.0.0"}"#,
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: start"]);
    let out = repo.relhook(&["init"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(stdout(&out).contains("found 2 packages"), "{}", text(&out));
    let config = repo.read(".relconfig.toml");
    assert!(
        config.contains(
            "[packages.\"@acme/web\"]\npath = \"packages/web\"\ntag = \"@acme/web@{version}\""
        ),
        "{config}"
    );
    repo.git(&["add", "."]);
    repo.commit_hooked("chore: relhook");
    repo.git(&["tag", "-a", "-m", "web", "@acme/web@2.0.0"]);
    change(&repo, &["packages/web/index.js"], "feat: dark mode");
    assert!(committed(&repo, "packages/web/CHANGELOG.md").contains("- dark mode"));
    let out = repo.relhook(&[
        "version",
        "--package",
        "@acme/web",
        "--next",
        "--format",
        "json",
    ]);
    let doc: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("{}", text(&out)));
    assert_eq!(doc["next_tag"], "@acme/web@2.1.0");
    let out = repo.relhook(&["version", "--package", "@acme/ui"]);
    assert_eq!(stdout(&out), "1.0.0\n", "{}", text(&out));
}

#[test]
fn a_mixed_python_and_node_repository() {
    let repo = Repo::new();
    repo.hooks(&["commit-msg", "post-commit"]);
    repo.write(
        "py/tool/pyproject.toml",
        "[project]\nname = \"tool\"\nversion = \"0.4.0\"\n",
    );
    repo.write("py/tool/tool/__init__.py", "");
    repo.write(
        "js/app/package.json",
        r#"{"name": "app", "version": "3.1.0"}"#,
    );
    repo.write(
        ".relconfig.toml",
        "[packages.tool]\npath = \"py/tool\"\n\n[packages.app]\npath = \"js/app\"\ntag = \"app@{version}\"\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: start"]);
    change(
        &repo,
        &["py/tool/tool/cli.py", "js/app/index.js"],
        "feat: a shared flag",
    );
    assert!(committed(&repo, "py/tool/CHANGELOG.md").contains("- a shared flag"));
    assert!(committed(&repo, "js/app/CHANGELOG.md").contains("- a shared flag"));
    assert!(repo.is_clean());
    let out = repo.relhook(&["version", "--all", "--next"]);
    let said = stdout(&out);
    // Neither was ever released: each first release is the version its manifest holds.
    assert!(said.contains("app 3.1.0 (first release)"), "{}", text(&out));
    assert!(said.contains("tool 0.4.0 (first release)"), "{said}");
}

#[test]
fn init_proposes_the_cargo_workspace_members() {
    let repo = Repo::new();
    repo.write("Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\n");
    for name in ["api", "core"] {
        repo.write(
            &format!("crates/{name}/Cargo.toml"),
            format!("[package]\nname = \"{name}\"\nversion = \"0.1.0\"\n"),
        );
    }
    let out = repo.relhook(&["init"]);
    assert!(out.status.success(), "{}", text(&out));
    let config = repo.read(".relconfig.toml");
    assert!(
        config.contains("[packages.api]\npath = \"crates/api\""),
        "{config}"
    );
    assert!(
        config.contains("[packages.core]\npath = \"crates/core\""),
        "{config}"
    );
    // The file parses: every command reads it.
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    let out = repo.relhook(&["version", "--all"]);
    assert_eq!(stdout(&out), "api 0.1.0\ncore 0.1.0\n", "{}", text(&out));

    // An existing configuration is never overwritten: the tables are printed instead.
    let repo = Repo::new();
    repo.write("Cargo.toml", "[workspace]\nmembers = [\"crates/api\"]\n");
    repo.write(
        "crates/api/Cargo.toml",
        "[package]\nname = \"api\"\nversion = \"0.1.0\"\n",
    );
    repo.write(".relconfig.toml", "[commit]\nrequire_scope = true\n");
    let out = repo.relhook(&["init"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        repo.read(".relconfig.toml"),
        "[commit]\nrequire_scope = true\n"
    );
    assert!(
        stdout(&out).contains("add these tables to .relconfig.toml"),
        "{}",
        text(&out)
    );
    assert!(
        stdout(&out).contains("[packages.api]\npath = \"crates/api\""),
        "{}",
        text(&out)
    );
}

fn refused(config: &str, args: &[&str]) -> String {
    let repo = cargo_workspace("");
    repo.write(".relconfig.toml", config);
    let out = repo.relhook(args);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    stderr(&out)
}

#[test]
fn bad_package_configurations_are_refused_with_their_line() {
    let said = refused("[packages.api]\npath = \"../elsewhere\"\n", &["version"]);
    assert!(said.contains(".relconfig.toml:2:8"), "{said}");
    assert!(
        said.contains("must be a relative path inside the repository"),
        "{said}"
    );

    let said = refused(
        "[packages.api]\npath = \"crates/api\"\nversion = \"1.0\"\n",
        &["version"],
    );
    assert!(
        said.contains(".relconfig.toml:3:1") && said.contains("unknown field `version`"),
        "{said}"
    );

    let said = refused(
        "[packages.api]\npath = \"crates/api\"\ntag = \"api-{version}-x\"\n",
        &["version"],
    );
    assert!(said.contains("must end with `{version}`"), "{said}");

    let said = refused(
        "[packages.api]\npath = \"crates\"\n\n[packages.core]\npath = \"crates/core\"\n",
        &["version"],
    );
    assert!(said.contains("cannot nest"), "{said}");

    // A changelog inside another package's directory would make that package change.
    let said = refused(
        "[packages.api]\npath = \"crates/api\"\n\n[packages.core]\npath = \"crates/core\"\nchangelog = \"crates/api/CORE-CHANGES.md\"\n",
        &["version"],
    );
    assert!(
        said.contains("`packages.core.changelog`: `crates/api/CORE-CHANGES.md` is inside the path of package `api`"),
        "{said}"
    );
    let said = refused(
        "[changelog]\npath = \"crates/api/CHANGELOG.md\"\n\n[packages.api]\npath = \"crates/api\"\nchangelog = \"crates/api/API.md\"\n",
        &["version"],
    );
    assert!(
        said.contains("the repository's changelog `crates/api/CHANGELOG.md` is inside the path of package `api`"),
        "{said}"
    );

    let said = refused("[packages.api]\npath = \".\"\n", &["version"]);
    assert!(said.contains("not the top itself"), "{said}");

    let said = refused(
        "[packages.api]\npath = \"crates/gone\"\n",
        &["version", "--package", "api"],
    );
    assert!(said.contains("does not exist"), "{said}");
}

#[cfg(unix)]
#[test]
fn a_package_path_that_a_symlink_takes_outside_is_refused() {
    let repo = cargo_workspace("");
    let outside = repo.scratch("outside");
    std::fs::write(
        outside.join("Cargo.toml"),
        "[package]\nname = \"x\"\nversion = \"9.9.9\"\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(&outside, repo.path().join("crates/linked")).unwrap();
    repo.write(
        ".relconfig.toml",
        "[packages.linked]\npath = \"crates/linked\"\n",
    );
    for args in [
        &["version", "--package", "linked"][..],
        &["version", "--all"][..],
        &["changelog", "--sync", "--package", "linked"][..],
    ] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text(&out));
        let said = stderr(&out);
        assert!(said.contains(".relconfig.toml:2:8"), "{said}");
        assert!(said.contains("outside the work tree"), "{said}");
    }
    // post-commit refuses to write there (a commit that names the package's scope), and
    // says so; the commit stays as it was.
    repo.write(
        ".relconfig.toml",
        "[packages.linked]\npath = \"crates/linked\"\nscopes = [\"linked\"]\n",
    );
    repo.git(&["add", "."]);
    let out = repo.git_output(&["commit", "-q", "-m", "feat(linked): x"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("outside the work tree"),
        "{}",
        text(&out)
    );
    assert_eq!(files_of_head(&repo), [".relconfig.toml", "crates/linked"]);
    assert!(!outside.join("CHANGELOG.md").exists());
}

#[test]
fn without_packages_nothing_changes() {
    let repo = cargo_workspace("");
    change(
        &repo,
        &["crates/api/src/lib.rs"],
        "feat: everything in one file",
    );
    assert!(committed(&repo, "CHANGELOG.md").contains("- everything in one file"));
    assert!(!repo.path().join("crates/api/CHANGELOG.md").exists());
    let out = repo.relhook(&["version", "--all"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains("no [packages.<name>] tables"),
        "{}",
        text(&out)
    );
}

#[test]
fn sync_after_the_hooks_finds_every_changelog_up_to_date() {
    let repo = cargo_workspace(CARGO_CONFIG);
    change(
        &repo,
        &["crates/api/src/lib.rs", "crates/core/src/lib.rs"],
        "feat: tracing",
    );
    repo.write("README.md", "# x\n");
    repo.git(&["add", "README.md"]);
    repo.commit_hooked("fix: a root fix");
    let before: Vec<String> = [
        "CHANGELOG.md",
        "crates/api/CHANGELOG.md",
        "crates/core/CHANGELOG.md",
    ]
    .iter()
    .map(|f| repo.read(f))
    .collect();
    let out = repo.relhook(&["changelog", "--sync", "--all", "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out));
    let doc: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("{}", text(&out)));
    let logs = doc["changelogs"].as_array().unwrap();
    let paths: Vec<&str> = logs.iter().map(|l| l["path"].as_str().unwrap()).collect();
    assert_eq!(
        paths,
        [
            "CHANGELOG.md",
            "crates/api/CHANGELOG.md",
            "crates/cli/CHANGELOG.md",
            "crates/core/CHANGELOG.md"
        ]
    );
    assert!(
        !repo.path().join("crates/cli/CHANGELOG.md").exists(),
        "no entry, no file"
    );
    for l in logs {
        assert_eq!(l["changed"], false, "{l}");
        assert!(l["added"].as_array().unwrap().is_empty(), "{l}");
    }
    let after: Vec<String> = [
        "CHANGELOG.md",
        "crates/api/CHANGELOG.md",
        "crates/core/CHANGELOG.md",
    ]
    .iter()
    .map(|f| repo.read(f))
    .collect();
    assert_eq!(before, after);
    assert_eq!(
        repo.read("crates/api/CHANGELOG.md")
            .matches("- tracing")
            .count(),
        1
    );
    assert!(repo.read("CHANGELOG.md").contains("- a root fix"));
}

/// Every changelog of a commit, or none: a fault injected at each step of the transaction
/// leaves HEAD, the index and every file as git left them.
#[test]
fn the_changelogs_of_one_commit_change_together_or_not_at_all() {
    for step in ["locked", "files-written", "index-staged", "refs-moved"] {
        let repo = cargo_workspace(CARGO_CONFIG);
        change(&repo, &["crates/core/src/lib.rs"], "fix: core first");
        let core_before = repo.read("crates/core/CHANGELOG.md");
        for f in ["crates/core/src/lib.rs", "crates/api/src/lib.rs"] {
            repo.write(f, format!("// {step}\n"));
        }
        repo.git(&["add", "."]);
        let out = repo.git_skipping_relhook(&["commit", "-q", "-m", "feat: both at once"]);
        assert!(out.status.success(), "{}", text(&out));
        let head = repo.git(&["rev-parse", "HEAD"]);
        let out = repo
            .command_in(crate::support::relhook_bin(), &repo.path())
            .args(["hook", "post-commit"])
            .env("RELHOOK_TEST_FAILPOINT", step)
            .output()
            .unwrap();
        assert!(
            stderr(&out).contains("was not added"),
            "{step}: {}",
            text(&out)
        );
        assert_eq!(repo.git(&["rev-parse", "HEAD"]), head, "{step}: HEAD moved");
        assert_eq!(repo.read("crates/core/CHANGELOG.md"), core_before, "{step}");
        assert!(
            !repo.path().join("crates/api/CHANGELOG.md").exists(),
            "{step}"
        );
        assert!(
            repo.is_clean(),
            "{step}: {}",
            repo.git(&["status", "--porcelain"])
        );
        // Nothing half-done: `changelog --sync --all` (what the hook's message says) puts the
        // entry into both files, once each.
        let out = repo.relhook(&["changelog", "--sync", "--all"]);
        assert!(out.status.success(), "{step}: {}", text(&out));
        for log in ["crates/core/CHANGELOG.md", "crates/api/CHANGELOG.md"] {
            assert_eq!(
                repo.read(log).matches("- both at once").count(),
                1,
                "{step}: {log}"
            );
        }
    }
}

/// A changelog that cannot take the entry stops the others too, and says why.
#[test]
fn one_unusable_changelog_keeps_every_changelog_as_it_was() {
    let repo = cargo_workspace(CARGO_CONFIG);
    repo.write("crates/api/CHANGELOG.md", "just some notes\n");
    repo.git(&["add", "."]);
    repo.git_skipping_relhook(&["commit", "-q", "-m", "docs: notes"]);
    for f in ["crates/core/src/lib.rs", "crates/api/src/lib.rs"] {
        repo.write(f, "// changed\n");
    }
    repo.git(&["add", "."]);
    let out = repo.git_output(&["commit", "-q", "-m", "feat: both"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("crates/api/CHANGELOG.md is not a Keep a Changelog file"),
        "{}",
        text(&out)
    );
    assert!(!repo.path().join("crates/core/CHANGELOG.md").exists());
    assert_eq!(
        files_of_head(&repo),
        ["crates/api/src/lib.rs", "crates/core/src/lib.rs"]
    );
}

#[test]
fn a_rebuilt_package_changelog_has_a_section_per_package_tag() {
    let repo = cargo_workspace(CARGO_CONFIG);
    change(&repo, &["crates/api/src/lib.rs"], "feat: first api feature");
    change(&repo, &["crates/core/src/lib.rs"], "feat: a core feature");
    repo.git_env(
        &["tag", "-a", "-m", "api", "api-v1.3.0"],
        &[("GIT_COMMITTER_DATE", "2026-02-03T12:00:00Z")],
    );
    repo.git(&["tag", "-a", "-m", "core", "core-v0.4.0"]);
    change(&repo, &["crates/api/src/lib.rs"], "fix: an api fix");
    let out = repo.relhook(&["changelog", "--rebuild", "--package", "api", "--stdout"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = stdout(&out);
    let unreleased = log.find("## [Unreleased]").unwrap();
    let section = log.find("## [1.3.0] - 2026-02-03").expect(&log);
    let fix = log.find("- an api fix").expect(&log);
    let feat = log.find("- first api feature").expect(&log);
    assert!(unreleased < fix && fix < section && section < feat, "{log}");
    assert!(
        !log.contains("core feature") && !log.contains("0.4.0"),
        "{log}"
    );
}

/// Install's lines about the merge driver stay readable with many package changelogs: the
/// first few and how many more, and one pattern to share them all.
#[test]
fn install_names_many_changelogs_in_one_short_line() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        r#"{"private": true, "workspaces": ["packages/*"]}"#,
    );
    for i in 1..=8 {
        repo.write(
            &format!("packages/p{i}/package.json"),
            format!(r#"{{"name": "p{i}", "version": "1.{i}.0"}}"#),
        );
    }
    assert!(repo.relhook(&["init"]).status.success());
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: init"]);
    let out = repo.relhook(&["install"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = text(&out);
    assert!(
        said.contains("packages/p4/CHANGELOG.md, and 4 more"),
        "{said}"
    );
    // The private root is never released: it keeps no changelog to merge.
    assert!(!said.contains("for CHANGELOG.md"), "{said}");
    assert!(
        said.contains("`**/CHANGELOG.md merge=relhook-changelog`"),
        "{said}"
    );
    assert!(!said.contains("packages/p8/CHANGELOG.md"), "{said}");
}
