//! QA50: a refusal inside `relhook release` advised `relhook [--config FILE] release …`
//! without the flags given: `relhook --config ci/release.toml release minor --allow-dirty`
//! before the first tag named `relhook --config ci/release.toml release`, which, pasted, was
//! refused again for the dirty tree (and without `--no-test` would run the tests). Every
//! release advised now repeats the flags that still apply to it; `relhook version --next`
//! (no release flags) repeats the `--config FILE` given.

use crate::support::{Repo, ok, stderr, text, two_packages};

/// The command in the first `` `…` `` after `after` in `err`.
fn advised(err: &str, after: &str) -> String {
    let (_, rest) = err
        .split_once(after)
        .unwrap_or_else(|| panic!("no {after:?} in:\n{err}"));
    rest.split('`').nth(1).unwrap().to_owned()
}

/// A repository with relhook installed, a release config of its own at `ci/release.toml`
/// (tag prefix `rel-`, a test that fails) and one feature; an untracked `notes.txt`.
fn with_its_own_config() -> Repo {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.write(
        "ci/release.toml",
        "[version]\ntag_prefix = \"rel-\"\n[checks]\ntest = [\"false\"]\n",
    );
    repo.git(&["add", "ci"]);
    repo.git(&["commit", "-q", "-m", "chore: release config"]);
    repo.write("a", "a\n");
    repo.git(&["add", "a"]);
    repo.git(&["commit", "-q", "-m", "feat: one"]);
    repo.write("notes.txt", "scratch\n");
    repo
}

#[test]
fn the_first_release_advice_repeats_the_config_and_the_flags_given() {
    let repo = with_its_own_config();
    let out = repo.relhook(&[
        "--config",
        "ci/release.toml",
        "release",
        "minor",
        "--allow-dirty",
        "--no-test",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    let first = advised(&err, "as the first release: ");
    assert_eq!(
        first,
        "relhook --config ci/release.toml release --allow-dirty --no-test"
    );
    let named = advised(&err, "gives from 0.1.0: ");
    assert_eq!(
        named,
        "relhook --config ci/release.toml release --allow-dirty --no-test 0.2.0"
    );
    // Pasted as advised, it releases beside the untracked file, without the failing test.
    let out = ok(repo.sh(&first));
    assert!(repo.git(&["tag"]).contains("rel-0.1.0"), "{}", text(&out));
    assert_eq!(repo.read("notes.txt"), "scratch\n");
}

#[test]
fn the_placeholder_advice_repeats_the_branch_and_tree_flags_given_once() {
    let repo = with_its_own_config();
    repo.git(&["switch", "-q", "-c", "maint"]);
    let out = repo.relhook(&[
        "--config",
        "ci/release.toml",
        "release",
        "0.0.0",
        "--allow-branch",
        "--allow-dirty",
        "--no-test",
        "--dry-run",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    let flags = "--allow-dirty --allow-branch --no-test";
    let named = advised(&err, "name a version above it (");
    assert_eq!(
        named,
        format!("relhook --config ci/release.toml release {flags} 0.1.0")
    );
    // `--dry-run` stays out: the advice is the release's.
    let auto = advised(&err, "let the commits decide: ");
    assert_eq!(
        auto,
        format!("relhook --config ci/release.toml release {flags}")
    );
    let out = ok(repo.sh(&auto));
    assert!(repo.git(&["tag"]).contains("rel-0.1.0"), "{}", text(&out));
}

#[test]
fn a_packages_advice_repeats_its_package_and_the_flags_given() {
    let repo = two_packages(
        r#"{"name":"a","version":"0.1.0"}"#,
        r#"{"name":"b","version":"0.1.0"}"#,
    );
    repo.write("p/a/x", "x\n");
    repo.git(&["add", "p/a/x"]);
    repo.git(&["commit", "-q", "-m", "feat: x"]);
    repo.write("notes.txt", "scratch\n");
    let out = repo.relhook(&["release", "0.0.0", "--package", "a", "--allow-dirty"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let auto = advised(&stderr(&out), "let the commits decide: ");
    assert_eq!(auto, "relhook release --package a --allow-dirty");
    let out = ok(repo.sh(&auto));
    assert!(repo.git(&["tag"]).contains("a-v"), "{}", text(&out));
}

#[test]
fn version_next_names_the_release_with_the_config_given() {
    let repo = with_its_own_config();
    repo.git(&["tag", "rel-1.2", "HEAD~1"]);
    let out = repo.relhook(&["--config", "ci/release.toml", "version", "--next"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let above = advised(&stderr(&out), "name the next version above it: ");
    assert_eq!(above, "relhook --config ci/release.toml release 1.2.1");
    // Pasted, it reads the same config (tag prefix `rel-`) and runs its test, which fails.
    let out = repo.sh(&format!("{above} --allow-dirty"));
    assert!(stderr(&out).contains("rel-1.2.1"), "{}", text(&out));
}
