//! QA60: right after `relhook release --allow-dirty` was killed, `relhook changelog --sync`
//! sometimes said only "CHANGELOG.md is up to date with history" and left the killed
//! release's transaction in place: the killed relhook, still on its way out for a moment,
//! was taken for a release at work. A killed process is now told from a running one, and
//! `--sync` beside a transaction a live relhook is writing says so in one line instead.

use std::io::BufRead;
use std::process::Stdio;

use crate::support::{Repo, installed_repo, ok, relhook_bin, stderr, text};

/// `relhook release --allow-dirty --no-test` paused (alive) at `step`, its changelog edited
/// by hand and not committed; the running child.
fn release_paused_at(repo: &Repo, step: &str) -> std::process::Child {
    let log = repo.read("CHANGELOG.md");
    repo.write("CHANGELOG.md", log.replace("- init", "- init (HAND EDIT)"));
    let mut child = repo
        .command_in(relhook_bin(), &repo.path())
        .args(["release", "--allow-dirty", "--no-test"])
        .env("RELHOOK_TEST_FAILPOINT", format!("{step}:pause"))
        .stderr(Stdio::piped())
        .spawn()
        .expect("run relhook");
    let err = std::io::BufReader::new(child.stderr.take().unwrap());
    let paused = err.lines().any(|l| l.is_ok_and(|l| l.contains("pausing")));
    assert!(paused, "the release never reached {step}");
    child
}

#[test]
fn sync_beside_a_release_writing_says_so_in_one_line_and_not_up_to_date() {
    let repo = installed_repo();
    repo.commit_hooked("feat: a");
    let mut child = release_paused_at(&repo, "files-written");
    let journal = repo.path().join(".git/relhook-txn");
    assert!(journal.exists());
    let out = repo.relhook(&["changelog", "--sync"]);
    let err = stderr(&out);
    assert!(!out.status.success(), "{}", text(&out));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!err.contains("up to date"), "{err}");
    assert!(err.contains("a relhook release is running"), "{err}");
    assert!(err.contains("`relhook changelog --sync`"), "{err}");
    assert!(
        journal.exists(),
        "a live release's transaction is left to it"
    );
    child.kill().unwrap();
    child.wait().unwrap();
    // Once it is gone, the same command undoes what it left.
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(!journal.exists(), "{}", text(&out));
    assert!(repo.read("CHANGELOG.md").contains("HAND EDIT"));
    assert!(repo.git(&["tag", "-l"]).is_empty());
}

#[test]
fn sync_right_after_a_kill_undoes_the_killed_release() {
    for _ in 0..5 {
        let repo = installed_repo();
        repo.commit_hooked("feat: a");
        let mut child = release_paused_at(&repo, "files-written");
        child.kill().unwrap();
        // Not reaped by its parent yet: a zombie, or for a moment still exiting.
        let out = ok(repo.relhook(&["changelog", "--sync"]));
        child.wait().unwrap();
        assert!(
            !repo.path().join(".git/relhook-txn").exists(),
            "{}",
            text(&out)
        );
        assert!(
            stderr(&out).contains("undid an interrupted release"),
            "{}",
            text(&out)
        );
        assert!(repo.read("CHANGELOG.md").contains("HAND EDIT"));
    }
}
