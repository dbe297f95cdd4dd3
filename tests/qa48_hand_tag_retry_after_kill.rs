//! QA48: a hand tag whose hook was killed just after it moved the branch, tagged again
//! (`git tag -d` + `git tag -a`): the hook waited 3 s on the killed run's own `index.lock`,
//! blamed "another git process" and advised `rm` + "try again", which was refused again with
//! `relhook changelog --sync`, while doctor said `relhook release --resume`. The journal is
//! recognised first, at once, and the refusal names doctor's command, which works pasted.

use std::time::{Duration, Instant};

use crate::support::{Repo, hand_tag, ok, stderr, stdout, text};

/// A repository whose hand tag v0.1.0 was killed once its release commit moved the branch,
/// the tag then deleted to make it again.
fn killed_after_the_branch_moved() -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    repo.git_killed_at("refs-moved", &["tag", "-a", "v0.1.0", "-m", "x"], &[]);
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
    assert!(repo.path().join(".git/index.lock").exists());
    repo.git(&["tag", "-d", "v0.1.0"]);
    repo
}

/// `git tag -a v0.1.0` again: refused at once, in one line, naming `fix`.
fn retry_names(repo: &Repo, fix: &str) {
    let start = Instant::now();
    let out = hand_tag(repo, &["-a", "v0.1.0", "-m", "release 0.1.0"]);
    assert!(
        start.elapsed() < Duration::from_millis(2500),
        "it waited on the lock"
    );
    assert_eq!(out.status.code(), Some(128), "{}", text(&out));
    let err = stderr(&out);
    let said: Vec<&str> = err.lines().filter(|l| l.starts_with("relhook:")).collect();
    assert_eq!(said.len(), 1, "{err}");
    assert!(
        said[0].contains("a relhook release was interrupted"),
        "{err}"
    );
    assert!(
        said[0].ends_with(&format!("`{fix}` finishes that release and makes v0.1.0")),
        "{err}"
    );
    assert!(
        !err.contains("another git process") && !err.contains("--sync"),
        "{err}"
    );
}

#[test]
fn the_retry_names_doctor_s_command_at_once_and_it_works_pasted() {
    let repo = killed_after_the_branch_moved();
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(
        doctor.contains("fix: relhook release --resume\n"),
        "{doctor}"
    );
    retry_names(&repo, "relhook release --resume");

    let out = ok(repo.sh("relhook release --resume"));
    assert!(stderr(&out).contains("v0.1.0 is tagged"), "{}", text(&out));
    assert_eq!(
        repo.git(&["rev-parse", "v0.1.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD"])
    );
    assert!(repo.is_clean());
}

#[test]
fn with_its_lock_removed_as_git_advises_the_retry_names_the_same() {
    let repo = killed_after_the_branch_moved();
    std::fs::remove_file(repo.path().join(".git/index.lock")).unwrap();
    retry_names(&repo, "relhook release --resume");
    ok(repo.sh("relhook release --resume"));
    assert_eq!(
        repo.git(&["rev-parse", "v0.1.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD"])
    );
}
