//! The first ten minutes on an existing project: lightweight release tags made before
//! `relhook install` (as most projects tag: `git tag vX.Y.Z`) go out with the push unjudged, as
//! annotated ones from before it do; one made since is judged. And `relhook notes` in a shallow
//! clone refuses as `relhook version` does, naming the fetch that answers it.

use crate::support::{Repo, ok, stderr, text};

/// Commits a new file `name` with `message`, no hooks involved.
fn plain_commit(repo: &Repo, name: &str, message: &str) {
    repo.write(name, format!("{message}\n"));
    ok(repo.git_output(&["add", name]));
    ok(repo.git_output(&["commit", "-q", "--no-verify", "-m", message]));
}

#[test]
fn lightweight_release_tags_from_before_the_install_go_out_unjudged() {
    let repo = Repo::new();
    plain_commit(&repo, "a.txt", "Initial commit");
    ok(repo.git_skipping_relhook(&["tag", "v0.1.0"]));
    plain_commit(&repo, "b.txt", "Add b");
    ok(repo.git_skipping_relhook(&["tag", "v0.2.0"]));
    plain_commit(&repo, "c.txt", "Add c");
    ok(repo.relhook(&["install"]));
    repo.with_origin();

    let out = repo.git_output(&["push", "-q", "origin", "main", "--tags"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("2 release tags from before `relhook install` here were not judged"),
        "{err}"
    );

    // Made since, by hand on a new commit (past the hook's refusal): judged as ever.
    repo.commit_hooked("feat: add d");
    ok(repo.git_skipping_relhook(&["tag", "v0.3.0"]));
    // All three to a fresh remote: only the new one is refused.
    let fresh = repo.scratch("fresh.git");
    repo.git(&["init", "-q", "--bare", fresh.to_str().unwrap()]);
    repo.git(&["remote", "add", "fresh", fresh.to_str().unwrap()]);
    let out = repo.git_output(&["push", "-q", "fresh", "main", "--tags"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("release tag v0.3.0"), "{err}");
    assert!(!err.contains("release tag v0.2.0"), "{err}");
    assert!(!err.contains("release tag v0.1.0"), "{err}");
    assert!(
        err.contains("2 release tags from before `relhook install` here were not judged"),
        "{err}"
    );
}

#[test]
fn a_lightweight_tag_made_since_the_install_on_an_old_commit_is_judged() {
    let repo = Repo::new();
    plain_commit(&repo, "a.txt", "Initial commit");
    ok(repo.git_skipping_relhook(&["tag", "v0.1.0"]));
    plain_commit(&repo, "b.txt", "Add b");
    ok(repo.relhook(&["install"]));
    repo.with_origin();
    ok(repo.git_skipping_relhook(&["tag", "v0.2.0", "HEAD"]));
    let out = repo.git_output(&["push", "-q", "origin", "main", "--tags"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("release tag v0.2.0"), "{err}");
    assert!(
        err.contains("1 release tag from before `relhook install` here was not judged"),
        "{err}"
    );
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
