//! QA40: `git init`, `relhook install` (no commit yet, so no adoption note), a commit that
//! dodged commit-msg, which pre-push refused; then `relhook uninstall` and `relhook install`
//! again (or another tool's hooks written over relhook's): that install took every commit so
//! far for one from before relhook, and the push went through, unchecked. The first install
//! notes that nothing came before it.

use crate::support::{Repo, ok, stderr, text};

#[test]
fn an_install_again_does_not_pass_what_the_first_install_judged() {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.with_origin();
    repo.git(&[
        "commit",
        "-q",
        "--allow-empty",
        "--no-verify",
        "-m",
        "wip junk",
    ]);
    let out = repo.git_output(&["push", "origin", "main"]);
    assert!(!out.status.success(), "{}", text(&out));

    ok(repo.relhook(&["uninstall"]));
    ok(repo.relhook(&["install"]));
    let out = repo.git_output(&["push", "origin", "main"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains("wip junk"), "{}", text(&out));
    assert!(!stderr(&out).contains("from before"), "{}", text(&out));
    assert_eq!(repo.relhook(&["check"]).status.code(), Some(1));
}
