//! QA259: a git-cliff project (cliff.toml beside CHANGELOG.md, git-cliff's own in
//! `tests/support/fixtures/git-cliff.cliff.toml`) whose file has no `### 🐛 Bug Fixes` yet:
//! post-commit headed a `fix(api): …` entry `### Bug Fixes`, not the group name its
//! `commit_parsers` give, which git-cliff writes (an HTML comment that orders groups,
//! `<!-- 1 -->🐛 Bug Fixes`, taken out by the template).

use crate::support::{Repo, ok};

/// git-cliff's own `cliff.toml`.
const CLIFF_TOML: &str = include_str!("support/fixtures/git-cliff.cliff.toml");

const RELEASED: &str =
    "## [unreleased]\n\n## [1.0.0] - 2024-01-01\n\n### ⛰️  Features\n\n- *(core)* Add import\n";

/// A git-cliff project configured by `cliff`, released at `v1.0.0`, post-commit installed.
fn cliff_project(cliff: &str) -> Repo {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", RELEASED);
    repo.write("cliff.toml", cliff);
    repo.hooks(&["post-commit"]);
    repo.git(&["add", "-A"]);
    let skip = [("RELHOOK_SKIP", "1")];
    repo.git_env(&["commit", "-q", "-m", "feat(core): add import"], &skip);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo
}

/// The sub-section headings of `text`.
fn headings(text: &str) -> Vec<&str> {
    text.lines().filter(|l| l.starts_with("### ")).collect()
}

#[test]
fn a_new_section_takes_the_group_name_of_cliff_toml() {
    let repo = cliff_project(CLIFF_TOML);
    ok(repo.commit_with_hooks("fix(api): handle an empty body"));
    let log = repo.read("CHANGELOG.md");
    assert_eq!(
        headings(&log),
        ["### 🐛 Bug Fixes", "### ⛰️  Features"],
        "{log}"
    );
}

#[test]
fn the_order_comment_of_a_group_is_not_in_its_heading() {
    let ordered = CLIFF_TOML.replace("\"🐛 Bug Fixes\"", "\"<!-- 1 -->🐛 Bug Fixes\"");
    assert_ne!(ordered, CLIFF_TOML);
    let repo = cliff_project(&ordered);
    ok(repo.commit_with_hooks("fix(api): handle an empty body"));
    let log = repo.read("CHANGELOG.md");
    assert_eq!(
        headings(&log),
        ["### 🐛 Bug Fixes", "### ⛰️  Features"],
        "{log}"
    );
}
