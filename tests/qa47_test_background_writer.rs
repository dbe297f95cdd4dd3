//! QA47: a test command that left a process running that writes later
//! (`(sleep 1; echo late) &`) had that process killed by SIGPIPE once relhook exited: its
//! output went through a pipe only relhook read. The output now goes to a file relhook shows
//! as it grows, so a writer that outlives the command writes on unharmed.

use std::time::{Duration, Instant};

use crate::support::{configured_with_a_feature, ok, stderr, text};

#[test]
fn a_background_writer_outliving_the_test_command_is_not_killed_by_relhook_exiting() {
    let repo = configured_with_a_feature(|repo| {
        let dir = repo.scratch("late");
        format!(
            "[checks]\ntest = [\"sh\", \"-c\", \"(sleep 1; echo late; echo wrote > '{}/survived') & echo ok\"]\n",
            dir.display()
        )
    });
    let survived = repo.scratch("late").join("survived");
    let began = Instant::now();
    let out = ok(repo.relhook(&["test"]));
    // relhook does not wait for the writer it left.
    assert!(
        began.elapsed() < Duration::from_millis(900),
        "{}",
        text(&out)
    );
    let err = stderr(&out);
    assert!(err.contains("ok\nrelhook: tests passed"), "{}", text(&out));
    let deadline = Instant::now() + Duration::from_secs(5);
    while !survived.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        survived.exists(),
        "the background writer died writing `late`"
    );
}

/// The output is still passed on as it comes, not only when the command ends.
#[test]
fn the_test_output_still_streams() {
    let repo = configured_with_a_feature(|repo| {
        let dir = repo.scratch("stream");
        format!(
            "[checks]\ntest = [\"sh\", \"-c\", \"echo first; while test ! -e '{}/go'; do sleep 0.05; done; echo second\"]\n",
            dir.display()
        )
    });
    let go = repo.scratch("stream").join("go");
    let mut child = repo
        .command_in(crate::support::relhook_bin(), &repo.path())
        .arg("test")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut from = std::io::BufReader::new(child.stderr.take().unwrap());
    // Read while the command still waits: streamed.
    let mut before = String::new();
    while !before.ends_with("first\n") {
        if std::io::BufRead::read_line(&mut from, &mut before).unwrap_or(0) == 0 {
            break;
        }
    }
    std::fs::write(&go, "").unwrap();
    assert!(before.ends_with("first\n"), "{before}");
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut from, &mut rest).unwrap();
    assert!(child.wait().unwrap().success(), "{rest}");
    assert!(rest.starts_with("second\nrelhook: tests passed"), "{rest}");
}
