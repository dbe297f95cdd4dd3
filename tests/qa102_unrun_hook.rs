//! A hook left in `.git/hooks` without its executable bit (git skips it, with a hint): install
//! keeps it aside and its shim, like git, does not run it. install said it "runs first (it can
//! still veto)"; it now says it does not run, and the `chmod +x` it names, pasted, makes it.

use crate::support::{Repo, ok, stdout, text};

#[test]
fn install_says_a_kept_hook_that_is_not_executable_does_not_run() {
    let repo = Repo::new();
    repo.with_origin();
    repo.write(
        ".git/hooks/pre-push",
        "#!/bin/sh\necho TEAM-PRE-PUSH >&2\nexit 1\n",
    );
    let out = ok(repo.relhook(&["install"]));
    let said = stdout(&out);
    let line = said
        .lines()
        .find(|l| l.starts_with("installed pre-push"))
        .unwrap_or_default();
    assert!(!line.contains("can still veto"), "{}", text(&out));
    assert!(line.contains("does not run"), "{}", text(&out));
    repo.commit("chore: start");
    let push = repo.git_output(&["push", "-q", "origin", "HEAD:main"]);
    assert!(push.status.success(), "not run, as said: {}", text(&push));

    let fix = line.split('`').nth(1).expect("a command in backquotes");
    assert!(fix.starts_with("chmod +x "), "{line}");
    ok(repo.sh(fix));
    repo.commit("chore: more");
    let push = repo.git_output(&["push", "-q", "origin", "HEAD:main"]);
    assert!(
        !push.status.success(),
        "run once executable: {}",
        text(&push)
    );
    assert!(
        String::from_utf8_lossy(&push.stderr).contains("TEAM-PRE-PUSH"),
        "{}",
        text(&push)
    );
}
