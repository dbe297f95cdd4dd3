//! QA276: a `git switch` to a branch at another commit while relhook's hook made a hand tag's
//! release (`git tag -a v0.1.0` on main, switched before the release commit) left the release
//! tag on main's commit without its release commit, and git and relhook said nothing: a
//! half-made release. Now the tag is withdrawn, and one line says why and what finishes it.

use crate::support::{stderr, untested_installed};

#[test]
fn a_switch_while_the_hook_makes_the_release_withdraws_the_tag_and_says_so() {
    let repo = untested_installed();
    repo.git(&["branch", "other"]);
    repo.commit_hooked("feat: a");
    let head = repo.git(&["rev-parse", "HEAD"]);
    let paused = repo.scratch("held").join("paused");
    let child = repo
        .command_in("git", &repo.path())
        .args(["tag", "-a", "v0.1.0", "-m", "v0.1.0"])
        .env("RELHOOK_TEST_FAILPOINT", "hand-started:hold")
        .env("RELHOOK_TEST_PAUSED", &paused)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !paused.exists() {
        assert!(std::time::Instant::now() < deadline, "never held");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    repo.git(&["switch", "-q", "other"]);
    std::fs::remove_file(&paused).unwrap();
    let out = child.wait_with_output().unwrap();
    let err = stderr(&out);
    assert_eq!(repo.git(&["tag", "-l", "v0.1.0"]), "", "{err}");
    assert_eq!(repo.git(&["rev-parse", "main"]), head, "{err}");
    assert!(err.contains("HEAD moved off"), "{err}");
    assert!(err.contains("`git tag -a v0.1.0`"), "{err}");
}
