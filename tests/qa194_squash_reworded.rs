//! QA194: after a `git rebase -i` that squashed a commit into another and changed the first
//! one's header in the squash (`pick A`, `squash B`, `feat: a` made `feat: alpha`), Unreleased
//! kept `- a` and doctor said "all is well": the squash's step was not followed back as a
//! reword's is. Doctor now names the stale entry and the hand edit, as for a reword.

use crate::support::{installed_repo, text};

#[test]
fn doctor_names_the_entry_a_squash_reworded_away() {
    let repo = installed_repo();
    repo.commit_hooked("feat: a");
    repo.commit_hooked("fix: b");
    let env = [
        ("GIT_SEQUENCE_EDITOR", "sed -i 2s/^pick/squash/"),
        ("GIT_EDITOR", "sed -i s/^feat:.a$/feat:\\ alpha/"),
    ];
    repo.git_env(&["rebase", "-q", "-i", "HEAD~2"], &env);
    assert_eq!(
        repo.git(&["log", "--format=%B", "-1"]),
        "feat: alpha\n\nfix: b"
    );
    assert!(repo.read("CHANGELOG.md").contains("- a\n"));
    let squashed = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    let out = repo.relhook(&["doctor"]);
    let said = text(&out);
    assert!(
        said.contains(&format!(
            "CHANGELOG.md still reads `- a` for squashed commit {squashed} (relhook leaves the commits of a rebase as git makes them); if it should follow the new message, change it by hand to `- alpha` under Added"
        )),
        "{said}"
    );
    assert!(!said.contains("all is well"), "{said}");
    // `--sync` says it too, and keeps the entry (a person may have written it).
    let sync = text(&repo.relhook(&["changelog", "--sync"]));
    assert!(
        sync.contains("still reads `- a` for squashed commit"),
        "{sync}"
    );
    assert!(repo.read("CHANGELOG.md").contains("- a\n"));
}
