//! QA33: while a release ran its tests, doctor called it "an interrupted release" with
//! `--resume` as the fix, and a `--resume` meanwhile tested again beside it and then failed
//! on the tag the first one made.

use std::time::{Duration, Instant};

use crate::support::{Repo, relhook_bin, stderr, stdout, text};

/// A repository whose release is at work: its test command waits until the file returned
/// (`go`) exists. The release's child process is returned with it.
pub(crate) fn release_at_work() -> (Repo, std::process::Child, std::path::PathBuf) {
    let repo = Repo::new();
    let started = repo.path().join("started");
    let go = repo.path().join("go");
    // The test command says it started, then waits for the test to let it finish.
    let script = format!(
        "touch '{}'; while [ ! -e '{}' ]; do sleep 0.05; done",
        started.display(),
        go.display()
    );
    repo.write(
        ".relconfig.toml",
        format!(
            "[checks]\ntest = [\"sh\", \"-c\", {}]\n",
            serde_json::to_string(&script).unwrap()
        ),
    );
    repo.git(&["add", "."]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.commit_hooked("feat: one");
    let first = repo
        .command_in(relhook_bin(), &repo.path())
        .arg("release")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while !started.exists() {
        assert!(
            Instant::now() < deadline,
            "the release's tests never started"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    (repo, first, go)
}

#[test]
fn a_release_at_work_is_said_as_such_and_not_finished_beside_it() {
    let (repo, first, go) = release_at_work();
    let doctor = repo.relhook(&["doctor"]);
    let said = stdout(&doctor);
    assert!(
        said.contains("another relhook release is at work"),
        "{said}"
    );
    assert!(!said.contains("interrupted release"), "{said}");
    for args in [&["release", "--resume"][..], &["release"][..]] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out));
        assert!(
            stderr(&out).contains("another relhook release is at work"),
            "{}",
            text(&out)
        );
    }
    let out = repo.relhook(&["release", "--resume", "--format", "json"]);
    assert!(
        stdout(&out).contains("\"release-running\""),
        "{}",
        text(&out)
    );

    std::fs::write(&go, "").unwrap();
    let out = first.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["tag"]), "v0.1.0");
    assert!(!repo.path().join(".git/relhook-release-running").exists());
    let doctor = repo.relhook(&["doctor"]);
    assert!(!stdout(&doctor).contains("at work"), "{}", text(&doctor));
}
