//! QA55: a hand tag (`git tag -a v0.1.0`) killed while its hook judged it leaves
//! `refs/tags/v0.1.0.lock`, on which `relhook release` and every later `git tag` fail, yet
//! doctor said "all is well" until the lock was a minute old. And a post-commit killed at
//! its ref step leaves its index lock and the branch's: doctor named neither beside the
//! killed run, so nothing said its command clears them too. Now doctor names a ref's lock
//! that outlasts the wait a release gives it, as the release names it, and a killed run's
//! row names the lock files it left that its command removes.

use crate::support::{Repo, installed_repo, ok, stdout, text};

/// `relhook doctor` with a short lock wait, so a test does not wait 3 s for a left lock.
fn doctor(repo: &Repo) -> String {
    let out = repo
        .command_in(crate::support::relhook_bin(), &repo.path())
        .env("RELHOOK_LOCK_WAIT_MS", "200")
        .arg("doctor")
        .output()
        .expect("run relhook doctor");
    stdout(&out)
}

/// The commands of doctor's `fix:` lines, in order.
fn fixes(doctor: &str) -> Vec<String> {
    doctor
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("fix: "))
        .map(str::to_owned)
        .collect()
}

#[test]
fn doctor_names_at_once_the_tag_lock_a_killed_hand_tag_left() {
    let repo = installed_repo();
    repo.git_killed_at("tag-judging", &["tag", "-a", "v0.1.0", "-m", "v0.1.0"], &[]);
    let lock = repo.path().join(".git/refs/tags/v0.1.0.lock");
    assert!(lock.exists(), "the killed git tag left no lock");
    let said = doctor(&repo);
    let row = said
        .lines()
        .find(|l| l.contains("lock file:"))
        .unwrap_or_else(|| panic!("{said}"));
    assert!(row.contains(&lock.display().to_string()), "{row}");
    assert!(row.contains("left by one that was killed"), "{row}");
    assert!(!said.contains("all is well"), "{said}");
    for fix in fixes(&said) {
        ok(repo.sh(&fix));
    }
    assert!(!lock.exists());
    let out = crate::support::hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn a_post_commit_killed_at_its_ref_step_has_its_branch_lock_named_and_cleared() {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", crate::support::SKELETON);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo.write("c.txt", "c\n");
    repo.git(&["add", "c.txt"]);
    repo.git_killed_at("index-staged", &["commit", "-q", "-m", "fix: c"], &[]);
    // Killed inside its ref step, as git2 moves the branch: the journal names the move and
    // `refs/heads/main.lock` holds the commit it was moving to.
    let head = repo.git(&["rev-parse", "HEAD"]);
    let amended = repo.git(&["commit-tree", "-p", "HEAD", "-m", "fix: c", "HEAD^{tree}"]);
    let git_dir = repo.path().join(".git");
    let journal = git_dir.join("relhook-txn");
    let mut text_now = std::fs::read_to_string(&journal).unwrap();
    text_now.push_str(&format!("\nref {head} {amended} refs/heads/main"));
    std::fs::write(&journal, text_now).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let branch_lock = git_dir.join("refs/heads/main.lock");
    std::fs::write(&branch_lock, format!("{amended}\n")).unwrap();
    let index_lock = git_dir.join("index.lock");
    assert!(index_lock.exists());

    let said = doctor(&repo);
    assert!(said.contains(&index_lock.display().to_string()), "{said}");
    assert!(said.contains(&branch_lock.display().to_string()), "{said}");
    for fix in fixes(&said) {
        let out = repo.sh(&fix);
        assert!(out.status.success(), "{fix}: {}", text(&out));
    }
    assert!(!index_lock.exists(), "{said}");
    assert!(!branch_lock.exists(), "{said}");
    repo.write("d.txt", "d\n");
    repo.git(&["add", "-A"]);
    let out = repo.try_commit("fix: d");
    assert!(out.status.success(), "{}", text(&out));
}
