//! QA239: post-commit, `--sync`, `release` and hand tags refused a changelog over 64 MiB by its
//! size, but `version --next`, `notes` and `doctor` still read it whole (a 200 MB one cost
//! `version --next` 8 s and 640 MB, doctor 51 s and 1 GB): now they refuse it in one line too.

use crate::support::{dated_release, grow_past_the_cap, text, untested_installed};

const WHAT: &str =
    "CHANGELOG.md is 200 MiB, larger than the 64 MiB relhook reads of a changelog (vue's is 1 MiB)";

#[test]
fn version_notes_and_doctor_refuse_a_huge_changelog_unread() {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    let out = dated_release(&repo, &[]);
    assert!(out.status.success(), "{}", text(&out));
    repo.commit_hooked("fix: two");
    // 200 MB after a real head, without writing them.
    grow_past_the_cap(&repo.path().join("CHANGELOG.md"));
    for args in [&["version", "--next"][..], &["notes"], &["doctor"]] {
        let started = std::time::Instant::now();
        let out = repo.relhook(args);
        assert!(!out.status.success(), "{args:?}: {}", text(&out));
        let said = text(&out).lines().filter(|l| l.contains(WHAT)).count();
        assert_eq!(said, 1, "{args:?}: {}", text(&out));
        assert!(started.elapsed().as_secs() < 5, "{args:?} read it");
    }
}
