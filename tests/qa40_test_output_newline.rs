//! QA40: a test command whose output does not end its last line (`printf 'all good'`) had
//! relhook's next line glued to it in a CI log: `all goodrelhook: tests passed`. Without a
//! terminal the output passes through relhook, which ends the line first.

use crate::support::{configured_with_a_feature, ok, stderr, text};

#[test]
fn relhook_starts_its_line_after_output_that_did_not_end_its_own() {
    let repo = configured_with_a_feature(|_| {
        "[checks]\ntest = [\"sh\", \"-c\", \"echo out; echo err >&2; printf 'all good'\"]\n"
            .to_owned()
    });
    let out = ok(repo.relhook(&["test"]));
    let err = stderr(&out);
    assert!(
        err.contains("out\nerr\nall good\nrelhook: tests passed"),
        "{}",
        text(&out)
    );

    let repo = configured_with_a_feature(|_| {
        "[checks]\ntest = [\"sh\", \"-c\", \"printf 'FAIL: thing' >&2; exit 3\"]\n".to_owned()
    });
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("FAIL: thing\nrelhook: "),
        "{}",
        text(&out)
    );
    assert!(repo.is_clean());
}
