//! QA169: the cost of `changelog --rebuild` on a history where each release merges many
//! branches forked well before the release before it (vuejs/core's shape: 273 releases
//! compared for copies, up to 7 forks each). The released commits a release's commits are
//! compared with (those beyond the points where its branches forked) were found by one walk
//! of the history per fork, down from the release before to that fork; and each release's
//! own commits were walked again to find the older lines' releases merged into it, where
//! there were none. Both are now answered from the history the rebuild holds in memory. The
//! output is pinned (a branch's change a release already shipped as a copy is listed once,
//! a clock that ran ahead moves nothing); the work is guarded by counting walked commits
//! (`RELHOOK_TEST_WALK_COUNT`), never by timing.

use crate::qa23_history_cost::walked;
use crate::qa151_tag_walks::{Made, commit, counted, tag};
use crate::support::{Repo, stderr, stdout, text};

/// Releases on main, `EVERY` main commits apart.
const RELEASES: usize = 40;
const EVERY: usize = 10;
/// After each release, the first `FORKS` main commits merge a branch each, forked `DEPTH`
/// commits below the release.
const FORKS: usize = 6;
const DEPTH: usize = 30;
/// Main's commits: the last release's, then its own branches merged and two more.
const COMMITS: usize = RELEASES * EVERY + FORKS + 2;
const BASE: usize = 1_600_000_000;
/// A main commit whose committer's clock ran a century ahead.
const AHEAD: usize = 5 * EVERY + 8;

/// A commit adding file `file` with the same text wherever it is made: a change and its
/// copy have one patch.
fn copy(
    stream: &mut String,
    (branch, mark, when): (&str, usize, usize),
    message: &str,
    from: usize,
    file: &str,
) {
    stream.push_str(&format!(
        "commit refs/heads/{branch}\nmark :{mark}\ncommitter A <a@example.com> {when} +0000\ndata {}\n{message}from :{from}\nM 644 inline {file}\ndata 5\nsame\n\n",
        message.len()
    ));
}

/// Main's `fix: change number N` commits, `v1.K.0` on every `EVERY`th. Release K's first
/// `FORKS` commits after the release before it merge branches `feature-K-J`, one commit
/// each, forked `DEPTH` commits below that release: `feature K` (J = 1), whose change main
/// made again (a copy, same message and patch) just before that release, and
/// `feature K.J`.
fn history(repo: &Repo) {
    let mut stream = String::new();
    for n in 1..=COMMITS {
        let k = n.div_ceil(EVERY);
        let j = n - (k - 1) * EVERY;
        let (mark, when) = (
            n,
            if n == AHEAD {
                4_200_000_000
            } else {
                BASE + 60 * n
            },
        );
        let from = (n > 1).then(|| n - 1);
        if k >= 2 && j <= FORKS {
            let fork = ((k - 1) * EVERY + j).saturating_sub(DEPTH);
            let (branch, side) = (format!("feature-{k}-{j}"), 100_000 + n);
            let message = match j {
                1 => format!("fix: feature {k}\n"),
                _ => format!("feat: feature {k}.{j}\n"),
            };
            let file = format!("feat{k}_{j}");
            let at = (branch.as_str(), side, when - 30);
            copy(&mut stream, at, &message, fork.max(1), &file);
            let message = format!("Merge branch '{branch}'\n");
            #[rustfmt::skip]
            commit(&mut stream, &Made { branch: "main", mark, when, message: &message, from, merge: Some(side), file: None });
        } else if j == EVERY - 1 && k < RELEASES + 1 {
            // The change of release k + 1's first branch, made on main before release k.
            let message = format!("fix: feature {}\n", k + 1);
            let file = format!("feat{}_1", k + 1);
            copy(&mut stream, ("main", mark, when), &message, n - 1, &file);
        } else {
            let message = format!("fix: change number {n}\n");
            let file = format!("f{}", n % 20);
            #[rustfmt::skip]
            commit(&mut stream, &Made { branch: "main", mark, when, message: &message, from, merge: None, file: Some(&file) });
        }
        if j == EVERY {
            tag(&mut stream, &format!("v1.{k}.0"), mark, when);
        }
    }
    repo.fast_import(&stream);
}

/// The sections of a changelog by heading (`Unreleased`, `1.2.0`), each with its text.
fn sections(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("## [") {
            let name = rest.split(']').next().unwrap_or_default();
            out.push((name.to_owned(), String::new()));
        } else if let Some((_, body)) = out.last_mut() {
            body.push_str(line);
            body.push('\n');
        }
    }
    out
}

#[test]
fn a_rebuild_compares_many_forks_copies_without_a_walk_per_fork() {
    let repo = Repo::new();
    history(&repo);
    let out = counted(&repo, &["changelog", "--rebuild", "--stdout"]);
    assert!(out.status.success(), "{}", text(&out));
    let rebuilt = stdout(&out);
    let sections = sections(&rebuilt);
    assert_eq!(sections.len(), RELEASES + 1, "{rebuilt}");
    // Each entry once, in the section of the release that shipped it first: a branch's
    // `feature K` in the release before K, where main made the change.
    let name = |k: usize| match k {
        _ if k > RELEASES => "Unreleased".to_owned(),
        _ => format!("1.{k}.0"),
    };
    let mut want: Vec<(String, String)> = Vec::new();
    for k in 2..=RELEASES + 1 {
        want.push((format!("feature {k}"), name(k - 1)));
        want.extend((2..=FORKS).map(|j| (format!("feature {k}.{j}"), name(k))));
    }
    want.push((
        format!("change number {AHEAD}"),
        name(AHEAD.div_ceil(EVERY)),
    ));
    for (entry, section) in want {
        let line = format!("- {entry}\n");
        let holding: Vec<&str> = sections
            .iter()
            .filter(|(_, body)| body.contains(&line))
            .map(|(name, _)| name.as_str())
            .collect();
        assert_eq!(holding, [section.as_str()], "{entry}:\n{rebuilt}");
        assert_eq!(rebuilt.matches(&line).count(), 1, "{entry}:\n{rebuilt}");
    }
    let commits: usize = repo.git(&["rev-list", "--count", "main"]).parse().unwrap();
    let steps = walked(&out);
    // A walk per fork stepped through the history about forty times over; a walk of each
    // release's commits for older lines merged in, once more.
    assert!(
        steps <= 2 * commits,
        "a rebuild of {commits} commits stepped through {steps}:\n{}",
        stderr(&out)
    );
}
