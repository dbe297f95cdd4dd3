//! QA49: without a terminal, the test command's output went into an unlinked file in
//! `$TMPDIR` that was never trimmed: a suite printing 200 MB took 200 MB of `/tmp`, and on a
//! small one the suite's own writes failed (ENOSPC), a passing suite exited non-zero, its error
//! lost in the same full file. The file now lives in memory and what relhook read of it is
//! freed; a standard error read more slowly than the tests write holds a bounded part of it,
//! the oldest given up and said.

use crate::support::{configured_with_a_feature, ok, stderr, text};

/// The file the command writes into takes next to no room once relhook has read it.
#[cfg(target_os = "linux")]
#[test]
fn the_test_output_read_takes_no_room() {
    let repo = configured_with_a_feature(|_| {
        "[checks]\ntest = [\"sh\", \"-c\", \"seq 1 1000000; sleep 0.5; stat -L -c 'held %b blocks' /proc/self/fd/1\"]\n"
            .to_owned()
    });
    let out = ok(repo.relhook(&["test"]));
    let err = stderr(&out);
    assert!(
        err.contains("999999\n1000000\nheld ") && err.contains("relhook: tests passed"),
        "{}",
        &err[err.len().saturating_sub(400)..]
    );
    let held: u64 = err
        .lines()
        .find_map(|l| l.strip_prefix("held ")?.strip_suffix(" blocks"))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{}", &err[err.len().saturating_sub(400)..]));
    // 6.9 MB were written; the file kept them all before.
    assert!(held * 512 < 1 << 20, "{held} blocks held");
}

/// Read slowly, the output passed on is the newest within the cap (a knob for the test), whole
/// lines after a line saying how much was left out, then relhook's own line.
#[test]
fn output_beyond_the_cap_for_a_slow_reader_is_left_out_and_said() {
    let repo = configured_with_a_feature(|_| {
        "[checks]\ntest = [\"sh\", \"-c\", \"seq 1 300000; echo FAILURE DETAILS; exit 1\"]\n"
            .to_owned()
    });
    let log = repo.scratch("log").join("log.txt");
    let out = repo.sh(&format!(
        "RELHOOK_TEST_RELAY_CAP=100000 relhook test 2>&1 | (sleep 1; cat) > '{}'",
        log.display()
    ));
    assert!(out.status.success(), "{}", text(&out));
    let said = std::fs::read_to_string(&log).unwrap();
    let tail = &said[said.len().saturating_sub(300)..];
    assert!(said.len() < 300_000, "{} bytes: {tail}", said.len());
    assert!(
        said.ends_with(
            "300000\nFAILURE DETAILS\nrelhook: tests failed (exit code 1); nothing recorded\n"
        ),
        "{tail}"
    );
    let notice = "bytes of the test output left out: standard error took them more slowly \
                  than the tests wrote them";
    let lines: Vec<&str> = said.lines().collect();
    let last = lines
        .iter()
        .rposition(|l| l.starts_with("relhook: ") && l.ends_with(notice))
        .unwrap_or_else(|| panic!("no line saying what was left out: {tail}"));
    // After the last cut, whole lines in order up to the end.
    let numbers: Vec<u64> = lines
        .iter()
        .skip(last + 1)
        .take_while(|l| !l.starts_with("FAILURE"))
        .map(|l| {
            l.parse()
                .unwrap_or_else(|_| panic!("not a whole line: {l:?}"))
        })
        .collect();
    assert!(numbers.len() > 1000, "{}", numbers.len());
    assert!(numbers.windows(2).all(|w| w[1] == w[0] + 1));
    assert_eq!(numbers.last(), Some(&300000));
}
