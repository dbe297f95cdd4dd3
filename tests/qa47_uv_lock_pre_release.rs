//! QA47: a hand tag of a version uv.lock cannot spell (`git tag -a v1.3.0-next.1`: PEP 440
//! knows only `a`, `b`, `rc` and `dev` pre-releases) was made, then removed in `committed`
//! with the advice `relhook release 1.3.0-next.1`, which refused for the same reason. It is
//! now refused in `prepared`, before git writes it, and both refusals name the nearest
//! version uv can spell (`v1.3.0-rc.1`), which the advised commands then release.

use crate::qa47_uv_lock::{lock, project};
use crate::support::{hand_tag_refused, ok, stderr, text};

const EDITABLE: &str = "{ editable = \".\" }";

/// The command between the first backquotes after `lead` in `err`.
pub(crate) fn advised<'a>(err: &'a str, lead: &str) -> &'a str {
    let at = err
        .find(lead)
        .unwrap_or_else(|| panic!("no {lead:?} in {err}"))
        + lead.len();
    let rest = &err[at..];
    let start = rest.find('`').expect("a command") + 1;
    &rest[start..start + rest[start..].find('`').expect("its end")]
}

#[test]
fn a_hand_tag_uv_cannot_spell_is_refused_before_it_is_made() {
    let repo = project(&lock("1.2.0", EDITABLE));
    let err = hand_tag_refused(&repo, "v1.2.1-next.1");
    assert!(err.contains("ref updates aborted by hook"), "{err}");
    assert!(err.contains("uv.lock") && err.contains("PEP 440"), "{err}");
    assert!(!err.contains("relhook release 1.2.1-next.1"), "{err}");
    let command = advised(&err, "instead: ");
    assert_eq!(command, "git tag -a v1.2.1-rc.1 -m \"release 1.2.1-rc.1\"");
    // Following it releases that version, the lock moved as uv writes it.
    let out = repo.sh(command);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l", "v1.2.1-*"]), "v1.2.1-rc.1");
    assert_eq!(repo.read("uv.lock"), lock("1.2.1rc1", EDITABLE));
}

#[test]
fn a_release_uv_cannot_spell_names_one_it_can() {
    let repo = project(&lock("1.2.0", EDITABLE));
    let out = repo.relhook(&["release", "1.2.1-next.1"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    let command = advised(&err, "instead: ");
    assert_eq!(command, "relhook release 1.2.1-rc.1");
    ok(repo.sh(command));
    assert_eq!(repo.read("uv.lock"), lock("1.2.1rc1", EDITABLE));
}
