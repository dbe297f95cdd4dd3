//! QA63: doctor, over more than 1000 commits since the last release, offered `relhook
//! changelog --stdout | diff CHANGELOG.md -` even when no release tag was recognised (tags
//! without the configured `v`): that changelog command exits 2, and the pipe shows the whole
//! file as deleted. Doctor now names the blocking problem instead: once, in the version row,
//! which says `relhook changelog` stops too (QA171).

use crate::support::{Repo, ok, stdout};

#[test]
fn doctor_names_the_tag_prefix_problem_not_a_diff_that_cannot_work() {
    let repo = Repo::new();
    repo.feat_history(1002);
    repo.git(&["reset", "-q", "--hard", "main"]);
    repo.git(&["tag", "-a", "0.1.0", "-m", "0.1.0", "main~1001"]);
    ok(repo.relhook(&["install"]));
    let out = repo.relhook(&["changelog", "--stdout"]);
    assert_eq!(out.status.code(), Some(2));
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("| diff"), "{doctor}");
    assert!(!doctor.contains("more than 1000 commits"), "{doctor}");
    let row = doctor
        .lines()
        .find(|l| l.contains("INVALID  version:"))
        .unwrap_or_else(|| panic!("{doctor}"));
    assert!(
        row.contains("`relhook changelog` and releases stop here"),
        "{row}"
    );
}
