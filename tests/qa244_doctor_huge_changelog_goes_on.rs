//! QA244: `relhook doctor` said a changelog over 64 MiB in one line, then stopped: a hook
//! gone missing beside it went unsaid. Now the changelog's line is one row, and the other
//! checks go on (without reading it).

use crate::support::{grow_past_the_cap, text, untested_installed};

#[test]
fn doctor_says_the_huge_changelog_and_checks_the_rest() {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    grow_past_the_cap(&repo.path().join("CHANGELOG.md"));
    std::fs::remove_file(repo.path().join(".git/hooks/commit-msg")).unwrap();
    let started = std::time::Instant::now();
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let all = text(&out);
    let huge = "INVALID  changelog: CHANGELOG.md is 200 MiB, larger than the 64 MiB relhook reads of a changelog (vue's is 1 MiB), so relhook cannot check it";
    assert_eq!(all.matches(huge).count(), 1, "{all}");
    assert!(all.contains("MISSING  hook commit-msg"), "{all}");
    assert!(all.contains("something needs fixing"), "{all}");
    assert!(started.elapsed().as_secs() < 5, "doctor read it");
}
