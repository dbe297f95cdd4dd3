//! QA37: `relhook check` named the fixup's own parent as the base of `git rebase -i
//! --autosquash`, below which the fixed commit stands, so the rebase changed nothing; and
//! pre-push said a `git commit --fixup` whose target is pushed "never met the commit-msg hook".

use crate::support::{Repo, installed_repo, ok, stderr, stdout, text};

fn commit_file(repo: &Repo, file: &str, args: &[&str]) {
    repo.write(file, format!("{file} {}\n", args.join(" ")));
    repo.git(&["add", file]);
    let mut all = vec!["commit", "-q"];
    all.extend_from_slice(args);
    ok(repo.git_output(&all));
}

#[test]
fn check_squashes_a_fixup_from_below_the_commit_it_fixes() {
    let repo = installed_repo();
    let base = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    commit_file(&repo, "a", &["-m", "feat: add a"]);
    commit_file(&repo, "b", &["-m", "feat: add b"]);
    commit_file(&repo, "a", &["--fixup=HEAD~1"]);
    let out = repo.relhook(&["check"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stdout(&out).contains(&format!(
            "hint: squash them into their targets with `git rebase -i --autosquash {base}`"
        )),
        "{}",
        text(&out)
    );
    // The hint works: the rebase squashes the fixup, and check passes.
    repo.git_env(
        &["rebase", "-q", "-i", "--autosquash", &base],
        &[("GIT_SEQUENCE_EDITOR", "true")],
    );
    ok(repo.relhook(&["check"]));
}

#[test]
fn a_fixup_of_a_pushed_commit_is_reworded_and_not_called_unchecked() {
    let repo = installed_repo();
    repo.with_origin();
    commit_file(&repo, "a", &["-m", "feat: add a"]);
    ok(repo.git_output(&["push", "-q", "-u", "origin", "main"]));
    commit_file(&repo, "c", &["-m", "feat: add c"]);
    commit_file(&repo, "a", &["--fixup=HEAD~1"]);
    let check = repo.relhook(&["check"]);
    assert!(
        stdout(&check).contains("hint: reword it with `git rebase -i "),
        "{}",
        text(&check)
    );
    let hint = stdout(&check);
    let hint = hint.lines().last().unwrap();
    assert!(!hint.contains("autosquash"), "{hint}");
    let push = repo.git_output(&["push", "-q"]);
    assert!(!push.status.success(), "{}", text(&push));
    assert!(
        stderr(&push).contains("the commit it fixes is on origin already, out of reach of a rebase that would squash it"),
        "{}",
        text(&push)
    );
    assert!(
        !stderr(&push).contains("--no-verify`, or made elsewhere"),
        "{}",
        text(&push)
    );
}

/// QA37 (second round): `fixup! <hash>` and `fixup! <subject prefix>`, which `git rebase
/// --autosquash` takes, were told their target was pushed, and to reword them.
#[test]
fn a_fixup_named_by_hash_or_subject_prefix_is_squashed_into_it() {
    let repo = installed_repo();
    repo.with_origin();
    ok(repo.git_output(&["push", "-q", "-u", "origin", "main"]));
    let base = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    commit_file(&repo, "f1", &["-m", "feat: add f1"]);
    commit_file(&repo, "f2", &["-m", "feat: add f2"]);
    let f2 = repo.git(&["rev-parse", "--short", "HEAD"]);
    let f1_parent = base.clone();
    commit_file(&repo, "f3", &["-m", "feat: add f3"]);
    commit_file(&repo, "f2", &["-m", &format!("fixup! {f2}")]);
    commit_file(&repo, "f1", &["-m", "squash! feat: add f"]);
    let check = repo.relhook(&["check"]);
    assert!(
        stdout(&check).contains(&format!(
            "hint: squash them into their targets with `git rebase -i --autosquash {f1_parent}`"
        )),
        "{}",
        text(&check)
    );
    let push = repo.git_output(&["push", "-q"]);
    assert!(!push.status.success(), "{}", text(&push));
    assert!(
        stderr(&push).contains("squash it into the commit it fixes before sharing it"),
        "{}",
        text(&push)
    );
    assert!(
        !stderr(&push).contains("on origin already"),
        "{}",
        text(&push)
    );
}
