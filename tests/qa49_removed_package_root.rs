//! QA49: a root project (package.json with a name and a version) with package `api`; api's
//! `feat(api): x` released as api 2.0.0, then api removed (its folder and its table). With no
//! package left in .relconfig.toml, every commit read as the root's: doctor said the root
//! changelog lacked an entry and advised `relhook changelog --sync`, which copied api's
//! released `- **api:** x` into the root's Unreleased (its next release would ship it). The
//! .relconfig.toml committed with `feat(api): x` says it is api's.

use crate::support::{Repo, ok, stderr, stdout, text};

const CHECKS: &str = "[checks]\nrequire_tested_tags = false\n";

/// The root released as 0.1.0 (`root_tag`) or not, api's `feat(api): x` released as 2.0.0, a
/// root `fix: root thing`, then api's folder and table removed (in one commit, or in two);
/// relhook installed.
fn removed(root_tag: bool, one_commit: bool) -> Repo {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\n  \"name\": \"root\",\n  \"version\": \"0.1.0\"\n}\n",
    );
    repo.write(
        "packages/api/package.json",
        "{\n  \"name\": \"api\",\n  \"version\": \"2.0.0\"\n}\n",
    );
    repo.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n");
    let api = "[packages.api]\npath = \"packages/api\"\n";
    repo.write(".relconfig.toml", format!("{CHECKS}\n{api}"));
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    if root_tag {
        repo.write("r0", "r0\n");
        repo.git(&["add", "-A"]);
        repo.git(&["commit", "-q", "-m", "fix: root zero"]);
        ok(repo.relhook(&["release", "0.1.0", "--no-test"]));
    }
    repo.write("packages/api/x", "x\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "feat(api): x"]);
    ok(repo.relhook(&["release", "--package", "api", "2.0.0", "--no-test"]));
    repo.write("r", "r\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "fix: root thing"]);
    repo.git(&["rm", "-rq", "packages/api"]);
    if !one_commit {
        repo.git(&["commit", "-q", "-m", "refactor(api): drop the folder"]);
    }
    repo.write(".relconfig.toml", CHECKS);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "refactor: drop api"]);
    repo
}

/// Doctor finds nothing missing, --sync adds nothing, the next version and the release are
/// the root's `fix` alone.
fn api_s_commit_stays_api_s(repo: &Repo) {
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("has no entry"), "{doctor}");
    assert!(!doctor.contains("--sync"), "{doctor}");
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(stderr(&out).contains("up to date"), "{}", text(&out));
    let changelog = repo.read("CHANGELOG.md");
    assert!(!changelog.contains("**api:**"), "{changelog}");
    let out = ok(repo.relhook(&["version", "--next"]));
    let next = if repo.git(&["tag", "-l", "v*"]).is_empty() {
        "0.1.0"
    } else {
        "0.1.1"
    };
    assert_eq!(stdout(&out).trim(), next);
    let out = repo.relhook(&["release", "--dry-run", "--no-test"]);
    let all = text(&out);
    assert_eq!(out.status.code(), Some(0), "{all}");
    assert!(all.contains("root thing"), "{all}");
    assert!(!all.contains("**api:**"), "{all}");
}

#[test]
fn a_removed_package_s_released_commit_is_not_the_root_s() {
    let repo = removed(true, true);
    assert_eq!(repo.git(&["tag", "-l"]), "api-v2.0.0\nv0.1.0");
    api_s_commit_stays_api_s(&repo);
}

#[test]
fn nor_before_the_root_s_first_release() {
    let repo = removed(false, true);
    assert_eq!(repo.git(&["tag", "-l"]), "api-v2.0.0");
    api_s_commit_stays_api_s(&repo);
}

#[test]
fn nor_when_its_folder_and_its_table_went_in_two_commits() {
    let repo = removed(true, false);
    api_s_commit_stays_api_s(&repo);
}
