//! QA44: after `git merge --no-ff feature`, where both lines had breaking and plain entries,
//! the merge driver lists the merged branch's entries after main's (breaking ones first),
//! as README says; `--rebuild` wrote the breaking ones by date instead, interleaving the two
//! lines, so it disagreed with the file post-commit and the merge left. It writes them in the
//! order the merge does now: a merged branch's commits after its first parent's line.

use crate::support::{installed_repo, ok, stdout, text};

const MERGED: &str = "### Added\n\n\
    - **BREAKING** **api:** main breaking one\n\
    - **BREAKING** **x:** main breaking two\n\
    - **BREAKING** **api:** feature breaking\n\
    - init\n\
    - main plain\n\
    - feature plain\n";

#[test]
fn rebuild_and_sync_agree_with_the_merged_breaking_order() {
    let repo = installed_repo();
    repo.commit_hooked("feat(api)!: main breaking one");
    repo.git(&["checkout", "-q", "-b", "feature"]);
    repo.commit_hooked("feat(api)!: feature breaking");
    repo.commit_hooked("feat: feature plain");
    repo.git(&["checkout", "-q", "main"]);
    repo.commit_hooked("feat: main plain");
    repo.commit_hooked("feat(x)!: main breaking two");
    ok(repo.git_output(&["merge", "--no-ff", "--no-edit", "feature"]));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains(MERGED), "{log}");
    let sync = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(text(&sync).contains("up to date"), "{}", text(&sync));
    assert_eq!(repo.read("CHANGELOG.md"), log);
    let rebuilt = ok(repo.relhook(&["changelog", "--rebuild", "--stdout"]));
    assert!(stdout(&rebuilt).contains(MERGED), "{}", text(&rebuilt));
}
