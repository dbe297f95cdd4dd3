//! The cost of a release tag made by hand, counted, never timed: a repository released once
//! with three fixes since, tagged `v0.2.0` by hand with a `RELHOOK_TEST_*` counter set, and
//! the counts each of the tag hook's two runs (`prepared`, then `committed`) said.

use super::{Repo, dated_release, ok, stderr, text, untested_installed};

/// A repository with relhook installed, released as 0.1.0 with three fixes since; `files`
/// (path, text) are committed with its changelog first.
pub fn released_with_fixes(files: &[(&str, &str)]) -> Repo {
    let repo = untested_installed();
    for (path, body) in files {
        repo.write(path, body);
        repo.git(&["add", path]);
    }
    repo.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n");
    repo.git(&["add", "CHANGELOG.md"]);
    repo.commit_hooked("docs: start a changelog");
    repo.commit_hooked("feat: first");
    ok(dated_release(&repo, &[]));
    for i in 0..3 {
        repo.commit_hooked(&format!("fix: change {i}"));
    }
    repo
}

/// Tags `v0.2.0` by hand with the counters `env` set, checks the release commit was made and
/// returns what the hook runs said.
pub fn hand_tag_counted(repo: &Repo, env: &[&str]) -> String {
    let mut vars: Vec<(&str, &str)> = env.iter().map(|v| (*v, "1")).collect();
    vars.push(("RELHOOK_DATE", "2026-11-21"));
    let out = repo.git_in(
        &repo.path(),
        &["tag", "-a", "v0.2.0", "-m", "release 0.2.0"],
        &vars,
    );
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("v0.2.0 now points at release commit"), "{err}");
    err
}

/// The counts each relhook run said for `what` (`relhook: test: N what`), in the order the
/// runs ended; one per run, a `prepared` and a `committed` one.
pub fn counts(err: &str, what: &str) -> Vec<usize> {
    let suffix = format!(" {what}");
    let counts: Vec<usize> = err
        .lines()
        .filter_map(|l| l.strip_prefix("relhook: test: "))
        .filter_map(|l| l.strip_suffix(suffix.as_str()))
        .map(|n| n.parse().expect("a count"))
        .collect();
    assert_eq!(
        counts.len(),
        2,
        "a prepared and a committed count of {what}:\n{err}"
    );
    counts
}

/// A repository released as 0.1.0 with three fixes since and a hand-written Unreleased entry;
/// with `fillers` commits of one commit time (made by `git commit-tree`, so HEAD's reflog does
/// not remember them) between its first commit and the release.
pub fn released_below_fillers(fillers: usize) -> Repo {
    let repo = untested_installed();
    let mut at = repo.git(&["rev-parse", "HEAD"]);
    for i in 0..fillers {
        let message = format!("chore: filler {i}");
        at = repo.git(&["commit-tree", "HEAD^{tree}", "-p", &at, "-m", &message]);
    }
    if fillers > 0 {
        repo.git(&["reset", "-q", "--hard", &at]);
    }
    repo.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n");
    repo.git(&["add", "CHANGELOG.md"]);
    repo.commit_hooked("docs: start a changelog");
    repo.commit_hooked("feat: first");
    ok(dated_release(&repo, &[]));
    for i in 0..3 {
        repo.commit_hooked(&format!("fix: change {i}"));
    }
    let log = repo.read("CHANGELOG.md").replacen(
        "## [Unreleased]\n",
        "## [Unreleased]\n\n### Changed\n\n- A note written by hand\n",
        1,
    );
    repo.write("CHANGELOG.md", &log);
    repo.git(&["add", "CHANGELOG.md"]);
    repo.commit_hooked("docs: note a change by hand");
    repo
}
