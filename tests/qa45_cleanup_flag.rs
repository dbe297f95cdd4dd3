//! QA45: `git commit --cleanup=whitespace` (or `scissors`) in an editor session: git keeps `#`
//! lines there, but commit-msg judged the message as `strip` would clean it (git tells hooks
//! nothing of its own options), so `#wip` became the stored header unchecked. The hook reads
//! `--cleanup` from the git that runs it, as git applies it.

use crate::support::{Repo, installed_repo, stderr, text};

/// An editor that writes `#wip whatever` above `feat: real header` into the message.
fn commit_with_editor(repo: &Repo, args: &[&str]) -> std::process::Output {
    repo.write("f.txt", format!("{args:?}\n"));
    repo.git(&["add", "f.txt"]);
    repo.command_in("git", &repo.path())
        .arg("commit")
        .args(args)
        .env(
            "GIT_EDITOR",
            "sh -c 'printf \"#wip whatever\\nfeat: real header\\n\" | cat - \"$1\" > \"$1.t\" && mv \"$1.t\" \"$1\"' --",
        )
        .output()
        .unwrap()
}

#[test]
fn cleanup_modes_given_to_git_that_keep_comments_are_judged_with_them() {
    let repo = installed_repo();
    for mode in ["--cleanup=whitespace", "--cleanup=scissors"] {
        let head = repo.git(&["rev-parse", "HEAD"]);
        let out = commit_with_editor(&repo, &["-q", mode]);
        assert_eq!(out.status.code(), Some(1), "{mode}: {}", text(&out));
        assert!(
            stderr(&out).contains("#wip whatever"),
            "{mode}: {}",
            text(&out)
        );
        assert_eq!(
            repo.git(&["rev-parse", "HEAD"]),
            head,
            "{mode}: nothing committed"
        );
    }
    // Under `strip`, git's default here, the `#` line goes and the header is good.
    let out = commit_with_editor(&repo, &["-q", "--cleanup", "strip"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["log", "-1", "--format=%s"]), "feat: real header");
}
