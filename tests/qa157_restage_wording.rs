//! QA157: after a post-commit killed once it had moved the branch, and its `index.lock` removed
//! by hand, `relhook changelog --sync` said it "staged CHANGELOG.md again as that commit has it
//! (your next commit carries it)". The index then matches the commit, so the next commit
//! carries no changelog change: what the re-staging does is keep that commit's entry from
//! being taken back out, and it says that now.

use crate::support::{Repo, SKELETON, ok, text};

#[test]
fn the_restaging_says_the_next_commit_keeps_the_entry() {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", SKELETON);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo.write("k.txt", "k\n");
    repo.git(&["add", "k.txt"]);
    repo.git_killed_at(
        "refs-moved",
        &["commit", "-q", "-m", "feat: killed amend"],
        &[],
    );
    std::fs::remove_file(repo.path().join(".git/index.lock")).expect("the index lock");

    let sync = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(sync.status.code(), Some(0), "{}", text(&sync));
    let said = text(&sync);
    assert!(
        said.contains("staged CHANGELOG.md again as that commit has it (the index held it as before the run, so the next commit would have taken the entry back out)"),
        "{said}"
    );
    assert!(!said.contains("your next commit carries it"), "{said}");
    // What it says is so: the index is the commit's, and the next commit keeps the entry.
    assert_eq!(repo.git(&["diff", "--cached", "--name-only"]), "");
    repo.write("l.txt", "l\n");
    repo.git(&["add", "l.txt"]);
    repo.commit_hooked("fix: next one");
    let head = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert!(head.contains("- killed amend"), "{head}");
}
