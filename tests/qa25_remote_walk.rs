//! QA25: pushing many release tags where many remote-tracking branches are about (vuejs/core
//! has ~64, most of them stale). For each release tag, pre-push asks whether some
//! remote-tracking branch holds it (a published release is not judged again); asked of each
//! branch in turn, a tag no branch holds cost a walk per branch: 301,527 of the 677,627
//! commits a `git push --tags` to a new remote stepped through on vuejs/core (and whether a
//! pushed tag brings anything new was asked of each branch in turn as well). One walk from all
//! the branches together, kept across the tags, answers every tag.

use crate::qa23_history_cost::{counted, walked};
use crate::support::{Repo, ok, stderr};

const COMMITS: usize = 3_000;
const EVERY: usize = 20;
const TAGS: usize = COMMITS / EVERY;
const BRANCHES: usize = 20;

/// One `git fast-import`: `COMMITS` `fix:` commits on main, every `EVERY`th a release commit
/// that adds its version's changelog section (naming the fixes since the last) and is tagged
/// `v1.K.0`; a line as long forked from the first commit (`side`); then the configuration,
/// committed.
fn released_history(repo: &Repo) {
    let mut stream = String::new();
    let mut changelog = String::new();
    let mut entries = String::new();
    let start = 1_600_000_000;
    for i in 1..=COMMITS {
        let when = crate::qa23_history_cost::main_commit(&mut stream, i);
        entries.push_str(&format!("- change number {i}\n"));
        crate::qa23_history_cost::file_change(&mut stream, i);
        if i % EVERY == 0 {
            let k = i / EVERY;
            changelog = format!("## [1.{k}.0] - 2020-09-13\n\n### Fixed\n\n{entries}\n{changelog}");
            entries.clear();
            let log = format!("# Changelog\n\n## [Unreleased]\n\n{changelog}");
            let package = format!("{{\"name\":\"x\",\"version\":\"1.{k}.0\"}}\n");
            stream.push_str(&format!(
                "M 644 inline CHANGELOG.md\ndata {}\n{log}\nM 644 inline package.json\ndata {}\n{package}\n",
                log.len(),
                package.len()
            ));
            crate::qa23_history_cost::tag_commit(&mut stream, &format!("v1.{k}.0"), i, when);
        }
    }
    // A long-lived line forked at the first commit, as long as main, dated among its commits:
    // the stale branches sit on its top.
    for i in 1..=COMMITS {
        let when = start + 60 * i + 30;
        let message = format!("feat: side number {i}\n");
        let from = if i == 1 { 11 } else { COMMITS + 10 + i - 1 };
        stream.push_str(&format!(
            "commit refs/heads/side\nmark :{}\ncommitter A <a@example.com> {when} +0000\ndata {}\n{message}from :{from}\nM 644 inline s\ndata {}\n{i}\n\n",
            COMMITS + 10 + i,
            message.len(),
            format!("{i}").len() + 1,
        ));
    }
    repo.fast_import(&stream);
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: configuration"]);
}

/// Every release tag pushed to a new remote, where `BRANCHES` remote-tracking branches of
/// another remote sit on a long-lived line that holds none of them (and that remote's main holds
/// them all): whether some branch holds each tag is found in one walk from all the branches,
/// kept across the tags, not in one walk of that line per branch.
#[test]
fn release_tags_pushed_where_many_stale_branches_are_about_walk_them_once() {
    let repo = Repo::new();
    released_history(&repo);
    ok(repo.relhook(&["install"]));
    std::fs::remove_file(repo.path().join(".git/relhook-adopted")).expect("the adoption note");
    repo.with_origin();
    for k in 0..BRANCHES {
        let old = repo.git(&["rev-parse", &format!("side~{k}")]);
        repo.git(&[
            "update-ref",
            &format!("refs/remotes/origin/feature-{k}"),
            &old,
        ]);
    }
    repo.git(&["branch", "-q", "-D", "side"]);
    let main = repo.git(&["rev-parse", "main"]);
    repo.git(&["update-ref", "refs/remotes/origin/main", &main]);
    let mirror = repo.scratch("mirror.git");
    repo.git(&["init", "-q", "--bare", mirror.to_str().unwrap()]);
    repo.git(&["remote", "add", "mirror", mirror.to_str().unwrap()]);
    let out = counted(&repo, &["push", "--tags", "mirror"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    let pushed = repo.git(&["ls-remote", "--tags", "mirror"]);
    assert_eq!(pushed.lines().count(), 2 * TAGS, "{pushed}");
    // The history: main and the long-lived line, each `COMMITS` long.
    let history = 2 * COMMITS;
    let steps = walked(&out);
    assert!(
        steps <= 4 * history,
        "pre-push of {TAGS} release tags with {BRANCHES} remote-tracking branches stepped through {steps} commits of a {history}-commit history:\n{}",
        err.lines().take(40).collect::<Vec<_>>().join("\n")
    );
}
