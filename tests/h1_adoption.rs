//! Adopting relhook on real repositories (casey/just, cocogitto, pypa/hatch): what `init`
//! proposes always loads and follows the tags already there, tags in another form than the
//! configured one are named rather than ignored, and doctor checks every changelog.

use crate::support::{Repo, ok, stderr, stdout, text};

/// `Cargo.toml` of a crate.
fn krate(name: &str, version: &str, extra: &str) -> String {
    format!("[package]\nname = \"{name}\"\nversion = \"{version}\"\nedition = \"2021\"\n{extra}")
}

/// casey/just: the root crate is a workspace member (`"."`), and a tool crate is never
/// published. init proposes neither as a package, says why for the tool, and what it writes
/// loads: every command works, and commits go through.
#[test]
fn init_leaves_out_the_root_member_and_unpublished_crates() {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        krate(
            "app",
            "1.0.0",
            "\n[workspace]\nmembers = [\".\", \"crates/*\"]\n",
        ),
    );
    repo.write("src/main.rs", "fn main(){}\n");
    repo.write("crates/tool/src/main.rs", "fn main(){}\n");
    repo.write(
        "crates/tool/Cargo.toml",
        krate("tool", "0.0.0", "publish = false\n"),
    );
    repo.write("crates/lib/src/lib.rs", "\n");
    repo.write("crates/lib/Cargo.toml", krate("lib", "0.3.0", ""));
    repo.git(&["add", "."]);
    repo.git(&["commit", "-qm", "chore: init"]);
    let out = ok(repo.relhook(&["init"]));
    let said = stdout(&out);
    let config = repo.read(".relconfig.toml");
    assert!(!config.contains("[packages.app]"), "{config}");
    assert!(!config.contains("\n[packages.tool]"), "{config}");
    assert!(
        config.contains("\n[packages.lib]\npath = \"crates/lib\"\n"),
        "{config}"
    );
    assert!(
        said.contains("crates/tool") && said.contains("publish = false"),
        "init says why tool is left out:\n{said}"
    );
    let out = ok(repo.relhook(&["version"]));
    assert_eq!(stdout(&out).trim(), "1.0.0", "{}", text(&out));
    ok(repo.relhook(&["version", "--package", "lib"]));
    ok(repo.relhook(&["install"]));
    repo.write("crates/lib/src/lib.rs", "// x\n");
    repo.git(&["add", "."]);
    let out = repo.git_output(&["commit", "-qm", "fix(lib): x"]);
    assert!(out.status.success(), "{}", text(&out));
}

