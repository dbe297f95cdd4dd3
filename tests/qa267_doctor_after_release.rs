//! QA267: doctor after a release. In a linked worktree of a branch merged and released (HEAD
//! below the release tag) doctor said "INVALID version: nothing to release" and exited 1,
//! though nothing needs fixing there.

use crate::support::{configured_with_a_feature, ok, stdout, text};

#[test]
fn doctor_in_a_worktree_below_the_release_of_its_merged_branch_finds_nothing_to_fix() {
    let repo = configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".into());
    repo.git(&["switch", "-q", "-c", "topic"]);
    repo.write("two.txt", "2\n");
    repo.git(&["add", "two.txt"]);
    repo.git(&["commit", "-q", "-m", "feat: two"]);
    repo.git(&["switch", "-q", "main"]);
    repo.git(&["merge", "-q", "--no-ff", "topic", "-m", "Merge topic"]);
    ok(repo.relhook(&["release"]));
    let linked = repo.dir.path().join("linked");
    repo.git(&["worktree", "add", "-q", linked.to_str().unwrap(), "topic"]);

    let doctor = repo.relhook_in(&linked, &["doctor"]);
    let said = stdout(&doctor);
    assert_eq!(doctor.status.code(), Some(0), "{}", text(&doctor));
    assert!(!said.contains("INVALID"), "{said}");
    let row = said
        .lines()
        .find(|l| l.contains(" version: "))
        .unwrap_or_default();
    assert!(row.trim_start().starts_with("ok  version: "), "{said}");
    assert!(
        row.contains("nothing to release") && row.contains("v0.1.0"),
        "{said}"
    );
}
