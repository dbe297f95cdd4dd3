//! QA151: the cost of many release tags on a history with maintenance lines merged forward
//! and a pre-release line never merged (vuejs/core's shape: 7,157 commits, 295 tags).
//! `changelog --rebuild` asked of every release which release before it its tag reaches, one
//! walk of the history per pair of tags tried; `doctor` (and every listing of the release tags
//! HEAD holds) asked of HEAD about each tag in turn, walking again for each tag on a branch
//! HEAD never merged. The rebuild now answers from the history it holds in memory, and HEAD's
//! history is walked once for all the tags. The output is what it was, pinned here; the work
//! is guarded by counting walked commits (`RELHOOK_TEST_WALK_COUNT`), never by timing.

use crate::qa23_history_cost::walked;
use crate::support::{Repo, relhook_bin, stderr, stdout, text};

/// Minor releases on main, a commit apart by `EVERY`; the last has no maintenance line.
const MINORS: usize = 60;
const EVERY: usize = 10;
/// Commits on main, a few past the last release.
const COMMITS: usize = MINORS * EVERY + 5;
/// Main is merged into `next` (and an alpha tagged there) every `NEXT_EVERY` commits.
const NEXT_EVERY: usize = 50;
const BASE: usize = 1_600_000_000;

/// A `git fast-import` commit on `branch` (its mark `mark`, dated `when`), on `from`, merging
/// `merge`, changing file `file` when given.
pub(crate) struct Made<'a> {
    pub(crate) branch: &'a str,
    pub(crate) mark: usize,
    pub(crate) when: usize,
    pub(crate) message: &'a str,
    pub(crate) from: Option<usize>,
    pub(crate) merge: Option<usize>,
    pub(crate) file: Option<&'a str>,
}

pub(crate) fn commit(stream: &mut String, c: &Made<'_>) {
    stream.push_str(&format!(
        "commit refs/heads/{}\nmark :{}\ncommitter A <a@example.com> {} +0000\ndata {}\n{}",
        c.branch,
        c.mark,
        c.when,
        c.message.len(),
        c.message
    ));
    if let Some(from) = c.from {
        stream.push_str(&format!("from :{from}\n"));
    }
    if let Some(merge) = c.merge {
        stream.push_str(&format!("merge :{merge}\n"));
    }
    if let Some(file) = c.file {
        let body = format!("{}\n", c.mark);
        stream.push_str(&format!("M 644 inline {file}\ndata {}\n{body}", body.len()));
    }
    stream.push('\n');
}

pub(crate) fn tag(stream: &mut String, name: &str, mark: usize, when: usize) {
    stream.push_str(&format!(
        "tag {name}\nfrom :{mark}\ntagger A <a@example.com> {when} +0000\ndata {}\n{name}\n",
        name.len() + 1
    ));
}

/// Main's `fix:` commits with `v1.K.0` every `EVERY`; after each, a maintenance branch
/// `release-1.K` with one backport tagged `v1.K.1`, merged into main three commits after the
/// next minor release (merged forward); `next`, forked early, merges main now and then and
/// tags `v2.0.0-alpha.N` on a commit of its own, never merged into main.
fn history(repo: &Repo) {
    let mut stream = String::new();
    let mut maintenance: std::collections::HashMap<usize, usize> = Default::default();
    let (mut next, mut alpha) = (0, 0);
    for i in 1..=COMMITS {
        let (when, mark, minor) = (BASE + 60 * i, i + 10, i / EVERY);
        let merge = (i % EVERY == 3)
            .then(|| minor.checked_sub(1).and_then(|m| maintenance.remove(&m)))
            .flatten();
        let message = match merge {
            Some(_) => format!("Merge branch 'release-1.{}'\n", minor - 1),
            None => format!("fix: change number {i}\n"),
        };
        let file = format!("f{}", i % 20);
        #[rustfmt::skip]
        commit(&mut stream, &Made { branch: "main", mark, when, message: &message, from: (i > 1).then(|| mark - 1), merge, file: Some(&file) });
        if i % EVERY == 0 {
            tag(&mut stream, &format!("v1.{minor}.0"), mark, when);
            if minor < MINORS {
                let (branch, back) = (format!("release-1.{minor}"), 100_000 + minor);
                let message = format!("fix: backport number {minor}\n");
                let file = format!("b{}", minor % 20);
                #[rustfmt::skip]
                commit(&mut stream, &Made { branch: &branch, mark: back, when: when + 30, message: &message, from: Some(mark), merge: None, file: Some(&file) });
                tag(&mut stream, &format!("v1.{minor}.1"), back, when + 30);
                maintenance.insert(minor, back);
            }
        }
        if i == 5 {
            next = 200_000;
            #[rustfmt::skip]
            commit(&mut stream, &Made { branch: "next", mark: next, when: when + 10, message: "feat: next start\n", from: Some(mark), merge: None, file: Some("n") });
        } else if i % NEXT_EVERY == 7 {
            alpha += 1;
            let merged = 200_000 + 2 * alpha;
            #[rustfmt::skip]
            commit(&mut stream, &Made { branch: "next", mark: merged - 1, when: when + 10, message: "Merge branch 'main' into next\n", from: Some(next), merge: Some(mark), file: None });
            let message = format!("feat: next thing {alpha}\n");
            #[rustfmt::skip]
            commit(&mut stream, &Made { branch: "next", mark: merged, when: when + 20, message: &message, from: Some(merged - 1), merge: None, file: Some("n") });
            tag(
                &mut stream,
                &format!("v2.0.0-alpha.{alpha}"),
                merged,
                when + 20,
            );
            next = merged;
        }
    }
    repo.fast_import(&stream);
}