/// npm and pnpm workspaces that list the root (`"."`), with a private package: what init
/// writes loads.
#[test]
fn init_output_loads_for_npm_and_pnpm_workspaces_listing_the_root() {
    for pnpm in [false, true] {
        let repo = Repo::new();
        if pnpm {
            repo.write("package.json", r#"{"name": "root", "version": "2.0.0"}"#);
            repo.write(
                "pnpm-workspace.yaml",
                "packages:\n  - '.'\n  - 'packages/*'\n",
            );
        } else {
            repo.write(
                "package.json",
                r#"{"name": "root", "version": "2.0.0", "workspaces": [".", "packages/*"]}"#,
            );
        }
        repo.write(
            "packages/web/package.json",
            r#"{"name": "web", "version": "1.0.0"}"#,
        );
        repo.write(
            "packages/demo/package.json",
            r#"{"name": "demo", "version": "0.0.0", "private": true}"#,
        );
        repo.git(&["add", "."]);
        repo.git(&["commit", "-qm", "chore: init"]);
        let out = ok(repo.relhook(&["init"]));
        let config = repo.read(".relconfig.toml");
        assert!(!config.contains("[packages.root]"), "{config}");
        assert!(config.contains("\n[packages.web]\n"), "{config}");
        assert!(stdout(&out).contains("packages/demo"), "{}", text(&out));
        ok(repo.relhook(&["version"]));
    }
}

/// cocogitto's tags (`api-1.0.0`) beside the default template `api-v{version}`: relhook
/// refuses to guess, names the tags and the `tag` line that fixes it, instead of releasing
/// 1.0.0 a second time from all of history.
#[test]
fn package_tags_in_another_form_are_named_not_ignored() {
    let repo = Repo::new();
    repo.write(
        "api/Cargo.toml",
        "[package]\nname = \"api\"\nversion = \"1.0.0\"\n",
    );
    repo.write(".relconfig.toml", "[packages.api]\npath = \"api\"\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-qm", "chore: init"]);
    repo.git(&["tag", "-a", "api-1.0.0", "-m", "x"]);
    repo.write(
        "api/Cargo.toml",
        "[package]\nname = \"api\"\nversion = \"1.0.0\"\n#\n",
    );
    repo.git(&["commit", "-qam", "fix(api): y"]);
    for args in [
        &["version", "--package", "api", "--next", "--explain"][..],
        &["version", "--package", "api"],
        &["release", "--package", "api", "--dry-run", "--no-test"],
    ] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text(&out));
        // The release repeats its `--no-test` in the advice (QA50); `version` has none.
        let err = stderr(&out).replace(" --no-test", "");
        assert!(
            err.contains("`api-1.0.0`") && err.contains("tag = \"api-{version}\""),
            "{args:?}: {err}"
        );
        assert!(
            err.contains("`relhook release --package api 1.0.1`"),
            "{args:?}: {err}"
        );
    }
    // Naming a version those tags released does not release it again; one above them goes.
    let again = repo.relhook(&[
        "release",
        "--package",
        "api",
        "1.0.0",
        "--dry-run",
        "--no-test",
    ]);
    assert_eq!(again.status.code(), Some(2), "{}", text(&again));
    assert!(stderr(&again).contains("`api-1.0.0`"), "{}", text(&again));
    ok(repo.relhook(&[
        "release",
        "--package",
        "api",
        "1.0.1",
        "--dry-run",
        "--no-test",
    ]));
    // Other packages' tags and the root's are theirs: no refusal for them.
    repo.write(
        ".relconfig.toml",
        "[packages.api]\npath = \"api\"\ntag = \"api-{version}\"\n",
    );
    repo.git(&["commit", "-qam", "chore: api's tags"]);
    let out = ok(repo.relhook(&["version", "--package", "api", "--next"]));
    assert!(stdout(&out).contains("1.0.1"), "{}", text(&out));
}

