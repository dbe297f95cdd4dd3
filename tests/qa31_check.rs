//! QA31: `relhook check`'s ways on. A `fixup!` commit was told to be reworded; a root commit
//! that fails was to be explained by `relhook check HEAD`, which judges HEAD alone.

use crate::support::{Repo, hand_tag, stderr, stdout, text};

fn installed() -> Repo {
    let repo = Repo::new();
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo
}

#[test]
fn fixup_commits_are_to_be_squashed_not_reworded() {
    let repo = installed();
    repo.commit_hooked("feat: one");
    repo.git(&[
        "commit",
        "-q",
        "--allow-empty",
        "--no-verify",
        "--fixup",
        "HEAD",
    ]);
    let out = repo.relhook(&["check"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stdout(&out);
    assert!(
        said.contains("hint: squash them into their targets with `git rebase -i --autosquash ")
            && !said.contains("reword"),
        "{said}"
    );
    // With a commit to reword too, both are said.
    repo.commit("not conventional");
    let said = stdout(&repo.relhook(&["check"]));
    assert!(
        said.contains("hint: reword 1 commit with `git rebase -i ")
            && said.contains("(mark it `reword`), and squash the `fixup!`/`squash!` ones"),
        "{said}"
    );
}

#[test]
fn a_failing_root_commit_is_explained_by_a_check_of_all_history() {
    let repo = installed();
    repo.commit("bad message");
    repo.commit_hooked("fix: ok");
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "x"]);
    let err = stderr(&out);
    assert!(!out.status.success(), "{err}");
    assert!(
        err.contains("`git rebase -i --root`")
            && err.contains("(`relhook check --all` explains each)"),
        "{err}"
    );
    let out = repo.relhook(&["check", "--all"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stdout(&out).contains("bad message"), "{}", text(&out));
}

/// QA32: a range whose commits are all from before the install was "nothing judged", with
/// `relhook check --all` as the way, which in a shallow clone stops at its boundary and does
/// not take a range. `--all RANGE` judges that range whole.
#[test]
fn all_with_a_range_judges_that_range_whole() {
    let repo = crate::support::Repo::new();
    repo.commit("feat: one");
    repo.commit("not conventional");
    repo.commit("fix: two");
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let out = repo.relhook(&["check", "HEAD~2..HEAD"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        stdout(&out).contains("(`relhook check --all 'HEAD~2..HEAD'` judges them)"),
        "{}",
        text(&out)
    );
    let out = repo.relhook(&["check", "--all", "HEAD~2..HEAD"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stdout(&out).contains("checked 2 commits in") && stdout(&out).contains("1 failed"),
        "{}",
        text(&out)
    );
}
