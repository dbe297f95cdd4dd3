//! QA171: in poetry's and cocogitto's clones (tags `2.4.1`, no `v`; a CHANGELOG.md whose
//! newest section is that tag's), doctor said the unprefixed tags twice: a WARNING changelog
//! row (that section "was released as tag 2.4.1", or, past 1000 commits, "nor can `relhook
//! changelog` until this is fixed: …") and the INVALID version row, each with its own fix. The
//! problem is now said once, in the version row, INVALID, which names the changelog's command
//! among those it stops, with one fix line.

use crate::support::{Repo, ok, stdout};

/// The one row that names the unprefixed tags, and doctor's whole output.
fn said_once(repo: &Repo, tag: &str, changelog: &str) -> String {
    ok(repo.relhook(&["install"]));
    let doctor = stdout(&repo.relhook(&["doctor"]));
    let problem = format!("do not start with the default tag_prefix \"v\" (e.g. `{tag}`)");
    let rows: Vec<&str> = doctor.lines().filter(|l| l.contains(&problem)).collect();
    assert_eq!(rows.len(), 1, "{doctor}");
    let row = rows[0];
    assert!(
        row.trim_start().starts_with("INVALID  version: "),
        "{doctor}"
    );
    assert!(
        row.ends_with(&format!(
            "`relhook version`, `{changelog}` and releases stop here"
        )),
        "{doctor}"
    );
    let fixes = doctor
        .lines()
        .filter(|l| l.contains("tag_prefix = \"\""))
        .count();
    assert_eq!(fixes, 1, "{doctor}");
    assert!(!doctor.contains("WARNING  changelog"), "{doctor}");
    doctor
}

#[test]
fn a_released_changelog_beside_unprefixed_tags_is_one_invalid_row() {
    let repo = Repo::new();
    repo.write(
        "CHANGELOG.md",
        "# Changelog\n\n## [Unreleased]\n\n## [2.4.1] - 2026-01-02\n\n### Fixed\n\n- a\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "fix: a"]);
    repo.git(&["tag", "-a", "2.4.1", "-m", "2.4.1"]);
    repo.commit("feat: b");
    said_once(&repo, "2.4.1", "relhook changelog");
}

#[test]
fn a_long_history_beside_unprefixed_tags_is_one_invalid_row() {
    let repo = Repo::new();
    repo.feat_history(1002);
    repo.git(&["reset", "-q", "--hard", "main"]);
    repo.git(&["tag", "-a", "0.1.0", "-m", "0.1.0", "main~1001"]);
    let doctor = said_once(&repo, "0.1.0", "relhook changelog");
    assert!(!doctor.contains("more than 1000 commits"), "{doctor}");
}
