//! QA25: reachability on real histories after its rewrite (memoized walks, generation
//! numbers). The answers matched git's on vuejs/core, semantic-release, commitlint and
//! git-cliff, on shallow clones and on made-up histories with skewed clocks; what did not
//! hold was the cost of a hand tag where tests are required (the default): the `next:` line
//! that names the older untested release tags still listed every release tag HEAD reaches,
//! a walk down the whole history on every hand tag and release (vuejs/core: 26,000 commits
//! stepped through for one `git tag -a`, where the tag itself needed 1,300).

use crate::qa23_history_cost::{COMMITS, TAGS, counted, installed_over_a_long_history, walked};
use crate::support::{Repo, ok, stderr, text};

/// Release tags must be tested (the default), with a test command that passes.
const TESTED: &str = "[checks]\ntest = [\"true\"]\n";

/// Hand tags of the next patch releases where release tags must be tested (the default), with
/// stale remote-tracking branches about (as vuejs/core has): the `next:` line asks which older
/// release tags the remote lacks, and finding out walks the commits the remote lacks, not the
/// whole history down to the first release, nor down to each stale branch.
#[test]
fn a_hand_tag_where_tests_are_required_walks_back_to_the_remote_not_down_the_history() {
    let repo = installed_over_a_long_history();
    for k in 1..=20 {
        let old = repo.git(&["rev-parse", &format!("main~{}", k * 140)]);
        repo.git(&["update-ref", &format!("refs/remotes/origin/old-{k}"), &old]);
    }
    repo.write(".relconfig.toml", TESTED);
    repo.git(&["add", ".relconfig.toml"]);
    repo.commit_hooked("chore: require tested release tags");
    for (patch, older) in [(1, None), (2, Some(1))] {
        repo.commit_hooked(&format!("fix: number {patch}"));
        let name = format!("v1.{TAGS}.{patch}");
        let out = counted(&repo, &["tag", "-a", &name, "-m", &name]);
        assert!(out.status.success(), "{}", text(&out));
        assert_eq!(
            repo.head_subject(),
            format!("chore(release): 1.{TAGS}.{patch}"),
            "{}",
            text(&out)
        );
        let err = stderr(&out);
        let next = err
            .lines()
            .find(|l| l.starts_with("next: "))
            .unwrap_or_else(|| panic!("no next: line\n{err}"));
        // The tags on origin's main are not named; the release before, not pushed, is.
        let want = match older {
            Some(p) => format!("next: relhook test --tag v1.{TAGS}.{p} && relhook test, then "),
            None => "next: relhook test, then ".to_owned(),
        };
        assert!(next.starts_with(&want), "{next}");
        let steps = walked(&out);
        assert!(
            steps <= COMMITS / 10,
            "{name} by hand stepped through {steps} commits of a {COMMITS}-commit history with {TAGS} release tags:\n{err}"
        );
    }
}

/// The older untested release tag the remote lacks is still named in the `next:` line, before
/// the new one's test, and one the remote has is not.
#[test]
fn an_older_release_tag_the_remote_lacks_is_still_named_in_the_next_line() {
    let repo = Repo::new();
    repo.write("package.json", "{\"name\":\"x\",\"version\":\"0.0.0\"}\n");
    repo.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n");
    repo.write(".relconfig.toml", TESTED);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.with_origin();
    repo.commit_hooked("feat: one");
    ok(repo.git_output(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]));
    ok(repo.git_output(&["push", "-q", "--no-verify", "origin", "main", "v0.1.0"]));
    repo.commit_hooked("feat: two");
    ok(repo.git_output(&["tag", "-a", "v0.2.0", "-m", "v0.2.0"]));
    repo.commit_hooked("fix: three");
    let out = ok(repo.git_output(&["tag", "-a", "v0.2.1", "-m", "v0.2.1"]));
    let err = stderr(&out);
    let next = err
        .lines()
        .find(|l| l.starts_with("next: "))
        .unwrap_or_else(|| panic!("no next: line\n{err}"));
    // v0.2.0 first (the push sends it with v0.2.1, on HEAD); v0.1.0 is on origin.
    assert!(
        next.starts_with("next: relhook test --tag v0.2.0 && relhook test, then "),
        "{next}"
    );
}
