//! QA48: after a package was removed (its folder and its `[packages.api]` table, in one
//! commit), its release tag `api-v2.0.0` stopped every root command with "the release tags
//! here do not start with tag_prefix" and the advice to take `api-v` as the root's prefix or
//! release 0.1.0, which put api's released BREAKING entry into the root's release; with npm's
//! tags (`@acme/api@2.0.0`) the root changelog was said to miss api's commits. The
//! .relconfig.toml committed with them says they are api's.

use crate::support::{Repo, ok, stderr, stdout, text};

const WEB: &str = "[packages.web]\npath = \"packages/web\"\n";

/// Packages api and web (with `tag` lines as given), api's `feat!` released, then api removed
/// in one commit and a root `fix: root readme` made; relhook installed.
fn removed(api_tag: &str, web_tag: &str) -> Repo {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\"private\": true, \"workspaces\": [\"packages/*\"]}\n",
    );
    repo.write(
        "packages/api/package.json",
        "{\n  \"name\": \"@acme/api\",\n  \"version\": \"1.0.0\"\n}\n",
    );
    repo.write(
        "packages/web/package.json",
        "{\n  \"name\": \"@acme/web\",\n  \"version\": \"1.0.0\"\n}\n",
    );
    repo.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n");
    let checks = "[checks]\nrequire_tested_tags = false\n";
    let web = format!("{WEB}{web_tag}");
    let api = format!("[packages.api]\npath = \"packages/api\"\n{api_tag}");
    repo.write(".relconfig.toml", format!("{checks}{api}{web}"));
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo.write("packages/api/a.js", "x\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "feat(api)!: rework api"]);
    ok(repo.relhook(&["release", "--package", "api", "--no-test"]));
    repo.git(&["rm", "-rq", "packages/api"]);
    repo.write(".relconfig.toml", format!("{checks}{web}"));
    repo.git(&["commit", "-q", "-a", "-m", "chore: remove api"]);
    repo.write("README.md", "hi\n");
    repo.git(&["add", "README.md"]);
    repo.git(&["commit", "-q", "-m", "fix: root readme"]);
    repo
}

/// The root's first release holds the root's commit only.
fn root_release_is_its_own(repo: &Repo) {
    let out = repo.relhook(&["release", "0.1.0", "--dry-run", "--no-test"]);
    let all = text(&out);
    assert_eq!(out.status.code(), Some(0), "{all}");
    assert!(all.contains("- root readme"), "{all}");
    assert!(!all.contains("rework api"), "{all}");
}

#[test]
fn a_removed_package_s_tags_are_not_the_root_s() {
    let repo = removed("", "");
    assert_eq!(repo.git(&["tag", "-l"]), "api-v2.0.0");
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(doctor.contains("all is well"), "{doctor}");
    assert!(!doctor.contains("tag_prefix"), "{doctor}");
    let out = repo.relhook(&["version"]);
    assert_eq!(stdout(&ok(out)).trim(), "0.1.0");
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(stderr(&out).contains("up to date"), "{}", text(&out));
    root_release_is_its_own(&repo);
    let out = repo.relhook(&["release", "--dry-run", "--no-test"]);
    assert!(text(&out).contains("release v0.1.0"), "{}", text(&out));
    assert!(!text(&out).contains("rework api"), "{}", text(&out));
}

#[test]
fn a_removed_package_s_commits_are_not_the_root_s() {
    let repo = removed(
        "tag = \"@acme/api@{version}\"\n",
        "tag = \"@acme/web@{version}\"\n",
    );
    assert_eq!(repo.git(&["tag", "-l"]), "@acme/api@2.0.0");
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(doctor.contains("all is well"), "{doctor}");
    assert!(!doctor.contains("has no entry"), "{doctor}");
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(stderr(&out).contains("up to date"), "{}", text(&out));
    assert!(!repo.read("CHANGELOG.md").contains("rework api"));
    root_release_is_its_own(&repo);
}
