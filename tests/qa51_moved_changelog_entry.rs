//! QA51: a `feat:` commit that also moved CHANGELOG.md (`git mv`) got no entry, as post-commit
//! said; with `changelog.path` pointed at the new file in a commit of its own, `--sync` said
//! "up to date", doctor named nothing and the release left the feature out: the move counted
//! as the commit writing every entry of the file, its own among them. A file moved unchanged
//! now counts as written by nobody in that commit, so the entry is added; and the advice ends
//! with `relhook install`, which points the merge driver at the new path.

use crate::support::{Repo, installed_repo, ok, stdout, text};

/// `feat: two`, which also moves CHANGELOG.md to docs/HISTORY.md; then the setting pointed
/// there in a commit of its own.
fn moved_then_pointed() -> Repo {
    let repo = installed_repo();
    std::fs::create_dir_all(repo.path().join("docs")).unwrap();
    repo.git(&["mv", "CHANGELOG.md", "docs/HISTORY.md"]);
    repo.write("two.txt", "2\n");
    repo.git(&["add", "two.txt"]);
    ok(repo.git_output(&["commit", "-q", "-m", "feat: two"]));
    repo.write(
        ".relconfig.toml",
        "[changelog]\npath = \"docs/HISTORY.md\"\n",
    );
    repo.git(&["add", ".relconfig.toml"]);
    ok(repo.git_output(&["commit", "-q", "-m", "chore: point the changelog"]));
    repo
}

#[test]
fn the_moving_commits_entry_is_named_by_doctor_and_added_by_sync() {
    let repo = moved_then_pointed();
    assert!(!repo.read("docs/HISTORY.md").contains("- two"));
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(doctor.contains("has no entry for 1 commit"), "{doctor}");
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    let log = repo.read("docs/HISTORY.md");
    assert!(
        log.contains("- init") && log.contains("- two"),
        "{}\n{log}",
        text(&out)
    );
}

#[test]
fn the_release_lists_the_moving_commits_entry() {
    let repo = moved_then_pointed();
    let out = ok(repo.relhook(&["release", "--dry-run", "--no-test"]));
    let said = stdout(&out);
    assert!(said.contains("- init") && said.contains("- two"), "{said}");
}

#[test]
fn install_after_the_advice_points_the_merge_driver_at_the_moved_file() {
    let repo = moved_then_pointed();
    let before = text(&repo.relhook(&["doctor"]));
    assert!(before.contains("MISSING  merge driver"), "{before}");
    ok(repo.relhook(&["install"]));
    let after = text(&repo.relhook(&["doctor"]));
    assert!(!after.contains("MISSING"), "{after}");
}
