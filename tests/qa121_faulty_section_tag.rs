//! QA121: a release section written by hand with unresolved conflict markers, or with nothing
//! in it. The hand tag's refusal ended "commit, and tag that commit" with no command; pre-push,
//! on the tag made past the hook, advised `relhook release 0.2.0`, which refuses while the
//! section is there; and that refusal advised the hand tag, which refuses the section: a loop.
//! Each now names the commands that release it: the tag deleted first where it is there
//! already, the fix committed, then `git tag -a v0.2.0 -m "release 0.2.0"`; an empty section
//! may instead go, for `relhook release 0.2.0` to write it from Unreleased. Followed, each
//! releases 0.2.0.

use crate::qa104_moved_unset_doctor::quoted;
use crate::support::{Repo, ok, stderr, text, untested_installed};

const EMPTY: &str = "## [0.2.0] - 2026-11-21\n\n";
const CONFLICT: &str = "## [0.2.0] - 2026-11-21\n\n### Added\n\n<<<<<<< HEAD\n- b\n=======\n- b, and more\n>>>>>>> side\n\n";
const TAG: &str = "git tag -a v0.2.0 -m \"release 0.2.0\"";

/// Unreleased's entry, `b`.
const LISTED: &str = "### Added\n\n- b\n\n";

/// Released 0.1.0 (`feat: a`), then `feat: b` in Unreleased; the 0.2.0 section `section` written
/// by hand and committed, Unreleased's entry taken out unless `kept`.
fn written_by_hand(section: &str, kept: bool) -> Repo {
    let repo = untested_installed();
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release", "0.1.0"]));
    repo.commit_hooked("feat: b");
    let mut log = repo.read("CHANGELOG.md");
    if !kept {
        log = log.replacen(LISTED, "", 1);
    }
    let at = log.find("## [0.1.0]").unwrap_or_else(|| panic!("{log}"));
    repo.write(
        "CHANGELOG.md",
        format!("{}{section}{}", &log[..at], &log[at..]),
    );
    ok(repo.git_output(&[
        "commit",
        "-q",
        "--no-verify",
        "-am",
        "docs: write the 0.2.0 notes",
    ]));
    repo
}

/// The commands an advice names, in order.
fn commands(advice: &str) -> Vec<&str> {
    quoted(advice)
        .into_iter()
        .filter(|c| c.starts_with("git ") || c.starts_with("relhook "))
        .collect()
}

/// The section's text set to `- b` under Added (taken out of Unreleased where it is still
/// there), committed through the hooks.
fn section_fixed(repo: &Repo, section: &str) {
    let mut log = repo.read("CHANGELOG.md");
    if log.find(LISTED) < log.find(section) {
        log = log.replacen(LISTED, "", 1);
    }
    let log = log.replacen(
        section,
        "## [0.2.0] - 2026-11-21\n\n### Added\n\n- b\n\n",
        1,
    );
    repo.write("CHANGELOG.md", log);
    ok(repo.git_output(&["commit", "-q", "-am", "docs: fix the 0.2.0 notes"]));
}

/// The empty heading taken out, committed through the hooks.
fn heading_out(repo: &Repo) {
    let log = repo.read("CHANGELOG.md").replacen(EMPTY, "", 1);
    repo.write("CHANGELOG.md", log);
    ok(repo.git_output(&["commit", "-q", "-am", "docs: take the 0.2.0 heading out"]));
}

/// Pasted into a shell, `command` succeeds.
fn pasted(repo: &Repo, command: &str) {
    let out = repo.sh(command);
    assert!(out.status.success(), "{command}: {}", text(&out));
}

/// v0.2.0 is a release whose notes list `b`.
fn released(repo: &Repo) {
    let notes = ok(repo.relhook(&["notes", "v0.2.0"]));
    assert!(
        String::from_utf8_lossy(&notes.stdout).contains("- b"),
        "{}",
        text(&notes)
    );
}

