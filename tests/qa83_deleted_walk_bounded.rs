//! QA83: post-commit's note for a missing changelog (deleted by an earlier commit, or a
//! monorepo's root that has none) walked back up to 1,000 first-parent commits on every
//! commit to find the deletion. The answer is now kept by the commit it was asked at, so the
//! next commit's walk ends at its parent, and the note still says what it said.

use crate::qa23_history_cost::{counted, walked};
use crate::support::{Repo, ok, stderr};

/// A monorepo of package `pkg` over a history of 1,200 commits, with no root changelog.
fn long_monorepo() -> Repo {
    let repo = Repo::new();
    repo.feat_history(1200);
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n\n[packages.pkg]\npath = \"pkg\"\n",
    );
    repo.write("pkg/p", "p\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: packages"]);
    ok(repo.relhook(&["install"]));
    repo
}

#[test]
fn a_root_commit_after_another_walks_a_step_not_the_history() {
    let repo = long_monorepo();
    let mut counts = Vec::new();
    for name in ["r1", "r2", "r3"] {
        repo.write(name, "r\n");
        repo.git(&["add", name]);
        let out = ok(counted(
            &repo,
            &["commit", "-q", "-m", &format!("feat: {name}")],
        ));
        let err = stderr(&out);
        assert!(
            err.contains("the root changelog CHANGELOG.md does not exist"),
            "{err}"
        );
        counts.push(walked(&out));
    }
    assert!(counts[1] < 100 && counts[2] < 100, "walked {counts:?}");
}

#[test]
fn commits_after_a_deletion_still_say_it() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: one");
    repo.git(&["rm", "-q", "CHANGELOG.md"]);
    repo.write("w", "w\n");
    repo.git(&["add", "w"]);
    ok(repo.git_output(&["commit", "-q", "-m", "feat: work and drop"]));
    let id = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    for name in ["two", "three", "four"] {
        let out = ok(repo.try_commit(&format!("feat: {name}")));
        let err = stderr(&out);
        assert!(
            err.contains(&format!("CHANGELOG.md was deleted by commit {id}")),
            "{err}"
        );
        assert!(!repo.path().join("CHANGELOG.md").exists(), "{err}");
    }
    // uninstall takes the kept answer away with the rest.
    ok(repo.relhook(&["uninstall"]));
    assert!(!repo.path().join(".git/relhook-deleted-walk").exists());
}
