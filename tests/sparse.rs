//! Sparse checkouts: files outside the cone are index entries git marks skip-worktree and
//! keeps no copy of. They are no change (`git status` is clean), and relhook agrees: the
//! release, a hand tag and `relhook test` go ahead, and post-commit's entry goes into the
//! commit without a hint to restore a file git leaves out on purpose. A file the release
//! edits (CHANGELOG.md, a version file) left out is not taken for missing: the release, a
//! hand tag and `changelog --sync` refuse, naming the command that brings it in.

use crate::support::{Repo, SKELETON, stderr, text};

/// A repository with `a`, `sub/s` and CHANGELOG.md committed, relhook installed, and a
/// sparse checkout of `sub/`, the configuration and `also` only: `a` (and CHANGELOG.md,
/// unless `also` names it) are not in the work tree.
fn sparse_repo(also: &[&str]) -> Repo {
    let repo = Repo::new();
    repo.write("a", "a\n");
    repo.write("sub/s", "s\n");
    repo.write("CHANGELOG.md", SKELETON);
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let mut set = vec![
        "sparse-checkout",
        "set",
        "--no-cone",
        "/sub/",
        "/.relconfig.toml",
    ];
    set.extend_from_slice(also);
    repo.git(&set);
    assert!(!repo.path().join("a").exists());
    repo
}

fn commit_in_cone(repo: &Repo, file: &str, message: &str) -> std::process::Output {
    repo.write(file, "n\n");
    repo.git(&["add", file]);
    repo.git_output(&["commit", "-q", "-m", message])
}

#[test]
fn post_commit_puts_the_entry_in_the_commit_and_asks_for_no_checkout_outside_the_cone() {
    let repo = sparse_repo(&[]);
    let out = commit_in_cone(&repo, "sub/n", "feat: inside the cone");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        stderr(&out).contains("added `- inside the cone` under Added"),
        "{}",
        text(&out)
    );
    assert!(
        !stderr(&out).contains("missing from the work tree") && !stderr(&out).contains("checkout"),
        "no hint to restore a file the sparse checkout leaves out:\n{}",
        text(&out)
    );
    assert!(
        repo.git(&["show", "HEAD:CHANGELOG.md"])
            .contains("- inside the cone")
    );
    assert_eq!(
        repo.git(&["ls-files", "-t", "CHANGELOG.md"]),
        "S CHANGELOG.md",
        "the index entry stays outside the sparse checkout"
    );
    assert!(!repo.path().join("CHANGELOG.md").exists());
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

#[test]
fn files_outside_the_cone_do_not_make_the_tree_dirty() {
    let repo = sparse_repo(&["/CHANGELOG.md"]);
    let out = commit_in_cone(&repo, "sub/n", "feat: inside the cone");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.is_clean());

    let out = repo.relhook(&["test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        stderr(&out).contains("tests passed; recorded"),
        "{}",
        text(&out)
    );
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));

    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(stderr(&out).contains("v0.1.0 is tagged"), "{}", text(&out));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));

    let out = commit_in_cone(&repo, "sub/m", "fix: again");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let out = repo.git_output(&["tag", "-a", "v0.1.1", "-m", "v0.1.1"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(!stderr(&out).contains("not clean"), "{}", text(&out));
    assert!(
        repo.git(&["show", "v0.1.1:CHANGELOG.md"])
            .contains("## [0.1.1]"),
        "the hand tag made its release commit"
    );
}

#[test]
fn a_changelog_outside_the_cone_is_brought_in_before_a_release_not_taken_for_missing() {
    let repo = sparse_repo(&[]);
    let out = commit_in_cone(&repo, "sub/n", "feat: inside the cone");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let said = "CHANGELOG.md is outside the sparse checkout";
    let add = "`git sparse-checkout add /CHANGELOG.md`";
    for args in [
        &["release", "--dry-run"][..],
        &["release"],
        &["changelog", "--sync"],
    ] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out));
        assert!(
            stderr(&out).contains(said) && stderr(&out).contains(add),
            "{args:?}: {}",
            text(&out)
        );
    }
    let out = repo.git_output(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    assert_ne!(out.status.code(), Some(0), "{}", text(&out));
    assert!(stderr(&out).contains(add), "{}", text(&out));
    // That one reason alone: the changelog git left out is not an empty section.
    assert!(!stderr(&out).contains("would be empty"), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "--list"]), "");
    assert!(
        !repo.path().join("CHANGELOG.md").exists(),
        "nothing written"
    );
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let report = crate::support::stdout(&out);
    assert!(
        report.contains("INVALID  sparse checkout: CHANGELOG.md is outside it")
            && report.contains("fix: git sparse-checkout add /CHANGELOG.md"),
        "{report}"
    );
    // The command named brings it in; the release then has the entries it had.
    let out = repo.sh("git sparse-checkout add /CHANGELOG.md");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let notes = repo.git(&["tag", "-l", "--format=%(contents)", "v0.1.0"]);
    assert!(notes.contains("- inside the cone"), "{notes}");
}
