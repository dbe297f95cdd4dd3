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

/// QA40, second round: through a pipe read slowly (a CI log), the first relay gave up on the
/// output after half a second and relhook exited: the end of it, with the failure's words, was
/// lost, or relhook's line landed inside it. All of it comes first now, in order.
#[test]
fn all_the_output_comes_before_relhook_s_line_however_slowly_it_is_read() {
    let repo = configured_with_a_feature(|_| {
        "[checks]\ntest = [\"sh\", \"-c\", \"seq 1 30000; echo FAILURE DETAILS; exit 1\"]\n"
            .to_owned()
    });
    let log = repo.scratch("log").join("log.txt");
    let out = repo.sh(&format!(
        "relhook test 2>&1 | (sleep 1; cat) > '{}'",
        log.display()
    ));
    assert!(out.status.success(), "{}", text(&out));
    let said = std::fs::read_to_string(&log).unwrap();
    let numbers: Vec<&str> = said
        .lines()
        .filter(|l| !l.starts_with("relhook:"))
        .collect();
    assert_eq!(numbers.len(), 30001, "{}", &said[said.len() - 200..]);
    assert!(
        said.ends_with(
            "30000\nFAILURE DETAILS\nrelhook: tests failed (exit code 1); nothing recorded\n"
        ),
        "{}",
        &said[said.len() - 200..]
    );
}
