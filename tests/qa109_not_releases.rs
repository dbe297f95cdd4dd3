//! QA109: release tags under other prefixes (release-plz's `mycrate-v0.4.0`, a CI's
//! `build-1.0.0`) before the first release under `tag_prefix`. The refusal's "not this
//! project's releases" way on named `relhook release <version.initial>`, which the release
//! refuses when a version file already says more (Cargo.toml at 0.5.0, a package.json at
//! 2.3.0). It now names the version the files say, which works pasted, and its `git tag -a`
//! twin names the same.

use crate::support::{Repo, ok, stderr, text};

/// The command the hint's "not this project's releases" clause names.
fn not_releases_command(err: &str) -> String {
    let hint = err
        .lines()
        .find(|l| l.starts_with("hint: "))
        .unwrap_or_else(|| panic!("{err}"));
    let (_, clause) = hint
        .split_once("if they are not this project's releases")
        .unwrap_or_else(|| panic!("{hint}"));
    let start = clause.find('`').unwrap() + 1;
    let len = clause[start..].find('`').unwrap();
    clause[start..start + len].to_owned()
}

fn pasted_releases(repo: &Repo, expected: &str, tag: &str) {
    let out = repo.relhook(&["version", "--next"]);
    assert!(!out.status.success(), "{}", text(&out));
    let command = not_releases_command(&stderr(&out));
    assert_eq!(command, expected, "{}", text(&out));
    let hint = stderr(&out);
    assert!(
        hint.contains(&format!("(or `git tag -a {tag} -m {tag}`)")),
        "{hint}"
    );
    let out = repo.sh(&command);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["describe", "--tags", "--exact-match"]), tag);
}

#[test]
fn a_crate_at_0_5_0_beside_release_plz_tags_is_offered_0_5_0() {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"mycrate\"\nversion = \"0.5.0\"\nedition = \"2021\"\n",
    );
    repo.write("src/main.rs", "fn main() {}\n");
    ok(repo.git_output(&["add", "-A"]));
    repo.commit("feat: init");
    repo.git(&["tag", "mycrate-v0.4.0"]);
    repo.commit("fix: x");
    pasted_releases(&repo, "relhook release 0.5.0", "v0.5.0");
}

#[test]
fn a_package_json_at_2_3_0_beside_other_tags_is_offered_2_3_0() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\n  \"name\": \"app\",\n  \"version\": \"2.3.0\"\n}\n",
    );
    ok(repo.git_output(&["add", "-A"]));
    repo.commit("feat: init");
    repo.git(&["tag", "build-1.0.0"]);
    repo.git(&["tag", "ci-7.0.0"]);
    repo.commit("fix: x");
    pasted_releases(&repo, "relhook release 2.3.0", "v2.3.0");
}

#[test]
fn with_no_version_file_the_initial_version_is_still_offered() {
    let repo = Repo::new();
    repo.commit("feat: init");
    repo.git(&["tag", "build-1.0.0"]);
    repo.commit("fix: x");
    pasted_releases(&repo, "relhook release 0.1.0", "v0.1.0");
}
