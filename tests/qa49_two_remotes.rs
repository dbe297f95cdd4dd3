//! QA49: pre-push with two remotes. A branch push to a second remote skipped that remote's
//! own checks for the commits the first had already: a release commit whose tag the second
//! has on another commit went through, and a release tag left behind went unsaid. Where this
//! clone's release is published on one remote and the other holds another release of that
//! version, the fix dropped the published one. And a tag pushed by its object's id was said
//! to be no tag of this clone.

use std::path::{Path, PathBuf};

use crate::support::{Repo, clone_installed, ok, stderr, text, untested_installed};

/// A clone with relhook installed, `feat: a` pushed to both bare remotes `origin` and
/// `other`; returns `other`'s path.
fn two_remotes() -> (Repo, PathBuf) {
    let repo = untested_installed();
    repo.with_origin();
    let other = repo.scratch("other.git");
    repo.git(&[
        "init",
        "-q",
        "--bare",
        "-b",
        "main",
        other.to_str().unwrap(),
    ]);
    repo.git(&["remote", "add", "other", other.to_str().unwrap()]);
    repo.commit_hooked("feat: a");
    ok(repo.git_output(&["push", "-q", "origin", "main"]));
    ok(repo.git_output(&["push", "-q", "other", "main"]));
    (repo, other)
}

/// Another clone of `remote` releases `tag` on a commit of its own and pushes the tag alone.
fn released_elsewhere(repo: &Repo, remote: &Path, tag: &str) {
    let there = clone_installed(repo, remote, "there");
    std::fs::write(there.join("z.txt"), "z\n").unwrap();
    ok(repo.git_in(&there, &["add", "z.txt"], &[]));
    ok(repo.git_in(&there, &["commit", "-q", "-m", "feat: z"], &[]));
    ok(repo.git_in(&there, &["tag", "-a", tag, "-m", tag], &[]));
    ok(repo.git_in(&there, &["push", "-q", "--no-verify", "origin", tag], &[]));
}

/// This clone releases 0.2.0 (after `feat: w`) and publishes it on origin.
fn release_on_origin(repo: &Repo) {
    repo.commit_hooked("feat: w");
    ok(repo.relhook(&["release", "0.2.0", "--no-test"]));
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
}

#[test]
fn a_branch_push_to_a_second_remote_with_another_release_of_its_tag_is_refused() {
    let (repo, other) = two_remotes();
    released_elsewhere(&repo, &other, "v0.2.0");
    release_on_origin(&repo);
    let before = repo.git(&["ls-remote", other.to_str().unwrap(), "refs/heads/main"]);
    for force in [false, true] {
        let mut args = vec!["push", "--follow-tags", "other", "main"];
        if force {
            args.insert(1, "--force");
        }
        let out = repo.git_output(&args);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        let err = stderr(&out);
        assert!(
            err.contains("other already has v0.2.0 at tag object")
                && err.contains("which origin publishes (the two remotes hold different releases of that version)"),
            "{err}"
        );
        // This clone's release is published on origin: it is kept, not dropped.
        assert!(
            err.contains("fix: keep this clone's v0.2.0 (origin publishes it)")
                && !err.contains("git tag -d")
                && !err.contains("git reset"),
            "{err}"
        );
        // Only the lint of the commits is left to origin's push.
        assert!(
            err.contains("2 commits new to other were not checked"),
            "{err}"
        );
    }
    let after = repo.git(&["ls-remote", other.to_str().unwrap(), "refs/heads/main"]);
    assert_eq!(before, after, "nothing was published");
}

#[test]
fn a_branch_push_to_a_second_remote_says_the_release_tag_it_leaves_behind() {
    let (repo, _) = two_remotes();
    release_on_origin(&repo);
    let out = ok(repo.git_output(&["push", "other", "main"]));
    let err = stderr(&out);
    assert!(
        err.contains(
            "release tag v0.2.0 on commits this push sends stays behind: `git push other v0.2.0`"
        ),
        "{err}"
    );
    // As said: the tag goes, and nothing is left behind.
    ok(repo.sh("git push other v0.2.0"));
    let out = ok(repo.git_output(&["push", "other", "main"]));
    assert!(!stderr(&out).contains("stays behind"), "{}", text(&out));
}

#[test]
fn a_tag_push_to_a_remote_with_another_release_keeps_the_one_published_elsewhere() {
    let (repo, other) = two_remotes();
    released_elsewhere(&repo, &other, "v0.2.0");
    release_on_origin(&repo);
    let mine = repo.git(&["rev-parse", "v0.2.0"]);
    let forced: [&[&str]; 2] = [
        &["push", "other", "v0.2.0"],
        &["push", "-f", "other", "v0.2.0"],
    ];
    for args in forced {
        let out = repo.git_output(args);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        let err = stderr(&out);
        assert!(
            err.contains("another release of v0.2.0")
                && err.contains("which origin publishes (the two remotes hold different releases of that version)")
                && err.contains("fix: keep this clone's v0.2.0 (origin publishes it)"),
            "{err}"
        );
        assert!(
            !err.contains("git tag -d") && !err.contains("git reset"),
            "{err}"
        );
        // The one command named only reads.
        ok(repo.sh("git ls-remote other refs/tags/v0.2.0"));
    }
    assert_eq!(repo.git(&["rev-parse", "v0.2.0"]), mine);
}

#[test]
fn a_tag_published_nowhere_else_is_still_dropped_for_the_remote_s() {
    let (repo, other) = two_remotes();
    released_elsewhere(&repo, &other, "v0.2.0");
    repo.commit_hooked("feat: w");
    ok(repo.relhook(&["release", "0.2.0", "--no-test"]));
    let out = repo.git_output(&["push", "other", "v0.2.0"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("drop this clone's release of it and take other's: `git tag -d v0.2.0`")
            && !err.contains("publishes"),
        "{err}"
    );
}

#[test]
fn a_tag_pushed_by_its_object_id_is_judged_as_that_tag() {
    let repo = untested_installed();
    let origin = repo.with_origin();
    repo.commit_hooked("feat: a");
    ok(repo.git_output(&["push", "-q", "-u", "origin", "main"]));
    ok(repo.relhook(&["release", "0.1.0", "--no-test"]));
    let id = repo.git(&["rev-parse", "v0.1.0"]);
    let out = repo.git_output(&["push", "origin", &format!("{id}:refs/tags/v0.1.0")]);
    let err = stderr(&out);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!err.contains("no tag of this clone"), "{err}");
    let theirs = repo.git(&["ls-remote", origin.to_str().unwrap(), "refs/tags/v0.1.0"]);
    assert!(theirs.starts_with(&id), "{theirs}");
    // Under another tag's name, it is said as the tag it is.
    let out = repo.git_output(&["push", "origin", &format!("{id}:refs/tags/v9.9.9")]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("tag v0.1.0 of this clone is pushed as refs/tags/v9.9.9"),
        "{err}"
    );
}
