//! QA48: a release uv.lock cannot spell (`1.3.0-rc.1.1`, `1.3.0-rc.1-post.1`) after
//! `1.3.0-rc.1` was refused naming `1.3.0-rc.1` instead, the release there is, so the
//! pasted `relhook release 1.3.0-rc.1` (or `git tag -a v1.3.0-rc.1`) was refused in turn.
//! The version named is now one PEP 440 spells that is above every release: `1.3.0-rc.2`.

use crate::qa47_uv_lock::{lock, project};
use crate::qa47_uv_lock_pre_release::advised;
use crate::support::{Repo, hand_tag_refused, ok, stderr, text};

const EDITABLE: &str = "{ editable = \".\" }";

/// The Python project of `project`, released as 1.2.1-rc.1, then a fix committed.
fn after_rc_1() -> Repo {
    let repo = project(&lock("1.2.0", EDITABLE));
    ok(repo.relhook(&["release", "1.2.1-rc.1"]));
    repo.commit_hooked("fix: y");
    repo
}

#[test]
fn a_release_uv_cannot_spell_names_one_above_every_release() {
    for asked in ["1.2.1-rc.1.1", "1.2.1-rc.1-post.1"] {
        let repo = after_rc_1();
        let out = repo.relhook(&["release", asked]);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        let command = advised(&err, "instead: ");
        assert_eq!(command, "relhook release 1.2.1-rc.2", "{asked}");
        ok(repo.sh(command));
        assert_eq!(repo.read("uv.lock"), lock("1.2.1rc2", EDITABLE));
    }
}

#[test]
fn a_hand_tag_uv_cannot_spell_names_a_tag_above_every_release() {
    let repo = after_rc_1();
    let err = hand_tag_refused(&repo, "v1.2.1-rc.1.1");
    let command = advised(&err, "instead: ");
    assert_eq!(command, "git tag -a v1.2.1-rc.2 -m \"release 1.2.1-rc.2\"");
    let out = repo.sh(command);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.read("uv.lock"), lock("1.2.1rc2", EDITABLE));
}
