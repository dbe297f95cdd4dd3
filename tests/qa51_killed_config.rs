//! QA51: `relhook --config other.toml release` killed mid-run (its journal left), then
//! `relhook doctor` without `--config`, advised a bare `relhook release --resume` and named
//! the default prefix's tag (`v0.1.0`): pasted, the resume tagged under `.relconfig.toml`.
//! The journal now records the configuration the run was given: doctor names the run's tag
//! and repeats its `--config`, and so does the recovery any command makes; a release run
//! without it refuses before it touches anything, naming the resume that finishes it.

use crate::support::{Repo, configured_with_a_feature, ok, stderr, stdout, text};

/// A release given `--config other.toml` (tag prefix `rel-`) killed once its branch moved,
/// before its index was renamed into place: the journal is left.
fn killed_under_other_toml() -> Repo {
    let repo = configured_with_a_feature(|_| String::new());
    repo.write("other.toml", "[version]\ntag_prefix = \"rel-\"\n");
    repo.git(&["add", "other.toml"]);
    repo.git(&["commit", "-q", "-m", "ci: its own release config"]);
    repo.relhook_killed_at(
        "refs-moved",
        &["--config", "other.toml", "release", "--no-test"],
    );
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
    assert!(repo.path().join(".git/relhook-txn").exists());
    repo
}

#[test]
fn doctor_without_config_names_the_killed_runs_tag_and_config() {
    let repo = killed_under_other_toml();
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert!(said.contains("tag rel-0.1.0 is missing"), "{}", text(&out));
    assert!(!said.contains("v0.1.0"), "{said}");
    assert!(!said.contains("`relhook release --resume"), "{said}");
    let fix = said
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("no fix:\n{said}"));
    // The run's `--no-test` too (see qa51_resume_flags).
    assert_eq!(
        fix,
        "relhook --config other.toml release --resume --no-test"
    );
    // Pasted, it tags under the run's configuration.
    ok(repo.sh(fix));
    assert_eq!(repo.git(&["tag", "-l"]), "rel-0.1.0");
}

#[test]
fn a_release_without_that_config_refuses_first_and_names_the_resume() {
    let repo = killed_under_other_toml();
    let journal = std::fs::read(repo.path().join(".git/relhook-txn")).unwrap();
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("ran with `--config other.toml`"), "{err}");
    // Nothing was recovered: the journal is as the killed run left it.
    assert_eq!(
        std::fs::read(repo.path().join(".git/relhook-txn")).unwrap(),
        journal
    );
    let resume = err.split('`').nth(3).expect("the resume");
    assert_eq!(
        resume,
        "relhook --config other.toml release --resume --no-test"
    );

    // Another command recovers the run, and names the resume with its config too.
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    let err = stderr(&out);
    assert!(
        err.contains("`relhook --config other.toml release --resume --no-test` makes its tag"),
        "{err}"
    );
    ok(repo.sh(resume));
    assert_eq!(repo.git(&["tag", "-l"]), "rel-0.1.0");
}
