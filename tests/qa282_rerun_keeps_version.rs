//! QA282: a refusal whose fix ends "then run `relhook release …` again" rebuilt that command
//! from the packages and flags alone: `relhook release --package a 0.4.0 --no-test` was told
//! to run `relhook release --package a --no-test` again, which releases the version relhook
//! chooses, not 0.4.0. The command to run again is the one given, its version and `--pre` too
//! (a dry run's is the release's, as every other refusal's advice is).

use crate::qa22_cargo_inherit::{A, B, PACKAGES, refused_untouched, workspace};

#[test]
fn the_command_to_run_again_keeps_the_version_asked_for() {
    let repo = workspace(PACKAGES, A, B, &["a-v0.3.0", "b-v0.3.0"]);
    let again = "run `relhook release 0.4.0 --package a --no-test` again";
    let err = refused_untouched(&repo, &["--package", "a", "0.4.0", "--no-test"]);
    assert!(err.contains(again), "{err}");
    let dry = refused_untouched(
        &repo,
        &["--package", "a", "0.4.0", "--dry-run", "--no-test"],
    );
    assert_eq!(dry, err);
    let pre = refused_untouched(&repo, &["minor", "--pre", "rc", "--all", "--no-test"]);
    assert!(
        pre.contains("run `relhook release minor --pre rc --all --no-test` again"),
        "{pre}"
    );
}
