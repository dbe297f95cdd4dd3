//! QA47: `relhook test --tag a nosuch b` ran the tests for `a` before refusing `nosuch`, and a
//! tag named twice was tested twice. Every named tag is resolved before any test runs, and a
//! tree named more than once (the same tag, or two tags of one commit) is tested once.

use crate::support::{Repo, configured_with_a_feature, ok, stderr, text};

/// v0.1.0 released with a test command that adds a line to `runs.txt` beside the repository;
/// the file removed after the release's own run.
fn released() -> (Repo, std::path::PathBuf) {
    let mut runs = None;
    let repo = configured_with_a_feature(|r| {
        let path = r.scratch("counted").join("runs.txt");
        let config = format!(
            "[checks]\ntest = [\"sh\", \"-c\", \"echo run >> {}\"]\n",
            path.display()
        );
        runs = Some(path);
        config
    });
    let runs = runs.unwrap();
    ok(repo.relhook(&["release"]));
    let _ = std::fs::remove_file(&runs);
    (repo, runs)
}

fn runs(path: &std::path::Path) -> usize {
    std::fs::read_to_string(path).map_or(0, |s| s.lines().count())
}

#[test]
fn an_unknown_tag_is_refused_before_any_test_runs() {
    let (repo, counted) = released();
    let out = repo.relhook(&["test", "--tag", "v0.1.0", "nosuch", "v0.1.0"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(runs(&counted), 0, "the tests ran: {err}");
    assert!(!err.contains("running"), "{err}");
    assert!(err.contains("no tag `nosuch` here"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
}

#[test]
fn a_tag_named_twice_is_tested_once() {
    let (repo, counted) = released();
    let out = repo.relhook(&["test", "--tag", "v0.1.0", "v0.1.0"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(runs(&counted), 1, "{}", text(&out));
    assert_eq!(stderr(&out).matches("running").count(), 1, "{}", text(&out));
}

#[test]
fn two_tags_of_one_tree_are_tested_once_and_both_are_recorded() {
    let (repo, counted) = released();
    repo.git(&["tag", "-a", "stable", "-m", "stable", "v0.1.0^{commit}"]);
    let out = repo.relhook(&["test", "--tag", "v0.1.0", "stable"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(runs(&counted), 1, "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("stable names v0.1.0's tree: its pass counts for both"),
        "{err}"
    );
}
