//! QA44: `relhook release patch` (or `minor`) on a pre-release line above it (v1.2.0, then
//! v1.3.0-rc.1, then a fix) finished the 1.3.0-rc line as v1.3.0 without a word that the level
//! asked for was below that line. It now says so in one note line, as `version --explain`
//! does, in a dry run too.

use crate::support::{ok, stderr, text, untested_installed};

fn on_a_line() -> crate::support::Repo {
    let repo = untested_installed();
    repo.commit_hooked("fix: a");
    ok(repo.relhook(&["release", "1.2.0"]));
    repo.commit_hooked("feat: f");
    ok(repo.relhook(&["release", "--pre", "rc"]));
    repo.commit_hooked("fix: g");
    repo
}

const NEVER_BELOW: &str = "as a version never goes below a pre-release already made";

#[test]
fn a_level_below_the_line_is_said_when_the_release_finishes_it() {
    let repo = on_a_line();
    let dry = repo.relhook(&["release", "patch", "--dry-run"]);
    assert!(dry.status.success(), "{}", text(&dry));
    let note = format!(
        "relhook: note: `patch` makes 1.2.1, below the 1.3.0-rc line of v1.3.0-rc.1: v1.3.0 finishes that line, {NEVER_BELOW}\n"
    );
    assert!(stderr(&dry).contains(&note), "{}", text(&dry));
    let out = ok(repo.relhook(&["release", "patch"]));
    assert_eq!(
        stderr(&out).matches("relhook: note:").count(),
        1,
        "{}",
        text(&out)
    );
    assert!(stderr(&out).contains(&note), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "--points-at", "HEAD"]), "v1.3.0");
}

#[test]
fn a_level_below_the_line_is_said_when_the_release_goes_on_with_it() {
    let repo = on_a_line();
    let out = ok(repo.relhook(&["release", "patch", "--pre", "rc"]));
    assert!(
        stderr(&out).contains(&format!(
            "`patch` makes 1.2.1, below the 1.3.0-rc line of v1.3.0-rc.1: v1.3.0-rc.2 goes on with that line, {NEVER_BELOW}"
        )),
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["tag", "--points-at", "HEAD"]), "v1.3.0-rc.2");
}

#[test]
fn a_minor_below_a_major_line_is_said() {
    let repo = untested_installed();
    repo.commit_hooked("fix: a");
    ok(repo.relhook(&["release", "1.2.0"]));
    repo.commit_hooked("feat!: f");
    ok(repo.relhook(&["release", "--pre", "rc"]));
    repo.commit_hooked("fix: g");
    let out = ok(repo.relhook(&["release", "minor", "--dry-run"]));
    assert!(
        stderr(&out).contains(&format!(
            "`minor` makes 1.3.0, below the 2.0.0-rc line of v2.0.0-rc.1: v2.0.0 finishes that line, {NEVER_BELOW}"
        )),
        "{}",
        text(&out)
    );
}

#[test]
fn a_level_that_makes_the_line_or_leaves_it_says_no_such_thing() {
    let repo = on_a_line();
    for args in [
        &["release", "minor", "--dry-run"][..],
        &["release", "major", "--dry-run"],
        &["release", "--dry-run"],
    ] {
        let out = ok(repo.relhook(args));
        assert!(
            !stderr(&out).contains(NEVER_BELOW),
            "{args:?}: {}",
            text(&out)
        );
    }
}
