//! QA46: the commits relhook advises ignored the repository's own commit rules. With
//! `types = ["feat", "fix", "docs"]`, `require_scope` and `scopes = ["core"]`, the
//! `--allow-dirty` refusal advised `chore: edit Cargo.toml` and doctor `docs(changelog): sync
//! with history`, both refused by the commit-msg hook. Each advice now passes the rules.

use crate::support::{Repo, ok, stderr, stdout, text};

const RULES: &str = "[commit]\ntypes = [\"feat\", \"fix\", \"docs\"]\nrequire_scope = true\nscopes = [\"core\"]\n[checks]\nrequire_tested_tags = false\n";

/// A crate released as 0.1.0 under those rules, then `fix(core): b`.
fn ruled() -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"x\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    );
    repo.write(".relconfig.toml", RULES);
    ok(repo.relhook(&["install"]));
    repo.git(&["add", "."]);
    repo.commit_hooked("fix(core): start");
    ok(repo.relhook(&["release"]));
    repo.write("b", "b\n");
    repo.git(&["add", "b"]);
    repo.commit_hooked("fix(core): b");
    repo
}

/// The first `git commit …` command in `advice`, up to the end of the line or a backtick.
fn advised_commit(advice: &str) -> String {
    let at = advice
        .find("git commit -m")
        .unwrap_or_else(|| panic!("{advice}"));
    let rest = &advice[at..];
    rest.split(['`', '\n']).next().unwrap().to_owned()
}

#[test]
fn the_allow_dirty_refusal_advises_a_commit_the_rules_pass() {
    let repo = ruled();
    let manifest = repo.read("Cargo.toml");
    repo.write(
        "Cargo.toml",
        manifest.replace("version = \"0.1.0\"", "version = \"0.1.0\" # pinned"),
    );
    let out = repo.relhook(&["release", "--allow-dirty"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let command = advised_commit(&stderr(&out));
    ok(repo.sh(&command));
    assert!(repo.is_clean(), "{command}");
}

#[test]
fn doctor_advises_a_changelog_commit_the_rules_pass() {
    let repo = ruled();
    let log = repo.read("CHANGELOG.md");
    repo.write("CHANGELOG.md", format!("{log}- hand note\n"));
    let doctor = stdout(&repo.relhook(&["doctor"]));
    let command = advised_commit(&doctor);
    ok(repo.sh(&command));
    assert!(repo.is_clean(), "{command}\n{doctor}");
}
