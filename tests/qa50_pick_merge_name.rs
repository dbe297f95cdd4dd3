//! QA50: one commit of a branch cherry-picked (`git cherry-pick -n`) and committed under a
//! header of its own, then the branch merged: the merge left the pick's entry out, naming the
//! branch's commit "the squash merge" that carries it. The pick is no squash, but the newer
//! copy: its entry stands for the commit it copies, and the note names it.

use crate::support::{Repo, installed_repo, ok, stderr, text};

/// The Unreleased entries of the work tree's changelog, one per line.
fn entries(repo: &Repo) -> Vec<String> {
    let log = repo.read("CHANGELOG.md");
    let unreleased = log.split("## [Unreleased]").nth(1).unwrap_or("");
    unreleased
        .lines()
        .filter(|l| l.starts_with("- "))
        .map(str::to_owned)
        .collect()
}

#[test]
fn merging_a_branch_one_of_whose_commits_was_picked_keeps_the_pick_s_entry() {
    let repo = installed_repo();
    ok(repo.git_output(&["switch", "-q", "-c", "feature"]));
    repo.commit_hooked("feat(x): add export");
    repo.commit_hooked("feat(x): add search");
    ok(repo.git_output(&["switch", "-q", "main"]));
    ok(repo.git_output(&["cherry-pick", "-n", "feature"]));
    // Made within the second of the commit it copies, as a script does.
    repo.git(&["commit", "-q", "-m", "feat(x): add search (backport)"]);
    let pick = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    let out = ok(repo.git_output(&["merge", "-q", "--no-edit", "feature"]));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    assert_eq!(
        entries(&repo),
        [
            "- init",
            "- **x:** add search (backport)",
            "- **x:** add export"
        ]
    );
    let said = stderr(&out);
    assert!(
        said.contains(&format!(
            "left `- **x:** add search` out of Unreleased: the commit {pick} `feat(x): add search (backport)` on the other side copies the commit that wrote it"
        )) && !said.contains("squash merge"),
        "{said}"
    );
    let sync = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(stderr(&sync).contains("up to date"), "{}", text(&sync));
    assert!(repo.is_clean());
}
