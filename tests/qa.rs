//! Found by trying relhook as a new user and the project's reviewers would: each test
//! reproduces one thing that was broken, silent or confusing, through real git and the hooks.

use crate::support::{Repo, stderr, text};

/// A repository with relhook's real hooks installed (`relhook install`) and one commit.
fn installed() -> Repo {
    let repo = Repo::new();
    repo.commit("chore: init");
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo
}

#[test]
#[cfg(unix)]
fn a_first_changelog_through_a_symlinked_folder_is_refused_by_post_commit_with_the_reason() {
    let repo = Repo::new();
    let outside = repo.scratch("outside");
    std::os::unix::fs::symlink(&outside, repo.path().join("docs")).unwrap();
    repo.write(
        ".relconfig.toml",
        "[changelog]\npath = \"docs/CHANGELOG.md\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = repo.git_output(&[
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "feat: through a link",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("outside the work tree"), "{err}");
    assert!(!err.contains("D/F conflict"), "{err}");
    assert!(
        !err.contains("--sync` adds it"),
        "names a command that refuses too: {err}"
    );
    assert_ne!(
        repo.git(&["rev-parse", "HEAD"]),
        head,
        "the commit itself stands"
    );
    assert!(
        std::fs::read_dir(&outside).unwrap().next().is_none(),
        "nothing written outside"
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}
