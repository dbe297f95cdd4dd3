//! QA189: when `committed` could not make a hand tag's release commit it took the tag away
//! and said "tag v0.2.0 was removed", while `git tag` exited 0: a script saw success and no
//! tag. The line now says why the exit code is 0 (git ignores this hook once the tag is made).

use crate::support::hand_tag_cost::released_with_fixes;
use crate::support::{stderr, text};

const MANIFEST: &str = "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";

#[test]
fn a_withdrawn_hand_tag_says_why_git_tag_still_exited_0() {
    let repo = released_with_fixes(&[("Cargo.toml", MANIFEST)]);
    let mut cmd = repo.command_in("git", &repo.path());
    cmd.env("RELHOOK_DATE", "2026-11-21")
        .env("RELHOOK_TEST_FAILPOINT", "files-written")
        .args(["tag", "-a", "v0.2.0", "-m", "x"]);
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l", "v0.2.0"]), "", "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains(
            "relhook: tag v0.2.0 was removed (`git tag` still exits 0: git ignores this hook once the tag is made): "
        ),
        "{err}"
    );
}
