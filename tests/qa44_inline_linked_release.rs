//! QA44: commitlint's CHANGELOG.md (conventional-changelog's `## [21.2.2](…/compare/…)
//! (2026-08-13)` headings, no link definitions) got a definition appended at its end by a
//! release, though the new heading carries its link inline: noise in a style the file never
//! uses. The new heading is linked inline, and the file's end is left as it was.

use crate::support::{Repo, dated_release, ok};

/// The head of commitlint's CHANGELOG.md at 21.2.2.
const COMMITLINT: &str = "# Change Log

All notable changes to this project will be documented in this file.
See [Conventional Commits](https://conventionalcommits.org) for commit guidelines.

## [21.2.2](https://github.com/conventional-changelog/commitlint/compare/v21.2.1...v21.2.2) (2026-08-13)

### Bug Fixes

* **container:** resolve packages from TypeScript configs ([#4914](https://github.com/conventional-changelog/commitlint/issues/4914)) ([f5712a9](https://github.com/conventional-changelog/commitlint/commit/f5712a9d216358607540e73ab4f348c237c4c224))


## [21.2.1](https://github.com/conventional-changelog/commitlint/compare/v21.2.0...v21.2.1) (2026-07-08)

**Note:** Version bump only for package @commitlint/root





# [21.2.0](https://github.com/conventional-changelog/commitlint/compare/v21.1.0...v21.2.0) (2026-06-30)


### Features

* **resolve-extends:** resolve pure-ESM presets ([#4859](https://github.com/conventional-changelog/commitlint/issues/4859)) ([fdb566f](https://github.com/conventional-changelog/commitlint/commit/fdb566fe59457a786eac80e2a8cbb994638daba0))
";

fn commitlint() -> Repo {
    let repo = Repo::new();
    repo.git(&[
        "remote",
        "add",
        "origin",
        "https://github.com/conventional-changelog/commitlint.git",
    ]);
    repo.write("CHANGELOG.md", COMMITLINT);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: the changelog so far"]);
    repo.git(&["tag", "-a", "v21.2.2", "-m", "v21.2.2"]);
    ok(repo.relhook(&["install"]));
    repo
}

fn released(repo: &Repo, message: &str, file: &str) -> String {
    repo.write(file, "x\n");
    repo.git(&["add", file]);
    repo.commit_hooked(message);
    ok(dated_release(repo, &["--no-test"]));
    repo.read("CHANGELOG.md")
}

#[test]
fn a_release_in_an_inline_linked_changelog_adds_no_link_definition() {
    let repo = commitlint();
    let log = released(&repo, "fix: a bug", "a.txt");
    assert!(
        log.contains("\n## [21.2.3](https://github.com/conventional-changelog/commitlint/compare/v21.2.2...v21.2.3) (2026-11-21)\n\n### Bug Fixes\n\n* a bug ([")
            && log.contains("/commitlint/commit/"),
        "{log}"
    );
    assert!(
        log.ends_with(COMMITLINT.split_once("## [21.2.2]").unwrap().1),
        "{log}"
    );
    assert!(!log.contains("]: https://"), "{log}");
    // And the next one, a minor at conventional-changelog's level 1.
    let log = released(&repo, "feat: a feature", "b.txt");
    assert!(
        log.contains("\n# [21.3.0](https://github.com/conventional-changelog/commitlint/compare/v21.2.3...v21.3.0) (2026-11-21)\n"),
        "{log}"
    );
    assert!(!log.contains("]: https://"), "{log}");
}
