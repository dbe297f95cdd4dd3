//! QA32: a stable release after pre-releases left out every pre-release entry that had a
//! further paragraph (vue's 3.6.0-alpha.1 `- **vapor mode** …` then `  Please see …`), saying
//! only that the sub-section's "other text" was not carried.

use crate::support::{dated_release, hand_tag, stderr, text, untested_installed};

#[test]
fn a_pre_release_entry_with_a_paragraph_reaches_the_stable_release_whole() {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    let out = hand_tag(&repo, &["-a", "v1.0.0", "-m", "v1.0.0"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.commit_hooked("feat: vapor mode");
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("\n- vapor mode\n"), "{log}");
    repo.write(
        "CHANGELOG.md",
        log.replace(
            "\n- vapor mode\n",
            "\n- vapor mode\n\n  See the About section for details.\n",
        ),
    );
    repo.git(&["commit", "-q", "-am", "docs: explain vapor mode"]);
    let out = hand_tag(&repo, &["-a", "v1.1.0-alpha.1", "-m", "alpha"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.commit_hooked("fix: two");

    let out = dated_release(&repo, &["1.1.0", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        !stderr(&out).contains("not their other text"),
        "{}",
        text(&out)
    );
    let log = repo.read("CHANGELOG.md");
    let stable = log
        .split("## [1.1.0] - 2026-11-21\n")
        .nth(1)
        .and_then(|s| s.split("## [1.1.0-alpha.1]").next())
        .unwrap_or_else(|| panic!("{log}"));
    assert_eq!(
        stable,
        "\n### Added\n\n- vapor mode\n\n  See the About section for details.\n\n### Fixed\n\n- two\n\n"
    );
    let notes = repo.git(&["tag", "-l", "--format=%(contents)", "v1.1.0"]);
    assert!(
        notes.contains("- vapor mode\n\n  See the About section for details."),
        "{notes}"
    );
}
