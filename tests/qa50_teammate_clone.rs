//! QA50: a teammate's clone of a repository whose committed hook-manager files already call
//! relhook. `relhook install` there noted no adoption, so a branch push to a new remote (a
//! fork) judged every release tag from before the team adopted relhook as a new hand tag, and
//! advised deleting it and releasing it again (refused when pasted: the version is old), and a
//! push of the tags was refused for tags origin already publishes.

use std::path::{Path, PathBuf};

use crate::support::{Repo, ok, pending, stdout, text};

/// Releases v0.1.0 and v0.2.0 made by an old tool (no changelog), then husky, then relhook
/// wired into husky and committed, published on `origin`; returns a teammate's fresh clone
/// (relhook installed with `install`, or `install --force` as relhook advises) and the path
/// of a new bare remote `fork` added to it.
fn teammate(force: bool) -> (Repo, PathBuf, PathBuf) {
    let repo = Repo::new();
    repo.write("f", "1\n");
    repo.git(&["add", "f"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "Add f"]);
    repo.git(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    repo.write("f", "2\n");
    repo.git(&["commit", "-q", "--no-verify", "-am", "Change f"]);
    repo.git(&["tag", "-a", "v0.2.0", "-m", "v0.2.0"]);
    repo.write(".husky/pre-commit", "npm test\n");
    repo.git(&["add", ".husky"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: husky"]);
    pending(repo.relhook(&["install"]));
    repo.git(&["add", ".husky"]);
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "-m",
        "chore: wire relhook into husky",
    ]);
    let origin = repo.with_origin();
    ok(repo.git_output(&["push", "-q", "--no-verify", "origin", "main", "--tags"]));
    let mate = repo.dir.path().join("mate");
    let url = origin.to_str().unwrap();
    ok(repo.git_in(
        repo.dir.path(),
        &["clone", "-q", "-b", "main", url, mate.to_str().unwrap()],
        &[],
    ));
    let install: &[&str] = if force {
        &["install", "--force"]
    } else {
        &["install"]
    };
    // Before `npx husky` there: exit 1, with `npx husky` named (`--force`: relhook's shims).
    let out = repo.relhook_in(&mate, install);
    assert_eq!(
        out.status.code(),
        Some(if force { 0 } else { 1 }),
        "{}",
        text(&out)
    );
    let fork = repo.scratch("fork.git");
    ok(repo.git_in(
        &mate,
        &["init", "-q", "--bare", "-b", "main", fork.to_str().unwrap()],
        &[],
    ));
    ok(repo.git_in(
        &mate,
        &["remote", "add", "fork", fork.to_str().unwrap()],
        &[],
    ));
    (repo, mate, fork)
}

fn push(repo: &Repo, mate: &Path, args: &[&str]) -> (Option<i32>, String) {
    let out = repo.git_in(mate, args, &[]);
    (out.status.code(), text(&out))
}

/// The install notes the adoption at the commit before the one that wired relhook in: the
/// tags from before it stay behind unjudged, as in the clone where relhook was first
/// installed, and their push is not judged either.
#[test]
fn a_teammates_install_notes_what_came_before_the_team_adopted_relhook() {
    for force in [false, true] {
        let (repo, mate, _) = teammate(force);
        let note = std::fs::read_to_string(mate.join(".git/relhook-adopted")).unwrap();
        let before = stdout(&repo.git_in(&mate, &["rev-parse", "HEAD~1"], &[]));
        assert!(note.starts_with(before.trim()), "force {force}: {note}");
        if !force {
            // husky not set up in the clone: no hook of relhook's runs a push.
            continue;
        }
        let (code, out) = push(&repo, &mate, &["push", "fork", "main"]);
        assert_eq!(code, Some(0), "{out}");
        assert!(!out.contains("git tag -d"), "{out}");
        assert!(
            out.contains(
                "relhook: note: 2 release tags from before `relhook install` stay behind (`git push fork --tags` sends them; they are not judged)"
            ),
            "{out}"
        );
        let (code, out) = push(&repo, &mate, &["push", "fork", "--tags"]);
        assert_eq!(code, Some(0), "{out}");
        assert!(out.contains("2 release tags from before"), "{out}");
    }
}

/// A commit made in the clone after the install is still linted, and a hand tag made on it
/// still judged: the note stops at the commit that wired relhook in.
#[test]
fn a_teammates_new_commits_and_hand_tags_are_still_judged() {
    let (repo, mate, _) = teammate(true);
    std::fs::write(mate.join("g"), "g\n").unwrap();
    ok(repo.git_in(&mate, &["add", "g"], &[]));
    ok(repo.git_in(&mate, &["commit", "-q", "--no-verify", "-m", "Add g"], &[]));
    let (code, out) = push(&repo, &mate, &["push", "origin", "main"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("Add g"), "{out}");
    ok(repo.git_in(
        &mate,
        &["commit", "-q", "--amend", "--no-verify", "-m", "feat: g"],
        &[],
    ));
    ok(repo.git_in(&mate, &["tag", "-a", "v0.3.0", "-m", "v0.3.0"], &[]));
    let (code, out) = push(&repo, &mate, &["push", "origin", "v0.3.0"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("release tag v0.3.0"), "{out}");
}

/// Without the note (a clone installed by an older relhook), a tag another remote already
/// publishes, the same tag object, is published: never advised deleted and released again,
/// and its push to the fork is not refused.
#[test]
fn a_tag_another_remote_publishes_is_never_advised_made_again() {
    let (repo, mate, _) = teammate(true);
    std::fs::remove_file(mate.join(".git/relhook-adopted")).unwrap();
    let (code, out) = push(&repo, &mate, &["push", "fork", "main"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(!out.contains("git tag -d"), "{out}");
    assert!(
        out.contains(
            "relhook: note: 2 release tags origin publishes stay behind (`git push fork --tags` sends them; they are not judged: a published release is not made again)"
        ),
        "{out}"
    );
    let (code, out) = push(&repo, &mate, &["push", "fork", "--tags"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("relhook: note: 2 release tags origin publishes were not judged"),
        "{out}"
    );
}
