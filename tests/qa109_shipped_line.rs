//! QA109: a pre-release line that already shipped a breaking change (Vue's v3.6.0-rc.5 after
//! 3.5). The next version stays what SemVer and the other release tools say (2.0.0 after
//! 1.0.0: a final 1.1.0 would reach every `^1.0.0` user, which no pre-release did), but
//! `version --next`, `--explain` and `release --dry-run` now name the release that finishes
//! the line instead, which works pasted and warns of nothing. A breaking change made after
//! the pre-release leaves the line with no such line.

use crate::support::{Repo, ok, stderr, stdout, text};

/// v1.0.0, `feat!: b`, then v1.1.0-rc.1 on it.
fn shipped_in_rc() -> Repo {
    let repo = Repo::new();
    repo.commit("chore: init");
    repo.git(&["tag", "v1.0.0"]);
    repo.commit("feat!: b");
    repo.git(&["tag", "-a", "v1.1.0-rc.1", "-m", "x"]);
    repo
}

const FINISH: &str = "the breaking change that calls for 2.0.0 (`feat!: b`) already shipped in v1.1.0-rc.1: `relhook release 1.1.0` finishes the 1.1.0-rc line instead";

/// The command a note quotes after `: `, up to its closing backquote.
fn quoted_command(line: &str) -> &str {
    let start = line.find("`relhook ").unwrap_or_else(|| panic!("{line}")) + 1;
    let len = line[start..].find('`').unwrap();
    &line[start..start + len]
}

#[test]
fn the_release_that_finishes_the_line_is_named_and_works_pasted() {
    let repo = shipped_in_rc();
    let out = ok(repo.relhook(&["version", "--next"]));
    assert_eq!(stdout(&out).trim(), "2.0.0");
    let note = format!("relhook: note: {FINISH}");
    assert!(stderr(&out).lines().any(|l| l == note), "{}", text(&out));

    let out = ok(repo.relhook(&["version", "--next", "--explain"]));
    let said = stdout(&out);
    assert!(said.lines().any(|l| l == FINISH), "{said}");
    assert!(said.ends_with("next: 2.0.0\n"), "{said}");

    let out = ok(repo.relhook(&["release", "--dry-run"]));
    assert!(stderr(&out).lines().any(|l| l == note), "{}", text(&out));

    // Pasted: v1.1.0 is made, with no warning that the commits call for 2.0.0.
    let out = repo.sh(quoted_command(FINISH));
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("warning"), "{}", text(&out));
    assert_eq!(repo.git(&["describe", "--tags", "--exact-match"]), "v1.1.0");
}

#[test]
fn a_pre_release_goes_on_with_the_line_when_pasted() {
    let repo = shipped_in_rc();
    // Nothing since v1.1.0-rc.1: a pre-release of it would have empty notes, so the release
    // that finishes the line is named (QA277).
    let out = ok(repo.relhook(&["release", "--dry-run", "--pre", "rc"]));
    let finish = format!("relhook: note: {FINISH}");
    assert!(stderr(&out).lines().any(|l| l == finish), "{}", text(&out));

    repo.commit("fix: c");
    let out = ok(repo.relhook(&["release", "--dry-run", "--pre", "rc"]));
    let err = stderr(&out);
    let line = err
        .lines()
        .find(|l| l.contains("already shipped in v1.1.0-rc.1"))
        .unwrap_or_else(|| panic!("{}", text(&out)));
    assert!(
        line.ends_with("`relhook release 1.1.0-rc.2` goes on with the 1.1.0-rc line instead"),
        "{line}"
    );
    let out = repo.sh(quoted_command(line));
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        repo.git(&["describe", "--tags", "--exact-match"]),
        "v1.1.0-rc.2"
    );
}

#[test]
fn a_breaking_change_after_the_pre_release_leaves_the_line_unremarked() {
    let repo = shipped_in_rc();
    repo.commit("feat!: c");
    let out = ok(repo.relhook(&["version", "--next"]));
    assert_eq!(stdout(&out).trim(), "2.0.0");
    assert!(!stderr(&out).contains("already shipped"), "{}", text(&out));
    let out = ok(repo.relhook(&["version", "--next", "--explain"]));
    assert!(!text(&out).contains("already shipped"), "{}", text(&out));
}

#[test]
fn a_fix_after_the_pre_release_keeps_the_way_to_finish_it() {
    let repo = shipped_in_rc();
    repo.commit("fix: c");
    let out = ok(repo.relhook(&["version", "--next"]));
    assert_eq!(stdout(&out).trim(), "2.0.0");
    let note = format!("relhook: note: {FINISH}");
    assert!(stderr(&out).lines().any(|l| l == note), "{}", text(&out));
}
