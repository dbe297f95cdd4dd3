//! QA104: a release tag made with the hooks off above a hand-written changelog section whose
//! commit does not set the version files, which a later commit sets. Pre-push and doctor said
//! to set the files in the section commit as if none did: the rebase then stops on the later
//! commit, empty. They now give the way `relhook release` gives for the section: onto the
//! later commit that sets them with nothing under Unreleased, or the files set in the section
//! commit, the commit that only set them dropped in that rebase.

use crate::qa98_moved_unset::section_written_by_hand;
use crate::qa104_moved_unset_doctor::{doctor_fix, pushes, quoted, set_in_section_commit};
use crate::support::{Repo, ok, stderr, text};

/// A commit that sets package.json to 0.1.0 and nothing else: its short id.
fn set_version(repo: &Repo) -> String {
    let json = repo.read("package.json").replace("0.0.0", "0.1.0");
    repo.write("package.json", json);
    ok(repo.git_output(&["commit", "-q", "-a", "-m", "chore: set version"]));
    repo.git(&["rev-parse", "--short=9", "HEAD"])
}

/// Pre-push's `fix:` line for the tag, the push refused.
fn prepush_fix(repo: &Repo) -> String {
    let out = repo.git_output(&["push", "-q", "origin", "main", "v0.1.0"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let fix = err
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("{err}"));
    fix.to_owned()
}

#[test]
fn a_later_commit_that_sets_the_version_with_nothing_unreleased_takes_the_tag() {
    let (repo, _) = section_written_by_hand();
    let set = set_version(&repo);
    repo.commit_hooked("fix: b");
    ok(repo.git_skipping_relhook(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]));

    let move_there = format!("git tag -d v0.1.0 && git tag -a v0.1.0 -m v0.1.0 {set}");
    let fix = doctor_fix(&repo);
    assert_eq!(quoted(&fix), [move_there.as_str()], "{fix}");
    let fix = prepush_fix(&repo);
    assert_eq!(quoted(&fix).last(), Some(&move_there.as_str()), "{fix}");

    // Pasted as it is: the hand-tag hook takes the tag there, and the push goes.
    let out = repo.sh(&move_there);
    assert!(out.status.success(), "{}", text(&out));
    pushes(&repo);
}

#[test]
fn a_later_commit_that_only_sets_the_version_is_dropped_in_the_rebase() {
    let (repo, section) = section_written_by_hand();
    repo.commit_hooked("fix: b");
    let set = set_version(&repo);
    repo.commit_hooked("fix: c");
    ok(repo.git_skipping_relhook(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]));

    let rebase = format!("git rebase -i {section}~1");
    let expected = [
        "git tag -d v0.1.0",
        &rebase,
        "edit",
        "drop",
        "git tag -a v0.1.0 -m 'release 0.1.0' HEAD~2",
    ];
    let fix = prepush_fix(&repo);
    assert_eq!(quoted(&fix), expected, "{fix}");
    assert!(fix.contains(&format!("and {set} `drop`")), "{fix}");
    let fix = doctor_fix(&repo);
    assert_eq!(quoted(&fix), expected, "{fix}");
    assert!(fix.contains(&format!("and {set} `drop`")), "{fix}");

    // Followed: the section commit edited, the commit that set the version dropped.
    let todo = "sed -i -e 1s/^pick/edit/ -e '/chore: set version/s/^pick/drop/'";
    set_in_section_commit(&repo, &section, todo, "HEAD~2");
    pushes(&repo);
}
