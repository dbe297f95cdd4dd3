//! QA51: `relhook init` beside an untracked `.relconfig.toml` (one setting changelog.path)
//! left it alone and advised `next:` committing the changelog only; the configuration stayed
//! untracked and the first release refused the dirty tree. The `next:` line now adds and
//! commits the configuration too where git does not hold it as it is (untracked, edited).

use crate::support::{Repo, ok, stdout, text};

/// The `next:` line of `relhook init`, run in `repo`.
fn next_line(repo: &Repo) -> String {
    let out = ok(repo.relhook(&["init"]));
    let said = stdout(&out);
    let line = said.lines().find_map(|l| l.strip_prefix("next: "));
    line.unwrap_or_else(|| panic!("no next: line: {}", text(&out)))
        .to_owned()
}

#[test]
fn an_untracked_configuration_is_committed_with_the_changelog() {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.write(
        ".relconfig.toml",
        "[changelog]\npath = \"docs/CHANGELOG.md\"\n[checks]\nrequire_tested_tags = false\n",
    );
    let next = next_line(&repo);
    assert_eq!(
        next,
        "git add .relconfig.toml docs/CHANGELOG.md && git commit -m \"chore: adopt relhook\" -- .relconfig.toml docs/CHANGELOG.md"
    );
    // Pasted, the tree is clean and the first release goes through.
    ok(repo.sh(&next));
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release", "--no-test"]));
}

#[test]
fn an_edited_configuration_is_committed_and_a_committed_one_is_not_named() {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", ".relconfig.toml"]);
    repo.git(&["commit", "-q", "-m", "chore: cfg"]);
    let next = next_line(&repo);
    assert!(!next.contains(".relconfig.toml"), "{next}");
    std::fs::remove_file(repo.path().join("CHANGELOG.md")).unwrap();
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[changelog]\npath = \"CHANGES.md\"\n",
    );
    let next = next_line(&repo);
    assert!(
        next.starts_with("git add .relconfig.toml CHANGES.md && "),
        "{next}"
    );
    ok(repo.sh(&next));
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
}
