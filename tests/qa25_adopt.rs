//! `relhook notes` in a shallow clone refuses as `relhook version` does, naming the fetch that
//! answers it.

use crate::support::{Repo, ok, stderr, text};

/// Commits a new file `name` with `message`, no hooks involved.
fn plain_commit(repo: &Repo, name: &str, message: &str) {
    repo.write(name, format!("{message}\n"));
    ok(repo.git_output(&["add", name]));
    ok(repo.git_output(&["commit", "-q", "--no-verify", "-m", message]));
}

#[test]
fn notes_in_a_shallow_clone_refuses_as_version_does() {
    let repo = Repo::new();
    plain_commit(&repo, "a.txt", "feat: a");
    ok(repo.git_output(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]));
    for n in 0..5 {
        plain_commit(&repo, &format!("f{n}.txt"), &format!("fix: f{n}"));
    }
    let clone = repo.scratch("shallow");
    let url = format!("file://{}", repo.path().display());
    ok(repo.git_in(
        repo.dir.path(),
        &[
            "clone",
            "-q",
            "--depth",
            "3",
            "--no-single-branch",
            &url,
            clone.to_str().unwrap(),
        ],
        &[],
    ));
    ok(repo.git_in(&clone, &["fetch", "-q", "--tags", "--depth", "3"], &[]));

    let version = repo.relhook_in(&clone, &["version"]);
    assert!(!version.status.success(), "{}", text(&version));
    let said = stderr(&version);
    assert!(said.contains("shallow"), "{said}");
    assert!(said.contains("git fetch --tags --unshallow"), "{said}");

    let notes = repo.relhook_in(&clone, &["notes"]);
    assert!(!notes.status.success(), "{}", text(&notes));
    assert_eq!(stderr(&notes), said);
    assert_eq!(notes.status.code(), version.status.code());
}
