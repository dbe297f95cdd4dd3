//! QA48: a hand tag killed after its release commit (the tag still on the commit before it),
//! finished by `relhook release --resume`, was tagged untested ("a release tagged by hand runs
//! no tests"), though README says `--resume` tests it, as it does for one killed before its
//! commit. The release commit is now tested with `[checks] test` first, then the tag moved
//! onto it; failing, both stay where they were, for the next `--resume`.

use crate::support::{Repo, ok, stderr, text};

/// A repository with `[checks] test = [test]`, `feat: a`, and the hand tag v0.1.0 killed at
/// `step`, after its release commit.
fn killed_after_its_commit(test: &str, step: &str) -> Repo {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        format!("[checks]\ntest = [\"{test}\"]\n"),
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    repo.git_killed_at(step, &["tag", "-a", "v0.1.0", "-m", "x"], &[]);
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
    assert_eq!(
        repo.git(&["rev-parse", "v0.1.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD~1"])
    );
    repo
}

fn records(repo: &Repo) -> String {
    repo.git(&["notes", "--ref=refs/notes/relhook-tests", "list"])
}

#[test]
fn resume_tests_the_release_commit_and_the_push_goes_through() {
    for step in ["refs-moved", "hand-committed"] {
        let repo = killed_after_its_commit("true", step);
        repo.with_origin();
        let out = ok(repo.relhook(&["release", "--resume"]));
        let err = stderr(&out);
        assert!(
            err.contains("v0.1.0 is tagged on") && err.contains("(tested, release finished)"),
            "{step}: {err}"
        );
        assert!(!err.contains("not tested"), "{step}: {err}");
        assert_eq!(
            repo.git(&["rev-parse", "v0.1.0^{commit}"]),
            repo.git(&["rev-parse", "HEAD"])
        );
        // The tag is the user's: its message kept.
        assert_eq!(
            repo.git(&["tag", "-l", "--format=%(contents)", "v0.1.0"]),
            "x"
        );
        let push = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
        assert!(push.status.success(), "{step}: {}", text(&push));
    }
}

#[test]
fn failing_tests_leave_the_tag_where_it_was_and_the_way_out_works() {
    let repo = killed_after_its_commit("false", "hand-committed");
    let before = repo.git(&["rev-parse", "HEAD~1"]);
    let out = repo.relhook(&["release", "--resume"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("the tests failed on its release commit"),
        "{err}"
    );
    assert!(
        err.contains(&format!("v0.1.0 stays on {}", &before[..9])),
        "{err}"
    );
    assert_eq!(repo.git(&["rev-parse", "v0.1.0^{commit}"]), before);
    assert_eq!(records(&repo), "");
    // The undo it names, pasted: the tag and the release commit go, and the release is made
    // again once the fix is committed.
    let undo = "git tag -d v0.1.0 && git reset --keep HEAD~1";
    assert!(err.contains(&format!("`{undo}`")), "{err}");
    ok(repo.sh(undo));
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), before);
    assert_eq!(repo.git(&["tag", "-l", "v0.1.0"]), "");
}
