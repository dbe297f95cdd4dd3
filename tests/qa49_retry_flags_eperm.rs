//! QA49: wrong advice after a failed release. The retry it named kept only the version,
//! `--pre` and `--package`, so pasted as printed it was refused (`--allow-dirty`,
//! `--allow-branch` dropped). EPERM (an immutable file) got EACCES's `chmod` advice, which
//! fails with EPERM too. A lock file that is a FIFO was said as a dirty tree to commit or
//! stash (git refuses both), and doctor said all is well.

use std::path::{Path, PathBuf};

use crate::support::{
    Repo, hand_tag_refused, installed_repo, is_root, next_command, ok, relhook_bin, stderr, text,
};

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

/// Clears the immutable attribute it was given on drop, so a failed test leaves no file
/// that neither the test's clean-up nor anyone but root can remove.
struct Immutable(PathBuf);

impl Immutable {
    /// `chattr +i path`; `None` where that is not possible (not root, a file system
    /// without attributes).
    fn set(path: &Path) -> Option<Immutable> {
        let done = std::process::Command::new("chattr")
            .arg("+i")
            .arg(path)
            .output()
            .is_ok_and(|o| o.status.success());
        done.then(|| Immutable(path.to_path_buf()))
    }
}

impl Drop for Immutable {
    fn drop(&mut self) {
        let _ = std::process::Command::new("chattr")
            .arg("-i")
            .arg(&self.0)
            .output();
    }
}

#[cfg(unix)]
#[test]
fn eperm_names_the_attribute_and_the_command_that_clears_it() {
    let repo = released_crate(r#"["true"]"#, false);
    let manifest = repo.path().join("Cargo.toml");
    let Some(_immutable) = is_root().then(|| Immutable::set(&manifest)).flatten() else {
        eprintln!("skipped: `chattr +i` needs root and a file system with attributes");
        return;
    };
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    let (file, dir) = (manifest.display(), repo.path().display().to_string());
    assert!(
        err.contains(&format!(
            "Operation not permitted (os error 1); `lsattr -d {file} {dir}` shows an immutable (`i`) or append-only (`a`) attribute, which `chattr -i -a {file} {dir}` (as root) clears"
        )),
        "{err}"
    );
    assert!(!err.contains("chmod"), "{err}");
    assert!(
        err.contains("run `relhook release --no-test` again once that is fixed"),
        "{err}"
    );
    // The advice pasted, then the retry: released.
    ok(repo.sh(&format!("chattr -i -a {file} {dir}")));
    ok(repo.sh("relhook release --no-test"));
    assert!(repo.read("Cargo.toml").contains("version = \"1.2.1\""));
}

#[cfg(unix)]
#[test]
fn a_fifo_lock_is_said_as_one_with_a_fix_that_works() {
    let repo = released_crate(r#"["true"]"#, true);
    std::fs::remove_file(repo.path().join("Cargo.lock")).unwrap();
    ok(repo.sh("mkfifo Cargo.lock"));
    let what = "Cargo.lock is a FIFO (named pipe), not a file";
    let fix =
        "`rm \"$(git rev-parse --show-toplevel)\"/Cargo.lock && git checkout -- :/Cargo.lock`";
    for args in [&["release"][..], &["release", "--allow-dirty"]] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        let err = stderr(&out);
        assert!(
            err.contains(what) && err.contains(&format!("{fix}, then release again")),
            "{err}"
        );
        assert!(
            !err.contains("not clean") && !err.contains("regular file"),
            "{err}"
        );
    }
    let said = hand_tag_refused(&repo, "v1.2.1");
    assert!(said.contains(&format!("{fix}, then tag again")), "{said}");
    assert!(!said.contains("not clean"), "{said}");
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(
        doctor.contains(what) && doctor.contains(&format!("fix: {fix}")),
        "{doctor}"
    );
    assert!(!doctor.contains("all is well"), "{doctor}");
    ok(repo.sh("rm Cargo.lock && git checkout -- Cargo.lock"));
    ok(repo.relhook(&["release"]));
    assert!(repo.read("Cargo.lock").contains("version = \"1.2.1\""));
}
