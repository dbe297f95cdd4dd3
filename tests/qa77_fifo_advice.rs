//! QA77: a release refused over a Cargo.lock, or any tracked file, that is a FIFO advised
//! `rm Cargo.lock && git checkout -- Cargo.lock`, paths from the top of the work tree: pasted
//! in a folder below it (where relhook was run), `rm` found no Cargo.lock there and nothing
//! was fixed. The step now names `rm`'s path from the top and git's as a pathspec from the
//! top, and works pasted at the top and below it.

use std::path::Path;

use crate::support::{Repo, ok, stderr, text};

const LOCK: &str = "version = 4\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\n";

/// A crate released as 0.1.0 with `docs/notes.txt` beside it, then a fix; `fifo` made a FIFO.
fn crate_with_fifo(fifo: &str) -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    );
    repo.write("Cargo.lock", LOCK);
    repo.write("docs/notes.txt", "notes\n");
    repo.write("src/main.rs", "fn main() {}\n");
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    ok(repo.relhook(&["install"]));
    repo.write("src/main.rs", "fn main() {}\n//\n");
    let out = repo.git_output(&["commit", "-q", "-am", "fix: a fix"]);
    assert!(out.status.success(), "{}", text(&out));
    let path = repo.path().join(fifo);
    std::fs::remove_file(&path).unwrap();
    let made = std::process::Command::new("mkfifo").arg(&path).status();
    assert!(made.unwrap().success());
    repo
}

/// The release refused in `cwd` over the FIFO `rel`, its `rm …` step pasted there, then the
/// release made there.
fn fixed_as_advised(repo: &Repo, cwd: &Path, rel: &str) {
    let out = repo.relhook_in(cwd, &["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{rel} is a FIFO (named pipe), not a file")),
        "{err}"
    );
    let fix = err
        .split('`')
        .skip(1)
        .step_by(2)
        .find(|c| c.starts_with("rm "))
        .unwrap_or_else(|| panic!("no `rm …` in:\n{err}"))
        .to_owned();
    let pasted = repo
        .command_in("sh", cwd)
        .args(["-c", &fix])
        .output()
        .expect("run sh");
    assert!(pasted.status.success(), "{fix}: {}", text(&pasted));
    let path = repo.path().join(rel);
    assert!(path.symlink_metadata().unwrap().is_file(), "{fix}");
    assert!(
        repo.is_clean(),
        "{fix}: {}",
        repo.git(&["status", "--short"])
    );
    ok(repo.relhook_in(cwd, &["release", "--no-test"]));
    let released = repo.git(&["show", "v0.1.1:Cargo.lock"]);
    assert!(released.contains("version = \"0.1.1\""), "{released}");
}

#[cfg(unix)]
#[test]
fn the_step_for_a_fifo_cargo_lock_works_pasted_at_the_top() {
    let repo = crate_with_fifo("Cargo.lock");
    fixed_as_advised(&repo, &repo.path(), "Cargo.lock");
}

#[cfg(unix)]
#[test]
fn the_step_for_a_fifo_cargo_lock_works_pasted_below_the_top() {
    let repo = crate_with_fifo("Cargo.lock");
    let sub = repo.path().join("src");
    fixed_as_advised(&repo, &sub, "Cargo.lock");
    assert!(!sub.join("Cargo.lock").exists());
}

#[cfg(unix)]
#[test]
fn the_step_for_any_tracked_fifo_works_pasted_below_the_top() {
    let repo = crate_with_fifo("docs/notes.txt");
    fixed_as_advised(&repo, &repo.path().join("src"), "docs/notes.txt");
    assert_eq!(repo.read("docs/notes.txt"), "notes\n");
}
