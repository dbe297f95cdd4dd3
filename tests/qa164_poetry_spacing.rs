//! QA164: `changelog --rebuild` of a file written by hand as poetry writes its own (two blank
//! lines between sections, entries ending in a full stop with their pull request linked, a
//! `[Unreleased]` definition comparing to `main`) refused to drop its every entry, and forced,
//! rewrote it all in relhook's spacing and words. Its sections are now kept byte for byte;
//! what the rebuild writes (Unreleased, a release with no section) takes the file's spacing.

use crate::support::{Repo, ok, text};

const POETRY: &str = "# Change Log


## [1.1.0] - 2026-01-01

### Fixed

- Fix an issue where `x` failed on an empty lock file ([#2](https://github.com/o/r/pull/2)).


## [1.0.0] - 2026-01-01

### Added

- Add the `y` command ([#1](https://github.com/o/r/pull/1)).


[Unreleased]: https://github.com/o/r/compare/1.1.0...main
[1.1.0]: https://github.com/o/r/releases/tag/1.1.0
[1.0.0]: https://github.com/o/r/releases/tag/1.0.0
";

#[test]
fn a_rebuild_keeps_the_files_spacing_and_words() {
    let repo = Repo::new();
    repo.git(&["remote", "add", "origin", "https://github.com/o/r.git"]);
    repo.write(".relconfig.toml", "[version]\ntag_prefix = \"\"\n");
    repo.write("CHANGELOG.md", POETRY);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "feat: y command"]);
    repo.git(&["tag", "-a", "1.0.0", "-m", "1.0.0"]);
    repo.commit("fix: x on an empty lock");
    repo.git(&["tag", "-a", "1.1.0", "-m", "1.1.0"]);
    repo.commit("fix: z");
    repo.git(&["tag", "-a", "1.2.0", "-m", "1.2.0"]);
    repo.commit("feat: w");
    let out = ok(repo.relhook(&["changelog", "--rebuild"]));
    let expected = POETRY
        .replace(
            "# Change Log\n\n\n",
            "# Change Log\n\n\n## [Unreleased]\n\n### Added\n\n- w\n\n\n## [1.2.0] - 2026-01-01\n\n### Fixed\n\n- z\n\n\n",
        )
        .replace(
            "[Unreleased]: https://github.com/o/r/compare/1.1.0...main\n",
            "[Unreleased]: https://github.com/o/r/compare/1.2.0...main\n[1.2.0]: https://github.com/o/r/releases/tag/1.2.0\n",
        );
    assert_eq!(repo.read("CHANGELOG.md"), expected, "{}", text(&out));
}
