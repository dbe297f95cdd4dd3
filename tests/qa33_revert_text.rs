//! QA33: a revert GitHub made of a long subject (`Revert "fix(sfc): add scoping tag to
//! trailing universal selector (#1…" (#13406)`) kept the cut text in its entry, though its body
//! names the reverted commit, whose header is whole.

use crate::support::{stdout, text, untested_installed};

#[test]
fn a_forge_shortened_revert_takes_the_reverted_commit_s_header() {
    let repo = untested_installed();
    repo.commit_hooked("fix(sfc): add scoping tag to trailing universal selector (#12918)");
    let fix = repo.git(&["rev-parse", "HEAD"]);
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.write("revert.txt", "r\n");
    repo.git(&["add", "revert.txt"]);
    let message = format!(
        "Revert \"fix(sfc): add scoping tag to trailing universal selector (#1…\" (#13406)\n\nThis reverts commit {fix}.\n"
    );
    let out = repo.git_skipping_relhook(&["commit", "-q", "-m", &message]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.relhook(&["changelog", "--stdout"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let log = stdout(&out);
    assert!(
        log.contains(
            "- **sfc:** revert \"add scoping tag to trailing universal selector (#12918)\" (#13406)"
        ),
        "{log}"
    );
    assert!(!log.contains('…'), "{log}");
}

/// The same shortened revert of a change not released yet takes its entry out, as a revert
/// of the whole header does.
#[test]
fn a_forge_shortened_revert_of_an_unreleased_change_takes_its_entry_out() {
    let repo = untested_installed();
    repo.commit_hooked("feat: a");
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.commit_hooked(
        "fix(parser): handle very long input lines without crashing the tokenizer (#1)",
    );
    let fix = repo.git(&["rev-parse", "HEAD"]);
    assert!(
        repo.read("CHANGELOG.md")
            .contains("handle very long input lines")
    );
    repo.write("revert.txt", "r\n");
    repo.git(&["add", "revert.txt"]);
    let message = format!(
        "Revert \"fix(parser): handle very long input lines without crashing the to…\" (#99)\n\nThis reverts commit {fix}.\n"
    );
    let out = repo.git_output(&["commit", "-q", "-m", &message]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(!log.contains("handle very long input lines"), "{log}");
    let out = repo.relhook(&["changelog", "--stdout"]);
    assert!(!stdout(&out).contains("handle very long"), "{}", text(&out));
}
