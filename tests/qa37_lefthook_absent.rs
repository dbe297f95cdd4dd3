//! QA37: a lefthook.yml with no `lefthook` on PATH: install and doctor said to run `lefthook
//! install` (command not found) and commits went unchecked, without a word of why.

use crate::support::{Repo, pending, stdout, text};

#[test]
fn lefthook_missing_from_path_is_said_with_how_to_get_it() {
    let path = std::env::var_os("PATH").unwrap_or_default();
    if std::env::split_paths(&path).any(|d| d.join("lefthook").is_file()) {
        return eprintln!("skipped: lefthook is on PATH here");
    }
    let repo = Repo::new();
    repo.write(
        "lefthook.yml",
        "pre-commit:\n  commands:\n    lint:\n      run: echo hi\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: lh"]);
    let out = pending(repo.relhook(&["install"]));
    assert!(
        stdout(&out).contains(
            "then run `lefthook install`; lefthook is not on PATH here: install it first"
        ),
        "{}",
        text(&out)
    );
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(doctor.contains("lefthook is not on PATH here"), "{doctor}");
}
