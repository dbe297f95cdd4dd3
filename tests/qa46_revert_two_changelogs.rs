//! QA46: reverting the commit that created two packages' changelogs, package a released since
//! and b not. git stops on a's file, and relhook's stop message promises the revert's entry once
//! a's file is kept; but the revert also deleted b's file (its one entry, the reverted
//! change's), which post-commit took for a loss, so a got no entry. That deletion stands now.

use crate::support::{ok, stderr, text, two_packages};

#[test]
fn a_revert_deleting_a_changelog_of_the_reverted_entry_alone_still_writes_the_others() {
    let repo = two_packages(
        "{\"name\":\"a\",\"version\":\"1.0.0\"}\n",
        "{\"name\":\"b\",\"version\":\"1.0.0\"}\n",
    );
    repo.write("p/a/x", "x\n");
    repo.write("p/b/x", "x\n");
    repo.git(&["add", "-A"]);
    ok(repo.git_output(&["commit", "-q", "-m", "feat: shared clock"]));
    let reverted = repo.git(&["rev-parse", "HEAD"]);
    assert!(repo.read("p/b/CHANGELOG.md").contains("- shared clock"));
    ok(repo.relhook(&["release", "--package", "a", "--no-test"]));

    let out = repo.git_output(&["revert", "--no-edit", &reverted]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("relhook then writes the revert's own change to it"),
        "{}",
        text(&out)
    );
    ok(repo.git_output(&["checkout", "--ours", "p/a/CHANGELOG.md"]));
    ok(repo.git_output(&["add", "p/a/CHANGELOG.md"]));
    let out = ok(repo.git_output(&["revert", "--continue", "--no-edit"]));
    let said = stderr(&out);
    assert!(
        said.contains("p/a/CHANGELOG.md: added `- revert \"shared clock\"`"),
        "{said}"
    );
    assert!(
        said.contains("p/b/CHANGELOG.md: git's revert deleted it, with `- shared clock`, its only entry, which no release has, so neither ships"),
        "{said}"
    );
    assert!(!said.contains("to keep it"), "{said}");
    assert!(
        repo.read("p/a/CHANGELOG.md")
            .contains("- revert \"shared clock\"")
    );
    assert!(!repo.path().join("p/b/CHANGELOG.md").exists());
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
}
