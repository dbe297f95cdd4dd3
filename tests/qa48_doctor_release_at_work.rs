//! QA48: `relhook doctor` while `relhook release` ran its tests judged the release's state
//! midway: Cargo.toml, already at the new version, was "INVALID" beside the last tag, with a
//! fix that rewrote the configuration, and doctor exited 1; the release then succeeded. While
//! a release is at work, doctor says so in one line (its pid) and judges none of what it
//! changes.

use std::time::{Duration, Instant};

use crate::support::{Repo, ok, relhook_bin, stdout, text};

const CARGO: &str = "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";

/// A repository released once (v0.1.0, Cargo.toml at 0.1.0), a feature since, and `relhook
/// release 0.2.0` at work: its test command waits until the file returned (`go`) exists.
fn releasing_with_a_version_file() -> (Repo, std::process::Child, std::path::PathBuf) {
    let repo = Repo::new();
    let (started, go) = (repo.path().join("started"), repo.path().join("go"));
    let script = format!(
        "touch '{}'; while [ ! -e '{}' ]; do sleep 0.05; done",
        started.display(),
        go.display()
    );
    let test = serde_json::to_string(&script).unwrap();
    repo.write(
        ".relconfig.toml",
        format!("[checks]\ntest = [\"sh\", \"-c\", {test}]\n"),
    );
    repo.write("Cargo.toml", CARGO);
    repo.write(".gitignore", "started\ngo\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: one");
    ok(repo.relhook(&["release", "--no-test"]));
    repo.commit_hooked("feat: two");
    let release = repo
        .command_in(relhook_bin(), &repo.path())
        .args(["release", "0.2.0"])
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
    (repo, release, go)
}

#[test]
fn doctor_judges_nothing_a_release_at_work_is_changing() {
    let (repo, release, go) = releasing_with_a_version_file();
    let pid = release.id();
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    std::fs::write(&go, "").unwrap();
    let done = release.wait_with_output().unwrap();

    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        said.contains(&format!(
            "another relhook release is at work in this repository (pid {pid}"
        )),
        "{said}"
    );
    assert!(!said.contains("INVALID"), "{said}");
    assert!(!said.contains("fix:"), "{said}");
    assert_eq!(said.matches("WARNING").count(), 1, "{said}");
    assert!(said.contains("nothing needs fixing now"), "{said}");

    assert_eq!(done.status.code(), Some(0), "{}", text(&done));
    // Once it ends, the version file says the version of the newest tag.
    let out = repo.relhook(&["doctor"]);
    assert!(!stdout(&out).contains("version files"), "{}", text(&out));
}
