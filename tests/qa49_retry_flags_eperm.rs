//! QA49: wrong advice after a failed release. The retry it named kept only the version,
//! `--pre` and `--package`, so pasted as printed it was refused (`--allow-dirty`,
//! `--allow-branch` dropped).

use crate::support::{Repo, installed_repo, next_command, ok, relhook_bin, stderr, text};

/// Cargo.toml (and, with `lock`, Cargo.lock) released at 1.2.0 with the tests `test`
/// (an argv list), and a feature after it.
fn released_crate(test: &str, lock: bool) -> Repo {
    let repo = installed_repo();
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"demo\"\nversion = \"1.2.0\"\nedition = \"2021\"\n",
    );
    if lock {
        repo.write(
            "Cargo.lock",
            "version = 4\n\n[[package]]\nname = \"demo\"\nversion = \"1.2.0\"\n",
        );
    }
    repo.write(".relconfig.toml", format!("[checks]\ntest = {test}\n"));
    repo.git(&["add", "-A"]);
    repo.commit_hooked("chore: the crate");
    ok(repo.relhook(&["release", "1.2.0", "--no-test"]));
    repo.write("b.txt", "b\n");
    repo.git(&["add", "b.txt"]);
    repo.commit_hooked("fix: b");
    repo
}

#[test]
fn failing_tests_name_a_retry_with_the_flags_given_that_pasted_releases() {
    let repo = released_crate(r#"["sh", "-c", "test ! -e FAIL"]"#, false);
    // A maintenance branch, failing tests, and an untracked file beside.
    repo.git(&["switch", "-q", "-c", "maint"]);
    repo.write("FAIL", "");
    repo.git(&["add", "FAIL"]);
    repo.commit_hooked("test: fail");
    repo.write("notes.txt", "x\n");
    let out = repo.relhook(&["release", "1.2.1", "--allow-branch", "--allow-dirty"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    let again = "relhook release 1.2.1 --allow-dirty --allow-branch";
    assert!(
        err.contains(&format!(
            "then `{again}`; or `{again} --no-test` to release untested"
        )),
        "{err}"
    );
    assert!(next_command(&err).starts_with("fix them"), "{err}");
    repo.git(&["rm", "-q", "FAIL"]);
    repo.commit_hooked("test: fix");
    ok(repo.sh(again));
    assert!(repo.git(&["tag", "-l"]).contains("v1.2.1"));
}

#[test]
fn failing_tests_name_the_other_flags_given_too() {
    let repo = released_crate(r#"["false"]"#, false);
    repo.write("notes.txt", "x\n");
    let out = repo.relhook(&["release", "--allow-unlinted", "--allow-dirty"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    let again = "relhook release --allow-dirty --allow-unlinted";
    assert!(
        err.contains(&format!("then `{again}`; or `{again} --no-test`")),
        "{err}"
    );
    ok(repo.sh(&format!("{again} --no-test")));
    assert!(repo.git(&["tag", "-l"]).contains("v1.2.1"));
}

#[test]
fn an_error_names_a_retry_with_the_flags_given_that_pasted_releases() {
    let repo = released_crate(r#"["true"]"#, false);
    repo.write("notes.txt", "scratch\n");
    let lock = repo.path().join(".git/index.lock");
    std::fs::write(&lock, "").unwrap();
    let out = repo
        .command_in(relhook_bin(), &repo.path())
        .args(["release", "--allow-dirty", "--no-test"])
        .env("RELHOOK_LOCK_WAIT_MS", "100")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("run `relhook release --allow-dirty --no-test` again once that is fixed"),
        "{err}"
    );
    std::fs::remove_file(&lock).unwrap();
    ok(repo.sh("relhook release --allow-dirty --no-test"));
    assert!(repo.git(&["tag", "-l"]).contains("v1.2.1"));
}
