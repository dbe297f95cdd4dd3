//! QA38: `git commit --amend -m "feat: merge side"` of a merge commit got an entry of its own
//! (which `--rebuild` and `check` never count for a merge) and a line calling the merge a
//! squash of a deleted branch. Now an amended merge is a merge: no entry, said in one line.

use crate::support::{installed_repo, stderr, stdout, text};

#[test]
fn an_amended_merge_gets_no_entry_and_is_not_called_a_squash() {
    let repo = installed_repo();
    repo.commit_hooked("feat: add a");
    repo.git(&["switch", "-q", "-c", "side"]);
    repo.commit_hooked("feat: add s1");
    repo.git(&["switch", "-q", "main"]);
    repo.commit_hooked("fix: fix m1");
    repo.git(&["merge", "-q", "--no-edit", "side"]);
    let before = repo.read("CHANGELOG.md");
    let out = repo.git_output(&["commit", "-q", "--amend", "-m", "feat: merge side"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("no entry added: a merge commit carries no entry of its own"),
        "{said}"
    );
    assert!(!said.contains("squash"), "{said}");
    assert_eq!(repo.read("CHANGELOG.md"), before);
    assert!(repo.is_clean());
    let rebuilt = stdout(&repo.relhook(&["changelog", "--stdout"]));
    assert_eq!(rebuilt, before);
    // Amended again with a message that calls for nothing: silent.
    let out = repo.git_output(&["commit", "-q", "--amend", "-m", "Merge branch 'side'"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("relhook:"), "{}", text(&out));
}
