//! A revert cancels one instance of a change: the commit it names (`This reverts commit
//! <id>.`), or, naming none (a forge's squash-merged `Revert "…" (#3)`), one commit with the
//! reverted header. Another commit of the same change that stands keeps the entry.

use crate::support::{installed_repo, ok, stderr, text};

#[test]
fn reverting_a_cherry_picked_copy_keeps_the_entry_of_the_branch_commit_still_merged() {
    let repo = installed_repo();
    repo.git(&["checkout", "-q", "-b", "side"]);
    repo.commit_hooked("feat: s2");
    repo.git(&["checkout", "-q", "main"]);
    repo.commit_hooked("fix: m");
    repo.git(&["cherry-pick", "side"]);
    repo.git(&["revert", "--no-edit", "HEAD"]);
    repo.git(&["merge", "--no-edit", "side"]);
    assert!(repo.read("CHANGELOG.md").contains("- s2\n"));

    // The release would drop it as well: its notes and section keep it.
    let dry = ok(repo.relhook(&["release", "--dry-run"]));
    assert!(text(&dry).contains("\n    - s2\n"), "{}", text(&dry));

    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(!stderr(&out).contains("removed"), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- s2\n") && log.contains("- m\n"), "{log}");
    assert!(repo.git(&["status", "--porcelain"]).is_empty());
}

#[test]
fn a_revert_naming_no_commit_cancels_one_of_two_commits_of_that_header() {
    let repo = installed_repo();
    repo.commit_hooked("feat: twice");
    repo.commit_hooked("feat: twice");
    assert!(repo.read("CHANGELOG.md").contains("- twice\n"));
    // GitHub's squash-merged revert: the header, no `This reverts commit <id>.`.
    let revert = |n: usize| {
        repo.write(&format!("r{n}.txt"), "r\n");
        repo.git(&["add", "-A"]);
        ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "Revert \"feat: twice\" (#3)"]));
    };
    revert(1);
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(!stderr(&out).contains("removed"), "{}", text(&out));
    assert!(
        repo.read("CHANGELOG.md").contains("- twice\n"),
        "{}",
        repo.read("CHANGELOG.md")
    );

    // Reverted twice, neither stands: the entry goes.
    revert(2);
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(
        stderr(&out).contains("removed `- twice` from Added"),
        "{}",
        text(&out)
    );
    assert!(
        !repo.read("CHANGELOG.md").contains("- twice\n"),
        "{}",
        repo.read("CHANGELOG.md")
    );
}
