//! QA104: a release tag made with the hooks off above a hand-written changelog section whose
//! commit does not set the version files. Doctor (and `relhook release`'s refusal) said to move
//! the tag back to that commit, which the hand-tag hook refuses for its version files. They now
//! give pre-push's steps: the files set in that commit itself, then that commit tagged.

use crate::qa98_moved_unset::section_written_by_hand;
use crate::support::{Repo, ok, stderr, stdout, text};

/// Doctor's `fix:` line for the tag.
pub(crate) fn doctor_fix(repo: &Repo) -> String {
    let out = repo.relhook(&["doctor"]);
    let report = stdout(&out);
    let at = report
        .find("tag v0.1.0: v0.1.0 is on")
        .unwrap_or_else(|| panic!("{report}"));
    let fix = report[at..]
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("{report}"));
    fix.to_owned()
}

/// The quoted commands of an advice line.
pub(crate) fn quoted(fix: &str) -> Vec<&str> {
    fix.split('`').skip(1).step_by(2).collect()
}

/// Followed: the tag deleted, `edit` (and `drop`) marked as `todo` says, package.json set
/// in the section commit, the rebase finished, and the section commit tagged.
pub(crate) fn set_in_section_commit(repo: &Repo, section: &str, todo: &str, tagged: &str) {
    ok(repo.sh("git tag -d v0.1.0"));
    let edit = [("GIT_SEQUENCE_EDITOR", todo)];
    let out = repo.git_in(
        &repo.path(),
        &["rebase", "-i", &format!("{section}~1")],
        &edit,
    );
    assert!(out.status.success(), "{}", text(&out));
    let json = repo.read("package.json").replace("0.0.0", "0.1.0");
    repo.write("package.json", json);
    ok(repo.git_output(&["commit", "-q", "-a", "--amend", "--no-edit"]));
    let out = repo.git_output(&["rebase", "--continue"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_output(&["tag", "-a", "v0.1.0", "-m", "v0.1.0", tagged]);
    assert!(out.status.success(), "{}", text(&out));
}

/// Pushed, the tag with its branch.
pub(crate) fn pushes(repo: &Repo) {
    let out = repo.git_output(&["push", "-q", "origin", "main", "v0.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn doctor_sets_the_version_in_the_section_commit_before_tagging_it() {
    let (repo, section) = section_written_by_hand();
    repo.commit_hooked("fix: b");
    ok(repo.git_skipping_relhook(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]));

    let fix = doctor_fix(&repo);
    // The move the hook refuses is not the advice.
    assert!(!fix.contains(&format!("-m v0.1.0 {section}")), "{fix}");
    let rebase = format!("git rebase -i {section}~1");
    assert_eq!(
        quoted(&fix),
        [
            "git tag -d v0.1.0",
            &rebase,
            "edit",
            "git tag -a v0.1.0 -m 'release 0.1.0' HEAD~1"
        ],
        "{fix}"
    );
    assert!(fix.contains("set package.json to 0.1.0"), "{fix}");
    // `relhook release` refuses with the same steps.
    let out = repo.relhook(&["release"]);
    assert!(stderr(&out).contains(&fix), "{}", text(&out));

    set_in_section_commit(&repo, &section, "sed -i 1s/^pick/edit/", "HEAD~1");
    pushes(&repo);
}
