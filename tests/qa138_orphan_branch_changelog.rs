//! QA138: on an orphan branch (`git switch --orphan gh-pages`) of a repository whose main keeps
//! CHANGELOG.md, the first `feat:` commit started a second changelog there. A branch with no
//! history in common with the branches that keep the changelog now gets none, said in one
//! line; a brand-new repository's first commit, and a branch forked before the changelog was
//! made, still get theirs.

use crate::support::{Repo, ok, stderr};

fn in_head(repo: &Repo, path: &str) -> bool {
    !repo
        .git(&["ls-tree", "--name-only", "HEAD", path])
        .is_empty()
}

#[test]
fn an_orphan_branch_gets_no_changelog_and_is_told_why() {
    let repo = Repo::new();
    repo.commit("chore: start");
    ok(repo.relhook(&["install"]));
    let start = repo.git(&["rev-parse", "HEAD"]);
    repo.commit_hooked("feat: a");
    assert!(in_head(&repo, "CHANGELOG.md"));

    repo.git(&["switch", "-q", "--orphan", "gh-pages"]);
    let out = repo.try_commit("feat: publish the site");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!in_head(&repo, "CHANGELOG.md"));
    assert!(!repo.path().join("CHANGELOG.md").exists());
    assert_eq!(
        stderr(&out),
        "relhook: no changelog made: branch `gh-pages` shares no history with `main`, which keeps CHANGELOG.md (an orphan branch, such as gh-pages, is no version of the project); if it is a project of its own, `relhook init` makes its changelog\n"
    );
    // Its later commits too, and a `chore:` hears nothing of a changelog to come.
    let out = repo.try_commit("chore: rebuild");
    assert_eq!(stderr(&out), "");
    repo.commit_hooked("fix: a link");
    assert!(!in_head(&repo, "CHANGELOG.md"));

    // A branch forked before the changelog was made shares history with main: it gets one.
    repo.git(&["switch", "-q", "-c", "old", &start]);
    repo.commit_hooked("feat: b");
    assert!(in_head(&repo, "CHANGELOG.md"));
    assert!(repo.read("CHANGELOG.md").contains("- b\n"));
}

#[test]
fn a_new_repositorys_first_commit_still_makes_the_changelog() {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    assert!(in_head(&repo, "CHANGELOG.md"));
}
