//! QA267: doctor after a release. In a linked worktree of a branch merged and released (HEAD
//! below the release tag) doctor said "INVALID version: nothing to release" and exited 1,
//! though nothing needs fixing there. A `relhook release` killed before HEAD moved was fixed
//! with `relhook changelog --sync` alone, which only undoes it: `relhook release` undoes it and
//! releases.

use crate::support::{configured_with_a_feature, ok, stdout, text};

#[test]
fn a_release_killed_before_its_commit_is_fixed_by_releasing_again() {
    let repo = configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".into());
    repo.relhook_killed_at("files-written", &["release"]);
    assert_eq!(repo.head_subject(), "feat: one", "HEAD did not move");

    let doctor = repo.relhook(&["doctor"]);
    let said = stdout(&doctor);
    let mut row = said
        .lines()
        .skip_while(|l| !l.contains("a relhook release was interrupted"));
    let (what, fix) = (
        row.next().unwrap_or_default(),
        row.next().unwrap_or_default(),
    );
    // The fix pastes as it stands; the command that only undoes it is said beside.
    assert_eq!(fix.trim(), "fix: relhook release", "{}", text(&doctor));
    assert!(
        what.ends_with(
            "; `relhook release` undoes it and releases, `relhook changelog --sync` only undoes it"
        ),
        "{}",
        text(&doctor)
    );

    // Pasted, the first undoes the killed release and releases.
    let pasted = ok(repo.sh("relhook release"));
    assert!(
        text(&pasted).contains("undid an interrupted release"),
        "{}",
        text(&pasted)
    );
    assert_eq!(repo.git(&["tag", "-l"]), "v0.1.0");
}

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
