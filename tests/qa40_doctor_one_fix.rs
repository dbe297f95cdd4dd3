//! QA40: a hand tag killed while its release commit's transaction was open left two INVALID
//! rows in `relhook doctor`, the tag's and the transaction's, each with `fix: relhook release
//! --resume`: one command, said twice. The transaction is now said on the tag's row.

use crate::support::{installed_repo, ok, stdout, text};

#[test]
fn a_killed_hand_tag_gets_one_row_and_one_fix() {
    let repo = installed_repo();
    repo.commit_hooked("feat: a");
    repo.git_killed_at("locked", &["tag", "-a", "v0.1.0", "-m", "v0.1.0"], &[]);

    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert_eq!(said.matches(" INVALID ").count(), 1, "{}", text(&out));
    assert_eq!(
        said.matches("fix: relhook release --resume").count(),
        1,
        "{}",
        text(&out)
    );
    assert!(
        said.contains("(the same command sees to it first)"),
        "{}",
        text(&out)
    );
    ok(repo.relhook(&["release", "--resume", "--no-test"]));
    assert!(repo.is_clean());
    let out = repo.relhook(&["doctor"]);
    assert!(!stdout(&out).contains(" INVALID "), "{}", text(&out));
}
