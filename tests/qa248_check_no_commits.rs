//! QA248: `relhook check` in a repository with no commits yet said so twice, "relhook:
//! checking HEAD (no commits yet): no commits yet", then "nothing to check in HEAD (no
//! commits yet)". It says it once, as it does for a range that is empty.

use crate::support::{Repo, ok, stdout, text};

#[test]
fn check_before_the_first_commit_says_so_in_one_line() {
    let repo = Repo::new();
    let out = ok(repo.relhook(&["check"]));
    let said = stdout(&out);
    assert_eq!(
        said.trim_end(),
        "relhook: nothing to check: no commits yet",
        "{}",
        text(&out)
    );
}
