//! QA140: main merged part of a side branch (`side~50`), and its next commit kept the answer
//! to "which commit deleted CHANGELOG.md". A commit on the side branch, far above where it
//! forked, met that answer only through the merge: its line joins main's history at a side
//! commit the merge brought, which is no commit of main's first-parent line, so git walked
//! the side's whole first-parent line again. Both lines go on as one from the fork point,
//! where main's line meets that side commit's history: the kept answer holds from there.

use crate::qa100_deleted_walk_branches::{
    commit_traced, deleted_long_ago, empty, import, says_deleted_by,
};

#[test]
fn a_side_branch_main_merged_takes_mains_answer_without_walking_its_line() {
    let repo = deleted_long_ago();
    let dropped = repo.git(&["rev-parse", "main~300"]);
    // 150 commits off main's tip, the lower 100 of them merged into main.
    import(&repo, "side", Some("main"), &empty(150));
    repo.git(&["merge", "-q", "--no-ff", "--no-edit", "side~50"]);
    let on_main = commit_traced(&repo, "on-main");
    says_deleted_by(&repo, &on_main, &dropped);
    assert_eq!(on_main.whole_line, 1, "the first walk is git's");
    repo.git(&["switch", "-q", "side"]);
    let on_side = commit_traced(&repo, "on-side");
    says_deleted_by(&repo, &on_side, &dropped);
    assert_eq!(
        on_side.whole_line, 0,
        "walked the side's line again:\n{}",
        on_side.err
    );
}

/// The side branch brought the file back and deleted it again above the fork point: its own
/// deletion is said, not main's older one.
#[test]
fn a_side_branch_that_deleted_the_file_again_says_its_own_deletion() {
    let repo = deleted_long_ago();
    let dropped = repo.git(&["rev-parse", "main~300"]);
    let mut commits = vec![
        (
            "feat: back".to_owned(),
            crate::qa100_deleted_walk_branches::inline(
                "CHANGELOG.md",
                "# Changelog\n\n## [1.0.0] - 2026-01-01\n\n### Added\n\n- one\n",
            ),
        ),
        (
            "chore: drop it again".to_owned(),
            "D CHANGELOG.md\n".to_owned(),
        ),
    ];
    commits.extend(empty(150));
    import(&repo, "side", Some("main"), &commits);
    let again = repo.git(&["rev-parse", "side~150"]);
    repo.git(&["merge", "-q", "--no-ff", "--no-edit", "side~50"]);
    says_deleted_by(&repo, &commit_traced(&repo, "on-main"), &dropped);
    repo.git(&["switch", "-q", "side"]);
    says_deleted_by(&repo, &commit_traced(&repo, "on-side"), &again);
}
