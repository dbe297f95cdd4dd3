//! Found by QA in round 27, in git's own operations with relhook installed: what git does must
//! not change for the worse when relhook cannot do its part.

use std::path::Path;
use std::process::Output;

use crate::support::{Repo, git_abs, installed_by_a_binary_that_then_goes, text};

/// A changelog whose Unreleased section lists `entries` under Added.
fn changelog(entries: &[&str]) -> String {
    let list: String = entries.iter().map(|e| format!("- {e}\n")).collect();
    format!(
        "# Changelog\n\n## [Unreleased]\n\n### Added\n\n{list}\n## [0.1.0] - 2026-11-21\n\n### Added\n\n- first\n"
    )
}

/// main and `side` each add an entry to CHANGELOG.md after `base` (hooks off), then relhook
/// is installed by a binary that goes away: the merge driver's recorded path is gone.
fn diverged_with_the_driver_gone() -> (Repo, std::path::PathBuf) {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", changelog(&["base"]));
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["switch", "-q", "-c", "side"]);
    repo.write("CHANGELOG.md", changelog(&["base", "side one"]));
    repo.git(&["commit", "-q", "-am", "feat: side one"]);
    repo.git(&["switch", "-q", "main"]);
    repo.write("CHANGELOG.md", changelog(&["base", "main one"]));
    repo.git(&["commit", "-q", "-am", "feat: main one"]);
    let bin = installed_by_a_binary_that_then_goes(&repo);
    (repo, bin)
}

/// `git merge side` with PATH made of `first` and the folders of git and the system.
fn merge_with_path(repo: &Repo, first: Option<&Path>) -> Output {
    let git = git_abs();
    let git_dir = git.parent().unwrap().display().to_string();
    let path = match first {
        Some(dir) => format!("{}:{git_dir}:/usr/bin:/bin", dir.display()),
        None => format!("{git_dir}:/usr/bin:/bin"),
    };
    repo.command_in(&git, &repo.path())
        .env("PATH", path)
        .env("GIT_EDITOR", "true")
        .args(["merge", "--no-edit", "side"])
        .output()
        .unwrap()
}

/// The driver's recorded relhook is gone and none is on PATH: git's own line merge takes its
/// place, conflict markers and both sides' lines in the file, as without relhook. Before, the
/// failed driver left CHANGELOG.md as main had it, side's entry silently absent, and
/// `git add` + commit lost it.
#[test]
fn a_merge_whose_driver_binary_is_gone_keeps_both_sides_in_the_conflict() {
    let (repo, _bin) = diverged_with_the_driver_gone();
    let out = merge_with_path(&repo, None);
    assert_ne!(out.status.code(), Some(0), "{}", text(&out));
    let merged = repo.read("CHANGELOG.md");
    assert!(
        merged.contains("- side one") && merged.contains("- main one"),
        "both sides' entries must reach the work tree:\n{merged}\n{}",
        text(&out)
    );
    assert!(merged.contains("<<<<<<<"), "{merged}");
}

/// The driver's recorded relhook is gone but one is on PATH: the driver runs it, as the hook
/// shims do, and the entries merge without a conflict.
#[cfg(unix)]
#[test]
fn a_merge_whose_driver_binary_moved_runs_the_relhook_on_path() {
    let (repo, bin) = diverged_with_the_driver_gone();
    std::os::unix::fs::symlink(crate::support::relhook_bin(), bin.join("relhook")).unwrap();
    let out = merge_with_path(&repo, Some(&bin));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let merged = repo.read("CHANGELOG.md");
    assert!(
        merged.contains("- side one") && merged.contains("- main one") && !merged.contains("<<<"),
        "{merged}"
    );
}
