//! QA90: `changelog --rebuild` of cocogitto's own CHANGELOG.md kept its `####` level but
//! wrote Keep a Changelog's `#### Added`, `#### Fixed`, `#### Removed` in every release,
//! where the file says `#### Features`, `#### Bug Fixes`, `#### Revert`. The rebuild now
//! writes the names the file uses, as `--sync` does; Keep a Changelog's only where the file
//! names none.

use crate::support::{Repo, stdout, text};

/// A changelog as cocogitto writes it: its own header, `- - -` rules, `####` sub-headings
/// with conventional-changelog's names (and its singular `Revert`), scopes as `(**api**)`.
const COCOGITTO: &str = "# Changelog\nAll notable changes to this project will be documented in this file. See [conventional commits](https://www.conventionalcommits.org/) for commit guidelines.\n\n- - -\n## [v1.0.0](https://example.com/compare/v0.1.0..v1.0.0) - 2026-01-01\n#### Features\n- a feature - ([1111111](https://example.com/commit/1111111)) - A\n#### Bug Fixes\n- (**api**) first fix - ([2222222](https://example.com/commit/2222222)) - A\n#### Revert\n- an old flag - ([3333333](https://example.com/commit/3333333)) - A\n\n- - -\n";

/// A released feature, fix and revert under the file above, then one of each and a perf
/// change unreleased.
fn cocogitto_repo() -> Repo {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", COCOGITTO);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "feat: a feature"]);
    for message in ["fix(api): first fix", "revert: an old flag"] {
        repo.git(&["commit", "-q", "--allow-empty", "-m", message]);
    }
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    for message in [
        "fix: later fix",
        "perf: faster",
        "feat(cli): later feature",
        "revert: another flag",
    ] {
        repo.git(&["commit", "-q", "--allow-empty", "-m", message]);
    }
    repo
}

#[test]
fn a_rebuild_writes_the_files_own_sub_section_names() {
    let repo = cocogitto_repo();
    let out = repo.relhook(&["changelog", "--rebuild", "--stdout"]);
    assert!(out.status.success(), "{}", text(&out));
    let rebuilt = stdout(&out);
    for kac in ["Added", "Fixed", "Changed", "Removed"] {
        assert!(!rebuilt.contains(&format!(" {kac}\n")), "{rebuilt}");
    }
    // One level, the file's, for every sub-section.
    let subs: Vec<&str> = rebuilt.lines().filter(|l| l.starts_with("###")).collect();
    assert!(subs.iter().all(|l| l.starts_with("#### ")), "{rebuilt}");
    // Each linked to its commit as cocogitto's entries are.
    let link = |rev: &str| {
        let h = repo.git(&["rev-parse", "--short=7", rev]);
        format!(" - ([{h}](https://example.com/commit/{h}))")
    };
    let (feature, fix, faster, flag) =
        (link("HEAD~1"), link("HEAD~3"), link("HEAD~2"), link("HEAD"));
    let unreleased = format!(
        "## [Unreleased]\n#### Features\n- (**cli**) later feature{feature}\n\
         #### Bug Fixes\n- later fix{fix}\n#### Performance Improvements\n\
         - faster{faster}\n#### Revert\n- another flag{flag}\n\n\
         ## [v1.0.0](https://example.com/compare/v0.1.0..v1.0.0) - 2026-01-01\n"
    );
    assert!(rebuilt.contains(&unreleased), "{rebuilt}");
    // The release cocogitto wrote, with its commits' links and authors, is kept (qa164).
    let released = &COCOGITTO[COCOGITTO.find("## [v1.0.0]").unwrap()..];
    assert!(rebuilt.ends_with(released), "{rebuilt}");
}

#[test]
fn a_file_that_names_no_sub_section_gets_keep_a_changelogs_names() {
    let repo = cocogitto_repo();
    let plain = "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-01-01\n\n- a feature\n";
    repo.write("CHANGELOG.md", plain);
    let out = repo.relhook(&["changelog", "--rebuild", "--stdout"]);
    assert!(out.status.success(), "{}", text(&out));
    let rebuilt = stdout(&out);
    assert!(
        rebuilt.contains("## [Unreleased]\n\n### Added\n\n- **cli:** later feature\n\n### Changed\n\n- faster\n\n### Removed\n\n- another flag\n\n### Fixed\n\n- later fix\n"),
        "{rebuilt}"
    );
}
