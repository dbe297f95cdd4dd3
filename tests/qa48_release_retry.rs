//! QA48: a `relhook release 0.2.0` (or `minor --pre rc`) that failed (a lock held, failing
//! tests) advised "run `relhook release` again once that is fixed", which released another
//! version (0.1.1). The retry now repeats the version asked for, and `--package` if given.

use crate::support::{Repo, installed_repo, next_command, ok, relhook_bin, stderr, text};

/// v0.1.0 released, a feature after it; the tests run `test`.
fn released_with_a_feature(test: &str) -> Repo {
    let repo = installed_repo();
    repo.write(
        ".relconfig.toml",
        format!("[checks]\ntest = [\"{test}\"]\n"),
    );
    repo.git(&["add", ".relconfig.toml"]);
    repo.commit_hooked("chore: tests");
    ok(repo.relhook(&["release", "--no-test"]));
    repo.commit_hooked("feat: two");
    repo
}

#[test]
fn an_error_names_the_version_asked_for_and_pasted_it_releases_that() {
    let repo = released_with_a_feature("true");
    let lock = repo.path().join(".git/index.lock");
    std::fs::write(&lock, "").unwrap();
    let out = repo
        .command_in(relhook_bin(), &repo.path())
        .args(["release", "0.3.0"])
        .env("RELHOOK_LOCK_WAIT_MS", "100")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    let (_, rest) = err
        .split_once("run `")
        .unwrap_or_else(|| panic!("no retry in:\n{err}"));
    let again = rest.split('`').next().unwrap();
    assert_eq!(again, "relhook release 0.3.0", "{err}");
    std::fs::remove_file(&lock).unwrap();
    ok(repo.sh(again));
    assert_eq!(repo.git(&["tag", "-l"]), "v0.1.0\nv0.3.0");
}

#[test]
fn failing_tests_name_the_release_as_given() {
    let repo = released_with_a_feature("false");
    let out = repo.relhook(&["release", "minor", "--pre", "rc"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains(
            "then `relhook release minor --pre rc`; or `relhook release minor --pre rc --no-test`"
        ),
        "{err}"
    );
    let untested = next_command(&err);
    assert!(untested.starts_with("fix them"), "{untested}");
    ok(repo.relhook(&["release", "minor", "--pre", "rc", "--no-test"]));
    assert!(repo.git(&["tag", "-l"]).contains("v0.2.0-rc.1"));
}

#[test]
fn a_package_release_repeats_its_version_and_package() {
    let repo = Repo::new();
    repo.write(
        "crates/api/Cargo.toml",
        "[package]\nname = \"api\"\nversion = \"0.1.0\"\n",
    );
    repo.write(
        ".relconfig.toml",
        "[checks]\ntest = [\"false\"]\n[packages.api]\npath = \"crates/api\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo.write("crates/api/a.rs", "a\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat(api): a");
    let out = repo.relhook(&["release", "0.4.0", "--package", "api"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("then `relhook release 0.4.0 --package api`"),
        "{err}"
    );
}
