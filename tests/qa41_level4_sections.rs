//! QA41: cocogitto's CHANGELOG.md puts conventional-changelog's sub-sections at level 4
//! (`#### Features` under `## [7.0.0](…) - date`, some below a `### Global changes`):
//! post-commit added `### Added` beside them. A new entry goes under the file's own heading,
//! at the file's own level, and a release and its notes still carry it.

use crate::support::{Repo, dated_release, ok, stdout, text};

const COCO: &str = "# Changelog\nAll notable changes to this project will be documented in this file. See [conventional commits](https://www.conventionalcommits.org/) for commit guidelines.\n\n- - -\n## [7.0.0](https://github.com/o/r/compare/6.5.0..7.0.0) - 2026-03-04\n### Package updates\n- [a](crates/a) bumped to [a-0.1.0](https://github.com/o/r/compare/x..a-0.1.0)\n### Global changes\n#### Features\n- (**changelog**) add trailers - ([5b3fbaa](https://github.com/o/r/commit/5b3fbaa)) - [@o](https://github.com/o)\n#### Bug Fixes\n- version date in changelogs - ([80cc0c5](https://github.com/o/r/commit/80cc0c5)) - [@o](https://github.com/o)\n#### Documentation\n- fix docs - ([df1c6c5](https://github.com/o/r/commit/df1c6c5)) - [@o](https://github.com/o)\n\n- - -\n\n\n## [6.5.0](https://github.com/o/r/compare/6.4.0..6.5.0) - 2025-11-02\n#### Features\n- (**bump**) add --include-packages - ([6f61a58](https://github.com/o/r/commit/6f61a58)) - [@b](https://github.com/b)\n#### Bug Fixes\n- old fix - ([55fb7f0](https://github.com/o/r/commit/55fb7f0)) - [@b](https://github.com/b)\n\n- - -\n";

fn coco() -> Repo {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", COCO);
    repo.write(
        ".relconfig.toml",
        "[version]\ntag_prefix = \"\"\n\n[checks]\nrequire_tested_tags = false\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore(version): 7.0.0"]);
    repo.git(&["tag", "-a", "7.0.0", "-m", "7.0.0"]);
    ok(repo.relhook(&["install"]));
    repo
}

#[test]
fn new_entries_go_under_the_files_level_4_headings() {
    let repo = coco();
    repo.commit_hooked("feat: y");
    repo.commit_hooked("fix: z");
    let log = repo.read("CHANGELOG.md");
    assert!(
        !log.contains("### Added") && !log.contains("### Fixed"),
        "{log}"
    );
    let unreleased =
        &log[log.find("## [Unreleased]").expect(&log)..log.find("## [7.0.0]").unwrap()];
    // Spaced as the file spaces its own: no blank line below a heading, nor above one.
    assert!(
        unreleased.contains("#### Features\n- y\n#### Bug Fixes\n- z\n"),
        "{log}"
    );
    // Everything below is as it was.
    assert!(
        log.ends_with(&COCO[COCO.find("## [7.0.0]").unwrap()..]),
        "{log}"
    );

    let out = ok(dated_release(&repo, &[]));
    let log = repo.read("CHANGELOG.md");
    let section = &log[log
        .find("## [7.1.0]")
        .unwrap_or_else(|| panic!("{}\n{log}", text(&out)))
        ..log.find("## [7.0.0]").unwrap()];
    // The release links the entries post-commit wrote to their commits, as the file's are.
    assert!(section.contains("#### Features\n- y - (["), "{log}");
    let notes = ok(repo.relhook(&["notes", "7.1.0"]));
    let said = stdout(&notes);
    assert!(said.contains("Features") && said.contains("- y"), "{said}");
    assert!(said.contains("Bug Fixes") && said.contains("- z"), "{said}");
    // The older releases' notes still have their entries, under their own headings.
    let old = stdout(&ok(repo.relhook(&["notes", "7.0.0"])));
    assert!(
        old.contains("#### Features") && old.contains("add trailers"),
        "{old}"
    );
    assert!(old.contains("fix docs"), "{old}");
}
