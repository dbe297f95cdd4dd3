//! QA25: the cost of parsing changelogs on a history of many releases. Every release tag's
//! checks read the changelog stored at its commit (the tag rules, the stale and section
//! checks, the notes), and each read once parsed the file again: 3 to 4 parses of the same
//! blob per tag, a third of pre-push's time on vuejs/core's 295 tags. Guarded by counting
//! work, never by timing: with `RELHOOK_TEST_PARSE_COUNT` set, relhook says how many times it
//! parsed a changelog. Each distinct changelog blob is parsed at most once per relhook run.

use std::collections::HashSet;
use std::process::Output;

use crate::support::{Repo, dated_release, ok, stderr, text};

/// Releases made, each tagged `v0.1.K` by `relhook release`.
const TAGS: usize = 30;

/// A repository with relhook installed and `TAGS` releases made by `relhook release`, each of
/// one fix committed through the hooks (so each release commit carries its changelog
/// section), and a new bare `origin` that has nothing yet.
fn released_many_times() -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    for i in 1..=TAGS {
        repo.commit_hooked(&format!("fix: change number {i}"));
        ok(dated_release(&repo, &[]));
    }
    repo.with_origin();
    repo
}

/// `git ARGS` with relhook counting its changelog parses.
fn counted(repo: &Repo, args: &[&str]) -> Output {
    repo.git_in(
        &repo.path(),
        args,
        &[
            ("RELHOOK_TEST_PARSE_COUNT", "1"),
            ("RELHOOK_DATE", "2026-11-21"),
        ],
    )
}

/// The changelog parses each relhook run (each hook is one) said it made.
fn parses(out: &Output) -> Vec<usize> {
    let err = stderr(out);
    let counts: Vec<usize> = err
        .lines()
        .filter_map(|l| l.strip_prefix("relhook: test: "))
        .filter_map(|l| l.strip_suffix(" changelog parses"))
        .map(|n| n.parse().expect("a count"))
        .collect();
    assert!(!counts.is_empty(), "no parse count said:\n{err}");
    counts
}

/// The distinct CHANGELOG.md blobs stored at the release tags' commits and their parents:
/// what judging the tags has to read.
fn distinct_blobs(repo: &Repo) -> usize {
    let tags = repo.git(&["tag", "-l", "v*"]);
    let mut blobs = HashSet::new();
    for tag in tags.lines() {
        for at in [format!("{tag}^{{commit}}"), format!("{tag}^{{commit}}^")] {
            blobs.insert(repo.git(&["rev-parse", &format!("{at}:CHANGELOG.md")]));
        }
    }
    blobs.len()
}

/// Every release tag pushed with its branch to a new remote: each is judged (section, notes,
/// stale, later), and each changelog blob is parsed at most once, not 3 or 4 times per tag.
#[test]
fn pushing_many_release_tags_parses_each_changelog_blob_once() {
    let repo = released_many_times();
    assert_eq!(repo.git(&["tag", "-l", "v*"]).lines().count(), TAGS);
    let out = counted(&repo, &["push", "--follow-tags", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    let pushed = repo.git(&["ls-remote", "--tags", "origin"]);
    assert_eq!(pushed.lines().count(), 2 * TAGS, "{pushed}");
    let blobs = distinct_blobs(&repo);
    let counts = parses(&out);
    assert_eq!(counts.len(), 1, "one pre-push run:\n{}", text(&out));
    assert!(
        counts[0] <= blobs,
        "pre-push of {TAGS} release tags parsed a changelog {} times, for {blobs} distinct changelog blobs:\n{}",
        counts[0],
        text(&out)
    );
}

/// A hand tag of the next release after many: the reference-transaction hook's `prepared` run
/// parses the changelog at HEAD once (the tag rules, the stale and section checks, the work
/// tree's file HEAD stores as it is), and its `committed` run that file and the released one,
/// once each, not once per question (9 and 6 times before).
#[test]
fn a_hand_tag_parses_each_changelog_once_per_hook_run() {
    let repo = released_many_times();
    repo.commit_hooked("fix: last one");
    let name = format!("v0.1.{TAGS}");
    let out = counted(&repo, &["tag", "-a", &name, "-m", &name]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        repo.head_subject(),
        format!("chore(release): 0.1.{TAGS}"),
        "{}",
        text(&out)
    );
    assert!(
        repo.read("CHANGELOG.md")
            .contains(&format!("## [0.1.{TAGS}]")),
        "{}",
        repo.read("CHANGELOG.md")
    );
    let counts = parses(&out);
    assert_eq!(counts.len(), 2, "prepared and committed:\n{}", text(&out));
    assert!(
        counts[0] <= 1 && counts[1] <= 2,
        "a hand tag parsed a changelog {counts:?} times (prepared, committed) for one changelog before the release and one after:\n{}",
        text(&out)
    );
}
