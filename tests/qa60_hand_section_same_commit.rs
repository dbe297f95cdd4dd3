//! QA60: a release section written by hand in the commit that also brought `fix: beta`, whose
//! entry post-commit put under `## [Unreleased]`: the hand tag there was accepted (only a
//! section written one commit earlier was refused), shipping beta with notes that leave it
//! out, `relhook release` advised that tag, and pre-push passed it. Now all three refuse it
//! and name the way that works: the entry moved into the section, committed, then tagged.

use crate::support::{
    Repo, hand_tag, hand_tag_refused, ok, stderr, stdout, text, untested_installed,
};

const SECTION: &str = "## [0.2.0] - 2026-12-05";

/// relhook installed, `feat: alpha` committed, then `## [0.2.0]` written by hand and
/// committed together with `fix: beta` (whose entry lands under Unreleased).
fn same_commit() -> Repo {
    let repo = untested_installed();
    repo.write("a", "a\n");
    commit_all(&repo, "feat: alpha");
    let log = repo.read("CHANGELOG.md").replacen(
        "## [Unreleased]\n",
        &format!("## [Unreleased]\n\n{SECTION}\n"),
        1,
    );
    repo.write("CHANGELOG.md", log);
    repo.write("b", "b\n");
    commit_all(&repo, "fix: beta");
    let log = repo.read("CHANGELOG.md");
    let unreleased = &log[..log.find(SECTION).expect("the section")];
    assert!(unreleased.contains("- beta"), "{log}");
    repo
}

/// `- beta` moved from Unreleased into the 0.2.0 section, as the advice says to.
fn move_beta(repo: &Repo) {
    let log = repo.read("CHANGELOG.md");
    let moved = log.replacen("### Fixed\n\n- beta\n\n", "", 1).replacen(
        SECTION,
        &format!("{SECTION}\n\n### Fixed\n\n- beta"),
        1,
    );
    assert_ne!(log, moved, "{log}");
    repo.write("CHANGELOG.md", moved);
    commit_all(repo, "docs: list beta under 0.2.0");
}

/// Every change committed through the hooks.
fn commit_all(repo: &Repo, message: &str) {
    repo.git(&["add", "-A"]);
    repo.commit_hooked(message);
}

/// The last command in backquotes in `line`.
fn last_command(line: &str) -> String {
    let words: Vec<&str> = line.split('`').skip(1).step_by(2).collect();
    words.last().unwrap_or_else(|| panic!("{line}")).to_string()
}

#[test]
fn the_hand_tag_is_refused_naming_the_entry_and_the_advice_works() {
    let repo = same_commit();
    let err = hand_tag_refused(&repo, "v0.2.0");
    assert!(err.contains("`- beta`"), "{err}");
    assert!(err.contains("under `## [Unreleased]`"), "{err}");
    let line = err.lines().find(|l| l.contains("`- beta`")).unwrap();
    let tag = last_command(line);
    assert_eq!(tag, "git tag -a v0.2.0 -m 'release 0.2.0'");
    move_beta(&repo);
    let out = repo.sh(&tag);
    assert!(out.status.success(), "{}", text(&out));
    let notes = stdout(&ok(repo.relhook(&["notes", "v0.2.0"])));
    assert!(
        notes.contains("- beta") && notes.contains("- alpha"),
        "{notes}"
    );
    let log = repo.read("CHANGELOG.md");
    let unreleased = &log[..log.find(SECTION).unwrap()];
    assert!(!unreleased.contains("- beta"), "{log}");
}

#[test]
fn release_does_not_advise_the_hand_tag_that_ships_it() {
    let repo = same_commit();
    for args in [&["release"][..], &["release", "0.2.0"]] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        let err = stderr(&out);
        assert!(
            err.contains("move `- beta` from `## [Unreleased]`"),
            "{err}"
        );
        assert!(!err.contains("tag that commit"), "{err}");
    }
}

#[test]
fn pre_push_refuses_the_tag_made_past_the_hook() {
    let repo = same_commit();
    repo.with_origin();
    ok(repo.git_skipping_relhook(&["tag", "-a", "v0.2.0", "-m", "v0.2.0"]));
    let out = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("`- beta`"), "{err}");
    assert!(err.contains("git tag -d v0.2.0"), "{err}");
}

#[test]
fn the_section_written_alone_still_tags_as_before() {
    let repo = untested_installed();
    repo.write("a", "a\n");
    commit_all(&repo, "feat: alpha");
    let log = repo.read("CHANGELOG.md").replacen(
        "## [Unreleased]\n",
        &format!("## [Unreleased]\n\n{SECTION}\n"),
        1,
    );
    repo.write("CHANGELOG.md", log);
    commit_all(&repo, "docs: release 0.2.0");
    let out = hand_tag(&repo, &["-a", "v0.2.0", "-m", "release 0.2.0"]);
    assert!(out.status.success(), "{}", text(&out));
}
