//! QA32: a submodule whose untracked files the repository's config says to ignore
//! (`git config submodule.sub.ignore untracked`): `git status` called the tree clean, relhook
//! refused the hand tag and the release as dirty (libgit2 reads that setting in .gitmodules
//! only).

use crate::support::{Repo, hand_tag, text, untested_installed};

#[test]
fn a_submodule_change_the_config_ignores_leaves_the_tree_clean() {
    let sub = Repo::new();
    sub.commit("chore: s");
    let repo = untested_installed();
    let out = repo.git_in(
        &repo.path(),
        &[
            "-c",
            "protocol.file.allow=always",
            "submodule",
            "add",
            "-q",
            sub.path().to_str().unwrap(),
            "sub",
        ],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out));
    repo.git(&["commit", "-q", "-m", "chore: add sub"]);
    repo.commit_hooked("feat: x");
    std::fs::write(repo.path().join("sub/untracked.tmp"), "junk\n").unwrap();
    repo.git(&["config", "submodule.sub.ignore", "untracked"]);
    assert_eq!(repo.git(&["status", "--porcelain"]), "");

    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "r"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");

    // What the setting does not hide still counts: a tracked file changed in the submodule.
    let tracked = sub.git(&["ls-files"]);
    std::fs::write(repo.path().join("sub").join(tracked.trim()), "changed\n").unwrap();
    repo.commit_hooked("fix: y");
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("not clean (sub)"),
        "{}",
        text(&out)
    );
}
