//! QA206: `--sync` takes out the entry of a commit this branch once held and a rebase dropped,
//! judged lost when HEAD and the local branches do not reach it. A commit still held by a
//! tag, a remote-tracking branch, another worktree's detached HEAD or a stash is not gone (a
//! pull brings a remote's back; the others keep it), yet its entry was taken out all the same.
//! Such an entry now stays, and `--sync` and doctor each say which ref holds its commit.

use crate::support::{Repo, ok, stderr, stdout, text};

/// `feat: base` and `fix: two` through the hooks around `feat: keep me` made with them off
/// and synced: CHANGELOG.md lists `- keep me` from the sync's commit. `hold` then keeps
/// `feat: keep me` somewhere besides the branch, and a rebase drops it from main.
pub(crate) fn dropped_but_held(hold: impl Fn(&Repo, &str)) -> (Repo, String) {
    let repo = Repo::new();
    repo.hooks(&["commit-msg", "post-commit"]);
    repo.commit("chore: start");
    repo.commit_hooked("feat: base");
    repo.write("keep.txt", "keep\n");
    repo.git(&["add", "keep.txt"]);
    repo.git_env(
        &["commit", "-q", "-m", "feat: keep me"],
        &[("RELHOOK_SKIP", "1")],
    );
    repo.commit_hooked("fix: two");
    ok(repo.relhook(&["changelog", "--sync"]));
    let sync = [
        "commit",
        "-q",
        "--no-verify",
        "-m",
        "docs(changelog): sync with history",
    ];
    repo.git(&[&sync[..], &["--", "CHANGELOG.md"]].concat());
    let kept = repo.git(&["rev-parse", "HEAD~2"]);
    hold(&repo, &kept);
    let drop = [("GIT_SEQUENCE_EDITOR", "sed -i 1s/^pick/drop/")];
    repo.git_env(&["rebase", "-q", "-i", "HEAD~3"], &drop);
    assert!(!repo.git(&["log", "--format=%s"]).contains("keep me"));
    assert!(repo.read("CHANGELOG.md").contains("- keep me\n"));
    (repo, kept[..9].to_owned())
}

/// `--sync` keeps `- keep me` and says `holder` holds its commit; doctor says so too.
pub(crate) fn kept_and_said(repo: &Repo, short: &str, holder: &str) {
    let out = repo.relhook(&["changelog", "--sync"]);
    ok(out.clone());
    assert_eq!(
        repo.read("CHANGELOG.md").matches("- keep me\n").count(),
        1,
        "{}",
        text(&out)
    );
    let line = format!(
        "relhook: {short}: kept `- keep me`: no branch holds that commit (`feat: keep me`) any more, though {holder} does (a rebase dropped it, or a reset); remove the entry by hand if it should not ship"
    );
    assert!(stderr(&out).lines().any(|l| l == line), "{}", text(&out));
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(
        doctor.contains(&format!(
            "the entry of commit {short} (`feat: keep me`), which no branch holds any more, though {holder} does (a rebase dropped it, or a reset); no commit since the last release calls for it; `relhook changelog --sync` keeps it: remove it by hand if it should not ship"
        )),
        "{doctor}"
    );
}

#[test]
fn a_commit_only_a_tag_holds_keeps_its_entry() {
    let (repo, short) = dropped_but_held(|repo, kept| {
        repo.git(&["tag", "keep", kept]);
    });
    kept_and_said(&repo, &short, "tag `keep`");
}

#[test]
fn a_commit_only_a_remote_tracking_branch_holds_keeps_its_entry() {
    let (repo, short) = dropped_but_held(|repo, kept| {
        repo.git(&["update-ref", "refs/remotes/origin/main", kept]);
    });
    kept_and_said(&repo, &short, "remote-tracking branch `origin/main`");
}

#[test]
fn a_commit_only_another_worktrees_head_holds_keeps_its_entry() {
    let (repo, short) = dropped_but_held(|repo, kept| {
        detached_worktree(repo, kept);
    });
    let there = repo.dir.path().join("other");
    let holder = format!("the HEAD of worktree {}", there.display());
    kept_and_said(&repo, &short, &holder);
}

#[test]
fn a_commit_only_a_stash_holds_keeps_its_entry() {
    let (repo, short) = dropped_but_held(|repo, kept| {
        // A stash made on the commit: its base is the commit.
        repo.git(&["checkout", "-q", kept]);
        repo.write("keep.txt", "keep, edited\n");
        repo.git(&["stash", "-q"]);
        repo.git(&["checkout", "-q", "main"]);
    });
    kept_and_said(&repo, &short, "`stash@{0}`");
}

#[test]
fn a_commit_nothing_holds_is_still_taken_out() {
    let (repo, short) = dropped_but_held(|_, _| {});
    let out = repo.relhook(&["changelog", "--sync"]);
    ok(out.clone());
    assert!(
        !repo.read("CHANGELOG.md").contains("keep me"),
        "{}",
        text(&out)
    );
    assert!(
        stderr(&out).contains(&format!(
            "{short}: removed `- keep me`: no branch holds that commit (`feat: keep me`) any more (a rebase dropped it, or a reset)"
        )),
        "{}",
        text(&out)
    );
}

/// A worktree `other` beside the repository, its HEAD detached at `kept`.
pub(crate) fn detached_worktree(repo: &Repo, kept: &str) -> std::path::PathBuf {
    let there = repo.dir.path().join("other");
    repo.git(&[
        "worktree",
        "add",
        "-q",
        "--detach",
        there.to_str().unwrap(),
        kept,
    ]);
    there
}
