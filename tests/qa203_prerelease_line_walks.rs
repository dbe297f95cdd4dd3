//! QA203: the last release a main line holds, beside a pre-release line it never merged
//! (vuejs/core's `minor`, its 3.6 alphas and betas above main's 3.5 releases). Every
//! pre-release tag above main's last release needs a "no", which the painting of the tags'
//! history gives by walking down to where the lines last met; beside it, main's own walk raced
//! it a step for each step outside main's history, down main's long history for nothing (vue:
//! 2,339 commits for a pre-push of one commit, 1,380 of them the painting's). That walk now
//! races at every step only while main's history lags behind the painting (a fork from an old
//! release), else one step in four. With git's commit-graph file, generation numbers settle
//! the question: main's walk goes down to the oldest pre-release tag's generation only.

use crate::qa23_history_cost::{counted, file_change, tag_commit, walked};
use crate::support::{Repo, ok, stderr, text};

/// Commits on main, a release tag `v1.K.0` every `EVERY`.
const COMMITS: usize = 3_000;
const EVERY: usize = 20;
/// Where the pre-release line forks from main, and its commits: two an hour between main's,
/// main merged in every `MERGE_EVERY`, a tag `v2.0.0-alpha.K` every `TAG_EVERY`.
const FORK: usize = 2_000;
const SIDE: usize = 2_000;
const MERGE_EVERY: usize = 200;
const TAG_EVERY: usize = 50;

/// When main's commit `i` is made: an hour after the one before (real histories are spread
/// over months; a walk's allowance for skewed clocks is a day).
fn main_time(i: usize) -> usize {
    1_600_000_000 + 3_600 * i
}

/// Main's commits, tagged `v1.K.0` every `EVERY`, each changing a file.
fn main_line(stream: &mut String) {
    for i in 1..=COMMITS {
        let when = main_time(i);
        let message = format!("fix: change number {i}\n");
        stream.push_str(&format!(
            "commit refs/heads/main\nmark :{}\ncommitter A <a@example.com> {when} +0000\ndata {}\n{message}",
            i + 10,
            message.len()
        ));
        if i > 1 {
            stream.push_str(&format!("from :{}\n", i + 9));
        }
        stream.push_str("M 644 :1 package.json\nM 644 :2 CHANGELOG.md\n");
        file_change(stream, i);
        if i % EVERY == 0 {
            tag_commit(stream, &format!("v1.{}.0", i / EVERY), i, when);
        }
    }
}

/// The pre-release line's commits, two an hour between main's, main merged in every
/// `MERGE_EVERY`, tagged `v2.0.0-alpha.K` every `TAG_EVERY`.
fn side_line(stream: &mut String) {
    let mark = |j: usize| 10_000 + j;
    for j in 1..=SIDE {
        let hour = FORK + j / 2;
        let when = main_time(hour) + 600 + 1_200 * (j % 2);
        let message = format!("feat: side change {j}\n");
        stream.push_str(&format!(
            "commit refs/heads/minor\nmark :{}\ncommitter A <a@example.com> {when} +0000\ndata {}\n{message}",
            mark(j),
            message.len()
        ));
        let from = if j == 1 { FORK + 10 } else { mark(j - 1) };
        stream.push_str(&format!("from :{from}\n"));
        if j % MERGE_EVERY == 0 {
            stream.push_str(&format!("merge :{}\n", hour + 10));
        }
        let body = format!("{j}\n");
        stream.push_str(&format!("M 644 inline side\ndata {}\n{body}\n", body.len()));
        if j % TAG_EVERY == 0 {
            let name = format!("v2.0.0-alpha.{}", j / TAG_EVERY);
            stream.push_str(&format!(
                "tag {name}\nfrom :{}\ntagger A <a@example.com> {when} +0000\ndata {}\n{name}\n",
                mark(j),
                name.len() + 1
            ));
        }
    }
}

/// Main's history and the pre-release line `minor` beside it, relhook installed and `origin`
/// holding both and their tags; then one fix on main.
fn beside_a_prerelease_line() -> Repo {
    let repo = Repo::new();
    let mut stream = String::from(
        "blob\nmark :1\ndata 31\n{\"name\":\"x\",\"version\":\"1.0.0\"}\nblob\nmark :2\ndata 41\n# Changelog\n\n## [Unreleased]\n\n## [1.0.0]\n",
    );
    main_line(&mut stream);
    side_line(&mut stream);
    repo.fast_import(&stream);
    ok(repo.relhook(&["install"]));
    repo.with_origin();
    let push = ["push", "-q", "origin", "main", "minor", "--tags"];
    ok(repo.git_skipping_relhook(&push));
    repo.write("fix.txt", "fix\n");
    ok(repo.git_skipping_relhook(&["add", "fix.txt"]));
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "fix: mend main"]));
    repo
}

#[test]
fn a_push_on_main_beside_a_prerelease_line_walks_to_where_they_last_met() {
    let repo = beside_a_prerelease_line();
    let out = counted(&repo, &["push", "-q", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    let steps = walked(&out);
    // The painting down to where the oldest pre-release tag's history last met main's: main's
    // commits since the fork and the line's own (3,000), and main's walk a step in four beside
    // it. Racing at every step, main's walk went down main's history beside the line's 2,000.
    let met = COMMITS - FORK + SIDE;
    assert!(
        steps <= met + met / 4 + 200,
        "a push of one commit on main beside a pre-release line stepped through {steps}:\n{}",
        stderr(&out)
    );
}

#[test]
fn with_a_commit_graph_file_main_walks_down_to_the_oldest_prerelease_only() {
    let repo = beside_a_prerelease_line();
    repo.git(&["commit-graph", "write", "--reachable"]);
    let out = counted(&repo, &["push", "-q", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    let steps = walked(&out);
    // Main's walk above the oldest pre-release tag's generation: main's commits since the
    // fork (1,000), where the painting walked the line's too.
    assert!(
        steps <= COMMITS - FORK + 200,
        "with a commit-graph file, a push of one commit on main stepped through {steps}:\n{}",
        stderr(&out)
    );
}
