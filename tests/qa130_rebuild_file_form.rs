//! QA130: `changelog --rebuild` kept a file's own sub-section names (vue's `### Bug Fixes`)
//! but wrote Keep a Changelog's release headings and bullets (`## [1.1.0] - date`, `- `),
//! with definitions no heading of the file's form refers to, where `--sync` and `release`
//! follow the file (`## [1.1.0](…/compare/v1.0.0...v1.1.0) (date)`, `* `). The rebuild now
//! writes the form a release writes, so a file in it is no longer refused as another tool's.

use crate::qa44_rebuild_sub_level::rebuild_leaves_as_is;
use crate::support::{Repo, ok, relhook_bin, stdout, text};

/// relhook's header over vuejs/core's form: inline-linked headings dated in parentheses,
/// conventional-changelog's names, `*` bullets; as history gives it (tags made 2026-01-01).
const VUE: &str = "# Changelog

All notable changes to this project will be documented in this file.

The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),
and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).

## [Unreleased]

### Bug Fixes

* third

## [1.1.0](https://github.com/o/r/compare/v1.0.0...v1.1.0) (2026-01-01)

### Features

* **api:** second

## [1.0.0](https://github.com/o/r/releases/tag/v1.0.0) (2026-01-01)

### Bug Fixes

* first
";

/// `fix: first` tagged v1.0.0, `feat(api): second` v1.1.0, then `fix: third`, with VUE
/// committed and a GitHub remote.
fn vue_form() -> Repo {
    let repo = Repo::new();
    repo.git(&["remote", "add", "origin", "https://github.com/o/r.git"]);
    repo.write("CHANGELOG.md", VUE);
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "fix: first"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.git(&["commit", "-q", "--allow-empty", "-m", "feat(api): second"]);
    repo.git(&["tag", "-a", "v1.1.0", "-m", "v1.1.0"]);
    repo.git(&["commit", "-q", "--allow-empty", "-m", "fix: third"]);
    repo
}

#[test]
fn a_rebuild_writes_the_files_release_headings_and_bullets() {
    let repo = vue_form();
    let out = repo.relhook(&["changelog", "--rebuild", "--stdout"]);
    assert!(out.status.success(), "{}", text(&out));
    let rebuilt = stdout(&out);
    assert_eq!(
        rebuilt, VUE,
        "no `## [1.1.0] - date`, no `- ` bullet, no definitions"
    );
    // Written as it is, the file is what history rebuilds: nothing to refuse or rewrite.
    rebuild_leaves_as_is(&repo, VUE);
}

#[test]
fn a_file_of_keep_a_changelogs_form_keeps_its_headings_and_definitions() {
    let repo = vue_form();
    // The newest heading decides the form: Keep a Changelog's, with its definitions.
    let kac = VUE
        .replace(
            "## [1.1.0](https://github.com/o/r/compare/v1.0.0...v1.1.0) (2026-01-01)",
            "## [1.1.0] - 2026-01-01",
        )
        .replace("\n* ", "\n- ");
    repo.write("CHANGELOG.md", &kac);
    repo.git(&["commit", "-q", "-am", "docs: keep a changelog"]);
    let out = repo.relhook(&["changelog", "--rebuild", "--stdout"]);
    assert!(out.status.success(), "{}", text(&out));
    let rebuilt = stdout(&out);
    for line in [
        "\n## [1.1.0] - 2026-01-01\n\n### Features\n\n- **api:** second\n",
        "\n## [1.0.0] - 2026-01-01\n",
        "\n[unreleased]: https://github.com/o/r/compare/v1.1.0...HEAD\n",
        "\n[1.1.0]: https://github.com/o/r/compare/v1.0.0...v1.1.0\n",
    ] {
        assert!(rebuilt.contains(line), "{line:?} in {rebuilt}");
    }
}

#[test]
fn a_release_cut_into_a_rebuilt_file_is_in_the_form_the_rebuild_writes() {
    let repo = vue_form();
    let mut release = repo.command_in(relhook_bin(), &repo.path());
    release
        .env("RELHOOK_DATE", "2026-01-01")
        .args(["release", "--no-test"]);
    ok(release.output().expect("run relhook release"));
    let released = repo.read("CHANGELOG.md");
    assert!(
        released.contains("## [Unreleased]\n\n## [1.1.1](https://github.com/o/r/compare/v1.1.0...v1.1.1) (2026-01-01)\n\n### Bug Fixes\n\n* third\n\n## [1.1.0]("),
        "{released}"
    );
    let out = repo.relhook(&["changelog", "--rebuild", "--stdout"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        stdout(&out),
        released,
        "the rebuild writes what the release wrote"
    );
}
