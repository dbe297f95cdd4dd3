//! QA42: `relhook uninstall` left `.git/relhook-adopted` (the note of the commits made before
//! relhook's first install) without a word, so it looked forgotten. It stays, as it must (an
//! install again would otherwise take the commits made since for ones from before relhook),
//! and uninstall now says so in one line.

use crate::support::{Repo, ok, stdout, text};

#[test]
fn uninstall_says_why_the_adoption_note_stays() {
    let repo = Repo::new();
    repo.git(&[
        "commit",
        "-q",
        "--allow-empty",
        "--no-verify",
        "-m",
        "chore: start",
    ]);
    ok(repo.relhook(&["install"]));
    let note = repo.path().join(".git/relhook-adopted");
    assert!(note.exists());
    let out = ok(repo.relhook(&["uninstall"]));
    let said = stdout(&out);
    let lines: Vec<&str> = said
        .lines()
        .filter(|l| l.contains("relhook-adopted"))
        .collect();
    assert_eq!(lines.len(), 1, "{}", text(&out));
    assert!(
        lines[0].starts_with("kept .git/relhook-adopted, which notes the commits made before"),
        "{}",
        text(&out)
    );
    assert!(note.exists());
    // Nothing left to uninstall: nothing said of it again.
    let again = ok(repo.relhook(&["uninstall"]));
    assert!(
        !stdout(&again).contains("relhook-adopted"),
        "{}",
        text(&again)
    );
}
