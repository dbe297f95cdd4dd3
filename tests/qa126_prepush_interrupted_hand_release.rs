//! QA126: a package's hand tag (`git tag -a a-v0.2.0`) whose hook was killed after its release
//! commit, the tag left on the commit before it. Pre-push's `fix:` named `relhook release
//! --resume`, but its problem line said "release with `relhook release --package a`", which
//! that release refuses. The problem is now the interrupted release, said as `relhook release`
//! and doctor say it, naming the resume, with its release commit at HEAD or below it.

use crate::support::{Repo, ok, stderr, text, two_packages};

/// Packages `a` and `b`, `fix(a): one` committed and pushed, then the hand tag a-v0.2.0
/// killed after its release commit.
pub(crate) fn killed_after_release_commit() -> Repo {
    let repo = two_packages(
        r#"{"name":"a","version":"0.1.0"}"#,
        r#"{"name":"b","version":"0.1.0"}"#,
    );
    repo.with_origin();
    repo.write("p/a/i.js", "1\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(a): one");
    ok(repo.git_output(&["push", "-q", "-u", "origin", "main"]));
    repo.git_killed_at("hand-committed", &["tag", "-a", "a-v0.2.0", "-m", "x"], &[]);
    repo
}

/// Pre-push's problem lines for a-v0.2.0, and its `fix:` line.
fn prepush_refusal(repo: &Repo) -> (Vec<String>, String) {
    let push = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(!push.status.success(), "{}", text(&push));
    problems_and_fix(&stderr(&push), "a-v0.2.0")
}

/// The problem lines pre-push's refusal `said` gives under release tag `tag`, and its `fix:`.
pub(crate) fn problems_and_fix(said: &str, tag: &str) -> (Vec<String>, String) {
    let mut lines = said
        .lines()
        .skip_while(|l| !l.contains(&format!("release tag {tag}")))
        .skip(1);
    let problems: Vec<String> = lines
        .by_ref()
        .map_while(|l| l.trim_start().strip_prefix("- "))
        .map(str::to_owned)
        .collect();
    let fix = said
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("{said}"))
        .to_owned();
    (problems, fix)
}

/// The problem pre-push names is the one `relhook release --package a` refuses with: the
/// interrupted release and the resume that finishes it, never that release itself.
fn assert_names_the_resume(repo: &Repo) {
    let (problems, fix) = prepush_refusal(repo);
    assert!(fix.contains("`relhook release --resume`"), "{fix}");
    let out = repo.relhook(&["release", "--package", "a"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let refused = stderr(&out);
    let refused = refused
        .trim()
        .strip_prefix("relhook: release refused: ")
        .unwrap_or_else(|| panic!("{refused}"));
    assert_eq!(problems, [refused.to_owned()], "{fix}");
    assert!(
        problems[0].contains("`relhook release --resume` finishes it"),
        "{problems:?}"
    );
    assert!(
        !problems[0].contains("relhook release --package a"),
        "{problems:?}"
    );
}

#[test]
fn prepush_names_the_resume_with_the_release_commit_at_head() {
    let repo = killed_after_release_commit();
    assert!(repo.head_subject().contains("a-v0.2.0"));
    assert_names_the_resume(&repo);
}

#[test]
fn prepush_names_the_resume_with_commits_on_top() {
    let repo = killed_after_release_commit();
    repo.write("p/b/j.js", "1\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(b): two");
    assert_names_the_resume(&repo);
    // The resume, pasted, finishes it; then the push goes through.
    ok(repo.sh("relhook release --resume"));
    ok(repo.git_output(&["push", "--follow-tags", "origin", "main"]));
}
