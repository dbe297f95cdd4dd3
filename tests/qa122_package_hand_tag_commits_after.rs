//! QA122: a package's hand tag (`git tag -a a-v0.2.0`) whose hook was killed after its release
//! commit, the tag left on the commit before it, then a commit made on top. `relhook release`
//! and pre-push named `relhook release --resume`, but doctor said "all is well" (it looked for
//! the half-made release under the root's tags only), and pre-push said the resume "makes its
//! release commit", made already. Doctor now names it with the resume as its fix, pre-push
//! says what the resume does, and the fix, pasted, finishes the release below HEAD.

use crate::qa115_package_hand_tag_resume::tested_fix_of_a;
use crate::support::{Repo, ok, stderr, stdout, text};

/// Packages `a` and `b` whose `[checks] test` passes once `flag` exists, `fix(a): one`
/// committed and pushed, the hand tag a-v0.2.0 killed after its release commit, then
/// `fix(b): two` committed on top.
fn killed_then_committed() -> (Repo, std::path::PathBuf) {
    let (repo, flag) = tested_fix_of_a();
    ok(repo.git_output(&["push", "-q", "-u", "origin", "main"]));
    repo.git_killed_at("hand-committed", &["tag", "-a", "a-v0.2.0", "-m", "x"], &[]);
    repo.write("p/b/j.js", "1\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(b): two");
    (repo, flag)
}

fn tagged(repo: &Repo) -> String {
    repo.git(&["rev-parse", "a-v0.2.0^{commit}"])
}

/// Doctor's row about the release of a-v0.2.0 and its `fix:` line, if there is one.
fn doctor_row(repo: &Repo) -> Option<(String, String)> {
    let said = stdout(&repo.relhook(&["doctor"]));
    let mut lines = said.lines();
    let row = lines.find(|l| l.contains("release a-v0.2.0"))?.to_owned();
    let fix = lines.next().unwrap_or_else(|| panic!("{said}"));
    let fix = fix
        .trim_start()
        .strip_prefix("fix: ")
        .expect(&said)
        .to_owned();
    Some((row, fix))
}

#[test]
fn doctor_names_the_resume_which_finishes_it_below_head() {
    let (repo, flag) = killed_then_committed();
    let release_commit = repo.git(&["rev-parse", "HEAD~1"]);
    assert!(
        repo.git(&["log", "-1", "--format=%s", "HEAD~1"])
            .contains("a-v0.2.0")
    );
    assert_eq!(tagged(&repo), repo.git(&["rev-parse", "HEAD~2"]));

    // Doctor names the half-made release, with the resume as its fix.
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let (row, fix) = doctor_row(&repo).unwrap_or_else(|| panic!("{}", text(&out)));
    assert!(
        row.contains("a commit below HEAD")
            && row.contains("a-v0.2.0 is still on the commit before it"),
        "{row}"
    );
    assert_eq!(fix, "relhook release --resume");

    // pre-push names the same command, and says what it does.
    let push = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(!push.status.success(), "{}", text(&push));
    assert!(
        stderr(&push).contains(
            "`relhook release --resume` (moves the tag onto its release commit, made already)"
        ),
        "{}",
        text(&push)
    );
    // So does the next release.
    let out = repo.relhook(&["release", "--package", "a"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("`relhook release --resume` finishes it"),
        "{}",
        text(&out)
    );

    // The fix, pasted: failing tests leave the tag where it was.
    let out = repo.sh(&fix);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert_eq!(
        tagged(&repo),
        repo.git(&["rev-parse", "HEAD~2"]),
        "{}",
        text(&out)
    );
    // Passing: the tag on the tested release commit, below the commit made since.
    std::fs::write(&flag, "").unwrap();
    let out = ok(repo.sh(&fix));
    assert!(stderr(&out).contains("tested"), "{}", text(&out));
    assert_eq!(tagged(&repo), release_commit, "{}", text(&out));
    assert_eq!(repo.head_subject(), "fix(b): two");
    assert_eq!(
        repo.git(&["tag", "-l", "--format=%(contents)", "a-v0.2.0"]),
        "x"
    );
    for left in ["relhook-hand-tag", "relhook-txn"] {
        assert!(!repo.path().join(".git").join(left).exists(), "{left}");
    }
    assert!(repo.is_clean());
    assert_eq!(doctor_row(&repo), None);
    let out = repo.relhook(&["doctor"]);
    assert!(out.status.success(), "{}", text(&out));
    ok(repo.git_output(&["push", "--follow-tags", "origin", "main"]));
    let remote = repo.git(&["ls-remote", "origin", "refs/tags/a-v0.2.0^{}"]);
    assert!(remote.starts_with(&release_commit), "{remote}");
}
