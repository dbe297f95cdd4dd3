//! QA41: a `relhook release` killed while it tested its commit in a temporary checkout (an
//! --allow-dirty release) left that checkout in the system's temporary folder, registered as a
//! worktree; doctor named it, but only a later release that tested in a checkout again
//! removed it. Now the next release (or `--resume`) removes it, and so does doctor's fix.

use crate::support::{Repo, ok, stdout, text};

fn killed_in_its_test_checkout() -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: one");
    // Beside an uncommitted file, the tests run in a checkout of the release commit.
    repo.write("notes.txt", "mine\n");
    repo.relhook_killed_at("release-tested", &["release", "--allow-dirty"]);
    let out = repo.relhook(&["doctor"]);
    assert!(stdout(&out).contains("test worktree"), "{}", text(&out));
    assert_eq!(leftovers(&repo).len(), 1, "{}", text(&out));
    repo
}

/// The temporary test folders in the test's temporary folder (TMPDIR is its HOME).
fn leftovers(repo: &Repo) -> Vec<String> {
    std::fs::read_dir(repo.home())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("relhook-test-"))
        .collect()
}

fn worktrees(repo: &Repo) -> usize {
    repo.git(&["worktree", "list", "--porcelain"])
        .lines()
        .filter(|l| l.starts_with("worktree "))
        .count()
}

#[test]
fn the_next_release_removes_the_checkout_a_killed_one_left() {
    let repo = killed_in_its_test_checkout();
    std::fs::remove_file(repo.path().join("notes.txt")).unwrap();
    let out = repo.relhook(&["release", "--resume"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(leftovers(&repo).is_empty(), "{:?}", leftovers(&repo));
    assert_eq!(worktrees(&repo), 1);
    let out = repo.relhook(&["doctor"]);
    assert!(!stdout(&out).contains("test worktree"), "{}", text(&out));
}

#[test]
fn doctors_fix_removes_it() {
    let repo = killed_in_its_test_checkout();
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    let fix = said
        .lines()
        .skip_while(|l| !l.contains("test worktree"))
        .find_map(|l| l.trim().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("{said}"));
    ok(repo.sh(fix));
    assert!(leftovers(&repo).is_empty(), "{:?}", leftovers(&repo));
    assert_eq!(worktrees(&repo), 1);
}
