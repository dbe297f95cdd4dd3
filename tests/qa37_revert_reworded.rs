//! QA37: a revert of an unreleased commit whose entry was reworded by hand conflicts in
//! CHANGELOG.md; taking the reverted commit's side (`--theirs`) dropped an unrelated entry
//! with it, and keeping ours left the reworded entry to ship though its change was reverted.
//! (relhook's merge driver now takes such a rewording out itself, `qa44_revert_reworded`: the
//! conflict here is git's own line merge, for post-commit's part after it is resolved.)

use crate::support::{Repo, installed_repo, ok, stderr, text};

fn reverted_with(side: &str) -> (Repo, std::process::Output) {
    let repo = installed_repo();
    repo.commit_hooked("fix: fix x");
    let x = repo.git(&["rev-parse", "HEAD"]);
    repo.commit_hooked("feat: add b");
    let log = repo
        .read("CHANGELOG.md")
        .replace("- fix x\n", "- fix x (see #12)\n");
    repo.write("CHANGELOG.md", log);
    repo.git(&["commit", "-q", "--no-verify", "-am", "docs: reword x"]);
    let line_merge = "merge.relhook-changelog.driver=git merge-file %A %O %B";
    let out = repo.git_output(&["-c", line_merge, "revert", "--no-edit", &x]);
    assert!(
        !out.status.success(),
        "a conflict in the file: {}",
        text(&out)
    );
    repo.git(&["checkout", &format!("--{side}"), "CHANGELOG.md"]);
    repo.git(&["add", "CHANGELOG.md"]);
    let out = ok(repo.git_output(&["revert", "--continue", "--no-edit"]));
    (repo, out)
}

fn unreleased(repo: &Repo) -> String {
    let log = repo.read("CHANGELOG.md");
    log[log.find("## [Unreleased]").unwrap()..].to_owned()
}

#[test]
fn taking_the_reverted_side_puts_back_what_came_after() {
    let (repo, out) = reverted_with("theirs");
    assert!(
        stderr(&out).contains("put back 1 entry a parent had unreleased and the conflict's resolution dropped (`- add b`)"),
        "{}",
        text(&out)
    );
    let log = unreleased(&repo);
    assert!(log.contains("- add b\n") && !log.contains("fix x"), "{log}");
    assert!(repo.is_clean());
}

#[test]
fn keeping_ours_takes_the_reworded_entry_out() {
    let (repo, out) = reverted_with("ours");
    assert!(
        stderr(&out).contains("removed `- fix x (see #12)`: this commit reverts it before any release, so neither ships"),
        "{}",
        text(&out)
    );
    let log = unreleased(&repo);
    assert!(log.contains("- add b\n") && !log.contains("fix x"), "{log}");
}

/// Another commit's entry that begins with the reverted one's words is no rewording of it:
/// git's revert takes out `- fix b`, and `- fix b in c` stays.
#[test]
fn a_revert_leaves_another_commits_entry_that_begins_alike() {
    let repo = installed_repo();
    repo.commit_hooked("fix: fix b");
    let b = repo.git(&["rev-parse", "HEAD"]);
    repo.commit_hooked("fix: fix b in c");
    ok(repo.git_output(&["revert", "--no-edit", &b]));
    let log = unreleased(&repo);
    assert!(log.contains("- fix b in c\n"), "{log}");
    assert!(!log.contains("- fix b\n"), "{log}");
}
