//! QA37: a Ctrl-C during `relhook install` (or `uninstall`) between renaming the team's hook
//! aside and writing relhook's shim left no `commit-msg` at all: git ran neither, and the
//! team's veto was gone without a word. The hook now stays in place until the shim replaces
//! it in one rename.

use crate::support::{Repo, chmod, ok, stderr, text};

const MINE: &str =
    "#!/bin/sh\ngrep -q NOPE \"$1\" && { echo 'my hook vetoes' >&2; exit 1; }\nexit 0\n";

#[test]
fn a_kill_while_install_writes_the_shim_leaves_the_teams_hook_running() {
    let repo = Repo::new();
    let hook = repo.hooks_dir().join("commit-msg");
    std::fs::create_dir_all(repo.hooks_dir()).unwrap();
    std::fs::write(&hook, MINE).unwrap();
    chmod(&hook, 0o755);
    repo.relhook_killed_at("beside-written", &["install"]);
    assert_eq!(
        std::fs::read_to_string(&hook).unwrap(),
        MINE,
        "still the team's hook"
    );
    let out = repo.try_commit("feat: NOPE");
    assert!(!out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains("my hook vetoes"), "{}", text(&out));
    // Install again finishes it, the team's hook chained.
    ok(repo.relhook(&["install"]));
    let out = repo.try_commit("feat: NOPE");
    assert!(stderr(&out).contains("my hook vetoes"), "{}", text(&out));
    ok(repo.relhook(&["uninstall"]));
    assert_eq!(std::fs::read_to_string(&hook).unwrap(), MINE);
}
