//! QA51: a `git am` whose last patch is skipped (`git am --skip` after it stopped) runs no
//! post-applypatch at its end, so the commits it applied without their changelog entry went
//! unsaid. git removes REBASE_HEAD as it goes past that patch, which the reference-transaction
//! hook sees: the one line is said there now, once. `git am --quit` runs no hook at all (it
//! only removes the am's state), so `relhook doctor` names those commits and the command.

use std::path::PathBuf;

use crate::support::{Repo, ok, stderr, stdout};

/// Installed, with a committed CHANGELOG.md and `clash.txt`; patches of `feat: one` (a new
/// file) and `fix: two` (a change to clash.txt) made with relhook skipped, and main changing
/// clash.txt too, so that the am stops on the last patch.
fn am_stopped_on_its_last_patch() -> (Repo, Vec<PathBuf>) {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n");
    repo.write("clash.txt", "base\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["checkout", "-q", "-b", "side"]);
    let skip = [("RELHOOK_SKIP", "1")];
    repo.write("one.txt", "one\n");
    repo.git(&["add", "one.txt"]);
    repo.git_env(&["commit", "-q", "-m", "feat: one"], &skip);
    repo.write("clash.txt", "side\n");
    repo.git_env(&["commit", "-q", "-am", "fix: two"], &skip);
    let dir = repo.scratch("patches");
    repo.git(&["format-patch", "-q", "-2", "-o", dir.to_str().unwrap()]);
    repo.git(&["checkout", "-q", "main"]);
    repo.write("clash.txt", "main\n");
    repo.git_env(&["commit", "-q", "-am", "chore: clash"], &skip);
    let mut patches: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    patches.sort();
    let mut args = vec!["am", "-q"];
    args.extend(patches.iter().map(|p| p.to_str().unwrap()));
    let out = repo.git_output(&args);
    assert!(!out.status.success(), "the last patch stops the am");
    assert!(!stderr(&out).contains("relhook:"), "{}", stderr(&out));
    (repo, patches)
}

fn relhook_lines(said: &str) -> Vec<&str> {
    said.lines().filter(|l| l.starts_with("relhook:")).collect()
}

#[test]
fn skipping_the_last_patch_says_the_commits_without_entries_once() {
    let (repo, _) = am_stopped_on_its_last_patch();
    let out = ok(repo.git_output(&["am", "--skip"]));
    let id = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    assert_eq!(
        relhook_lines(&stderr(&out)),
        vec![format!(
            "relhook: {id} feat: one came through git am: no entry added; after the am, `relhook changelog --sync` adds it"
        )
        .as_str()],
        "{}",
        stderr(&out)
    );
    assert!(!repo.path().join(".git/rebase-apply").exists());
    // Nothing said later, by the next ref update.
    let next = repo.try_commit("chore: later");
    assert!(
        relhook_lines(&stderr(&next)).is_empty(),
        "{}",
        stderr(&next)
    );
    // The advice, pasted, adds the entry.
    ok(repo.relhook(&["changelog", "--sync"]));
    assert!(repo.read("CHANGELOG.md").contains("- one"));
}

#[test]
fn skipping_a_patch_that_is_not_the_last_says_nothing_yet() {
    let (repo, patches) = am_stopped_on_its_last_patch();
    ok(repo.git_output(&["am", "--abort"]));
    // Patch 2 first, then patch 1: the am stops on the first of two.
    let out = repo.git_output(&[
        "am",
        "-q",
        patches[1].to_str().unwrap(),
        patches[0].to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    let out = ok(repo.git_output(&["am", "--skip"]));
    let id = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    // The last patch is applied: post-applypatch says it, and only it.
    assert_eq!(
        relhook_lines(&stderr(&out)),
        vec![format!(
            "relhook: {id} feat: one came through git am: no entry added; after the am, `relhook changelog --sync` adds it"
        )
        .as_str()],
    );
}

#[test]
fn an_am_ended_with_quit_is_named_by_doctor() {
    let (repo, _) = am_stopped_on_its_last_patch();
    // git runs no hook for `--quit`: nothing can say it then.
    let out = ok(repo.git_output(&["am", "--quit"]));
    assert!(relhook_lines(&stderr(&out)).is_empty(), "{}", stderr(&out));
    let doctor = stdout(&repo.relhook(&["doctor"]));
    let lines: Vec<&str> = doctor.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("changelog: CHANGELOG.md has no entry"))
        .unwrap_or_else(|| panic!("{doctor}"));
    assert!(
        lines[at].ends_with(
            "has no entry for 1 commit since the last release that calls for one (applied by `git am`, which runs no post-commit)"
        ),
        "{doctor}"
    );
    assert_eq!(lines[at + 1].trim(), "fix: relhook changelog --sync");
    ok(repo.relhook(&["changelog", "--sync"]));
    assert!(repo.read("CHANGELOG.md").contains("- one"));
}
