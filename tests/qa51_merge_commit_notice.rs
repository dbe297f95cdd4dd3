//! QA51: a merge finished with `git commit -m "feat: add the topic feature"` (after `git
//! merge --no-commit`, or after a conflict) got no entry and post-commit said nothing, while
//! amending that merge said why in one line. The first commit now says the same line; a
//! merge under git's own message (no type) stays quiet.

use crate::support::{Repo, installed_repo, ok, stderr, text};

const LINE: &str = "relhook: no entry added: a merge commit carries no entry of its own (its branch's commits carry theirs)";

/// `topic` and main each with a commit of their own; `clash` makes both change `clash.txt`.
fn forked(clash: bool) -> Repo {
    let repo = installed_repo();
    repo.git(&["switch", "-qc", "topic"]);
    repo.commit_hooked("chore: topic");
    if clash {
        repo.write("clash.txt", "topic\n");
        repo.git(&["add", "clash.txt"]);
        repo.commit_hooked("chore: clash on topic");
    }
    repo.git(&["switch", "-q", "main"]);
    repo.commit_hooked("chore: main");
    if clash {
        repo.write("clash.txt", "main\n");
        repo.git(&["add", "clash.txt"]);
        repo.commit_hooked("chore: clash on main");
    }
    repo
}

fn assert_said_once(repo: &Repo, out: &std::process::Output) {
    assert!(out.status.success(), "{}", text(out));
    let err = stderr(out);
    let said: Vec<&str> = err.lines().filter(|l| l.starts_with("relhook")).collect();
    assert_eq!(said, [LINE], "{}", text(out));
    assert!(!repo.read("CHANGELOG.md").contains("topic feature"));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}

#[test]
fn a_merge_made_with_no_commit_then_committed_as_feat_says_why_it_has_no_entry() {
    let repo = forked(false);
    ok(repo.git_output(&["merge", "-q", "--no-ff", "--no-commit", "topic"]));
    let out = repo.git_output(&["commit", "-q", "-m", "feat: add the topic feature"]);
    assert_said_once(&repo, &out);
    // Amended, as before.
    let out = repo.git_output(&[
        "commit",
        "-q",
        "--amend",
        "-m",
        "feat: add the topic feature, amended",
    ]);
    assert_said_once(&repo, &out);
}

#[test]
fn a_conflicted_merge_committed_as_feat_says_why_it_has_no_entry() {
    let repo = forked(true);
    let out = repo.git_output(&["merge", "-q", "topic"]);
    assert!(!out.status.success(), "{}", text(&out));
    repo.write("clash.txt", "both\n");
    repo.git(&["add", "clash.txt"]);
    let out = repo.git_output(&["commit", "-q", "-m", "feat: add the topic feature"]);
    assert_said_once(&repo, &out);
}

#[test]
fn a_merge_committed_under_git_s_own_message_says_nothing() {
    let repo = forked(false);
    ok(repo.git_output(&["merge", "-q", "--no-ff", "--no-commit", "topic"]));
    let out = ok(repo.git_output(&["commit", "-q", "--no-edit"]));
    assert!(!stderr(&out).contains("relhook"), "{}", text(&out));
}
