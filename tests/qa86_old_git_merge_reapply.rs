//! QA86: git before 2.43 names a revert of a revert `Revert "Revert "<header>""` where newer
//! git says `Reapply "<header>"`. Of a released merge's revert (`git revert -m 1`), post-commit
//! read only the `Reapply "Merge branch 'b'"` form as bringing the branch back: the old form got
//! no entry for the branch's changes. Now both forms read the same.

use crate::support::{Repo, ok, stderr, text, untested_installed};

/// Branch `b` with `feat: y` merged (`--no-ff`), released, its merge reverted (`git revert
/// -m 1`) and that released too: the reapply's starting point.
fn released_merge_revert() -> Repo {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    repo.git(&["checkout", "-q", "-b", "b"]);
    repo.commit_hooked("feat: y");
    repo.git(&["checkout", "-q", "main"]);
    ok(repo.git_output(&["merge", "-q", "--no-ff", "--no-edit", "b"]));
    ok(repo.relhook(&["release", "0.1.0"]));
    let merge = repo.git(&["rev-parse", "HEAD~1"]);
    ok(repo.git_output(&["revert", "--no-edit", "-m", "1", &merge]));
    ok(repo.relhook(&["release", "0.2.0"]));
    repo
}

/// The merge's revert reapplied by `git revert --edit` with the message `subject`, as git
/// (of the version that names it so) writes it; what post-commit said.
fn reapply(repo: &Repo, subject: &str) -> String {
    let revert = repo.git(&["rev-parse", "HEAD~1"]);
    assert!(
        repo.git(&["log", "-1", "--format=%s", &revert])
            .starts_with("Revert \"Merge"),
        "{}",
        repo.git(&["log", "--oneline"])
    );
    let msg = repo.scratch("msg").join("message");
    std::fs::write(
        &msg,
        format!("{subject}\n\nThis reverts commit {revert}.\n"),
    )
    .unwrap();
    let editor = format!("cp '{}'", msg.display());
    let out = repo.git_in(
        &repo.path(),
        &["revert", "--edit", &revert],
        &[("GIT_EDITOR", editor.as_str())],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.head_subject(), subject);
    stderr(&out)
}

fn unreleased(repo: &Repo) -> String {
    let log = repo.read("CHANGELOG.md");
    log.split("\n## [0").next().unwrap().to_owned()
}

#[test]
fn old_git_s_revert_of_a_merge_s_revert_reads_as_its_reapply() {
    let new = released_merge_revert();
    let said_new = reapply(&new, "Reapply \"Merge branch 'b'\"");
    let old = released_merge_revert();
    let said_old = reapply(&old, "Revert \"Revert \"Merge branch 'b'\"\"");
    assert!(
        unreleased(&new).contains("- y\n"),
        "{said_new}\n{}",
        unreleased(&new)
    );
    assert_eq!(unreleased(&old), unreleased(&new), "{said_old}");
    assert!(old.is_clean(), "{}", old.git(&["status", "--short"]));
    let sync = ok(old.relhook(&["changelog", "--sync"]));
    assert!(stderr(&sync).contains("up to date"), "{}", text(&sync));
}
