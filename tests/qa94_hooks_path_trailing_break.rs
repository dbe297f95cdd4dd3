//! QA94: a `core.hooksPath` ending in a line break (`hoo⏎`, which git takes as it is) lost
//! that break when relhook read it and git's `rev-parse` answer, so `relhook install` wrote
//! its hooks into the top of the work tree, where git never runs them. Git's answers are now
//! read up to git's own terminator only.

use crate::support::{Repo, ok, text};

#[test]
fn install_writes_hooks_where_git_runs_them_for_a_hooks_path_ending_in_a_line_break() {
    let repo = Repo::new();
    repo.git(&["commit", "-q", "--allow-empty", "-m", "chore: start"]);
    repo.git(&["config", "core.hooksPath", "hoo\n"]);
    let said = text(&ok(repo.relhook(&["install"])));
    for hook in ["commit-msg", "pre-push", "post-commit"] {
        assert!(
            !repo.path().join(hook).exists(),
            "{hook} at the top:\n{said}"
        );
        assert!(repo.path().join("hoo\n").join(hook).is_file(), "{said}");
    }
    // git runs relhook's commit-msg: an invalid message is refused.
    let refused = repo.try_commit("not conventional");
    assert!(!refused.status.success(), "{}", text(&refused));
    assert!(
        text(&refused).contains("header-format"),
        "{}",
        text(&refused)
    );
    repo.commit_hooked("feat: a");
    assert_eq!(repo.head_subject(), "feat: a");
}
