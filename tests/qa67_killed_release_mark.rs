//! QA67: the mark a release keeps in the git dir while it runs (`relhook-release-running`,
//! its pid) stayed after `kill -9`, until the next release replaced it. The first command
//! that reads it now moves a dead run's mark aside, and only a live run's is said at work.

use std::process::Command;

use crate::support::{installed_repo, ok, stdout, text};

#[test]
fn a_killed_releases_mark_goes_with_the_next_command_that_reads_it() {
    let repo = installed_repo();
    repo.commit_hooked("feat: a");
    repo.relhook_killed_at("release-committed", &["release", "--no-test"]);
    let mark = repo.path().join(".git/relhook-release-running");
    assert!(mark.exists(), "the kill left no mark to test with");
    let out = repo.relhook(&["doctor"]);
    assert!(!text(&out).contains("at work"), "{}", text(&out));
    assert!(!mark.exists(), "{}", text(&out));
    // The killed release itself is still named, and its resume finishes it.
    assert!(
        stdout(&out).contains("fix: relhook release --resume --no-test"),
        "{}",
        text(&out)
    );
    ok(repo.relhook(&["release", "--resume", "--no-test"]));
    assert_eq!(repo.git(&["tag", "-l"]), "v0.1.0");
    let left: Vec<_> = std::fs::read_dir(repo.path().join(".git"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("relhook-release-running") || n.contains("killed"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_live_releases_mark_stays_until_its_process_is_gone() {
    let repo = installed_repo();
    let mut sleeper = Command::new("sleep").arg("300").spawn().unwrap();
    let pid = sleeper.id();
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let (_, rest) = stat.rsplit_once(')').unwrap();
    let started = rest.split_whitespace().nth(19).unwrap();
    let text_of_mark = format!("pid {pid}\nstarted {started}\n");
    repo.write(".git/relhook-release-running", &text_of_mark);
    let out = repo.relhook(&["doctor"]);
    assert!(
        stdout(&out).contains(&format!(
            "another relhook release is at work in this repository (pid {pid}"
        )),
        "{}",
        text(&out)
    );
    assert_eq!(repo.read(".git/relhook-release-running"), text_of_mark);
    sleeper.kill().unwrap();
    sleeper.wait().unwrap();
    let out = repo.relhook(&["doctor"]);
    assert!(!text(&out).contains("at work"), "{}", text(&out));
    assert!(!repo.path().join(".git/relhook-release-running").exists());
}
