//! QA232: the files a release rewrites besides the changelog are read up to a bound (1 MiB, a
//! lock file 64 MiB), but the changelog was read whole: a 200 MB CHANGELOG.md made a
//! post-commit take 47 s and 640 MB, `changelog --sync` 1.2 GB, and `release --dry-run` ran
//! on past 90 s. A changelog over 64 MiB (vue's is 1 MiB) is now refused by its size, never
//! read, in one line naming it, its size and the bound, by post-commit, `--sync`, `release`
//! and a hand tag alike.

use crate::support::{grow_past_the_cap, hand_tag_refused, stderr, text, untested_installed};

const WHAT: &str =
    "CHANGELOG.md is 200 MiB, larger than the 64 MiB relhook reads of a changelog (vue's is 1 MiB)";

#[test]
fn a_huge_changelog_is_refused_by_its_size_everywhere() {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    let path = repo.path().join("CHANGELOG.md");
    assert!(path.is_file());
    // 200 MB without writing them: its size alone must refuse it.
    grow_past_the_cap(&path);
    let said = |s: &str| s.lines().filter(|l| l.contains(WHAT)).count();

    // post-commit: the commit stands, its entry is not added, and the fix is said.
    let out = repo.try_commit("feat: two");
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(said(&stderr(&out)), 1, "{}", text(&out));
    assert!(
        stderr(&out).contains("move its older releases into a file of their own, or put back the committed one if it grew by mistake (`git checkout -- :/CHANGELOG.md`)"),
        "{}",
        text(&out)
    );

    for args in [
        &["changelog", "--sync"][..],
        &["release"],
        &["release", "--dry-run"],
    ] {
        let out = repo.relhook(args);
        assert!(!out.status.success(), "{}", text(&out));
        assert_eq!(said(&text(&out)), 1, "{args:?}: {}", text(&out));
    }

    let refused = hand_tag_refused(&repo, "v0.2.0");
    assert_eq!(said(&refused), 1, "{refused}");
    // Nothing was rewritten: the file is as it was left.
    assert_eq!(std::fs::metadata(&path).unwrap().len(), 200 << 20);
}
