//! QA41: a commit pushed to one remote past the hooks (`--no-verify`) went on to a second
//! remote without a word: another remote has it, so pre-push does not judge it (published
//! history is not reworded), but it said nothing of the commits it let through unchecked.

use crate::support::{stderr, text, untested_installed};

#[test]
fn commits_another_remote_has_are_said_unchecked_on_the_way_to_a_second() {
    let repo = untested_installed();
    let r1 = repo.scratch("r1.git");
    let r2 = repo.scratch("r2.git");
    for (name, path) in [("r1", &r1), ("r2", &r2)] {
        repo.git(&["init", "-q", "--bare", path.to_str().unwrap()]);
        repo.git(&["remote", "add", name, path.to_str().unwrap()]);
    }
    repo.git(&["push", "-q", "r1", "main"]);
    repo.git(&["commit", "-q", "--no-verify", "--allow-empty", "-m", "wip"]);
    repo.git(&["push", "-q", "--no-verify", "r1", "main"]);
    let out = repo.git_output(&["push", "r2", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let notes: Vec<&str> = err.lines().filter(|l| l.contains("not checked")).collect();
    assert_eq!(notes.len(), 1, "{err}");
    assert!(
        notes[0].contains("1 commit new to r2 was not checked: r1 has it")
            && notes[0].contains("relhook check --all"),
        "{err}"
    );
    // Pushed again with nothing new: no note.
    let out = repo.git_output(&["push", "r2", "main"]);
    assert!(!stderr(&out).contains("not checked"), "{}", text(&out));
}
