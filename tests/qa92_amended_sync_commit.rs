//! QA92: a `docs(changelog): sync with history` commit (after a `RELHOOK_SKIP=1` one)
//! amended into a `feat:` kept the sync's entry with "no commit on a branch wrote it, so
//! relhook cannot tell its new header stands for it (was the squashed branch deleted?); if it
//! does, take it out". The commit the sync wrote it for is in history: the entry is that
//! commit's, and taken out as advised it would be lost. Now only the new entry is said.

use crate::support::{Repo, ok, text};

#[test]
fn a_synced_entry_of_a_commit_in_history_is_not_offered_for_removal() {
    let repo = Repo::new();
    repo.git(&["commit", "-q", "--allow-empty", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: one");
    repo.write("two.txt", "2\n");
    repo.git(&["add", "two.txt"]);
    repo.git_env(
        &["commit", "-q", "-m", "feat: two"],
        &[("RELHOOK_SKIP", "1")],
    );
    ok(repo.relhook(&["changelog", "--sync"]));
    repo.git(&[
        "commit",
        "-q",
        "-m",
        "docs(changelog): sync with history",
        "--",
        "CHANGELOG.md",
    ]);
    let out = repo.git_output(&["commit", "-q", "--amend", "-m", "feat: three"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = text(&out);
    assert!(said.contains("added `- three` under Added"), "{said}");
    assert!(!said.contains("take it out"), "{said}");
    assert!(!said.contains("kept `- two`"), "{said}");
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- two\n"), "{log}");
    assert!(log.contains("- three\n"), "{log}");
}
