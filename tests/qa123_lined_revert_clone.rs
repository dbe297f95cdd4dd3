//! QA123: a merge and its revert (`git revert -m 1`), rebased with a plain `git rebase` (the
//! merged branch's commits become a line of their own) and pushed. In a clone made since, which
//! has none of the old objects the revert names, `relhook changelog --rebuild` listed the
//! reverted features, `relhook version --next` and `relhook release` stopped on "object not
//! found" for the merge's mainline, all where the repository that made the rebase agreed with
//! the hooks' file. The branch's copies are now told there by the entries the revert took out
//! of the changelog (post-commit took them out with it, the rebase carried that change): each
//! the entry of one commit of the revert's history, never guessed between two.

use crate::support::{Repo, dated_release, ok, stdout, text, untested_installed};

/// v0.1.0 released; then `fix: on main`, branch `feature`'s two features merged and that merge
/// reverted, all rebased with a plain `git rebase` onto a `base` branch of its own fix; then
/// cloned anew. The repository, and the clone's path.
fn lined_revert_cloned() -> (Repo, std::path::PathBuf) {
    let repo = untested_installed();
    repo.commit_hooked("feat: first");
    ok(dated_release(&repo, &["--no-test"]));
    repo.git(&["branch", "base"]);
    repo.commit_hooked("fix: on main");
    repo.git(&["checkout", "-q", "-b", "feature"]);
    repo.commit_hooked("feat: feature one");
    repo.commit_hooked("feat: feature two");
    repo.git(&["checkout", "-q", "main"]);
    let merge = ["merge", "-q", "--no-ff", "-m", "Merge branch 'feature'"];
    ok(repo.git_output(&[&merge[..], &["feature"]].concat()));
    ok(repo.git_output(&["revert", "--no-edit", "-m", "1", "HEAD"]));
    repo.git(&["checkout", "-q", "base"]);
    repo.commit_hooked("fix: on base");
    repo.git(&["checkout", "-q", "main"]);
    let body = repo.git(&["log", "-1", "--format=%b"]);
    let merge_id = body["This reverts commit ".len()..][..40].to_owned();
    ok(repo.git_output(&["rebase", "-q", "base"]));
    assert_eq!(repo.git(&["rev-list", "--merges", "--count", "HEAD"]), "0");
    repo.git(&["branch", "-q", "-D", "feature"]);
    let dir = repo.scratch("clone");
    let path = repo.path().display().to_string();
    let out = repo.git_in(&dir, &["clone", "-q", "--no-local", &path, "c"], &[]);
    assert!(out.status.success(), "{}", text(&out));
    let clone = dir.join("c");
    let has = repo.git_in(&clone, &["cat-file", "-e", &merge_id], &[]);
    assert!(!has.status.success(), "the clone lacks the old commits");
    (repo, clone)
}

#[test]
fn a_clone_rebuilds_without_the_features_a_lined_merge_revert_took_out() {
    let (repo, clone) = lined_revert_cloned();
    let file = std::fs::read_to_string(clone.join("CHANGELOG.md")).unwrap();
    assert!(!file.contains("feature"), "{file}");
    // Up to the release's heading, whose date `relhook release` took from RELHOOK_DATE.
    let unreleased = |t: &str| t.split("## [0.1.0]").next().unwrap_or("").to_owned();
    for cwd in [repo.path(), clone.clone()] {
        let out = repo.relhook_in(&cwd, &["changelog", "--rebuild", "--stdout"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
        let rebuilt = unreleased(&stdout(&out));
        assert_eq!(
            rebuilt,
            unreleased(&file),
            "{}: the hooks' file",
            cwd.display()
        );
    }
}

#[test]
fn a_clone_versions_and_releases_a_lined_merge_revert_as_its_origin_does() {
    let (repo, clone) = lined_revert_cloned();
    for cwd in [repo.path(), clone.clone()] {
        let out = repo.relhook_in(&cwd, &["version", "--next"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
        assert_eq!(
            stdout(&out).trim(),
            "0.1.1",
            "{}: fixes only",
            cwd.display()
        );
        let out = repo.relhook_in(&cwd, &["release", "--dry-run"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
        assert!(!stdout(&out).contains("feature"), "{}", text(&out));
    }
}
