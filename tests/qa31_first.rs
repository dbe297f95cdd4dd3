//! QA31: the first ten minutes. A `docs:` or `chore:` commit before any entry made no
//! CHANGELOG.md and said nothing: the first word of why was a refused tag.

use crate::support::{Repo, stderr, text};

#[test]
fn a_commit_with_no_entry_before_the_changelog_exists_says_why_in_one_line() {
    let repo = Repo::new();
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.write("README.md", "hi\n");
    repo.git(&["add", "README.md"]);
    let out = repo.try_commit("docs: add the readme");
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(
        err.lines()
            .filter(|l| l.starts_with("relhook:"))
            .collect::<Vec<_>>(),
        [
            "relhook: no changelog entry: `docs:` commits get none, so CHANGELOG.md is not made yet; `feat:`, `fix:`, `perf:`, `revert:` commits do (`[changelog.sections]` in .relconfig.toml)"
        ],
        "{err}"
    );
    assert!(!repo.path().join("CHANGELOG.md").exists());
    // Said once (QA36): the next `chore:` has nothing to hear either.
    let out = repo.try_commit("chore: tidy first");
    assert!(!stderr(&out).contains("relhook:"), "{}", text(&out));
    // Once there is a changelog, a `chore:` commit has nothing to hear.
    repo.commit_hooked("feat: the first feature");
    assert!(repo.path().join("CHANGELOG.md").exists());
    let out = repo.try_commit("chore: tidy up");
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("relhook:"), "{}", text(&out));
}

/// A tag pushed after its branch brings no commit: said so, not "0 commits … checked".
#[test]
fn a_tag_pushed_after_its_branch_says_no_commit_is_new() {
    let repo = crate::support::untested_installed();
    repo.commit_hooked("feat: a");
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.with_origin();
    let out = repo.git_output(&["push", "-q", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_output(&["push", "-q", "origin", "v0.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("relhook: pre-push ok: no commit new to the remote; releasing v0.1.0"),
        "{err}"
    );
}

/// An invalid .relconfig.toml: commit-msg and pre-push refuse, and a version tag made by hand
/// went through unchecked, with no release commit. Refused now, naming the bypass.
#[test]
fn a_version_tag_with_an_invalid_configuration_is_refused() {
    let repo = Repo::new();
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.commit_hooked("feat: a");
    repo.write(".relconfig.toml", "[bogus\n");
    for tag in ["v0.1.0", "api-v0.3.0"] {
        let out = crate::support::hand_tag(&repo, &["-a", tag, "-m", "x"]);
        assert!(!out.status.success(), "{}", text(&out));
        let err = stderr(&out);
        assert!(
            err.contains(&format!(
                "relhook: refusing tag {tag}: relhook cannot check it or make its release commit: "
            )) && err.contains("`RELHOOK_SKIP=1 git tag …` tags without relhook"),
            "{err}"
        );
    }
    assert_eq!(repo.git(&["tag"]), "");
    // Any other tag is made.
    let out = crate::support::hand_tag(&repo, &["-a", "nightly", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
}

/// `git init -b trunk` (or `init.defaultBranch = trunk` when it ran): neither main nor master
/// exists, and the release-branch rule admitted any branch, a feature branch's release too.
/// The branch the repository began on is its trunk.
#[test]
fn the_branch_a_repository_began_on_is_its_release_branch() {
    let repo = Repo::new();
    repo.git(&["symbolic-ref", "HEAD", "refs/heads/trunk"]);
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.commit_hooked("feat: a");
    repo.git(&["switch", "-q", "-c", "feature/x"]);
    repo.commit_hooked("fix: b");
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("releases are made from trunk (`release.branches`), not `feature/x`"),
        "{}",
        text(&out)
    );
    let out = crate::support::hand_tag(&repo, &["-a", "v0.1.0", "-m", "x"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("`git switch trunk && git merge feature/x`, then tag there"),
        "{}",
        text(&out)
    );
    repo.git(&["switch", "-q", "trunk"]);
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}

/// The id `git commit` printed is gone once post-commit adds the entry (it says so); a tag on
/// it was told to release that commit on a branch of its own, which put the commit in history
/// twice. It is HEAD as git first made it: tag HEAD.
#[test]
fn a_tag_on_the_id_git_commit_printed_is_told_to_tag_head() {
    let repo = Repo::new();
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.commit_hooked("feat: one");
    repo.commit_hooked("feat: four");
    let printed = repo.git(&["rev-parse", "HEAD@{1}"]);
    assert_ne!(printed, repo.git(&["rev-parse", "HEAD"]));
    let out = crate::support::hand_tag(&repo, &["-a", "v0.1.0", "-m", "r", &printed]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{} is HEAD as git first made it", &printed[..9]))
            && err.contains("tag HEAD instead: `git tag -a v0.1.0 -m v0.1.0`")
            && !err.contains("git switch -c"),
        "{err}"
    );
    let out = crate::support::hand_tag(&repo, &["-a", "v0.1.0", "-m", "r"]);
    assert!(out.status.success(), "{}", text(&out));
}

/// The only entry under `### Fixed` deleted by hand: the release and its notes carried the
/// empty heading.
#[test]
fn a_release_leaves_out_a_subsection_emptied_by_hand() {
    let repo = crate::support::untested_installed();
    repo.commit_hooked("feat: a");
    repo.commit_hooked("fix: b");
    repo.write(
        "CHANGELOG.md",
        repo.read("CHANGELOG.md").replace("- b\n", ""),
    );
    repo.git(&["commit", "-q", "-am", "docs: drop the b entry"]);
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(!log.contains("### Fixed"), "{log}");
    assert!(log.contains("## [0.1.0]") && log.contains("- a"), "{log}");
    let notes = repo.git(&["tag", "-l", "--format=%(contents)", "v0.1.0"]);
    assert!(!notes.contains("Fixed"), "{notes}");
}
