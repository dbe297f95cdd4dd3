//! QA281: poetry's changelog, written by hand, names no scope in its entries
//! (`- Fix an issue where x ([#1](…)).`), but relhook wrote a scoped commit's entry as
//! `- **installer:** …`. Where the file's recent entries carry no scope at all and read as a
//! hand's (a full stop after each), new entries leave the scope out, as the file does.

use crate::support::{Repo, ok};

const POETRY: &str = "# Change Log\n\n## [2.4.1] - 2026-05-09\n\n### Changed\n\n- Re-allow `installer==0.7.0` ([#10887](https://github.com/python-poetry/poetry/pull/10887)).\n\n### Fixed\n\n- Fix an issue where `poetry update` failed ([#10885](https://github.com/python-poetry/poetry/pull/10885)).\n- Fix an issue where a lock file was written twice ([#10880](https://github.com/python-poetry/poetry/pull/10880)).\n";

fn unreleased_after(file: &str, messages: &[&str]) -> String {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", file);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v2.4.1", "-m", "v2.4.1"]);
    ok(repo.relhook(&["install"]));
    for m in messages {
        repo.commit_hooked(m);
    }
    let log = repo.read("CHANGELOG.md");
    let (unreleased, _) = log.split_once("## [2.4.1]").expect("releases kept");
    unreleased.to_owned()
}

#[test]
fn a_hand_written_file_without_scopes_gets_entries_without_scopes() {
    let log = unreleased_after(
        POETRY,
        &[
            "fix(installer): handle wheels with no RECORD",
            "fix: plain fix",
        ],
    );
    assert!(log.contains("- Handle wheels with no RECORD.\n"), "{log}");
    assert!(log.contains("- Plain fix.\n"), "{log}");
    assert!(!log.contains("installer"), "{log}");
}

#[test]
fn the_same_commit_again_adds_no_second_entry() {
    let log = unreleased_after(
        POETRY,
        &[
            "fix(installer): handle wheels with no RECORD",
            "fix(installer): handle wheels with no RECORD",
        ],
    );
    assert_eq!(
        log.matches("andle wheels with no RECORD").count(),
        1,
        "{log}"
    );
}

#[test]
fn a_file_with_a_scoped_entry_keeps_its_scopes() {
    let scoped = POETRY.replace(
        "- Fix an issue where a lock",
        "- **lock**: Fix an issue where a lock",
    );
    let log = unreleased_after(&scoped, &["fix(installer): handle wheels with no RECORD"]);
    assert!(log.contains("**installer**: "), "{log}");
}