/// pypa/hatch: the root's tags are `hatch-v1.18.0`. With a `[packages]` table, as without,
/// relhook refuses and says to set `tag_prefix`, leaving the packages' own tags out of it;
/// naming the first release's version still goes past it.
#[test]
fn the_roots_tags_under_another_prefix_are_named_in_a_monorepo_too() {
    let repo = Repo::new();
    repo.git(&["commit", "-q", "--allow-empty", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "app-v1.18.0", "-m", "x"]);
    repo.git(&["commit", "-q", "--allow-empty", "-m", "fix: y"]);
    let alone = repo.relhook(&["version", "--next"]);
    assert_eq!(alone.status.code(), Some(2), "{}", text(&alone));
    assert!(
        stderr(&alone).contains("tag_prefix = \"app-v\""),
        "{}",
        text(&alone)
    );
    repo.write(".relconfig.toml", "[packages.lib]\npath = \"lib\"\n");
    repo.write("lib/x", "");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-qm", "chore: cfg"]);
    repo.git(&["tag", "-a", "lib-v0.2.0", "-m", "x"]);
    let out = repo.relhook(&["version", "--next", "--explain"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("`app-v1.18.0`") && err.contains("tag_prefix = \"app-v\""),
        "{err}"
    );
    assert!(!err.contains("lib-v"), "lib's tags are lib's: {err}");
    // The package's own tags are no reason to refuse, and naming the first release goes past.
    ok(repo.relhook(&["version", "--package", "lib"]));
    let out = ok(repo.relhook(&["release", "0.1.0", "--dry-run", "--no-test"]));
    assert!(text(&out).contains("0.1.0"), "{}", text(&out));
    // Only the packages' tags: nothing to refuse.
    repo.git(&["tag", "-d", "app-v1.18.0"]);
    ok(repo.relhook(&["version", "--next"]));
}
/// init proposes the tag forms the tags already there use: `cocogitto-{version}` for a
/// crate tagged `cocogitto-7.0.0`, and the root's own prefix (none for `1.2.3`, `hatch-v`
/// for `hatch-v1.18.0`); what it writes loads and reads those tags.
#[test]
fn init_proposes_the_tag_forms_already_in_use() {
    for (root_tag, prefix) in [("1.2.3", ""), ("hatch-v1.18.0", "hatch-v"), ("v0.4.0", "v")] {
        let repo = Repo::new();
        repo.write("Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\n");
        repo.write(
            "crates/cocogitto/Cargo.toml",
            krate("cocogitto", "7.0.0", ""),
        );
        repo.write("crates/cocogitto/src/lib.rs", "\n");
        repo.git(&["add", "."]);
        repo.git(&["commit", "-qm", "chore: init"]);
        repo.git(&["tag", "-a", "cocogitto-7.0.0", "-m", "x"]);
        repo.git(&["tag", "-a", root_tag, "-m", "x"]);
        let out = ok(repo.relhook(&["init"]));
        let config = repo.read(".relconfig.toml");
        assert!(
            config.contains("\n[packages.cocogitto]\npath = \"crates/cocogitto\"\ntag = \"cocogitto-{version}\"\n"),
            "{config}"
        );
        assert!(
            config.contains(&format!("\ntag_prefix = \"{prefix}\"\n")),
            "{root_tag}: {config}\n{}",
            text(&out)
        );
        let out = ok(repo.relhook(&["version", "--package", "cocogitto"]));
        assert_eq!(stdout(&out).trim(), "7.0.0");
        let out = ok(repo.relhook(&["version"]));
        assert_eq!(stdout(&out).trim(), root_tag.trim_start_matches(prefix));
    }
}
/// doctor checks each package's changelog as it checks the root's: one post-commit refuses
/// is not "all is well".
#[test]
fn doctor_checks_package_changelogs() {
    let repo = Repo::new();
    repo.write(
        "api/CHANGELOG.md",
        // List items under no section: not a file relhook can keep (a `## api-1.0.0 - date`
        // heading, as cocogitto writes, is read as a release since).
        "# Changelog\n\n- one\n",
    );
    repo.write("api/a", "a\n");
    repo.write(".relconfig.toml", "[packages.api]\npath = \"api\"\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-qm", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.write("api/a", "a\nb\n");
    repo.git(&["commit", "-qam", "fix(api): b"]);
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stdout(&out);
    let row = said
        .lines()
        .find(|l| l.contains("INVALID") && l.contains("api/CHANGELOG.md"))
        .unwrap_or_else(|| panic!("no row for api's changelog:\n{said}"));
    assert!(row.contains("changelog"), "{row}");
    assert!(
        said.contains("fix: ") && said.contains("`changelog` in [packages.api]"),
        "{said}"
    );
    // A package changelog with conflict markers, too.
    repo.write(
        "api/CHANGELOG.md",
        "# Changelog\n\n## [Unreleased]\n\n<<<<<<< ours\n- a\n=======\n- b\n>>>>>>> theirs\n",
    );
    repo.git_skipping_relhook(&["commit", "-qam", "chore: conflicted"]);
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stdout(&out).contains("api/CHANGELOG.md:5 has unresolved conflict markers"),
        "{}",
        text(&out)
    );
}

/// A package's first release at the version its manifest already has says so: never a
/// silent `1.0.0 → 1.0.0`.
#[test]
fn a_first_package_release_at_the_manifests_version_says_so() {
    let repo = Repo::new();
    repo.write(
        "api/Cargo.toml",
        "[package]\nname = \"api\"\nversion = \"1.0.0\"\n",
    );
    repo.write(".relconfig.toml", "[packages.api]\npath = \"api\"\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-qm", "chore: init"]);
    repo.write(
        "api/Cargo.toml",
        "[package]\nname = \"api\"\nversion = \"1.0.0\"\n#\n",
    );
    repo.git(&["commit", "-qam", "fix(api): y"]);
    let out = ok(repo.relhook(&["release", "--package", "api", "--dry-run", "--no-test"]));
    let said = stdout(&out);
    assert!(!said.contains("1.0.0 → 1.0.0"), "{said}");
    assert!(
        said.contains(
            "api-v1.0.0: 1.0.0 (first release, the version already there: api/Cargo.toml"
        ),
        "{said}"
    );
}
