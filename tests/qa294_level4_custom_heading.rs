//! QA294: cocogitto heads its sub-sections at level 4 (`#### Features`), and its cog.toml
//! gives `docs` and `ci` commits sections of their own (`relhook init` copies them). In an
//! Unreleased of such entries alone, `#### Documentation` was read as text: every further
//! `docs:` commit opened another `#### Documentation` heading.

use crate::support::{Repo, dated_release, ok, stdout};

const COCO: &str = "# Changelog\nAll notable changes to this project will be documented in this file. See [conventional commits](https://www.conventionalcommits.org/) for commit guidelines.\n\n- - -\n## [7.0.0](https://github.com/o/r/compare/6.5.0..7.0.0) - 2026-03-04\n#### Features\n- (**changelog**) add trailers - ([5b3fbaa](https://github.com/o/r/commit/5b3fbaa)) - [@o](https://github.com/o)\n#### Documentation\n- fix docs - ([df1c6c5](https://github.com/o/r/commit/df1c6c5)) - [@o](https://github.com/o)\n\n- - -\n";

const CONFIG: &str = "[version]\ntag_prefix = \"\"\n\n[checks]\nrequire_tested_tags = false\n\n[changelog.sections]\nfeat = \"Added\"\nfix = \"Fixed\"\ndocs = \"Documentation\"\nci = \"Continuous Integration\"\n";

#[test]
fn entries_of_a_custom_type_share_one_level_4_heading() {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", COCO);
    repo.write(".relconfig.toml", CONFIG);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore(version): 7.0.0"]);
    repo.git(&["tag", "-a", "7.0.0", "-m", "7.0.0"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("ci: add manual publish");
    repo.commit_hooked("docs: add a migration guide");
    repo.commit_hooked("docs(changelog): explain the sync");
    repo.commit_hooked("ci: enable manual publish");
    let log = repo.read("CHANGELOG.md");
    let unreleased = &log[..log.find("## [7.0.0]").expect(&log)];
    assert_eq!(unreleased.matches("#### Documentation").count(), 1, "{log}");
    assert_eq!(
        unreleased.matches("#### Continuous Integration").count(),
        1,
        "{log}"
    );
    assert!(!unreleased.contains("\n### Documentation"), "{log}");

    ok(dated_release(&repo, &[]));
    let notes = stdout(&ok(repo.relhook(&["notes", "7.0.1"])));
    assert_eq!(notes.matches("Documentation").count(), 1, "{notes}");
    // The release links each entry to its commit, as the file's are.
    assert!(
        notes.contains("- add a migration guide - ([")
            && notes.contains(")\n- (**changelog**) explain the sync - (["),
        "{notes}"
    );
}

#[test]
fn a_file_whose_level_4_headings_are_all_custom_keeps_their_level() {
    let repo = Repo::new();
    let docs_only = COCO.replace(
        "#### Features\n- (**changelog**) add trailers - ([5b3fbaa](https://github.com/o/r/commit/5b3fbaa)) - [@o](https://github.com/o)\n",
        "",
    );
    repo.write("CHANGELOG.md", &docs_only);
    repo.write(".relconfig.toml", CONFIG);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore(version): 7.0.0"]);
    repo.git(&["tag", "-a", "7.0.0", "-m", "7.0.0"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("docs: add a migration guide");
    repo.commit_hooked("docs: fix a link");
    let log = repo.read("CHANGELOG.md");
    let unreleased = &log[..log.find("## [7.0.0]").expect(&log)];
    assert!(
        unreleased.contains("#### Documentation\n- add a migration guide\n- fix a link\n"),
        "{log}"
    );
}

/// QA294: `changelog --sync` advised `git commit -m "docs(changelog): sync with history"`,
/// and in a project whose changelog lists `docs` commits (cocogitto's cog.toml, copied by
/// `relhook init`) that commit listed itself: `- (**changelog**) sync with history`.
#[test]
fn the_advised_sync_commit_lists_nothing_of_its_own() {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", COCO);
    repo.write(".relconfig.toml", CONFIG);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore(version): 7.0.0"]);
    repo.git(&["tag", "-a", "7.0.0", "-m", "7.0.0"]);
    repo.commit("docs: add a migration guide");
    ok(repo.relhook(&["install"]));
    let synced = ok(repo.relhook(&["changelog", "--sync"]));
    let next = crate::support::next_command(&crate::support::stderr(&synced));
    assert!(!next.contains("\"docs"), "{next}");
    ok(repo.sh(&next));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- add a migration guide - ("), "{log}");
    assert!(!log.contains("sync with history"), "{log}");
}
