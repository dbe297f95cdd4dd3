//! QA52: `relhook release --dry-run` with no `git` on PATH said "a release makes its tag with
//! it; nothing was changed", though a dry run makes no tag and changes nothing. It now says
//! what the dry run needs git for, and once git is on PATH (its fix) the dry run shows the
//! release.

use crate::support::{git_abs, installed_repo, listing, relhook_bin, stderr, stdout, text};

#[cfg(unix)]
#[test]
fn a_dry_run_without_git_on_path_says_what_a_dry_run_needs_it_for() {
    let repo = installed_repo();
    repo.commit_hooked("feat: two");
    // PATH: relhook, a shell and a few tools, and no git.
    let bin = repo.path_without_git(true);
    let before = listing(&repo.path());
    let run = || {
        repo.command_in(relhook_bin(), &repo.path())
            .env("PATH", &bin)
            .args(["release", "--dry-run", "--no-test"])
            .output()
            .unwrap()
    };
    let out = run();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(
        err,
        "relhook: error: cannot show the release: the `git` program is not on PATH, and the release this dry run would show needs it to make its tag: install git, or add the folder that holds it to PATH, then run it again\n"
    );
    assert!(!err.contains("a release makes its tag"), "{err}");
    assert!(listing(&repo.path()) == before, "the repository changed");
    // The fix: git's folder on PATH (here, git linked into it); the dry run then shows it.
    std::os::unix::fs::symlink(git_abs(), bin.join("git")).unwrap();
    let out = run();
    assert!(out.status.success(), "{}", text(&out));
    assert!(stdout(&out).contains("release v"), "{}", text(&out));
    assert!(listing(&repo.path()) == before, "the repository changed");
    assert!(repo.git(&["tag", "-l"]).is_empty());
}
