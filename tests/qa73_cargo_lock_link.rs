//! QA73: a release refused over a Cargo.lock that is a symbolic link advised `rm Cargo.lock &&
//! cp locks/Cargo.lock Cargo.lock`, paths from the top of the work tree: pasted in a folder
//! below it (where relhook was run), `rm` found no Cargo.lock there and nothing was fixed; and
//! the copy it made at the top was left uncommitted, so the release then refused the dirty
//! tree. The command now names each path from the top and commits the copy, and works pasted
//! at the top and below it.

use std::path::Path;

use crate::support::{Repo, ok, path_with, stderr, text};

const LOCK: &str = "version = 4\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\n";

/// A crate released as 0.1.0 whose Cargo.lock links to `locks/Cargo.lock`, then a fix.
fn linked_lock() -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    );
    repo.write("locks/Cargo.lock", LOCK);
    std::os::unix::fs::symlink("locks/Cargo.lock", repo.path().join("Cargo.lock")).unwrap();
    repo.write("src/main.rs", "fn main() {}\n");
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    ok(repo.relhook(&["install"]));
    repo.write("src/main.rs", "fn main() {}\n//\n");
    let out = repo.git_output(&["commit", "-q", "-am", "fix: a fix"]);
    assert!(out.status.success(), "{}", text(&out));
    repo
}

/// The release refused in `cwd`, its advice pasted there, then the release made there.
fn fixed_as_advised(repo: &Repo, cwd: &Path) {
    let out = repo.relhook_in(cwd, &["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("symbolic link to `locks/Cargo.lock`"), "{err}");
    let fix = err
        .split('`')
        .skip(1)
        .step_by(2)
        .find(|c| c.starts_with("rm "))
        .unwrap_or_else(|| panic!("no `rm …` in:\n{err}"))
        .to_owned();
    let pasted = repo
        .command_in("sh", cwd)
        .env("PATH", path_with(&[&repo.relhook_on_path()]))
        .args(["-c", &fix])
        .output()
        .expect("run sh");
    assert!(pasted.status.success(), "{fix}: {}", text(&pasted));
    let lock = repo.path().join("Cargo.lock");
    assert!(lock.symlink_metadata().unwrap().is_file(), "{fix}");
    assert!(
        repo.is_clean(),
        "{fix}: {}",
        repo.git(&["status", "--short"])
    );
    ok(repo.relhook_in(cwd, &["release", "--no-test"]));
    let released = repo.git(&["show", "v0.1.1:Cargo.lock"]);
    assert!(released.contains("version = \"0.1.1\""), "{released}");
    // The link's target is the copy's source, left as it was.
    assert_eq!(repo.read("locks/Cargo.lock"), LOCK);
}

#[cfg(unix)]
#[test]
fn the_copy_for_a_linked_cargo_lock_works_pasted_at_the_top() {
    let repo = linked_lock();
    fixed_as_advised(&repo, &repo.path());
}

#[cfg(unix)]
#[test]
fn the_copy_for_a_linked_cargo_lock_works_pasted_below_the_top() {
    let repo = linked_lock();
    let sub = repo.path().join("src");
    fixed_as_advised(&repo, &sub);
    assert!(!sub.join("Cargo.lock").exists());
}
