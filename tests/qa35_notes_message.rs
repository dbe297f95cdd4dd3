//! QA35: the commits of relhook's test records (`refs/notes/relhook-tests`, pushed with the
//! tags and shown by `git log --all`) said "Notes added by 'git_note_create' from libgit2".
//! They say who made them, as git's own notes commits do.

use crate::support::{Repo, ok};

#[test]
fn a_test_record_commit_says_relhook_test_made_it() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: cfg"]);
    ok(repo.relhook(&["test"]));
    repo.git(&["commit", "-q", "--allow-empty", "-m", "chore: more"]);
    ok(repo.relhook(&["test"]));
    let subjects = repo.git(&["log", "--format=%s", "refs/notes/relhook-tests"]);
    assert_eq!(
        subjects,
        "Notes added by 'relhook test'\nNotes added by 'relhook test'"
    );
    // The records themselves are read as before.
    let note = repo.git(&["notes", "--ref", "relhook-tests", "show", "HEAD"]);
    assert!(!note.is_empty());
}
