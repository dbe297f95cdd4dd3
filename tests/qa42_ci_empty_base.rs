//! QA42: `relhook check --base ''` (a CI variable that expanded to nothing) was read as a
//! revision, and a shallow clone was told to `git fetch --unshallow`. A usage error now.

use crate::support::{Repo, stderr, text};

#[test]
fn an_empty_base_or_range_is_a_usage_error() {
    let repo = Repo::new();
    repo.git(&["commit", "-q", "--allow-empty", "-m", "feat: a"]);
    for args in [&["check", "--base", ""][..], &["check", ""]] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(2), "{}", text(&out));
        assert!(
            stderr(&out).contains("a value is required") && !stderr(&out).contains("unshallow"),
            "{}",
            text(&out)
        );
    }
}
