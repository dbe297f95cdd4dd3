//! QA51: with no `git` on PATH, `relhook release` found it missing only when it tagged: the
//! release commit was made, then undone. It now asks first and refuses in one line naming
//! git and PATH, the repository untouched.

use crate::support::{installed_repo, listing, relhook_bin, stderr, text};

#[cfg(unix)]
#[test]
fn a_release_without_git_on_path_refuses_before_it_changes_anything() {
    let repo = installed_repo();
    repo.commit_hooked("feat: two");
    // PATH: relhook, a shell and a few tools, and no git.
    let bin = repo.path_without_git(true);
    let before = listing(&repo.path());
    for args in [&["release", "--no-test"][..], &["release", "--resume"]] {
        let out = repo
            .command_in(relhook_bin(), &repo.path())
            .env("PATH", &bin)
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", text(&out));
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("`git` program is not on PATH"), "{err}");
        assert!(err.contains("nothing was changed"), "{err}");
        assert!(!err.contains("releasing"), "{err}");
        assert!(listing(&repo.path()) == before, "the repository changed");
    }
    assert_eq!(repo.head_subject(), "feat: two");
    assert!(repo.git(&["tag", "-l"]).is_empty());
}
