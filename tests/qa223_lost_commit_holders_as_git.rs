//! QA223: a lost commit's entry stays exactly while git still holds the commit elsewhere than
//! the local branches. Checked against git's own answer (`git for-each-ref --contains`, the
//! stash, `git worktree list`) for holders of every odd kind: nested and unicode ref names,
//! an annotated tag of an annotated tag, tags on a tree or a blob (which hold no commit), a
//! tag on a descendant, an older stash made with untracked files, and a linked worktree
//! whose folder is gone (locked on a drive not mounted, or removed without
//! `git worktree prune`): git still reads that worktree's HEAD in `.git/worktrees/<name>/`.

use crate::qa206_lost_commit_holders::{detached_worktree, dropped_but_held, kept_and_said};
use crate::support::{Repo, ok, stderr, text};

/// A holder made on the commit `feat: keep me` (its id given).
type Hold = fn(&Repo, &str);

fn tag_nested(repo: &Repo, kept: &str) {
    repo.git(&["tag", "rel/2026/keep", kept]);
}

fn tag_of_tag(repo: &Repo, kept: &str) {
    repo.git(&["tag", "-a", "-m", "inner", "inner", kept]);
    repo.git(&["tag", "-a", "-m", "outer", "outer", "inner"]);
    repo.git(&["tag", "-d", "inner"]);
}

fn tag_on_tree(repo: &Repo, kept: &str) {
    repo.git(&["tag", "tree", &format!("{kept}^{{tree}}")]);
}

fn tag_on_blob(repo: &Repo, kept: &str) {
    repo.git(&[
        "tag",
        "-a",
        "-m",
        "blob",
        "blob",
        &format!("{kept}:keep.txt"),
    ]);
}

fn remote_odd_name(repo: &Repo, kept: &str) {
    repo.git(&["update-ref", "refs/remotes/up.stream/feat/ünï-côde", kept]);
}

fn tag_on_descendant(repo: &Repo, kept: &str) {
    repo.git(&["checkout", "-q", "-b", "later", kept]);
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "--allow-empty",
        "-m",
        "chore: later",
    ]);
    repo.git(&["tag", "later-tag"]);
    repo.git(&["checkout", "-q", "main"]);
    repo.git(&["branch", "-q", "-D", "later"]);
}

fn older_stash_with_untracked(repo: &Repo, kept: &str) {
    repo.git(&["checkout", "-q", kept]);
    repo.write("untracked.txt", "new\n");
    repo.git(&["stash", "-q", "-u"]);
    repo.git(&["checkout", "-q", "main"]);
    repo.write("other.txt", "newer\n");
    repo.git(&["stash", "-q", "-u"]);
}

fn worktree_removed_unpruned(repo: &Repo, kept: &str) {
    let there = detached_worktree(repo, kept);
    std::fs::remove_dir_all(&there).unwrap();
}

fn worktree_locked_unmounted(repo: &Repo, kept: &str) {
    let there = detached_worktree(repo, kept);
    repo.git(&[
        "worktree",
        "lock",
        "--reason",
        "on a drive",
        there.to_str().unwrap(),
    ]);
    std::fs::rename(&there, repo.dir.path().join("unmounted")).unwrap();
}

/// The ref git holds `kept` by, as relhook names it (`None`: none): a tag or remote-tracking
/// branch whose history has it, then a stash, then a worktree git lists, whose history has it.
fn git_holder(repo: &Repo, kept: &str) -> Option<String> {
    let refs = repo.git(&[
        "for-each-ref",
        "--format=%(refname)",
        "--contains",
        kept,
        "refs/tags",
        "refs/remotes",
    ]);
    if let Some(r) = refs.lines().next() {
        return Some(match r.strip_prefix("refs/tags/") {
            Some(tag) => format!("tag `{tag}`"),
            None => format!(
                "remote-tracking branch `{}`",
                r.strip_prefix("refs/remotes/").unwrap()
            ),
        });
    }
    let holds = |at: &str| {
        let asked = ["merge-base", "--is-ancestor", kept, at];
        repo.git_output(&asked).status.success()
    };
    let stashes = repo.git(&["stash", "list", "--format=%gd %H"]);
    for line in stashes.lines() {
        let (name, at) = line.split_once(' ').unwrap();
        if holds(at) {
            return Some(format!("`{name}`"));
        }
    }
    let worktrees = repo.git(&["worktree", "list", "--porcelain"]);
    let mut path = "";
    for line in worktrees.lines() {
        if let Some(p) = line.strip_prefix("worktree ") {
            path = p;
        }
        let at = line.strip_prefix("HEAD ");
        if path != repo.path().to_string_lossy() && at.is_some_and(holds) {
            return Some(format!("the HEAD of worktree {path}"));
        }
    }
    None
}

/// Each of `holds` made on the commit `--sync` would take the entry of: the entry stays, said
/// as held by the ref git names, exactly where git holds the commit.
fn as_git_holds(holds: &[(&str, Hold)]) {
    for (what, hold) in holds {
        let (repo, short) = dropped_but_held(hold);
        let kept = repo.git(&["rev-parse", &short]);
        match git_holder(&repo, &kept) {
            Some(holder) => kept_and_said(&repo, &short, &holder),
            None => {
                let out = ok(repo.relhook(&["changelog", "--sync"]));
                assert!(
                    !repo.read("CHANGELOG.md").contains("keep me"),
                    "{what}: {}",
                    text(&out)
                );
                assert!(stderr(&out).contains("removed `- keep me`"), "{what}");
            }
        }
    }
}

#[test]
fn tags_of_odd_names_and_kinds_hold_as_git_says() {
    as_git_holds(&[
        ("nested tag", tag_nested),
        ("annotated tag of a tag", tag_of_tag),
    ]);
}

#[test]
fn tags_on_a_tree_or_a_blob_hold_no_commit() {
    as_git_holds(&[
        ("tag on a tree", tag_on_tree),
        ("tag on a blob", tag_on_blob),
    ]);
}

#[test]
fn an_odd_remote_branch_and_a_descendants_tag_hold_as_git_says() {
    as_git_holds(&[
        ("remote-tracking branch of an odd name", remote_odd_name),
        ("tag on a descendant", tag_on_descendant),
    ]);
}

#[test]
fn stashes_made_with_untracked_files_hold_as_git_says() {
    as_git_holds(&[(
        "older stash with untracked files",
        older_stash_with_untracked,
    )]);
}

#[test]
fn a_worktree_removed_without_prune_still_holds_its_head() {
    as_git_holds(&[("worktree removed unpruned", worktree_removed_unpruned)]);
}

#[test]
fn a_locked_worktree_not_mounted_still_holds_its_head() {
    as_git_holds(&[("locked worktree not mounted", worktree_locked_unmounted)]);
}
