//! QA90: the walk for a CHANGELOG.md a commit deleted stopped after 1,000 first-parent
//! commits: in a clone whose changelog was deleted further down, post-commit found no
//! deletion and started a new file holding this commit's entry alone, without the releases'
//! sections. The walk now hands what it does not meet within a few steps to git's
//! path-limited walk, which reaches the first commit; its answer is kept as before, so the
//! next commit costs a step.

use crate::qa23_history_cost::{counted, walked};
use crate::support::{Repo, ok, stderr};

const LOG: &str =
    "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-01-01\n\n### Added\n\n- one\n";

/// A history where `chore: drop the changelog` took CHANGELOG.md (with a release's
/// section) away, followed by `after` empty commits; relhook installed.
fn deleted_long_ago(after: usize) -> Repo {
    let repo = Repo::new();
    let config = "[checks]\nrequire_tested_tags = false\n";
    let mut stream = String::new();
    let mut commit = |when: usize, message: &str, ops: &str| {
        let message = format!("{message}\n");
        stream.push_str(&format!(
            "commit refs/heads/main\ncommitter A <a@b> {} +0000\ndata {}\n{message}{ops}\n",
            1_700_000_000 + when,
            message.len()
        ));
    };
    let inline =
        |path: &str, text: &str| format!("M 100644 inline {path}\ndata {}\n{text}\n", text.len());
    let first = inline("CHANGELOG.md", LOG) + &inline(".relconfig.toml", config);
    commit(0, "feat: one", &first);
    commit(1, "chore: drop the changelog", "D CHANGELOG.md\n");
    for i in 0..after {
        commit(2 + i, &format!("feat: change {i}"), "");
    }
    repo.fast_import(&stream);
    ok(repo.relhook(&["install"]));
    repo
}

#[test]
fn a_deletion_below_a_thousand_commits_is_found_and_kept() {
    let repo = deleted_long_ago(1_100);
    let id = repo.git(&["rev-parse", "--short=9", "main~1100"]);
    let mut counts = Vec::new();
    for name in ["two", "three"] {
        repo.write(name, "x\n");
        repo.git(&["add", name]);
        let out = ok(counted(
            &repo,
            &["commit", "-q", "-m", &format!("feat: {name}")],
        ));
        let err = stderr(&out);
        assert!(
            err.contains(&format!("CHANGELOG.md was deleted by commit {id}")),
            "{err}"
        );
        assert!(!repo.path().join("CHANGELOG.md").exists(), "{err}");
        counts.push(walked(&out));
    }
    // git walked the long part; relhook's own walks stay short, the second one a step.
    assert!(counts[0] < 1_000 && counts[1] < 100, "walked {counts:?}");
    // Commands that look for it find it as far down.
    let out = repo.relhook(&["changelog", "--sync"]);
    assert!(
        stderr(&out).contains(&format!("deleted by commit {id}")),
        "{}",
        stderr(&out)
    );
}
