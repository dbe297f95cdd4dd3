//! QA36: a changelog git-cliff's default template wrote says `### ⚡ Performance` and
//! `### ⛰️  Features` (two spaces): a perf commit's entry went under a new
//! `### Performance Improvements`, and a new Features heading lost a space.

use crate::support::{Repo, ok, stderr, text};

/// A repository whose CHANGELOG.md is `log`, released as `tag`, relhook installed.
fn adopted(log: &str, tag: &str) -> Repo {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", log);
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", tag]);
    ok(repo.relhook(&["install"]));
    repo
}

const CLIFF: &str = "# Changelog\n\n## [Unreleased]\n\n## [0.1.0] - 2024-01-01\n\n### ⛰️  Features\n\n- A feature\n\n### ⚡ Performance\n\n- Faster\n";

#[test]
fn entries_go_under_git_cliffs_own_headings() {
    let repo = adopted(CLIFF, "v0.1.0");
    repo.commit_hooked("perf: quicker");
    repo.commit_hooked("feat: new");
    let log = repo.read("CHANGELOG.md");
    let unreleased = "## [Unreleased]\n\n### ⛰️  Features\n\n- New\n\n### ⚡ Performance\n\n- Quicker\n\n## [0.1.0]";
    assert!(log.contains(unreleased), "{log}");
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(stderr(&out).contains("up to date"), "{}", text(&out));
    assert_eq!(repo.read("CHANGELOG.md"), log);
}

/// release-please writes `### ⚠ BREAKING CHANGES`; in a long file only an old release has
/// one, beyond the part post-commit reads, and a breaking entry opened `### BREAKING CHANGES`.
#[test]
fn a_breaking_entry_takes_release_pleases_heading_from_an_old_release() {
    let mut log = "# Changelog\n\n## [Unreleased]\n\n## [2.1.0](https://github.com/x/y/compare/v2.0.0...v2.1.0) (2024-02-01)\n\n\n### Features\n\n* a ([abc1234](https://github.com/x/y/commit/abc1234))\n\n".to_owned();
    for minor in (0..=9).rev() {
        log.push_str(&format!(
            "## [1.{minor}.0](https://github.com/x/y/compare) (2023-01-01)\n\n\n### Bug Fixes\n\n* b{minor}\n\n"
        ));
    }
    log.push_str("## [1.0.0](https://github.com/x/y/compare) (2022-01-01)\n\n\n### ⚠ BREAKING CHANGES\n\n* drop node 12\n");
    let repo = adopted(&log, "v2.1.0");
    repo.commit_hooked("feat: a feature first");
    repo.commit_hooked("refactor!: drop the old API");
    let now = repo.read("CHANGELOG.md");
    // Above the features, where release-please puts it.
    let want = "## [Unreleased]\n\n### ⚠ BREAKING CHANGES\n\n* **BREAKING** drop the old API\n\n### Features\n\n* a feature first\n";
    assert!(now.contains(want), "{now}");
    assert!(now.ends_with(&log[log.find("## [2.1.0]").unwrap()..]));
}
