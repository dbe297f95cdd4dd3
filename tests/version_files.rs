//! Detected version files that hold another version than the project's: a tooling
//! `package.json` (`"version": "0.0.0"`, or none) beside the `Cargo.toml` that holds the real
//! version is left alone, with a note, by every way of releasing; it refuses a release only
//! when no detected file holds the current version.

use crate::support::{Repo, stderr, stdout, text};

const TOOLING: &str = "{\n  \"private\": true,\n  \"version\": \"0.0.0\",\n  \"devDependencies\": {\n    \"husky\": \"^9.0.0\"\n  }\n}\n";

fn cargo(version: &str) -> String {
    format!("[package]\nname = \"app\"\nversion = \"{version}\"\nedition = \"2021\"\n")
}

/// Relhook installed with a passing test command, `Cargo.toml` at 1.2.0 beside a tooling
/// `package.json`, released as v1.2.0 by hand (without relhook), then `feat: more`.
fn tooling_beside_cargo(package_json: &str) -> Repo {
    let repo =
        crate::support::configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".into());
    repo.write("Cargo.toml", cargo("1.2.0"));
    repo.write("package.json", package_json);
    released_by_hand(&repo);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "build: manifests"]);
    repo.git_skipping_relhook(&["tag", "-a", "v1.2.0", "-m", "v1.2.0"]);
    repo.commit_hooked("feat: more");
    repo
}

/// The changelog as a release of 1.2.0 by hand leaves it: Unreleased made its section (a tag
/// on a commit without it would be a release never made, which every command refuses).
fn released_by_hand(repo: &Repo) {
    let log = repo.read("CHANGELOG.md").replacen(
        "## [Unreleased]\n",
        "## [Unreleased]\n\n## [1.2.0] - 2026-01-01\n",
        1,
    );
    repo.write("CHANGELOG.md", log);
}

fn note_names_the_tooling_file(err: &str) {
    assert!(
        err.contains("package.json says 0.0.0 (JSON key `version`), not 1.2.0")
            && err.contains("`[version] files`")
            && err.contains("leaves it as it is"),
        "{err}"
    );
}

#[test]
fn a_tooling_package_json_beside_the_real_manifest_is_left_alone_with_a_note() {
    let repo = tooling_beside_cargo(TOOLING);
    let next = repo.relhook(&["version", "--next"]);
    assert_eq!(stdout(&next), "1.3.0\n", "{}", text(&next));
    let dry = repo.relhook(&["release", "--dry-run"]);
    assert_eq!(dry.status.code(), Some(0), "{}", text(&dry));
    note_names_the_tooling_file(&stderr(&dry));
    let json = repo.relhook(&["release", "--dry-run", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&json)).expect("JSON");
    assert_eq!(report["left_alone"][0]["path"], "package.json", "{report}");
    note_names_the_tooling_file(report["left_alone"][0]["note"].as_str().unwrap_or(""));
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    note_names_the_tooling_file(&stderr(&out));
    assert_eq!(repo.read("package.json"), TOOLING);
    assert!(repo.read("Cargo.toml").contains("version = \"1.3.0\""));
    let changed = repo.git(&["show", "--name-only", "--format=", "v1.3.0"]);
    assert!(!changed.contains("package.json"), "{changed}");
    // Published: pre-push does not hold the tag back for the file the release left alone.
    repo.with_origin();
    let push = repo.git_output(&["push", "-q", "origin", "main", "v1.3.0"]);
    assert!(push.status.success(), "{}", text(&push));
    assert!(
        !repo
            .git(&["ls-remote", "--tags", "origin", "v1.3.0"])
            .is_empty()
    );
    // A hand tag releases the same way.
    repo.commit_hooked("feat: again");
    let tag = crate::support::hand_tag(&repo, &["-a", "v1.4.0", "-m", "v1.4.0"]);
    assert!(tag.status.success(), "{}", text(&tag));
    assert_eq!(repo.read("package.json"), TOOLING);
    assert!(repo.read("Cargo.toml").contains("version = \"1.4.0\""));
    assert!(repo.is_clean());
}

#[test]
fn a_package_json_without_a_version_beside_the_real_manifest_does_not_stop_a_release() {
    let bare = "{\n  \"private\": true,\n  \"devDependencies\": {}\n}\n";
    let repo = tooling_beside_cargo(bare);
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.read("package.json"), bare);
    let tag = {
        repo.commit_hooked("feat: again");
        crate::support::hand_tag(&repo, &["-a", "v1.4.0", "-m", "v1.4.0"])
    };
    assert!(tag.status.success(), "{}", text(&tag));
}

#[test]
fn an_interrupted_release_that_left_the_tooling_file_alone_resumes() {
    let repo = tooling_beside_cargo(TOOLING);
    repo.relhook_killed_at("release-committed", &["release"]);
    assert_eq!(repo.head_subject(), "chore(release): 1.3.0");
    let out = repo.relhook(&["release", "--resume"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "--points-at", "HEAD"]), "v1.3.0");
    assert_eq!(repo.read("package.json"), TOOLING);
}

