//! Release notes are the changelog section as written (found on real histories: prose,
//! tables, code, quotes and an item's further paragraphs were dropped), on foreign
//! changelogs too (release-please, cocogitto, conventional-changelog); never empty with
//! success. And `changelog --rebuild` does not silently replace a foreign changelog.

use crate::support::{Repo, SKELETON, stderr, stdout, text};

/// A repository whose CHANGELOG.md is `log`, committed (hooks off) and tagged `tag` by hand.
fn tagged(log: &str, tag: &str) -> Repo {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", log);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: release"]);
    repo.git(&["tag", "-a", tag, "-m", "x"]);
    repo
}

/// Exit code, stdout and stderr of `relhook args`, for a snapshot.
fn run(repo: &Repo, args: &[&str]) -> String {
    let out = repo.relhook(args);
    format!(
        "$ relhook {}\nexit: {:?}\n--- stdout\n{}--- stderr\n{}",
        args.join(" "),
        out.status.code(),
        stdout(&out),
        stderr(&out)
    )
}

/// The stdout of a `relhook notes` that must succeed with no note on stderr.
fn notes(repo: &Repo, tag: &str) -> String {
    let out = repo.relhook(&["notes", tag]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(stderr(&out), "", "from the changelog, not from commits");
    stdout(&out)
}

const RICH: &str = "# Changelog\n\n## [Unreleased]\n\n## [1.1.0] - 2020-10-20\n\nProse intro.\n\n### Fixed\n\n- a fix\n\n  A second paragraph of the fix.\n\n```sh\nrelhook notes v1.1.0\n\n\n# a comment, not a heading\n```\n\n> quote\n\n## [1.0.1] - 2020-10-12\n\n**Highlights**: big release\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n## [1.0.0] - 2020-10-01\n\n- first\n\n[unreleased]: https://github.com/o/r/compare/v1.1.0...HEAD\n[1.1.0]: https://github.com/o/r/compare/v1.0.1...v1.1.0\n[1.0.0]: https://github.com/o/r/releases/tag/v1.0.0\n";

#[test]
fn notes_are_the_section_as_written_prose_tables_code_and_quotes_included() {
    let repo = tagged(RICH, "v1.0.1");
    repo.git(&["tag", "-a", "v1.1.0", "-m", "x"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "x"]);
    insta::assert_snapshot!("rich_section", run(&repo, &["notes", "v1.1.0"]));
    assert_eq!(
        notes(&repo, "v1.0.1"),
        "**Highlights**: big release\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
        "a section with no list item is not empty"
    );
    assert_eq!(
        notes(&repo, "v1.0.0"),
        "- first\n",
        "the file's closing link definitions are no release's"
    );
}

#[test]
fn the_release_tag_message_is_the_unreleased_section_as_written() {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", SKELETON);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    let section = "This release fixes one thing.\n\n### Fixed\n\n- a fix\n  > quoted detail\n\n```toml\n[release]\n\n\nsign = true  \n```\n\n| before | after |\n|---|---|\n| x | y |\n";
    repo.write("CHANGELOG.md", format!("{SKELETON}\n{section}"));
    // The fix's commit carries its entry, as post-commit makes it, and the hand-written rest.
    repo.git(&["commit", "-q", "-am", "fix: a fix"]);
    let mut cmd = repo.command_in(crate::support::relhook_bin(), &repo.path());
    let out = cmd
        .env("RELHOOK_DATE", "2026-11-21")
        .args(["release", "--no-test"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let message = repo.git(&["tag", "-l", "--format=%(contents)", "v0.1.1"]);
    assert_eq!(
        message,
        format!("v0.1.1\n\n{}", section.trim_end()),
        "byte for byte: blank lines in code and trailing spaces kept"
    );
    assert_eq!(notes(&repo, "v0.1.1"), section);
}

#[test]
fn release_please_patch_sections_keep_their_sub_headings() {
    let log = "# Changelog\n\n[npm history][1]\n\n[1]: https://www.npmjs.com/package/release-please?activeTab=versions\n\n## [2.6.0](https://www.github.com/o/r/compare/v2.5.2...v2.6.0) (2019-08-22)\n\n\n### Features\n\n* customize sections ([#240](https://www.github.com/o/r/issues/240)) ([de84a86](https://www.github.com/o/r/commit/de84a86))\n\n### [2.5.2](https://www.github.com/o/r/compare/v2.5.1...v2.5.2) (2019-08-21)\n\n\n### Bug Fixes\n\n* left in blerg debug message ([#236](https://www.github.com/o/r/issues/236)) ([e5fff6c](https://www.github.com/o/r/commit/e5fff6c))\n\n### [2.5.1](https://www.github.com/o/r/compare/v2.5.0...v2.5.1) (2019-08-21)\n\n\n### Bug Fixes\n\n* **deps:** update dependency yargs to v14 ([f406898](https://www.github.com/o/r/commit/f406898))\n";
    let repo = tagged(log, "v2.5.2");
    assert_eq!(
        notes(&repo, "v2.5.2"),
        "### Bug Fixes\n\n* left in blerg debug message ([#236](https://www.github.com/o/r/issues/236)) ([e5fff6c](https://www.github.com/o/r/commit/e5fff6c))\n"
    );
    repo.git(&["tag", "-a", "v2.6.0", "-m", "x"]);
    assert_eq!(
        notes(&repo, "v2.6.0"),
        "### Features\n\n* customize sections ([#240](https://www.github.com/o/r/issues/240)) ([de84a86](https://www.github.com/o/r/commit/de84a86))\n"
    );
}

#[test]
fn cocogitto_paragraph_entries_are_kept_and_its_rules_and_footer_are_not() {
    let log = "# Changelog\nAll notable changes to this project will be documented in this file. See [conventional commits](https://www.conventionalcommits.org/) for commit guidelines.\n\n- - -\n## v0.30.0 - 2020-09-28\n\n\n### Features\n\n[d71388](https://github.com/oknozor/cocogitto/commit/d7138865) - improve changelog title formatting - [oknozor](https://github.com/oknozor)\n\n\n### Continuous Integration\n\n[d0d0ae](https://github.com/oknozor/cocogitto/commit/d0d0ae92) - fix publish action script - [oknozor](https://github.com/oknozor)\n\n\n- - -\n## v0.29.0 - 2020-09-27\n\n\n### Features\n\n[ba16b8](https://github.com/oknozor/cocogitto/commit/ba16b89d) - add author map - [oknozor](https://github.com/oknozor)\n\n- - -\n\nThis changelog was generated by [cocogitto](https://github.com/oknozor/cocogitto).\n";
    let repo = tagged(log, "v0.30.0");
    repo.git(&["tag", "-a", "v0.29.0", "-m", "x"]);
    assert_eq!(
        notes(&repo, "v0.30.0"),
        "### Features\n\n[d71388](https://github.com/oknozor/cocogitto/commit/d7138865) - improve changelog title formatting - [oknozor](https://github.com/oknozor)\n\n\n### Continuous Integration\n\n[d0d0ae](https://github.com/oknozor/cocogitto/commit/d0d0ae92) - fix publish action script - [oknozor](https://github.com/oknozor)\n"
    );
    assert_eq!(
        notes(&repo, "v0.29.0"),
        "### Features\n\n[ba16b8](https://github.com/oknozor/cocogitto/commit/ba16b89d) - add author map - [oknozor](https://github.com/oknozor)\n"
    );
}

#[test]
fn conventional_changelog_anchors_and_blank_runs_are_not_part_of_a_section() {
    let log = "# Change Log\n\nAll notable changes to this project will be documented in this file.\nSee [Conventional Commits](https://conventionalcommits.org) for commit guidelines.\n\n<a name=\"5.2.5\"></a>\n## [5.2.5](https://github.com/o/r/compare/v5.2.4...v5.2.5) (2017-12-08)\n\n\n### Bug Fixes\n\n* **core:** use correct report message [#192](https://github.com/o/r/issues/192) ([e3a78bc](https://github.com/o/r/commit/e3a78bc))\n\n\n\n\n<a name=\"5.2.4\"></a>\n## [5.2.4](https://github.com/o/r/compare/v5.2.3...v5.2.4) (2017-12-08)\n\n\n\n\n**Note:** Version bump only for package @commitlint/root\n";
    let repo = tagged(log, "v5.2.5");
    assert_eq!(
        notes(&repo, "v5.2.5"),
        "### Bug Fixes\n\n* **core:** use correct report message [#192](https://github.com/o/r/issues/192) ([e3a78bc](https://github.com/o/r/commit/e3a78bc))\n"
    );
}

#[test]
fn notes_are_never_empty_with_success() {
    // An empty section.
    let repo = tagged(
        "# Changelog\n\n## [1.0.1] - 2020-10-12\n\n## [1.0.0] - 2020-10-01\n\n- first\n",
        "v1.0.1",
    );
    insta::assert_snapshot!("empty_section", run(&repo, &["notes", "v1.0.1"]));
    // Two packages' releases of the same version in one file: which is the tag's?
    let repo = tagged(
        "# api\n\n## 1.0.0 (2020-10-01)\n\n- a\n\n# web\n\n## 1.0.0 (2020-10-01)\n\n- b\n",
        "v1.0.0",
    );
    insta::assert_snapshot!("two_sections", run(&repo, &["notes", "v1.0.0"]));
    // No section, and no commit with an entry: the JSON error says why.
    let repo = tagged(SKELETON, "v0.1.0");
    insta::assert_snapshot!(
        "no_section_no_entries_json",
        run(&repo, &["notes", "v0.1.0", "--format", "json"])
    );
    // No section, a commit with an entry: the documented fallback, said on stderr; a setext
    // heading that names the version is pointed at.
    let repo = tagged("Changelog\n=========\n\n2.0.0\n-----\n\n- a\n", "v1.0.0");
    repo.commit("feat: the feature");
    repo.git(&["tag", "-a", "v2.0.0", "-m", "x"]);
    insta::assert_snapshot!(
        "setext_falls_back_to_commits",
        run(&repo, &["notes", "v2.0.0"])
    );
}

#[test]
fn rebuild_refuses_to_replace_a_changelog_that_is_not_keep_a_changelog() {
    let foreign = "# Change Log\n\n## [Unreleased]\n\n* a hand-written note\n\n## [3.3.13](https://github.com/vuejs/core/compare/v3.3.12...v3.3.13) (2023-12-19)\n\n### Bug Fixes\n\n* **compiler-core:** fix v-on with modifiers ([#9834](https://github.com/vuejs/core/issues/9834)) ([b2a1a6b](https://github.com/vuejs/core/commit/b2a1a6b))\n";
    let repo = Repo::new();
    repo.write("CHANGELOG.md", foreign);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "v3.3.13", "-m", "v3.3.13"]);
    repo.commit("feat: later feature");
    // vue's headings are a form the rebuild writes (QA130): what it refuses for are the lines
    // history does not give where it writes (its released section it keeps as written: qa164).
    insta::assert_snapshot!("rebuild_foreign", run(&repo, &["changelog", "--rebuild"]));
    assert_eq!(repo.read("CHANGELOG.md"), foreign, "left as it was");
    let out = repo.relhook(&["changelog", "--rebuild", "--stdout"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "printing replaces nothing: {}",
        text(&out)
    );
    assert_eq!(repo.read("CHANGELOG.md"), foreign);
    let out = repo.relhook(&["changelog", "--rebuild", "--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    // Forced, it is rebuilt in the file's own words (conventional-changelog's `Features`),
    // bullets and commit links.
    let later = repo.git(&[
        "log",
        "-1",
        "--format=%h",
        "--abbrev=7",
        "--grep=later feature",
    ]);
    let link = format!("([{later}](https://github.com/vuejs/core/commit/{later}))");
    assert!(
        repo.read("CHANGELOG.md").contains(&format!(
            "## [Unreleased]\n\n### Features\n\n* later feature {link}\n"
        )),
        "{}",
        repo.read("CHANGELOG.md")
    );
    // A file of prose only is somebody else's too.
    repo.git(&["commit", "-q", "-am", "docs: rebuilt"]);
    repo.write("CHANGELOG.md", "Our release notes live on the wiki.\n");
    repo.git(&["commit", "-q", "-am", "docs: moved"]);
    let out = repo.relhook(&["changelog", "--rebuild"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert_eq!(
        repo.read("CHANGELOG.md"),
        "Our release notes live on the wiki.\n"
    );
}
