//! QA131: a push refused for many commits that fail the lint (made with `--no-verify`)
//! showed a block for every one of them, a wall that hid the other problems. pre-push shows
//! five, then counts the rest with the range `relhook check` lists them all in; its last line
//! stays last.

use crate::support::{installed_repo, ok, stderr, stdout, text};

#[test]
fn a_push_refusal_shows_a_handful_of_such_commits_and_counts_the_rest() {
    let repo = installed_repo();
    repo.with_origin();
    ok(repo.git_output(&["push", "-q", "origin", "main"]));
    let base = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    for i in 0..8 {
        repo.commit(&format!("update thing {i}"));
    }
    let tip = repo.git(&["rev-parse", "--short=9", "HEAD"]);

    let out = repo.git_output(&["push", "origin", "main"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.starts_with("relhook: push to origin (") && err.contains(") refused: 8 problems\n"),
        "{err}"
    );
    let shown: Vec<&str> = err.lines().filter(|l| l.starts_with("✗ ")).collect();
    assert_eq!(shown.len(), 5, "{err}");
    assert!(shown[4].ends_with(" update thing 3"), "{err}");
    let rest = format!(
        "\n… and 3 more commits that fail the lint, fixed as these are (`relhook check {base}..{tip}` lists them all)\n\nNothing was pushed."
    );
    assert!(err.contains(&rest), "{err}");
    // The command named lists every one of them.
    let listed = repo.relhook(&["check", &format!("{base}..{tip}")]);
    assert!(
        stdout(&listed).contains("checked 8 commits in"),
        "{}",
        text(&listed)
    );
}
