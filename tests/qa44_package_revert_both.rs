//! QA44: in a monorepo, `git revert` of a commit that touched two packages told only of the
//! changelog post-commit edited: with a's entry taken out (or a's `revert "…"` added) and b's
//! taken out by git's revert itself (or listed nowhere), nothing was said of b. Each package's
//! changelog is told now, and `--sync` agrees with what post-commit left.

use crate::support::{Repo, ok, stderr, stdout, text, two_packages};

/// Packages a and b released once (`fix: zero`), then `feat: both` touching both.
fn released_then_both(hooked: bool) -> (Repo, String) {
    let repo = two_packages(
        "{\"name\": \"a\", \"version\": \"1.0.0\"}\n",
        "{\"name\": \"b\", \"version\": \"2.0.0\"}\n",
    );
    for (n, subject) in [(0, "fix: zero"), (1, "feat: both")] {
        repo.write("p/a/x.js", format!("{n}\n"));
        repo.write("p/b/x.js", format!("{n}\n"));
        repo.git(&["add", "-A"]);
        if n == 0 {
            repo.commit_hooked(subject);
            ok(repo.relhook(&["release", "--all", "--no-test"]));
        } else if hooked {
            repo.commit_hooked(subject);
        } else {
            ok(repo.git_skipping_relhook(&["commit", "-q", "-m", subject]));
        }
    }
    let feat = repo.git(&["rev-parse", "HEAD"]);
    (repo, feat.trim().to_owned())
}

/// Package `p`'s Unreleased section, as the file has it.
fn unreleased(repo: &Repo, p: &str) -> String {
    let log = repo.read(&format!("p/{p}/CHANGELOG.md"));
    let after = log.split("## [Unreleased]").nth(1).unwrap_or_default();
    after.split("\n## [").next().unwrap_or_default().to_owned()
}

/// `--sync` of each package would leave its changelog as post-commit did.
fn sync_agrees(repo: &Repo) {
    for p in ["a", "b"] {
        let out = ok(repo.relhook(&["changelog", "--sync", "--stdout", "--package", p]));
        let file = repo.read(&format!("p/{p}/CHANGELOG.md"));
        assert_eq!(stdout(&out).trim_end(), file.trim_end(), "package {p}");
    }
}

#[test]
fn a_revert_released_in_one_package_tells_of_the_others_entry_too() {
    let (repo, feat) = released_then_both(true);
    ok(repo.relhook(&["release", "--package", "a", "--no-test"]));
    let out = repo.git_output(&["revert", "--no-edit", &feat]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("p/a/CHANGELOG.md: added `- revert \"both\"` under Removed")
            && err
                .contains("git's revert took that entry out of p/b/CHANGELOG.md, so neither ships"),
        "{err}"
    );
    assert!(unreleased(&repo, "a").contains("- revert \"both\""));
    assert!(
        !unreleased(&repo, "b").contains("both"),
        "{}",
        unreleased(&repo, "b")
    );
    sync_agrees(&repo);
}

#[test]
fn a_revert_taken_out_of_one_package_tells_of_the_other_listing_it_nowhere() {
    // a's entry written by `--sync` in a later commit (git's revert leaves it), b's nowhere.
    let (repo, feat) = released_then_both(false);
    ok(repo.relhook(&["changelog", "--sync", "--package", "a"]));
    repo.git(&["add", "-A"]);
    repo.commit_hooked("docs: sync a");
    let out = repo.git_output(&["revert", "--no-edit", &feat]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("p/a/CHANGELOG.md: removed `- both`: this commit reverts it before any release")
            && err.contains(
                "no entry added to p/b/CHANGELOG.md: this commit reverts `- both` before any release, so neither ships"
            ),
        "{err}"
    );
    for p in ["a", "b"] {
        assert!(
            !unreleased(&repo, p).contains("both"),
            "{}",
            unreleased(&repo, p)
        );
    }
    sync_agrees(&repo);
}
