//! QA32: the stable line merged into a pre-release branch (semantic-release's `master` into
//! `beta`): sync, notes and the next pre-release listed the stable release's changes again
//! under Unreleased, though `--rebuild` put them under that release only.

use crate::support::{Repo, stderr, stdout, text};

fn merged_history() -> Repo {
    let repo = Repo::new();
    let c = |repo: &Repo, m: &str| {
        std::fs::write(repo.path().join(format!("{}.txt", m.len())), m).unwrap();
        repo.git(&["add", "-A"]);
        repo.git(&["commit", "-q", "-m", m]);
    };
    c(&repo, "feat: a");
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.git(&["switch", "-q", "-c", "next"]);
    c(&repo, "feat: b on the beta line");
    repo.git(&["tag", "-a", "v1.1.0-beta.1", "-m", "b1"]);
    repo.git(&["switch", "-q", "main"]);
    c(&repo, "fix: c, released in 1.0.1");
    repo.git(&["tag", "-a", "v1.0.1", "-m", "v1.0.1"]);
    repo.git(&["switch", "-q", "next"]);
    repo.git(&["merge", "-q", "--no-edit", "main"]);
    c(&repo, "feat: b2 after the merge");
    repo
}

#[test]
fn a_stable_release_merged_into_a_pre_release_branch_is_not_unreleased_again() {
    let repo = merged_history();
    let out = repo.relhook(&["changelog", "--sync", "--stdout"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let unreleased = stdout(&out);
    assert!(unreleased.contains("- b2 after the merge"), "{unreleased}");
    assert!(!unreleased.contains("c, released in 1.0.1"), "{unreleased}");

    // A tag made there without a changelog: its notes are the beta line's own.
    repo.git(&["tag", "-a", "v1.1.0-beta.2", "-m", "b2"]);
    let out = repo.relhook(&["notes", "v1.1.0-beta.2"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(stdout(&out), "### Added\n\n- b2 after the merge\n");
    assert!(
        stderr(&out).contains("built from the commits since v1.1.0-beta.1"),
        "{}",
        text(&out)
    );
}
