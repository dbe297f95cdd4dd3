//! QA34: in a `git clone --no-tags`, `relhook notes` said "there is no release tag yet" and
//! named `relhook release` for the first release, while upstream had three: a second first
//! release. It now says what `version` says: the clone fetches no tags, and how to fetch them.

use crate::support::{Repo, stderr, text};

#[test]
fn notes_in_a_clone_without_tags_names_the_fetch() {
    let repo = Repo::new();
    repo.git(&["commit", "-q", "--allow-empty", "-m", "feat: one"]);
    repo.git(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    repo.git(&["commit", "-q", "--allow-empty", "-m", "fix: two"]);
    let clone = clone_without_tags(&repo);
    let out = repo.relhook_in(&clone, &["notes"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("this clone fetches no tags from `origin`"),
        "{err}"
    );
    assert!(err.contains("git fetch --tags origin"), "{err}");
    assert!(!err.contains("first release"), "{err}");
    // A rebuild would drop every release section: refused the same way.
    let out = repo.relhook_in(&clone, &["changelog", "--rebuild", "--stdout"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains("git fetch --tags origin"),
        "{}",
        text(&out)
    );
}

/// `git clone --no-tags` of `repo` into its scratch folder `clone`.
pub(crate) fn clone_without_tags(repo: &Repo) -> std::path::PathBuf {
    let origin = repo.path().to_str().unwrap().to_owned();
    let clone = repo.scratch("clone");
    let out = repo.git_in(
        repo.path().parent().unwrap(),
        &["clone", "-q", "--no-tags", &origin, clone.to_str().unwrap()],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out));
    clone
}
