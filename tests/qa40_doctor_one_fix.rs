//! QA40: a hand tag killed while its release commit's transaction was open left two INVALID
//! rows in `relhook doctor`, the tag's and the transaction's, each with `fix: relhook release
//! --resume`: one command, said twice. The transaction is now said on the tag's row.

use crate::support::{installed_repo, ok, stdout, text};

#[test]
fn a_killed_hand_tag_gets_one_row_and_one_fix() {
    use std::os::unix::process::CommandExt;
    let repo = installed_repo();
    repo.commit_hooked("feat: a");
    let paused = repo.scratch("paused");
    let _ = std::fs::remove_dir_all(&paused);
    let mut child = repo
        .command_in("git", &repo.path())
        .args(["tag", "-a", "v0.1.0", "-m", "v0.1.0"])
        .env("RELHOOK_TEST_FAILPOINT", "locked:pause")
        .env("RELHOOK_TEST_PAUSED", &paused)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .process_group(0)
        .spawn()
        .expect("spawn git tag");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !paused.exists() {
        assert!(std::time::Instant::now() < deadline, "never paused");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let group = -i32::try_from(child.id()).unwrap();
    // SAFETY: kill(2) on the process group this test started.
    assert_eq!(unsafe { libc::kill(group, libc::SIGKILL) }, 0);
    let _ = child.wait();

    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert_eq!(said.matches(" INVALID ").count(), 1, "{}", text(&out));
    assert_eq!(
        said.matches("fix: relhook release --resume").count(),
        1,
        "{}",
        text(&out)
    );
    assert!(
        said.contains("(the same command sees to it first)"),
        "{}",
        text(&out)
    );
    ok(repo.relhook(&["release", "--resume", "--no-test"]));
    assert!(repo.is_clean());
    let out = repo.relhook(&["doctor"]);
    assert!(!stdout(&out).contains(" INVALID "), "{}", text(&out));
}
