//! QA248: a hand tag while a merge (or cherry-pick) was stopped on a conflict was refused twice
//! over: "the working tree is not clean (CHANGELOG.md, a.txt): … commit or stash first", then
//! "a merge is in progress …". The unclean tree is the merge's own (stash refuses unmerged
//! files): one refusal now, the merge's, with its commands.

use crate::support::{Repo, hand_tag, installed_repo, ok, stderr, text};

/// `a.txt` changed on `side` and on main, through the hooks: their merge conflicts there.
fn diverged() -> Repo {
    let repo = installed_repo();
    repo.write("a.txt", "base\n");
    repo.git(&["add", "a.txt"]);
    repo.commit_hooked("feat: a");
    repo.git(&["switch", "-q", "-c", "side"]);
    repo.write("a.txt", "side\n");
    repo.git(&["add", "a.txt"]);
    repo.commit_hooked("fix: a on the side");
    repo.git(&["switch", "-q", "main"]);
    repo.write("a.txt", "main\n");
    repo.git(&["add", "a.txt"]);
    repo.commit_hooked("fix: a on main");
    repo
}

/// The hand tag's refusal: exit 128, no tag, its one `refusing tag` line.
fn refused_once(repo: &Repo, op: &str, git: &str) {
    let out = hand_tag(repo, &["-a", "v0.1.0", "-m", "v0.1.0"]);
    assert_eq!(out.status.code(), Some(128), "{}", text(&out));
    let err = stderr(&out);
    let said = format!(
        "relhook: refusing tag v0.1.0: {op} is in progress, so the release commit cannot be made now; finish it (`{git} --continue`) or abort it (`{git} --abort`), then tag again\n"
    );
    assert!(err.contains(&said), "{err}");
    assert_eq!(err.matches("refusing tag").count(), 1, "{err}");
    assert!(!err.contains("not clean"), "{err}");
    assert_eq!(repo.git(&["tag"]), "");
}

#[test]
fn a_hand_tag_mid_merge_is_refused_once_for_the_merge() {
    let repo = diverged();
    let out = repo.git_output(&["merge", "-q", "side"]);
    assert!(!out.status.success(), "no conflict: {}", text(&out));
    refused_once(&repo, "a merge", "git merge");
    // Done as said, the tag makes the release.
    repo.write("a.txt", "both\n");
    repo.git(&["add", "a.txt"]);
    ok(repo.sh("git commit -q --no-edit"));
    ok(hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"]));
    assert!(repo.read("CHANGELOG.md").contains("## [0.1.0]"));
}

#[test]
fn a_hand_tag_mid_cherry_pick_is_refused_once_for_it() {
    let repo = diverged();
    let out = repo.git_output(&["cherry-pick", "side"]);
    assert!(!out.status.success(), "no conflict: {}", text(&out));
    refused_once(&repo, "a cherry-pick", "git cherry-pick");
}
