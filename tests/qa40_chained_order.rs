//! QA40: a hook another tool wrote back over relhook's post-commit shim (the same as the one
//! relhook kept as `post-commit.relhook-orig`) was chained again with "which runs first now",
//! while post-commit's shim runs the kept hook after relhook's part. Each hook's line now says
//! when its kept hook runs.

use crate::support::{Repo, chmod, stderr, stdout, text};

/// relhook installed over `name`'s hook `OTHER`, then `OTHER` written back over the shim: the
/// second install's standard output.
fn written_back(repo: &Repo, name: &str) -> String {
    let hook = repo.hooks_dir().join(name);
    let other = "#!/bin/sh\necho OTHER >&2\n";
    std::fs::write(&hook, other).unwrap();
    chmod(&hook, 0o755);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    std::fs::write(&hook, other).unwrap();
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    stdout(&out)
}

#[test]
fn a_post_commit_hook_written_back_is_said_to_run_after_relhook() {
    let repo = Repo::new();
    let said = written_back(&repo, "post-commit");
    let line = said
        .lines()
        .find(|l| l.starts_with("installed post-commit"))
        .unwrap_or_else(|| panic!("{said}"));
    assert!(
        line.contains("post-commit.relhook-orig")
            && line.contains("which runs after relhook's part now")
            && !line.contains("first"),
        "{said}"
    );
    // As the commit shows: relhook's line, then the kept hook's.
    let out = repo.try_commit("feat: x");
    let err = stderr(&out);
    let (ours, other) = (err.find("relhook: "), err.find("OTHER"));
    assert!(
        ours.is_some() && other.is_some() && ours < other,
        "{}",
        text(&out)
    );
}

#[test]
fn a_commit_msg_hook_written_back_still_runs_first() {
    let repo = Repo::new();
    let said = written_back(&repo, "commit-msg");
    assert!(
        said.contains("the same as commit-msg.relhook-orig")
            && said.contains("which runs first now"),
        "{said}"
    );
}
