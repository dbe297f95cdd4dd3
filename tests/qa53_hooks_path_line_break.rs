//! QA53: a `core.hooksPath` holding a line break (an absolute path git takes as it is) was
//! read as the line before the break: `relhook install` wrote its hooks into another
//! directory, and git's commits ran none of them. The hooks path is git's last answer, as
//! many lines as the setting has.

use crate::support::{Repo, ok, stderr};

#[test]
fn hooks_go_where_git_runs_them_from_when_the_hooks_path_has_a_line_break() {
    let repo = Repo::new();
    let dir = repo.scratch("hooks\nhere");
    std::fs::create_dir_all(&dir).unwrap();
    repo.git(&["config", "core.hooksPath", dir.to_str().unwrap()]);
    ok(repo.relhook(&["install"]));
    assert!(dir.join("commit-msg").is_file(), "the hook is in {dir:?}");
    // git runs it: a message that fails the lint is refused.
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    let out = repo.git_output(&["commit", "-q", "-m", "not conventional"]);
    assert!(!out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("the header is not a Conventional Commit"),
        "{err}"
    );
}
