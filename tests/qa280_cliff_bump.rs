//! QA280: in a git-cliff project the version bump and `version --explain` see the commits
//! cliff.toml's `commit_parsers` leave in, as post-commit does and as git-cliff's own bump does
//! (git-cliff-core's `Changelog::new` drops skipped commits before `bump_version` counts them).
//! A skipped `feat(wip)` called for a minor release and was said to be "in changelog".

use crate::support::{Repo, ok, stdout};

const RELEASED: &str =
    "# Changelog\n\n## [unreleased]\n\n## [1.0.0] - 2024-01-01\n\n### Features\n\n- add import\n";

const CLIFF: &str = r#"[git]
commit_parsers = [
  { message = "^feat\\(wip\\)", skip = true },
  { message = "^chore\\(deps\\)", group = "Deps" },
  { message = "^feat", group = "Features" },
  { message = "^fix", group = "Bug Fixes" },
]
"#;

/// A git-cliff project released at `v1.0.0`, post-commit installed.
fn cliff_project() -> Repo {
    crate::support::cliff_released(RELEASED, CLIFF)
}

fn explain(repo: &Repo) -> String {
    stdout(&ok(repo.relhook(&["version", "--next", "--explain"])))
}

#[test]
fn a_skipped_feature_calls_for_no_minor_release() {
    let repo = cliff_project();
    ok(repo.commit_with_hooks("fix: read empty files"));
    ok(repo.commit_with_hooks("feat(wip): half of the exporter"));
    assert!(!repo.read("CHANGELOG.md").contains("exporter"));
    let said = explain(&repo);
    assert!(said.starts_with("1.0.1\n"), "{said}");
    // Listed beside the fix that decides the level too: no entry, and no more than a patch.
    assert!(
        said.contains("feat(wip): half of the exporter  (patch, no changelog entry)"),
        "{said}"
    );
}

#[test]
fn a_commit_a_parser_groups_is_in_the_changelog_for_explain() {
    let repo = cliff_project();
    ok(repo.commit_with_hooks("chore(deps): bump serde"));
    assert!(repo.read("CHANGELOG.md").contains("- **deps:** bump serde"));
    let said = explain(&repo);
    assert!(said.starts_with("1.0.1\n"), "{said}");
    assert!(
        said.contains("chore(deps): bump serde  (patch)\n"),
        "{said}"
    );
}
