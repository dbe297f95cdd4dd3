//! QA147: on an orphan branch (gh-pages) beside a project's many branches, post-commit asked
//! where its history meets each branch that keeps CHANGELOG.md, one merge base per branch,
//! each walking the whole of that branch's history (they share nothing): 3.4 s a commit on
//! vuejs/core's 67 branches. One walk of them all together now stops soon after the orphan's
//! own commits run out. Guarded by counting work, never by timing.

use crate::qa23_history_cost::{counted, main_history, walked};
use crate::support::{Repo, ok, stderr};

/// Commits on main, and branches that keep the changelog beside it.
const COMMITS: usize = 2_000;
const BRANCHES: usize = 20;

#[test]
fn an_orphan_branch_commit_walks_its_own_history_not_every_branchs() {
    let repo = Repo::new();
    let mut stream = String::new();
    main_history(&mut stream, COMMITS, "", None);
    repo.fast_import(&stream);
    repo.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: changelog"]);
    ok(repo.relhook(&["install"]));
    for b in 0..BRANCHES {
        let tree = repo.git(&["rev-parse", "main^{tree}"]);
        let message = format!("chore: branch {b}");
        let tip = repo.git(&["commit-tree", &tree, "-p", "main", "-m", &message]);
        repo.git(&["branch", &format!("side-{b}"), &tip]);
    }

    repo.git(&["switch", "-q", "--orphan", "gh-pages"]);
    repo.write("index.html", "<p>site</p>\n");
    repo.git(&["add", "index.html"]);
    let out = counted(&repo, &["commit", "-q", "-m", "feat: publish the site"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "relhook: no changelog made: branch `gh-pages` shares no history with `main`"
        ),
        "{}",
        stderr(&out)
    );
    assert!(!repo.path().join("CHANGELOG.md").exists());
    // The orphan's commit, the branches' tips and a few commits below them, not 2,000 a branch.
    let steps = walked(&out);
    assert!(
        (1..=BRANCHES * 3).contains(&steps),
        "{steps} commits walked:\n{}",
        stderr(&out)
    );
}
