//! QA22: `relhook notes` in a CI tag checkout (a shallow clone) never prints partial notes
//! with success: notes built from commits refuse, as `version` and `check` do, when the
//! commits since the previous release are not all in the clone; and the smaller CI findings:
//! `check --format gitlab` keeps its report a JSON array when it cannot run, a parent beyond a
//! shallow clone's boundary is named as such, `version --next` with nothing committed, and a
//! generic CI whose range is empty.

use std::path::{Path, PathBuf};

use crate::support::{Repo, relhook_bin, stderr, stdout, text};

/// `chore: start`, `feat: init` tagged v1.0.0, `fix: thing 1..5`, the last tagged v1.0.1;
/// with `changelog`, a CHANGELOG.md whose v1.0.1 holds a section for 1.0.1.
fn upstream(changelog: bool) -> Repo {
    let up = Repo::new();
    up.commit("chore: start");
    up.commit("feat: init");
    up.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    for i in 1..=5 {
        up.commit(&format!("fix: thing {i}"));
    }
    if changelog {
        up.write(
            "CHANGELOG.md",
            "# Changelog\n\n## [Unreleased]\n\n## [1.0.1] - 2026-01-01\n\n### Fixed\n\n- all five things\n\n## [1.0.0] - 2026-01-01\n\n### Added\n\n- init\n",
        );
        up.git(&["add", "CHANGELOG.md"]);
        up.git(&[
            "commit",
            "-q",
            "--no-verify",
            "-m",
            "chore(release): v1.0.1",
        ]);
    }
    up.git(&["tag", "-a", "v1.0.1", "-m", "v1.0.1"]);
    up
}

fn url(up: &Repo) -> String {
    format!("file://{}", up.path().display())
}

/// `git clone --depth N --branch v1.0.1`, as actions/checkout of a tag does.
fn shallow_clone(up: &Repo, depth: u32) -> PathBuf {
    let dir = up.scratch(&format!("depth{depth}"));
    let depth = depth.to_string();
    let out = up.git_in(
        &dir,
        &[
            "clone",
            "-q",
            "--depth",
            &depth,
            "--branch",
            "v1.0.1",
            &url(up),
            ".",
        ],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out));
    dir
}

fn is_shallow(up: &Repo, dir: &Path) -> bool {
    stdout(&up.git_in(dir, &["rev-parse", "--is-shallow-repository"], &[])).trim() == "true"
}

const ALL_FIVE: &str = "### Fixed\n\n- thing 1\n- thing 2\n- thing 3\n- thing 4\n- thing 5\n";

