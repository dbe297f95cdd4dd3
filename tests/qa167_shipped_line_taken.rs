//! QA167: on poetry's branch cut at `1.2.0rc1` (breaking changes since 1.1.0), `version
//! --next` noted that `relhook release 1.2.0` finishes the 1.2.0-rc line instead, though tag
//! `1.2.0` already exists on a maintenance branch: pasted, the release was refused. The note
//! now names only a release that can be made: none where the line was finished elsewhere, and
//! for `--pre`, the first pre-release number of the line with no tag.

use crate::support::{Repo, ok, stderr, stdout, text};

/// v1.0.0, `feat!: b` tagged v1.1.0-rc.1; branch `other` from there with `fix: d`, and
/// `fix: c` on main.
fn line_left_elsewhere() -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.commit("feat!: b");
    repo.git(&["tag", "-a", "v1.1.0-rc.1", "-m", "v1.1.0-rc.1"]);
    repo.git(&["checkout", "-q", "-b", "other"]);
    repo.commit("fix: d");
    repo.git(&["checkout", "-q", "main"]);
    repo.commit("fix: c");
    repo
}

#[test]
fn a_line_finished_on_another_branch_is_not_named() {
    let repo = line_left_elsewhere();
    repo.git(&["tag", "-a", "v1.1.0", "-m", "v1.1.0", "other"]);
    let out = ok(repo.relhook(&["version", "--next"]));
    assert_eq!(stdout(&out).trim(), "2.0.0", "{}", text(&out));
    assert!(!stderr(&out).contains("already shipped"), "{}", text(&out));
    let out = ok(repo.relhook(&["version", "--next", "--explain"]));
    assert!(!stdout(&out).contains("already shipped"), "{}", text(&out));
    let out = ok(repo.relhook(&["release", "--dry-run"]));
    assert!(!stderr(&out).contains("already shipped"), "{}", text(&out));
    // What it named before is refused, as that tag exists.
    let out = repo.relhook(&["release", "1.1.0"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
}

#[test]
fn a_pre_release_taken_elsewhere_names_the_next_free_one() {
    let repo = line_left_elsewhere();
    repo.git(&["tag", "-a", "v1.1.0-rc.2", "-m", "v1.1.0-rc.2", "other"]);
    let out = ok(repo.relhook(&["version", "--next", "--pre", "rc"]));
    let note = "already shipped in v1.1.0-rc.1: `relhook release 1.1.0-rc.3` goes on with the 1.1.0-rc line instead";
    assert!(stderr(&out).contains(note), "{}", text(&out));
    // Pasted, it is made.
    ok(repo.relhook(&["release", "1.1.0-rc.3"]));
    assert_eq!(
        repo.git(&["describe", "--tags", "--exact-match"]),
        "v1.1.0-rc.3"
    );
}
