//! QA234: in a git-cliff file, a release section made partly by post-commit and partly by
//! `changelog --sync` was in mixed order until `--rebuild`: post-commit adds each entry at the
//! end of its sub-section when its commit is made (history's order), `--sync` added the
//! entries of commits made with post-commit skipped after all of those, and `--rebuild`
//! writes history's order. `--sync` now puts each above the entries of later commits.

use crate::qa208_rebuild_post_commit_entry::{FULL, hooked_feature};
use crate::support::{Repo, ok, stdout};

/// A commit of a new file with post-commit skipped (`RELHOOK_SKIP=1`).
fn skipped(repo: &Repo, message: &str) {
    let file = format!("{}.txt", message.replace([' ', ':', '(', ')', '!'], "-"));
    repo.write(&file, "x\n");
    repo.git(&["add", &file]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", message]));
}

/// Where each of `words` is in `text`, which must hold each once.
fn order(text: &str, words: &[&str]) -> Vec<usize> {
    let at = |w: &&str| {
        assert_eq!(text.matches(*w).count(), 1, "{w}: {text}");
        text.find(*w).unwrap_or_default()
    };
    words.iter().map(at).collect()
}

#[test]
fn sync_puts_a_skipped_commits_entry_in_history_order() {
    let (repo, _) = hooked_feature(&format!(
        "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2024-01-01\n\n### ⛰️  Features\n\n\
            - *(core)* Add import - ([abc1234](https://github.com/o/r/commit/{FULL}))\n"
    ));
    skipped(&repo, "feat(cli): add export");
    repo.commit_hooked("feat(ui): add theme");
    skipped(&repo, "feat(db): add index");
    repo.commit_hooked("feat(web): add login");
    // Breaking changes go first, each in history's order too.
    repo.commit_hooked("feat(api)!: drop v1");
    skipped(&repo, "feat(io)!: drop v2");
    ok(repo.relhook(&["changelog", "--sync"]));
    let synced = repo.read("CHANGELOG.md");
    let unreleased = synced.split("## [1.0.0]").next().unwrap_or_default();
    let words = [
        "Drop v1",
        "Drop v2",
        "Add search",
        "Add export",
        "Add theme",
        "Add index",
        "Add login",
    ];
    let at = order(unreleased, &words);
    assert!(at.is_sorted(), "{words:?} at {at:?}:\n{synced}");
    // The rebuild writes the same order.
    let rebuilt = stdout(&ok(repo.relhook(&["changelog", "--rebuild", "--stdout"])));
    let unreleased = rebuilt.split("## [1.0.0]").next().unwrap_or_default();
    let at = order(unreleased, &words);
    assert!(at.is_sorted(), "{words:?} at {at:?}:\n{rebuilt}");
}
