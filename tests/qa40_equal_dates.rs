//! QA40: commits made in one second (a script, a rebase, these tests' pinned dates): `relhook
//! check BASE..HEAD` stopped walking the base's side five commits after the last commit of
//! the range, before it reached the fork point, and judged main's old commits as new (git's
//! `rev-list BASE..HEAD` lists two). As git's walk, equal dates keep it going.

use crate::support::{Repo, ok, stdout, text};

#[test]
fn check_of_a_range_whose_commits_share_one_date_judges_the_range_only() {
    let repo = Repo::new();
    repo.commit("Initial commit");
    repo.commit("feat: x");
    repo.git(&["switch", "-q", "-c", "feat"]);
    repo.commit("feat: the pr");
    repo.git(&["switch", "-q", "main"]);
    for i in 1..=10 {
        repo.commit(&format!("fix: m{i}"));
    }
    let base = repo.git(&["rev-parse", "main"]);
    repo.git(&["switch", "-q", "--detach", "main"]);
    repo.git(&["merge", "-q", "--no-ff", "feat", "-m", "Merge pr"]);
    assert_eq!(
        repo.git(&["rev-list", "--count", &format!("{base}..HEAD")]),
        "2"
    );
    let out = ok(repo.relhook(&["check", &format!("{base}..HEAD")]));
    assert!(stdout(&out).contains("checked 2 commits"), "{}", text(&out));
    assert!(!stdout(&out).contains("Initial commit"), "{}", text(&out));
}
