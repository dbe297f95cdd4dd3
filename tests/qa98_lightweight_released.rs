//! QA98: a lightweight release tag made past the hook (`RELHOOK_SKIP=1 git tag`) on a commit
//! that already has its release. Of the release's own version (its annotated tag deleted,
//! made again lightweight), pre-push's `fix:` line said to delete it and `relhook release
//! 0.1.0`, which pasted finds 0.1.0 released and refuses; it now makes the tag again
//! annotated where it is, as the problem line says. Of another version, the problem line said
//! `git tag -d v0.2.0 && relhook release 0.2.0`, refused pasted (nothing was committed
//! since): it names no release now, and the `fix:` line's delete is the way.

use crate::support::{Repo, ok, stderr, text};

/// relhook installed, `origin`, v0.1.0 released over `feat: a` and pushed with its tag.
fn released() -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.with_origin();
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release"]));
    ok(repo.git_output(&["push", "-q", "origin", "main"]));
    repo
}

/// `git push origin main <tag>`, refused: its stderr.
fn refused(repo: &Repo, tag: &str) -> String {
    let out = repo.git_output(&["push", "-q", "origin", "main", tag]);
    assert!(!out.status.success(), "{}", text(&out));
    stderr(&out)
}

/// The commands in backquotes on the `fix:` line of `err`.
fn fix_commands(err: &str) -> Vec<String> {
    let line = err
        .lines()
        .find(|l| l.trim_start().starts_with("fix:"))
        .unwrap_or_else(|| panic!("no fix line in {err}"));
    line.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn its_own_version_is_made_again_annotated_where_it_is() {
    let repo = released();
    let commit = repo.git(&["rev-parse", "HEAD"]);
    ok(repo.git_skipping_relhook(&["tag", "-d", "v0.1.0"]));
    ok(repo.git_skipping_relhook(&["tag", "v0.1.0"]));

    let err = refused(&repo, "v0.1.0");
    assert!(!err.contains("relhook release"), "{err}");
    let fix = fix_commands(&err);
    assert_eq!(fix.len(), 1, "{err}");
    let out = repo.sh(&fix[0]);
    assert!(out.status.success(), "{}\n{}", fix[0], text(&out));
    assert_eq!(repo.git(&["cat-file", "-t", "v0.1.0"]), "tag");
    assert_eq!(repo.git(&["rev-parse", "v0.1.0^{commit}"]), commit);
    let out = repo.git_output(&["push", "-q", "origin", "v0.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn another_version_on_the_release_commit_names_no_release() {
    let repo = released();
    ok(repo.git_skipping_relhook(&["tag", "v0.2.0"]));

    let err = refused(&repo, "v0.2.0");
    assert!(!err.contains("relhook release"), "{err}");
    assert!(err.contains("`v0.2.0` is a lightweight tag"), "{err}");
    let fix = fix_commands(&err);
    assert_eq!(fix, ["git tag -d v0.2.0"], "{err}");
    ok(repo.sh(&fix[0]));
    let out = repo.git_output(&["push", "-q", "origin", "main", "v0.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
}
