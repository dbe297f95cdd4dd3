//! QA36: a changelog git-cliff's default template wrote says `### ⚡ Performance` and
//! `### ⛰️  Features` (two spaces): a perf commit's entry went under a new
//! `### Performance Improvements`, and a new Features heading lost a space.

use crate::support::{Repo, ok, stderr, text};

const CLIFF: &str = "# Changelog\n\n## [Unreleased]\n\n## [0.1.0] - 2024-01-01\n\n### ⛰️  Features\n\n- A feature\n\n### ⚡ Performance\n\n- Faster\n";

#[test]
fn entries_go_under_git_cliffs_own_headings() {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", CLIFF);
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "v0.1.0"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("perf: quicker");
    repo.commit_hooked("feat: new");
    let log = repo.read("CHANGELOG.md");
    let unreleased = "## [Unreleased]\n\n### ⛰️  Features\n\n- new\n\n### ⚡ Performance\n\n- quicker\n\n## [0.1.0]";
    assert!(log.contains(unreleased), "{log}");
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(stderr(&out).contains("up to date"), "{}", text(&out));
    assert_eq!(repo.read("CHANGELOG.md"), log);
}