/// The changelog the rebuild writes: each minor release lists its main commits (not the merge
/// of a maintenance line) and the backport merged forward into it, which its own patch
/// release lists too; Unreleased the commits since the last and the last backport merged.
fn expected() -> String {
    let fixed = |lines: Vec<String>| {
        let items: Vec<String> = lines.iter().map(|l| format!("- {l}\n")).collect();
        format!("### Fixed\n\n{}", items.concat())
    };
    let changes = |from: usize, to: usize, merged: bool| -> Vec<String> {
        let mut out: Vec<String> = (from..=to)
            .filter(|i| !(merged && i % EVERY == 3))
            .map(|i| format!("change number {i}"))
            .collect();
        if merged {
            out.push(format!("backport number {}", from / EVERY - 1));
        }
        out
    };
    let mut text = String::from(
        "# Changelog\n\nAll notable changes to this project will be documented in this file.\n\n\
The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),\n\
and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).\n\n\
## [Unreleased]\n\n",
    );
    text.push_str(&fixed(changes(MINORS * EVERY + 1, COMMITS, true)));
    for minor in (1..=MINORS).rev() {
        if minor < MINORS {
            let patch = fixed(vec![format!("backport number {minor}")]);
            text.push_str(&format!("\n## [1.{minor}.1] - 2020-09-13\n\n{patch}"));
        }
        let first = (minor - 1) * EVERY + 1;
        let section = fixed(changes(first, minor * EVERY, minor >= 3));
        text.push_str(&format!("\n## [1.{minor}.0] - 2020-09-13\n\n{section}"));
    }
    text
}

/// relhook `args` in `repo`, counting the commits its walks step through.
pub(crate) fn counted(repo: &Repo, args: &[&str]) -> std::process::Output {
    (repo.command_in(relhook_bin(), &repo.path()))
        .args(args)
        .env("RELHOOK_TEST_WALK_COUNT", "1")
        .output()
        .expect("run relhook")
}

#[test]
fn a_rebuild_over_many_tags_and_lines_merged_forward_walks_the_history_a_few_times() {
    let repo = Repo::new();
    history(&repo);
    let out = counted(&repo, &["changelog", "--rebuild", "--stdout"]);
    assert!(out.status.success(), "{}", text(&out));
    let rebuilt = stdout(&out);
    let want = expected();
    assert!(
        rebuilt == want,
        "{}",
        similar_lines(&want, &rebuilt).unwrap_or_default()
    );
    let commits: usize = repo.git(&["rev-list", "--count", "main"]).parse().unwrap();
    let steps = walked(&out);
    // The tags' pairs alone walked the history about four times over.
    assert!(
        steps <= 12 * commits,
        "a rebuild of {commits} commits stepped through {steps}:\n{}",
        stderr(&out)
    );
}

/// A release tag above HEAD's on a commit no branch holds (a release commit a reset dropped),
/// among tags on a line HEAD never merged: doctor names it, and finding the tags HEAD holds
/// walks HEAD's history once, not again for each tag it does not hold.
#[test]
fn doctor_finds_the_tags_head_holds_in_one_walk_of_its_history() {
    let repo = Repo::new();
    history(&repo);
    let tree = repo.git(&["rev-parse", "main^{tree}"]);
    let date = [
        ("GIT_COMMITTER_DATE", "1600040000 +0000"),
        ("GIT_AUTHOR_DATE", "1600040000 +0000"),
    ];
    let dropped = repo.git_env(
        &[
            "commit-tree",
            &tree,
            "-p",
            "main",
            "-m",
            "chore(release): 1.61.0",
        ],
        &date,
    );
    repo.git_env(&["tag", "-a", "v1.61.0", "-m", "v1.61.0", &dropped], &date);
    let out = counted(&repo, &["doctor"]);
    let said = stdout(&out);
    assert!(
        said.contains(
            " WARNING  release: release tag v1.61.0 is on no branch (a reset, a rebase or a deleted branch left its release commit behind): the next release finds its version taken\n          fix: this repository has no remote, so v1.61.0 was never published: `git tag -d v1.61.0`, then release again\n"
        ),
        "{}",
        text(&out)
    );
    assert_eq!(said.matches(" WARNING ").count(), 1, "{}", text(&out));
    let commits: usize = repo.git(&["rev-list", "--count", "main"]).parse().unwrap();
    let steps = walked(&out);
    assert!(
        steps <= 3 * commits,
        "doctor on {commits} commits stepped through {steps}:\n{}",
        stderr(&out)
    );
}

/// The first line where `want` and `got` part, with its neighbours, for the failure message.
fn similar_lines(want: &str, got: &str) -> Option<String> {
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    let at = (0..w.len().max(g.len())).find(|i| w.get(*i) != g.get(*i))?;
    let around = |v: &[&str]| v[at.saturating_sub(3)..(at + 3).min(v.len())].join("\n");
    Some(format!(
        "line {}:\n--- expected\n{}\n--- got\n{}",
        at + 1,
        around(&w),
        around(&g)
    ))
}
