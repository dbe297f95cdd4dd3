//! QA111: a revert of an unreleased merge (`git revert -m 1`), rebased with that merge (`git
//! rebase --rebase-merges`), still names the merge (and its mainline) by their ids from
//! before the rebase. `relhook changelog --sync` took it for the revert of a merge history
//! does not hold, and wanted a `### Removed` entry for features no release has, which doctor
//! then asked for; with git's `Reapply` of that revert, read in a clone without the old
//! objects, it took the merged branch's entries out. The rebased merge is now found by the
//! header the revert quotes, and the reapply by the one it brings back. A plain `git rebase`
//! (or `git pull --rebase`) makes the merged branch's commits a line of their own: the merge
//! is in history in no form then, released in none, and its revert calls for no entry.

use crate::support::{Repo, installed_repo, ok, stdout, text};

/// `main` (`fix: on main`, then branch `feature`'s two features merged with `--no-ff` and
/// that merge reverted, and reapplied when `reapply`), rebased onto a `base` branch of its own
/// fix, with `rebase_args` (`--rebase-merges`: merges kept).
pub(crate) fn rebased_merge_revert(reapply: bool, rebase_args: &[&str]) -> Repo {
    let repo = installed_repo();
    repo.git(&["branch", "base"]);
    repo.commit_hooked("fix: on main");
    repo.git(&["checkout", "-q", "-b", "feature"]);
    repo.commit_hooked("feat: feature one");
    repo.commit_hooked("feat: feature two");
    repo.git(&["checkout", "-q", "main"]);
    let merge = [
        "merge",
        "-q",
        "--no-ff",
        "-m",
        "Merge branch 'feature'",
        "feature",
    ];
    ok(repo.git_output(&merge));
    ok(repo.git_output(&["revert", "--no-edit", "-m", "1", "HEAD"]));
    if reapply {
        ok(repo.git_output(&["revert", "--no-edit", "HEAD"]));
    }
    repo.git(&["checkout", "-q", "base"]);
    repo.commit_hooked("fix: on base");
    repo.git(&["checkout", "-q", "main"]);
    let rebase = [&["rebase", "-q"], rebase_args, &["base"]].concat();
    ok(repo.git_output(&rebase));
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
    repo
}

/// What `relhook changelog --sync --stdout` run in `cwd` would write.
fn synced(repo: &Repo, cwd: &std::path::Path) -> String {
    let out = repo.relhook_in(cwd, &["changelog", "--sync", "--stdout"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    stdout(&out)
}

#[test]
fn a_rebased_revert_of_an_unreleased_merge_still_cancels_it() {
    let repo = rebased_merge_revert(false, &["--rebase-merges"]);
    let file = repo.read("CHANGELOG.md");
    assert!(!file.contains("feature one"), "{file}");
    assert!(
        file.contains("- on base") && file.contains("- on main"),
        "{file}"
    );

    assert_eq!(
        synced(&repo, &repo.path()),
        file,
        "sync agrees with the file"
    );
    let out = repo.relhook(&["doctor"]);
    assert!(!text(&out).contains("changelog:"), "{}", text(&out));
}

#[test]
fn a_rebased_reapply_of_a_merge_revert_keeps_the_branch_entries() {
    let repo = rebased_merge_revert(true, &["--rebase-merges"]);
    let file = repo.read("CHANGELOG.md");
    assert!(
        file.contains("- feature one") && file.contains("- feature two"),
        "{file}"
    );
    assert!(!file.contains("Removed"), "{file}");
    assert_eq!(
        synced(&repo, &repo.path()),
        file,
        "sync agrees with the file"
    );

    // A clone has none of the commits from before the rebase that the reverts name.
    let clone = repo.scratch("clone");
    let path = repo.path().display().to_string();
    let out = repo.git_in(&clone, &["clone", "-q", "--no-local", &path, "c"], &[]);
    assert!(out.status.success(), "{}", text(&out));
    let clone = clone.join("c");
    assert_eq!(
        synced(&repo, &clone),
        file,
        "sync in the clone agrees with the file"
    );
}

#[test]
fn a_revert_of_a_merge_a_rebase_made_a_line_calls_for_no_entry() {
    let repo = rebased_merge_revert(false, &[]);
    assert_eq!(repo.git(&["rev-list", "--merges", "--count", "HEAD"]), "0");
    let file = repo.read("CHANGELOG.md");
    assert!(!file.contains("feature one"), "{file}");
    assert_eq!(
        synced(&repo, &repo.path()),
        file,
        "sync agrees with the file"
    );

    let out = repo.relhook(&["release", "--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(!stdout(&out).contains("Removed"), "{}", text(&out));
}
