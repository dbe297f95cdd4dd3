//! QA48: a stable release after pre-releases carries each pre-release entry once, but two
//! entries alike save for the commit they link (rc.1's `x ([aaa1111](…))`, rc.2's `x
//! ([bbb2222](…))`) were taken for one: the stable section and the tag's notes lost rc.2's.
//! Entries naming different commits are each carried; one repeated with the same commit is
//! carried once, and the release says so in one line.

use crate::support::{Repo, ok, stderr, stdout};

const AAA: &str =
    "- **vapor:** re-resolve hooks ([aaa1111](https://github.com/o/r/commit/aaa1111))";
const BBB: &str =
    "- **vapor:** re-resolve hooks ([bbb2222](https://github.com/o/r/commit/bbb2222))";

/// A repository at 1.1.0-rc.2 whose rc.2 and rc.1 sections list `rc2` and `rc1`, with a fix
/// made since.
fn after_pre_releases(rc2: &str, rc1: &str) -> Repo {
    let repo = Repo::new();
    repo.commit("chore: start");
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.write(
        "CHANGELOG.md",
        format!(
            "# Changelog\n\n## [1.1.0-rc.2] - 2026-01-02\n\n### Fixed\n\n{rc2}\n\n\
             ## [1.1.0-rc.1] - 2026-01-01\n\n### Fixed\n\n{rc1}\n\n\
             ## [1.0.0] - 2025-12-01\n\n### Added\n\n- first\n"
        ),
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: changelog"]);
    repo.commit("fix(vapor): re-resolve hooks");
    repo.git(&["tag", "-a", "v1.1.0-rc.1", "-m", "rc1"]);
    repo.commit("fix(vapor): re-resolve hooks");
    repo.git(&["tag", "-a", "v1.1.0-rc.2", "-m", "rc2"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("fix: other");
    repo
}

/// The `### Fixed` list of `version`'s section in `log`.
fn section<'a>(log: &'a str, version: &str) -> &'a str {
    let start = log.find(&format!("## [{version}]")).expect("section");
    let rest = &log[start..];
    let end = rest[1..].find("\n## [").map_or(rest.len(), |e| e + 1);
    &rest[..end]
}

#[test]
fn entries_linking_different_commits_are_both_carried() {
    let repo = after_pre_releases(BBB, AAA);
    let dry = ok(repo.relhook(&["release", "1.1.0", "--no-test", "--dry-run"]));
    let plan = stdout(&dry);
    assert!(plan.contains(AAA) && plan.contains(BBB), "{plan}");
    assert!(!stderr(&dry).contains("carries once"), "{}", stderr(&dry));
    ok(repo.relhook(&["release", "1.1.0", "--no-test"]));
    let log = repo.read("CHANGELOG.md");
    let stable = section(&log, "1.1.0");
    assert!(stable.contains(AAA) && stable.contains(BBB), "{log}");
    let notes = repo.git(&["tag", "-l", "--format=%(contents)", "v1.1.0"]);
    assert!(notes.contains(AAA) && notes.contains(BBB), "{notes}");
    // The pre-release sections stay as they were.
    assert!(section(&log, "1.1.0-rc.2").contains(BBB), "{log}");
    assert!(section(&log, "1.1.0-rc.1").contains(AAA), "{log}");
}

#[test]
fn an_entry_repeated_with_the_same_commit_is_carried_once_and_said() {
    let repo = after_pre_releases(AAA, AAA);
    let out = ok(repo.relhook(&["release", "1.1.0", "--no-test"]));
    let log = repo.read("CHANGELOG.md");
    assert_eq!(section(&log, "1.1.0").matches(AAA).count(), 1, "{log}");
    let err = stderr(&out);
    let said: Vec<&str> = err.lines().filter(|l| l.contains("carries once")).collect();
    assert_eq!(
        said,
        [format!(
            "relhook: note: CHANGELOG.md: 1.1.0 carries once `{AAA}`, which its pre-releases or \
             Unreleased list more than once in the same words, naming the same commit or none"
        )],
        "{err}"
    );
}
