//! QA44: a team committed relhook's shims in its tracked `.githooks` (`relhook install
//! --shared`). In a fresh clone doctor said `MISSING merge driver … fix: relhook install`, and
//! that install refused ("would change the team's files") though nothing there would change;
//! `--shared` then said to commit files it had not changed. A plain install now does the
//! clone's part and leaves the team's shims alone; it still refuses where it would write.

use std::path::{Path, PathBuf};

use crate::support::{Repo, ok, stderr, stdout, text};

/// A team's repository whose `.githooks` holds relhook's shims, committed, and a fresh clone
/// of it with `core.hooksPath = .githooks`.
fn team_clone(repo: &Repo) -> PathBuf {
    std::fs::create_dir(repo.path().join(".githooks")).unwrap();
    repo.git(&["config", "core.hooksPath", ".githooks"]);
    ok(repo.relhook(&["install", "--shared"]));
    repo.git(&["add", ".githooks"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "chore: relhook hooks"]));
    let clone = repo.dir.path().join("clone");
    let out = repo.git_in(
        repo.dir.path(),
        &[
            "clone",
            "-q",
            repo.path().to_str().unwrap(),
            clone.to_str().unwrap(),
        ],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out));
    ok(repo.git_in(&clone, &["config", "core.hooksPath", ".githooks"], &[]));
    clone
}

fn git_in(repo: &Repo, dir: &Path, args: &[&str]) -> String {
    String::from_utf8_lossy(&repo.git_in(dir, args, &[]).stdout)
        .trim()
        .to_owned()
}

#[test]
fn a_clone_of_committed_shared_shims_installs_its_own_part_and_leaves_them() {
    let repo = Repo::new();
    let clone = team_clone(&repo);
    let doctor = stdout(&repo.relhook_in(&clone, &["doctor"]));
    assert!(doctor.contains("fix: relhook install"), "{doctor}");
    let install = repo.relhook_in(&clone, &["install"]);
    assert_eq!(install.status.code(), Some(0), "{}", text(&install));
    let said = stdout(&install);
    assert!(
        said.contains(".githooks, which this repository tracks, holds relhook's hooks as the team committed them: left alone"),
        "{said}"
    );
    assert!(!said.contains("commit them"), "{said}");
    assert_ne!(
        git_in(&repo, &clone, &["config", "merge.relhook-changelog.driver"]),
        ""
    );
    assert_eq!(git_in(&repo, &clone, &["config", "am.threeWay"]), "true");
    assert_eq!(git_in(&repo, &clone, &["status", "--porcelain"]), "");
    let doctor = stdout(&repo.relhook_in(&clone, &["doctor"]));
    assert!(!doctor.contains("MISSING"), "{doctor}");
    // `--shared`, where nothing changes, has nothing to commit either.
    let shared = stdout(&ok(repo.relhook_in(&clone, &["install", "--shared"])));
    assert!(!shared.contains("commit them"), "{shared}");
    assert!(shared.contains("left alone"), "{shared}");
}

#[test]
fn a_clone_whose_install_would_write_into_the_team_s_directory_is_still_refused() {
    let repo = Repo::new();
    let clone = team_clone(&repo);
    std::fs::remove_file(clone.join(".githooks/pre-push")).unwrap();
    let refused = repo.relhook_in(&clone, &["install"]);
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused));
    assert!(
        stderr(&refused).contains("would change the team's files"),
        "{}",
        text(&refused)
    );
    assert!(!clone.join(".githooks/pre-push").exists());
}
