//! QA47: with `[commit] types = ["feat", "fix"]`, no allowed type adds nothing, and the
//! commits relhook advised (`git commit -m "chore: edit Cargo.toml"`) were refused by its own
//! commit-msg hook. Such advice now makes that one commit past relhook's hooks
//! (`RELHOOK_SKIP=1 git commit …`): pasted, it commits, and adds no changelog entry.

use crate::support::{Repo, ok, stderr, stdout, text};

const RULES: &str =
    "[commit]\ntypes = [\"feat\", \"fix\"]\n[checks]\nrequire_tested_tags = false\n";

/// A crate released as 0.1.0 under those rules, then `fix: b`.
fn ruled() -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"x\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    );
    repo.write(".relconfig.toml", RULES);
    ok(repo.relhook(&["install"]));
    repo.git(&["add", "."]);
    repo.commit_hooked("fix: start");
    ok(repo.relhook(&["release"]));
    repo.write("b", "b\n");
    repo.git(&["add", "b"]);
    repo.commit_hooked("fix: b");
    repo
}

/// The advised commit command in `advice`: from the `git …` or `RELHOOK_SKIP=1 git …` that
/// commits, up to the closing backtick or the end of the line.
fn advised_commit(advice: &str) -> String {
    let at = advice
        .find("git commit -m")
        .unwrap_or_else(|| panic!("{advice}"));
    let skip = "RELHOOK_SKIP=1 ";
    let start = match advice[..at].ends_with(skip) {
        true => at - skip.len(),
        false => at,
    };
    let rest = &advice[start..];
    rest.split(['`', '\n']).next().unwrap().to_owned()
}

#[test]
fn the_allow_dirty_refusal_advises_a_commit_that_goes_through() {
    let repo = ruled();
    let manifest = repo.read("Cargo.toml");
    repo.write(
        "Cargo.toml",
        manifest.replace("version = \"0.1.0\"", "version = \"0.1.0\" # pinned"),
    );
    let out = repo.relhook(&["release", "--allow-dirty"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let command = advised_commit(&stderr(&out));
    assert!(
        command.starts_with("RELHOOK_SKIP=1 git commit -m "),
        "{command}"
    );
    let done = repo.sh(&command);
    assert!(done.status.success(), "{command}\n{}", text(&done));
    assert!(repo.is_clean(), "{command}");
    assert!(!repo.read("CHANGELOG.md").contains("edit Cargo.toml"));
}

#[test]
fn doctor_advises_a_changelog_commit_that_goes_through() {
    let repo = ruled();
    let log = repo.read("CHANGELOG.md");
    repo.write("CHANGELOG.md", format!("{log}- hand note\n"));
    let doctor = stdout(&repo.relhook(&["doctor"]));
    let command = advised_commit(&doctor);
    let done = repo.sh(&command);
    assert!(done.status.success(), "{command}\n{}", text(&done));
    assert!(repo.is_clean(), "{command}\n{doctor}");
}
