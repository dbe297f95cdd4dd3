//! QA108: a release tag made with the hooks off above a hand-written changelog section whose
//! commit does not set the version files. Doctor printed a second fix under the first, from
//! the tag's version files alone: delete the tag, set package.json on top, commit and tag that
//! commit, which the hand-tag hook refuses there (it ships `- b`, listed under Unreleased), and
//! which, pasted after the first, deletes the tag the first made. Doctor now gives pre-push's
//! one fix for both, and pasted in order, every fix it prints works.

use crate::qa98_moved_unset::section_written_by_hand;
use crate::qa104_moved_unset_doctor::{pushes, quoted, set_in_section_commit};
use crate::support::{Repo, ok, stdout};

/// Every `fix:` line doctor prints.
fn doctor_fixes(repo: &Repo) -> Vec<String> {
    let report = stdout(&repo.relhook(&["doctor"]));
    report
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("fix: "))
        .map(str::to_owned)
        .collect()
}

#[test]
fn doctor_prints_one_fix_for_the_tag_and_it_works_when_pasted() {
    let (repo, section) = section_written_by_hand();
    repo.commit_hooked("fix: b");
    ok(repo.git_skipping_relhook(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]));

    let fixes = doctor_fixes(&repo);
    let rebase = format!("git rebase -i {section}~1");
    let [fix] = fixes.as_slice() else {
        panic!("one fix, pre-push's, expected: {fixes:#?}");
    };
    assert_eq!(
        quoted(fix),
        [
            "git tag -d v0.1.0",
            rebase.as_str(),
            "edit",
            "git tag -a v0.1.0 -m 'release 0.1.0' HEAD~1"
        ],
        "{fix}"
    );

    // Followed: nothing is left to fix, and the push goes.
    set_in_section_commit(&repo, &section, "sed -i 1s/^pick/edit/", "HEAD~1");
    let fixes = doctor_fixes(&repo);
    assert!(fixes.is_empty(), "{fixes:#?}");
    pushes(&repo);
}