fn assert_refused_for_shallow(up: &Repo, dir: &Path) {
    let out = up.relhook_in(dir, &["notes", "v1.0.1"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert_eq!(
        stdout(&out),
        "",
        "no partial notes on stdout: {}",
        text(&out)
    );
    let err = stderr(&out);
    assert!(err.contains("shallow"), "{err}");
    assert!(err.contains("git fetch --tags --unshallow"), "{err}");
    assert!(!err.contains("the first commit"), "{err}");
    assert_eq!(
        err.lines()
            .filter(|l| l.starts_with("relhook: error:"))
            .count(),
        1,
        "{err}"
    );

    let out = up.relhook_in(dir, &["notes", "v1.0.1", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    assert!(doc.get("notes").is_none(), "{doc}");
    assert_eq!(doc["error"]["kind"], "incomplete-history", "{doc}");
    assert!(
        doc["error"]["hint"]
            .as_str()
            .unwrap()
            .contains("git fetch --tags --unshallow"),
        "{doc}"
    );
}

#[test]
fn notes_built_from_commits_in_a_shallow_tag_checkout_refuse_with_the_unshallow_hint() {
    let up = upstream(false);
    // The full clone: all five fixes since v1.0.0.
    let out = up.relhook(&["notes", "v1.0.1"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(stdout(&out), ALL_FIVE);
    // actions/checkout's default `fetch-depth: 1`, and a deeper one that still stops short.
    for depth in [1, 3] {
        let dir = shallow_clone(&up, depth);
        assert!(is_shallow(&up, &dir));
        assert_refused_for_shallow(&up, &dir);
    }
}

#[test]
fn notes_of_a_tag_fetched_alone_at_depth_1_refuse() {
    let up = upstream(false);
    let dir = up.scratch("fetched");
    for args in [
        &["init", "-q"][..],
        &["remote", "add", "origin", &url(&up)],
        &["fetch", "-q", "--depth=1", "origin", "tag", "v1.0.1"],
        &["checkout", "-q", "v1.0.1"],
    ] {
        let out = up.git_in(&dir, args, &[]);
        assert!(out.status.success(), "{args:?}: {}", text(&out));
    }
    assert_refused_for_shallow(&up, &dir);
}

#[test]
fn notes_in_a_shallow_clone_that_reaches_the_previous_release_are_complete() {
    let up = upstream(false);
    // Depth 6 stops exactly at v1.0.0's commit; depth 7 holds everything but is still shallow
    // as far as git records it or not: both give the five fixes.
    for depth in [6, 7] {
        let dir = shallow_clone(&up, depth);
        if depth == 6 {
            assert!(is_shallow(&up, &dir));
        }
        let out = up.relhook_in(&dir, &["notes", "v1.0.1"]);
        assert_eq!(out.status.code(), Some(0), "depth {depth}: {}", text(&out));
        assert_eq!(stdout(&out), ALL_FIVE, "depth {depth}");
        assert!(
            stderr(&out).contains("built from the commits since v1.0.0"),
            "{}",
            text(&out)
        );
    }
}

#[test]
fn notes_from_a_merged_branch_cut_by_the_shallow_boundary_refuse() {
    // v1.0.0 is within the clone, but the merged branch forked below it, and its older
    // commits lie beyond the boundary: notes from what is there would leave them out.
    let up = Repo::new();
    up.commit("chore: start");
    up.git(&["switch", "-q", "-c", "side"]);
    for i in 1..=4 {
        up.commit(&format!("fix: side {i}"));
    }
    up.git(&["switch", "-q", "main"]);
    up.commit("feat: init");
    up.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    up.commit("fix: on main");
    up.git(&[
        "merge",
        "-q",
        "--no-ff",
        "--no-verify",
        "-m",
        "Merge side",
        "side",
    ]);
    up.git(&["tag", "-a", "v1.0.1", "-m", "v1.0.1"]);
    let full = up.relhook(&["notes", "v1.0.1"]);
    assert_eq!(full.status.code(), Some(0), "{}", text(&full));
    assert!(stdout(&full).contains("- side 1\n"), "{}", text(&full));

    let dir = shallow_clone(&up, 3);
    let tags = stdout(&up.git_in(&dir, &["tag", "-l"], &[]));
    assert!(
        tags.contains("v1.0.0"),
        "the previous tag is in the clone: {tags}"
    );
    assert_refused_for_shallow(&up, &dir);
}

#[test]
fn notes_from_the_changelog_section_are_right_in_a_shallow_clone() {
    let up = upstream(true);
    let dir = shallow_clone(&up, 1);
    assert!(is_shallow(&up, &dir));
    let out = up.relhook_in(&dir, &["notes", "v1.0.1"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(stdout(&out), "### Fixed\n\n- all five things\n");
    assert_eq!(stderr(&out), "");
}

#[test]
fn notes_of_a_first_release_in_a_clone_exactly_as_deep_as_its_history_are_complete() {
    // git lists the root commit in `shallow` when the depth is exactly the history's length;
    // nothing lies below a root, so the notes since the first commit are whole.
    let up = Repo::new();
    up.commit("feat: one");
    up.commit("fix: two");
    up.git(&["tag", "-a", "v1.0.1", "-m", "v1.0.1"]);
    let dir = shallow_clone(&up, 2);
    assert!(is_shallow(&up, &dir));
    let out = up.relhook_in(&dir, &["notes", "v1.0.1"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(stdout(&out), "### Added\n\n- one\n\n### Fixed\n\n- two\n");
    assert!(
        stderr(&out).contains("since the first commit"),
        "{}",
        text(&out)
    );
    // One commit short of the root: refused.
    let dir = shallow_clone(&up, 1);
    assert_refused_for_shallow(&up, &dir);
}

#[test]
fn check_format_gitlab_that_cannot_run_still_writes_a_code_quality_array() {
    let up = upstream(false);
    let dir = shallow_clone(&up, 1);
    let out = up.relhook_in(&dir, &["check", "--all", "--format", "gitlab"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out))
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {}", text(&out)));
    let issues = doc
        .as_array()
        .expect("a JSON array, as GitLab's report must be");
    assert_eq!(issues.len(), 1, "{doc}");
    let issue = &issues[0];
    let description = issue["description"].as_str().unwrap();
    assert!(description.contains("shallow clone's boundary"), "{doc}");
    assert!(description.contains("git fetch --unshallow"), "{doc}");
    assert_eq!(issue["check_name"], "relhook/could-not-run", "{doc}");
    assert_eq!(issue["severity"], "blocker", "{doc}");
    assert_eq!(issue["fingerprint"].as_str().unwrap().len(), 40, "{doc}");
    assert!(issue["location"]["path"].is_string(), "{doc}");
    assert_eq!(issue["location"]["lines"]["begin"], 1, "{doc}");
    // The job log still has the error.
    assert!(stderr(&out).contains("relhook: error:"), "{}", text(&out));
}

#[test]
fn a_parent_beyond_a_shallow_clones_boundary_is_named_as_not_fetched() {
    let up = upstream(false);
    let dir = shallow_clone(&up, 1);
    for (spec, side, what) in [
        ("HEAD^1..HEAD", "HEAD^1", "a parent"),
        ("HEAD~2..", "HEAD~2", "an ancestor"),
        ("HEAD~2...HEAD", "HEAD~2", "an ancestor"),
    ] {
        let out = up.relhook_in(&dir, &["check", spec]);
        assert_eq!(out.status.code(), Some(2), "{}", text(&out));
        let err = stderr(&out);
        assert!(!err.contains("parent 0"), "{err}");
        assert!(
            err.contains(&format!(
                "`{side}` names {what} that this shallow clone did not fetch"
            )),
            "{err}"
        );
        assert!(err.contains("git fetch --unshallow"), "{err}");
    }
}

#[test]
fn version_next_with_nothing_committed_refuses_as_release_does() {
    let repo = Repo::new();
    for args in [
        &["version", "--next"][..],
        &["version", "--explain"],
        &["version", "--next", "--pre", "rc"],
    ] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out));
        assert_eq!(stdout(&out), "", "{args:?}: {}", text(&out));
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("nothing is committed yet"), "{err}");
    }
    let out = repo.relhook(&["version", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    assert_eq!(doc["error"]["reason"], "no-commits", "{doc}");
    // As `release` does.
    let out = repo.relhook(&["release", "--dry-run"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
}

/// relhook in `dir` with extra environment variables.
fn relhook_env(up: &Repo, dir: &Path, args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut cmd = up.command_in(relhook_bin(), dir);
    cmd.args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run relhook")
}

/// QA41: it passed (exit 0) with a note; a CI job that checks nothing is not green.
#[test]
fn check_in_an_undetected_ci_with_an_empty_range_refuses_to_pass() {
    // Jenkins, CircleCI, Buildkite: only `CI=true`, a fresh clone on a tracking branch, so
    // `origin/main..HEAD` is empty.
    let up = upstream(false);
    up.commit("bad message");
    let dir = up.scratch("jenkins");
    let out = up.git_in(&dir, &["clone", "-q", &url(&up), "."], &[]);
    assert!(out.status.success(), "{}", text(&out));
    let out = relhook_env(&up, &dir, &["check"], &[("CI", "true")]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(
        err.trim_end().lines().count(),
        2,
        "the error and its hint: {err}"
    );
    assert!(
        err.contains("error: cannot check `origin/main..HEAD`")
            && err.contains("as in every fresh CI checkout"),
        "{err}"
    );
    assert!(
        err.contains("hint: name the range to check: `relhook check <base>..HEAD`"),
        "{err}"
    );
    assert!(stdout(&out).is_empty(), "{}", text(&out));
    // Named, the range is checked.
    let out = relhook_env(&up, &dir, &["check", "v1.0.1..HEAD"], &[("CI", "true")]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    // Outside CI, an empty range is the ordinary "nothing to push": no note.
    let out = relhook_env(&up, &dir, &["check"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        !stderr(&out).contains("nothing was checked"),
        "{}",
        text(&out)
    );
}

#[test]
fn check_all_in_a_clone_exactly_as_deep_as_its_history_checks_it_all() {
    // git lists the root commit in `shallow` at a depth of exactly the history's length;
    // below a root nothing was left out.
    let up = upstream(false);
    let dir = shallow_clone(&up, 7);
    assert!(is_shallow(&up, &dir));
    let out = up.relhook_in(&dir, &["check", "--all"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(stdout(&out).contains("7 commits"), "{}", text(&out));
    // One short of the root: refused, as before.
    let dir = shallow_clone(&up, 6);
    let out = up.relhook_in(&dir, &["check", "--all"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
}