/// Relhook installed, no release tag, `manifest` (path, text) holding the real version beside
/// a tooling `package.json`, then `feat: more`.
fn untagged_beside_tooling(manifest: (&str, &str)) -> Repo {
    let repo =
        crate::support::configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".into());
    repo.write(manifest.0, manifest.1);
    repo.write("package.json", TOOLING);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "build: manifests"]);
    repo.commit_hooked("feat: more");
    repo
}

/// `out` is a release that left the tooling `package.json` alone, saying so, from 1.2.0.
fn released_leaving_tooling_alone(repo: &Repo, out: &std::process::Output) {
    assert_eq!(out.status.code(), Some(0), "{}", text(out));
    assert!(
        stderr(out).contains("package.json says 0.0.0 (JSON key `version`), not 1.2.0"),
        "{}",
        text(out)
    );
    assert_eq!(repo.read("package.json"), TOOLING);
}

/// Before the first release tag the current version is the first manifest's: the tooling
/// file is left alone there too.
#[test]
fn before_the_first_tag_the_tooling_file_is_left_alone_too() {
    let repo = untagged_beside_tooling(("Cargo.toml", &cargo("1.2.0")));
    let out = repo.relhook(&["release", "1.3.0"]);
    released_leaving_tooling_alone(&repo, &out);
    assert!(repo.read("Cargo.toml").contains("version = \"1.3.0\""));
}

/// Before the first tag, a `0.0.0` placeholder found first (package.json is looked for before
/// pyproject.toml) is not the project's version: the manifest with a real one is.
#[test]
fn before_the_first_tag_a_placeholder_found_first_is_not_the_version() {
    let pyproject = "[project]\nname = \"app\"\nversion = \"1.2.0\"\n";
    let repo = untagged_beside_tooling(("pyproject.toml", pyproject));
    let current = repo.relhook(&["version"]);
    assert!(stdout(&current).starts_with("1.2.0"), "{}", text(&current));
    // The first release is the version the manifest holds.
    let next = repo.relhook(&["version", "--next"]);
    assert_eq!(stdout(&next), "1.2.0\n", "{}", text(&next));
    let out = repo.relhook(&["release"]);
    released_leaving_tooling_alone(&repo, &out);
    assert_eq!(repo.read("pyproject.toml"), pyproject);
    assert_eq!(repo.git(&["tag"]), "v1.2.0");
}

