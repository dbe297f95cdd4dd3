//! QA23: the cost of a hand tag and of pushing many release tags on a long history. Each asks
//! whether commits reach release tags, many times over; each answer once walked the history
//! from its commit down to the tag: O(tags × history), seconds on a real project (2 minutes
//! for vuejs/core's 295 tags). Guarded by counting work, never by timing: with
//! `RELHOOK_TEST_WALK_COUNT` set, relhook says how many commits its history walks stepped
//! through. A push of every tag walks the history a few times, whatever the number of tags (a
//! walk per tag would be `TAGS / 2` times); a hand tag walks back to the previous release.

use std::process::Output;

use crate::support::{Repo, ok, stderr, text};

/// Commits in the history, and a release tag every `EVERY` of them.
pub(crate) const COMMITS: usize = 3_000;
const EVERY: usize = 20;
pub(crate) const TAGS: usize = COMMITS / EVERY;

/// One `git fast-import`: `COMMITS` `fix:` commits on main, each changing a file, and an
/// annotated release tag `v1.K.0` on every `EVERY`th, dated as the commit (long before the
/// install); then the version at the last tag, a changelog and the configuration, committed.
fn long_history(repo: &Repo) {
    let mut stream =
        String::from("blob\nmark :1\ndata 31\n{\"name\":\"x\",\"version\":\"1.0.0\"}\n");
    main_history(&mut stream, COMMITS, "M 644 :1 package.json\n", Some(EVERY));
    repo.fast_import(&stream);
    repo.write(
        "package.json",
        format!("{{\"name\":\"x\",\"version\":\"1.{TAGS}.0\"}}\n"),
    );
    repo.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n");
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "."]);
    repo.git(&[
        "commit",
        "-q",
        "-m",
        "chore: version, changelog and configuration",
    ]);
}

/// The long history with relhook installed over it (adopting it) and `origin` holding main.
pub(crate) fn installed_over_a_long_history() -> Repo {
    let repo = Repo::new();
    long_history(&repo);
    ok(repo.relhook(&["install"]));
    repo.with_origin();
    ok(repo.git_output(&["push", "-q", "origin", "main"]));
    repo
}

/// `git ARGS` with relhook counting the commits its history walks step through.
pub(crate) fn counted(repo: &Repo, args: &[&str]) -> Output {
    repo.git_in(
        &repo.path(),
        args,
        &[
            ("RELHOOK_TEST_WALK_COUNT", "1"),
            ("RELHOOK_DATE", "2026-11-21"),
        ],
    )
}

/// The commits every relhook run (each hook is one) said its walks stepped through, summed.
pub(crate) fn walked(out: &Output) -> usize {
    let err = stderr(out);
    let counts: Vec<usize> = err
        .lines()
        .filter_map(|l| l.strip_prefix("relhook: test: "))
        .filter_map(|l| l.strip_suffix(" commits walked"))
        .map(|n| n.parse().expect("a count"))
        .collect();
    assert!(!counts.is_empty(), "no walk count said:\n{err}");
    counts.iter().sum()
}

/// A hand tag of the next patch release, on a long history with many release tags: the
/// release commit is made and tagged, and the hook's walks go back to the previous release
/// tag, not down the whole history once per release tag (nor once at all).
#[test]
fn a_hand_tag_walks_back_to_the_previous_release_not_once_per_tag() {
    let repo = installed_over_a_long_history();
    repo.commit_hooked("fix: last one");
    let name = format!("v1.{TAGS}.1");
    let out = counted(&repo, &["tag", "-a", &name, "-m", &name]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        repo.head_subject(),
        format!("chore(release): 1.{TAGS}.1"),
        "{}",
        text(&out)
    );
    assert_eq!(
        repo.git(&["rev-parse", &format!("{name}^{{commit}}")]),
        repo.git(&["rev-parse", "HEAD"])
    );
    let steps = walked(&out);
    assert!(
        steps <= COMMITS / 10,
        "a hand tag stepped through {steps} commits of a {COMMITS}-commit history with {TAGS} release tags, {EVERY} commits since the last:\n{}",
        text(&out)
    );
}

