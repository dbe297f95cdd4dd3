//! QA44: main released v1.1.0; `release/1.0` got `fix: security hole` and released v1.0.1;
//! main merged `release/1.0`. `version --next` and `release` said "nothing to release: no
//! commits since v1.1.0", so v1.1.x never got the fix. On HEAD's line a commit is released
//! when the line's top (v1.1.0) reaches it: the fix is new there (1.1.1, its notes list it),
//! while the older release's commit and a backport of a change the line has are not.

use crate::support::{Repo, ok, stderr, stdout, text, untested_installed};

/// main at v1.1.0 and `release/1.0` at v1.0.1 (`release/1.0`'s own change made by `fix`),
/// released from a common v1.0.0; HEAD on main, nothing merged yet.
pub(crate) fn two_lines(fix: impl FnOnce(&Repo)) -> Repo {
    let repo = untested_installed();
    repo.write(
        ".relconfig.toml",
        "[release]\nbranches = [\"main\", \"release/*\"]\n[checks]\nrequire_tested_tags = false\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: branches"]);
    repo.write("a", "a\n");
    repo.git(&["add", "a"]);
    repo.commit_hooked("fix: a");
    ok(repo.relhook(&["release", "1.0.0"]));
    repo.git(&["switch", "-q", "-c", "release/1.0"]);
    fix(&repo);
    repo.git(&["switch", "-q", "main"]);
    repo.write("f", "f\n");
    repo.git(&["add", "f"]);
    repo.commit_hooked("feat: f");
    ok(repo.relhook(&["release"]));
    repo.git(&["switch", "-q", "release/1.0"]);
    ok(repo.relhook(&["release"]));
    repo.git(&["switch", "-q", "main"]);
    assert_eq!(repo.git(&["tag"]), "v1.0.0\nv1.0.1\nv1.1.0");
    repo
}

fn security_fix(repo: &Repo) {
    repo.write("sec", "sec\n");
    repo.git(&["add", "sec"]);
    repo.commit_hooked("fix: security hole");
}

fn merge_release_line(repo: &Repo) {
    let out = repo.git_output(&["merge", "-q", "--no-edit", "release/1.0"]);
    assert!(out.status.success(), "{}", text(&out));
}

/// The `## [version]` section of the changelog `log`, up to the next one.
fn section<'a>(log: &'a str, version: &str) -> &'a str {
    let start = log
        .find(&format!("## [{version}]"))
        .unwrap_or_else(|| panic!("no {version} in {log}"));
    let rest = &log[start + 4..];
    &log[start..start + 4 + rest.find("\n## [").unwrap_or(rest.len())]
}

#[test]
fn a_fix_an_older_line_released_and_main_merged_is_released_on_mains_line() {
    let repo = two_lines(security_fix);
    merge_release_line(&repo);
    let next = ok(repo.relhook(&["version", "--next", "--explain"]));
    let said = stdout(&next);
    assert_eq!(said.lines().next(), Some("1.1.1"), "{}", text(&next));
    assert!(said.contains("fix: security hole"), "{said}");
    assert!(!said.contains("chore(release): 1.0.1"), "{said}");
    // The merge git made itself ran no post-commit; the merge driver listed the fix under
    // Unreleased (qa140), so doctor has nothing to add.
    let doctor = repo.relhook(&["doctor"]);
    assert!(
        !stdout(&doctor).contains("on an older line and merged in"),
        "{}",
        text(&doctor)
    );
    let sync = ok(repo.relhook(&["changelog", "--sync", "--stdout"]));
    let unreleased = section(&stdout(&sync), "Unreleased").to_owned();
    assert!(unreleased.contains("- security hole"), "{unreleased}");
    let dry = ok(repo.relhook(&["release", "--dry-run"]));
    assert!(stdout(&dry).contains("release v1.1.1"), "{}", text(&dry));
    ok(repo.relhook(&["release"]));
    let log = repo.read("CHANGELOG.md");
    assert!(section(&log, "1.1.1").contains("- security hole"), "{log}");
    assert!(section(&log, "1.0.1").contains("- security hole"), "{log}");
    assert!(!section(&log, "Unreleased").contains("- "), "{log}");
    // The rebuild from history agrees, and pre-push lets the release go.
    let rebuilt = stdout(&ok(repo.relhook(&["changelog", "--rebuild", "--stdout"])));
    assert!(
        section(&rebuilt, "1.1.1").contains("- security hole"),
        "{rebuilt}"
    );
    repo.with_origin();
    let push = repo.git_output(&["push", "-q", "origin", "main", "release/1.0", "--tags"]);
    assert!(push.status.success(), "{}", text(&push));
    let next = repo.relhook(&["version", "--next"]);
    assert!(
        stderr(&next).contains("no commits since v1.1.1"),
        "{}",
        text(&next)
    );
}

/// A backport made with `git cherry-pick -x` of a fix v1.1.0 shipped is not new on main.
#[test]
fn a_backport_merged_forward_is_not_listed_twice() {
    let repo = backported(&["-x"]);
    assert!(
        repo.git(&["log", "-1", "--format=%B", "v1.0.1~1"])
            .contains("cherry picked from"),
        "the backport carries its trailer"
    );
    merged_adds_nothing(&repo);
    let sync = ok(repo.relhook(&["changelog", "--sync", "--stdout"]));
    assert!(
        !section(&stdout(&sync), "Unreleased").contains("- "),
        "{}",
        stdout(&sync)
    );
}

/// The same backport picked without `-x`: known by its patch, the changelogs aside.
#[test]
fn a_backport_without_its_trailer_is_known_by_its_change() {
    let repo = backported(&[]);
    merged_adds_nothing(&repo);
}

/// Two lines where the fix was made on main first (before v1.1.0), then picked onto the
/// release line with `pick` (`-x` or nothing).
fn backported(pick: &[&str]) -> Repo {
    two_lines(|repo| {
        repo.git(&["switch", "-q", "main"]);
        security_fix(repo);
        let fix = repo.git(&["rev-parse", "HEAD"]);
        repo.git(&["switch", "-q", "release/1.0"]);
        let mut args = vec!["cherry-pick"];
        args.extend_from_slice(pick);
        args.push(&fix);
        repo.git(&args);
    })
}

/// The release line merged into main: nothing new to release, and why.
fn merged_adds_nothing(repo: &Repo) {
    merge_release_line(repo);
    let next = repo.relhook(&["version", "--next"]);
    assert_eq!(next.status.code(), Some(1), "{}", text(&next));
    assert!(
        stderr(&next).contains("no new commits since v1.1.0; what came in since (merges, an older line's release commits, backports of changes it has) adds none"),
        "{}",
        text(&next)
    );
}