/// A monorepo of two packages, each tagged once by hand: `api` (its `Cargo.toml` at 1.2.0
/// beside a tooling `package.json`) and `web` (its `package.json` at 1.0.0, behind its tag
/// `web-v1.1.0`), with one change each committed through the hooks.
fn two_packages() -> Repo {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", crate::support::SKELETON);
    repo.write("api/Cargo.toml", cargo("1.2.0"));
    repo.write("api/package.json", TOOLING);
    repo.write("web/package.json", WEB);
    // Each tag a release: its changelog has its section.
    for (dir, version) in [("api", "1.2.0"), ("web", "1.1.0")] {
        let section = format!("\n## [{version}] - 2026-01-01\n\n### Fixed\n\n- one\n");
        let log = format!("{}{section}", crate::support::SKELETON);
        repo.write(&format!("{dir}/CHANGELOG.md"), log);
    }
    repo.write(
        ".relconfig.toml",
        "[checks]\ntest = [\"true\"]\n\n[packages.api]\npath = \"api\"\n\n[packages.web]\npath = \"web\"\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    for tag in ["api-v1.2.0", "web-v1.1.0"] {
        repo.git(&["tag", "-a", tag, "-m", tag]);
    }
    repo.hooks(&[
        "commit-msg",
        "post-commit",
        "reference-transaction",
        "pre-push",
    ]);
    repo.git(&["add", ".gitattributes"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: hooks"]);
    for (dir, message) in [("api", "feat(api): stream"), ("web", "fix(web): render")] {
        repo.write(&format!("{dir}/src/one.txt"), message);
        repo.git(&["add", "."]);
        repo.git(&["commit", "-q", "-m", message]);
    }
    repo
}

const WEB: &str = "{\n  \"name\": \"web\",\n  \"version\": \"1.0.0\"\n}\n";

#[test]
fn a_package_file_behind_its_tag_is_refused_and_a_tooling_one_left_alone() {
    let repo = two_packages();
    // web: nothing holds 1.1.0, so nothing says which version is web's.
    let out = crate::support::dated_release(&repo, &["--package", "web"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("web/package.json says 1.0.0")
            && stderr(&out).contains("not 1.1.0, the version of release tag web-v1.1.0")
            && stderr(&out).contains("set it to 1.1.0 and commit"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.read("web/package.json"), WEB);
    let err = crate::support::hand_tag_refused(&repo, "web-v1.2.0");
    assert!(err.contains("web/package.json says 1.0.0"), "{err}");
    assert_eq!(repo.read("web/package.json"), WEB);
    // api: its Cargo.toml holds 1.2.0, so the tooling package.json is left alone.
    let json = repo.relhook(&[
        "release",
        "--package",
        "api",
        "--dry-run",
        "--format",
        "json",
    ]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&json)).expect("JSON");
    let note = report["packages"][0]["left_alone"][0]
        .as_str()
        .unwrap_or("");
    assert!(note.contains("api/package.json says 0.0.0"), "{report}");
    let out = crate::support::dated_release(&repo, &["--package", "api"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        stderr(&out).contains("api/package.json says 0.0.0 (JSON key `version`), not 1.2.0"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.read("api/package.json"), TOOLING);
    assert!(repo.read("api/Cargo.toml").contains("version = \"1.3.0\""));
    // Published: pre-push does not hold the package's tag back for the file left alone.
    repo.with_origin();
    let push = repo.git_output(&["push", "-q", "origin", "main", "api-v1.3.0"]);
    assert!(push.status.success(), "{}", text(&push));
    repo.write("api/src/two.txt", "two");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "feat(api): more"]);
    let tag = crate::support::hand_tag(&repo, &["-a", "api-v1.4.0", "-m", "api 1.4.0"]);
    assert!(tag.status.success(), "{}", text(&tag));
    assert!(
        stderr(&tag).contains("api/package.json says 0.0.0"),
        "{}",
        text(&tag)
    );
    assert_eq!(repo.read("api/package.json"), TOOLING);
    assert!(repo.read("api/Cargo.toml").contains("version = \"1.4.0\""));
    assert!(repo.is_clean());
}

fn npm_lock(top: &str, root: &str) -> String {
    format!(
        "{{\n  \"name\": \"app\",\n  \"version\": \"{top}\",\n  \"lockfileVersion\": 3,\n  \"packages\": {{\n    \"\": {{\n      \"name\": \"app\",\n      \"version\": \"{root}\"\n    }}\n  }}\n}}\n"
    )
}

/// An npm project released as v1.2.0 by hand (without relhook) with `config`, then `feat: more`.
fn npm_project(config: &str, lock: &str) -> Repo {
    let config = format!("[checks]\ntest = [\"true\"]\n{config}");
    let repo = crate::support::configured_with_a_feature(|_| config);
    repo.write(
        "package.json",
        "{\n  \"name\": \"app\",\n  \"version\": \"1.2.0\"\n}\n",
    );
    repo.write("package-lock.json", lock);
    released_by_hand(&repo);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "build: manifests"]);
    repo.git_skipping_relhook(&["tag", "-a", "v1.2.0", "-m", "v1.2.0"]);
    repo.commit_hooked("feat: more");
    repo
}

/// A lock file relhook names as the user reads it, not as its internal `a|b..c` key.
#[test]
fn a_lagging_package_lock_is_named_by_the_keys_a_reader_sees() {
    let repo = npm_project("", &npm_lock("1.1.0", "1.1.0"));
    let out = repo.relhook(&["release", "--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains(
            r#"package-lock.json says 1.1.0 (JSON keys `version` and `packages[""].version`)"#
        ),
        "{err}"
    );
    assert!(!err.contains("packages..version"), "{err}");
}

/// Listed with `key = "version"`, the lock file's two copies of the version are bumped
/// together: the lock stays consistent.
#[test]
fn a_listed_package_lock_has_both_its_versions_bumped() {
    let listed = "[version]\nfiles = [{ path = \"package-lock.json\", key = \"version\" }]\n";
    let repo = npm_project(listed, &npm_lock("1.2.0", "1.2.0"));
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.read("package-lock.json"), npm_lock("1.3.0", "1.3.0"));
}

/// A hand tag whose Unreleased is empty (the commit since the last release met no hook) over
/// a version file that refuses the release: refused before the tag exists, exit non-zero, not
/// made and then withdrawn with git saying it succeeded.
#[test]
fn a_hand_tag_over_an_empty_unreleased_is_refused_before_it_exists() {
    let repo = Repo::new();
    repo.write("Cargo.toml", cargo("0.9.0"));
    repo.write("CHANGELOG.md", crate::support::SKELETON);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.write("a.txt", "a\n");
    repo.git(&["add", "."]);
    repo.git_skipping_relhook(&["commit", "-q", "-m", "feat: hooks off"]);
    let tag = crate::support::hand_tag(&repo, &["-a", "v1.1.0", "-m", "v1.1.0"]);
    assert!(!tag.status.success(), "{}", text(&tag));
    assert!(
        stderr(&tag).contains("Cargo.toml says 0.9.0 (TOML key `package.version`), not 1.0.0"),
        "{}",
        text(&tag)
    );
    assert_eq!(repo.git(&["tag"]), "v1.0.0");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}