/// Every release tag pushed at once, where the remote already has the branch: they predate the
/// install and go unjudged, and finding that out walks the history a few times, not once per tag.
#[test]
fn pushing_every_release_tag_walks_the_history_a_few_times_not_once_per_tag() {
    let repo = installed_over_a_long_history();
    let out = counted(&repo, &["push", "--tags", "origin"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "{TAGS} release tags from before `relhook install`"
        )),
        "{err}"
    );
    let pushed = repo.git(&["ls-remote", "--tags", "origin"]);
    assert_eq!(pushed.lines().count(), 2 * TAGS, "{pushed}");
    let steps = walked(&out);
    assert!(
        steps <= 2 * COMMITS,
        "pre-push of {TAGS} release tags stepped through {steps} commits of a {COMMITS}-commit history:\n{err}"
    );
}

/// vuejs/core's case: every release tag pushed to a new remote that has no branch, each judged
/// (the history is not from before an install here; these tags fail the release checks, and
/// the push is refused). Each tag goes alone, which is said once for all of them, with their
/// number, the first few and the push that sends their branch, not once per tag; and judging
/// them walks the history a few times, not once per tag.
#[test]
fn release_tags_pushed_alone_to_a_new_remote_are_said_once_and_judged_in_a_few_walks() {
    let repo = installed_over_a_long_history();
    std::fs::remove_file(repo.path().join(".git/relhook-adopted")).expect("the adoption note");
    let mirror = repo.scratch("mirror.git");
    repo.git(&["init", "-q", "--bare", mirror.to_str().unwrap()]);
    repo.git(&["remote", "add", "mirror", mirror.to_str().unwrap()]);
    let out = counted(&repo, &["push", "--tags", "mirror"]);
    let err = stderr(&out);
    assert!(!out.status.success(), "{err}");
    assert_eq!(repo.git(&["ls-remote", "mirror"]), "", "nothing was pushed");
    let alone: Vec<&str> = err.lines().filter(|l| l.contains(" alone")).collect();
    assert_eq!(alone.len(), 1, "{err}");
    let note = alone[0];
    assert!(
        note.contains(&format!(
            "{TAGS} release tags go alone (v1.1.0, v1.2.0, v1.3.0, …)"
        )),
        "{note}"
    );
    assert!(
        // main has no upstream: the push named sets it.
        note.contains("`git push --follow-tags -u mirror main`"),
        "{note}"
    );
    let steps = walked(&out);
    assert!(
        steps <= 5 * COMMITS,
        "pre-push of {TAGS} release tags to a new remote stepped through {steps} commits of a {COMMITS}-commit history:\n{}",
        err.lines().take(40).collect::<Vec<_>>().join("\n")
    );
}

/// Main's `commits` commits ([`main_commit`]), each with the file lines `files` and its
/// [`file_change`]; an annotated release tag `v1.K.0` on every `every`th when given.
pub(crate) fn main_history(stream: &mut String, commits: usize, files: &str, every: Option<usize>) {
    for i in 1..=commits {
        let when = main_commit(stream, i);
        stream.push_str(files);
        file_change(stream, i);
        if let Some(every) = every.filter(|every| i % every == 0) {
            tag_commit(stream, &format!("v1.{}.0", i / every), i, when);
        }
    }
}

/// Commit `i`'s change of one of 50 files (its file lines, after [`main_commit`]).
pub(crate) fn file_change(stream: &mut String, i: usize) {
    let body = format!("{i}\n");
    stream.push_str(&format!(
        "M 644 inline f{}\ndata {}\n{body}\n",
        i % 50,
        body.len()
    ));
}

/// An annotated tag `name` on the `i`th commit of [`main_commit`], dated `when`.
pub(crate) fn tag_commit(stream: &mut String, name: &str, i: usize, when: usize) {
    stream.push_str(&format!(
        "tag {name}\nfrom :{}\ntagger A <a@example.com> {when} +0000\ndata {}\n{name}\n",
        i + 10,
        name.len() + 1
    ));
}

/// Commit number `i` of `main` in a fast-import stream (mark `i + 10`, a minute after the one
/// before it, on it), a `fix:`; its file changes follow. Returns its date.
pub(crate) fn main_commit(stream: &mut String, i: usize) -> usize {
    let when = 1_600_000_000 + 60 * i;
    let message = format!("fix: change number {i}\n");
    stream.push_str(&format!(
        "commit refs/heads/main\nmark :{}\ncommitter A <a@example.com> {when} +0000\ndata {}\n{message}",
        i + 10,
        message.len()
    ));
    if i > 1 {
        stream.push_str(&format!("from :{}\n", i + 9));
    }
    when
}
