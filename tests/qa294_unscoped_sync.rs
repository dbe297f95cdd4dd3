//! QA294: poetry's changelog names no scope (`- Fix an issue where x ([#1](…)).`), so
//! `changelog --sync` wrote a scoped fix made before `relhook install` as `- Include the
//! path.`; the next sync, doctor and the release read that entry as missing (its words
//! without the scope are not the commit's `**add:** include the path`), and the release's
//! section listed it twice.

use crate::support::{Repo, dated_release, ok, stderr, stdout};

const POETRY: &str = "# Change Log\n\n## [Unreleased]\n\n\n## [2.4.1] - 2026-05-09\n\n### Changed\n\n- Re-allow `installer==0.7.0` ([#10887](https://github.com/python-poetry/poetry/pull/10887)).\n\n### Fixed\n\n- Fix an issue where `poetry update` failed ([#10885](https://github.com/python-poetry/poetry/pull/10885)).\n\n\n[Unreleased]: https://github.com/python-poetry/poetry/compare/2.4.1...main\n[2.4.1]: https://github.com/python-poetry/poetry/releases/tag/2.4.1\n";

/// A poetry-like project released as 2.4.1, a scoped fix made before `relhook install`, and
/// `changelog --sync`'s entry for it committed as relhook advises.
fn synced() -> Repo {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", POETRY);
    repo.write(
        ".relconfig.toml",
        "[version]\ntag_prefix = \"\"\n\n[checks]\nrequire_tested_tags = false\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "2.4.1", "-m", "2.4.1"]);
    repo.commit("fix(add): include the path in the message (#10908)");
    ok(repo.relhook(&["install"]));
    ok(repo.relhook(&["changelog", "--sync"]));
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("- Include the path in the message ([#10908]("),
        "{log}"
    );
    repo.git(&[
        "commit",
        "-q",
        "-m",
        "chore: sync the changelog",
        "--",
        "CHANGELOG.md",
    ]);
    repo
}

#[test]
fn a_synced_entry_without_its_scope_is_the_commits_entry() {
    let repo = synced();
    let doctor = repo.relhook(&["doctor"]);
    assert!(
        !stdout(&doctor).contains("has no entry for"),
        "{}",
        stdout(&doctor)
    );
    let again = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(repo.is_clean(), "{}", stderr(&again));
}

#[test]
fn the_release_lists_a_synced_entry_once() {
    let repo = synced();
    repo.commit_hooked("fix(groups): reject an empty group name");
    ok(dated_release(&repo, &[]));
    let log = repo.read("CHANGELOG.md");
    assert_eq!(
        log.matches("Include the path in the message").count(),
        1,
        "{log}"
    );
    let notes = stdout(&ok(repo.relhook(&["notes", "2.4.2"])));
    assert_eq!(
        notes.matches("Include the path in the message").count(),
        1,
        "{notes}"
    );
    assert!(notes.contains("- Reject an empty group name."), "{notes}");
}