/// The hand tag's refusal (the tag is not made).
fn hand_tag_refused(repo: &Repo) -> String {
    let err = crate::support::hand_tag_refused(repo, "v0.2.0");
    assert!(!err.contains("tag that commit"), "{err}");
    err
}

#[test]
fn a_conflicted_section_s_hand_tag_names_the_tag_to_make_once_resolved() {
    let repo = written_by_hand(CONFLICT, false);
    let err = hand_tag_refused(&repo);
    assert!(
        err.contains("unresolved conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`) in the `## [0.2.0]` section; resolve them and commit, then tag the new commit: `git tag -a v0.2.0 -m \"release 0.2.0\"`"),
        "{err}"
    );
    assert_eq!(commands(&err), [TAG], "{err}");
    section_fixed(&repo, CONFLICT);
    pasted(&repo, TAG);
    released(&repo);
}

#[test]
fn an_empty_section_s_hand_tag_names_both_ways_and_each_releases() {
    let repo = written_by_hand(EMPTY, true);
    let err = hand_tag_refused(&repo);
    assert_eq!(commands(&err), [TAG, "relhook release 0.2.0"], "{err}");
    section_fixed(&repo, EMPTY);
    pasted(&repo, TAG);
    released(&repo);

    // The other way: the heading taken out, and the release writes the section.
    let repo = written_by_hand(EMPTY, true);
    heading_out(&repo);
    pasted(&repo, "relhook release 0.2.0");
    released(&repo);

    // Unreleased has nothing either: only the notes written there release it.
    let repo = written_by_hand(EMPTY, false);
    let err = hand_tag_refused(&repo);
    assert_eq!(commands(&err), [TAG], "{err}");
    section_fixed(&repo, EMPTY);
    pasted(&repo, TAG);
    released(&repo);
}

#[test]
fn the_release_refusal_of_an_empty_section_no_longer_sends_to_the_hand_tag_alone() {
    let repo = written_by_hand(EMPTY, true);
    let out = repo.relhook(&["release", "0.2.0"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("it is empty, and a release never has empty notes"),
        "{err}"
    );
    assert_eq!(commands(&err), [TAG, "relhook release 0.2.0"], "{err}");
    section_fixed(&repo, EMPTY);
    pasted(&repo, TAG);
    released(&repo);
}

/// Pre-push's `fix:` line for the tag made past the hook, pushed with main.
fn prepush_fix(repo: &Repo) -> String {
    repo.with_origin();
    ok(repo.git_skipping_relhook(&["tag", "-a", "v0.2.0", "-m", "release 0.2.0"]));
    let out = repo.git_output(&["push", "-q", "origin", "main", "v0.2.0"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let mut lines = err.lines();
    lines
        .find(|l| l.contains("refs/tags/v0.2.0"))
        .unwrap_or_else(|| panic!("{err}"));
    lines
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("{err}"))
        .to_owned()
}

#[test]
fn pre_push_deletes_the_tag_first_and_each_way_then_pushes() {
    for section in [CONFLICT, EMPTY] {
        let repo = written_by_hand(section, section == EMPTY);
        let fix = prepush_fix(&repo);
        let expected: &[&str] = match section {
            CONFLICT => &["git tag -d v0.2.0", TAG],
            _ => &["git tag -d v0.2.0", TAG, "relhook release 0.2.0"],
        };
        assert_eq!(commands(&fix), expected, "{fix}");
        pasted(&repo, "git tag -d v0.2.0");
        section_fixed(&repo, section);
        pasted(&repo, TAG);
        released(&repo);
        pasted(&repo, "git push -q origin main v0.2.0");
    }
    // The empty section's other way: the heading out, and the release writes it.
    let repo = written_by_hand(EMPTY, true);
    prepush_fix(&repo);
    pasted(&repo, "git tag -d v0.2.0");
    heading_out(&repo);
    pasted(&repo, "relhook release 0.2.0");
    released(&repo);
    pasted(&repo, "git push -q --follow-tags origin main");
}
