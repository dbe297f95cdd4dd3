//! QA115: a package's hand tag (`git tag -a a-v0.2.0`) whose hook was killed after its release
//! commit, the tag left on the commit before it: `relhook release --resume` refused it, saying
//! commits were made after it, though none were. It now finishes it as it does the root's hand
//! tag: the release commit tested first, then the tag moved onto it, nothing of the hook left.

use crate::support::{Repo, ok, stderr, text, two_packages};

/// Packages `a` and `b` whose `[checks] test` passes once `flag` exists, `fix(a): one`
/// committed, and the hand tag a-v0.2.0 killed after its release commit.
fn killed_after_commit() -> (Repo, std::path::PathBuf) {
    let (repo, flag) = tested_fix_of_a();
    repo.git_killed_at("hand-committed", &["tag", "-a", "a-v0.2.0", "-m", "x"], &[]);
    (repo, flag)
}

/// Packages `a` and `b` with an origin, whose `[checks] test` passes once `flag` exists, and
/// `fix(a): one` committed.
pub(crate) fn tested_fix_of_a() -> (Repo, std::path::PathBuf) {
    let repo = two_packages(
        r#"{"name":"a","version":"0.1.0"}"#,
        r#"{"name":"b","version":"0.1.0"}"#,
    );
    repo.with_origin();
    let flag = repo.scratch("flags").join("pass");
    repo.write(
        ".relconfig.toml",
        format!(
            "[checks]\ntest = [\"sh\", \"-c\", \"test -f '{}'\"]\n[packages.a]\npath = \"p/a\"\n[packages.b]\npath = \"p/b\"\n",
            flag.display()
        ),
    );
    repo.git(&["add", "-A"]);
    repo.commit_hooked("chore: test");
    repo.write("p/a/i.js", "1\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(a): one");
    (repo, flag)
}

fn tagged(repo: &Repo) -> String {
    repo.git(&["rev-parse", "a-v0.2.0^{commit}"])
}

#[test]
fn a_killed_package_hand_tag_is_resumed_tested_and_pushed() {
    let (repo, flag) = killed_after_commit();
    assert!(
        repo.head_subject().contains("a-v0.2.0"),
        "{}",
        repo.head_subject()
    );
    let before = repo.git(&["rev-parse", "HEAD~1"]);
    assert_eq!(tagged(&repo), before);
    // A plain release names the half-made release and the command that finishes it.
    let out = repo.relhook(&["release"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        err.contains("relhook release --resume") && !err.contains("commits were made after it"),
        "{err}"
    );
    // Failing tests: the release commit stays, the tag stays on the commit before it.
    let out = repo.relhook(&["release", "--resume"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(!err.contains("commits were made after it"), "{err}");
    assert_eq!(tagged(&repo), before, "{err}");
    // Passing: the tag on the tested release commit, the hook's journal and marker gone.
    std::fs::write(&flag, "").unwrap();
    let out = ok(repo.relhook(&["release", "--resume"]));
    let err = stderr(&out);
    assert!(err.contains("tested"), "{err}");
    assert_eq!(tagged(&repo), repo.git(&["rev-parse", "HEAD"]), "{err}");
    for left in ["relhook-hand-tag", "relhook-txn"] {
        assert!(!repo.path().join(".git").join(left).exists(), "{left}");
    }
    assert_eq!(
        repo.git(&["tag", "-l", "--format=%(contents)", "a-v0.2.0"]),
        "x"
    );
    ok(repo.git_output(&["push", "--follow-tags", "origin", "main"]));
}
