//! One-line hints that must name the way that works, found by QA.

use crate::qa19_revmsg::{behind_line, lightweight_tag_after_a_push};
use crate::support::{dated_release, ok, stderr, text};

/// With `allow_lightweight_tags`, a lightweight tag left behind on a commit with no release
/// section is refused for the section, not for being lightweight: the hint must not make it
/// again annotated on the same commit (still refused), but release it again; done as said,
/// the push takes the release.
#[test]
fn an_allowed_lightweight_tag_with_another_problem_gets_that_problems_fix() {
    let repo = lightweight_tag_after_a_push("[release]\nallow_lightweight_tags = true\n");
    let out = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    let line = behind_line(&out);
    assert!(!line.contains("make it again annotated"), "{line}");
    assert!(
        line.contains("`git tag -d v0.1.1`") && line.contains("`relhook release 0.1.1`"),
        "{line}"
    );
    ok(repo.git_output(&["tag", "-d", "v0.1.1"]));
    let out = dated_release(&repo, &["0.1.1"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("stays behind"), "{}", text(&out));
}
