//! QA152: a hand tag `v1.3.0-rc.01` (a leading zero, which SemVer forbids in a numeric
//! pre-release identifier) was refused with a generic example (`v1.2.3` or `v1.3.0-rc.1`).
//! The refusal now says which number breaks which rule, and names the tag without the zero
//! in a command that works pasted.

use crate::support::{hand_tag_refused, text, untested_installed};

/// The command in backticks after `instead: ` in `err`.
fn advised(err: &str) -> String {
    let at = err
        .find("instead: `")
        .unwrap_or_else(|| panic!("no advice: {err}"));
    let rest = &err[at + "instead: `".len()..];
    rest[..rest.find('`').expect("closing backtick")].to_owned()
}

#[test]
fn a_leading_zero_is_named_and_the_tag_without_it_works_pasted() {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    let err = hand_tag_refused(&repo, "v1.3.0-rc.01");
    assert!(
        err.contains(
            "a numeric pre-release identifier must not have leading zeros (`01` in the pre-release)"
        ),
        "{err}"
    );
    assert!(!err.contains("e.g."), "{err}");
    let command = advised(&err);
    assert_eq!(command, "git tag -a v1.3.0-rc.1 -m v1.3.0-rc.1");
    let out = repo.sh(&command);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l", "v1.3.0*"]), "v1.3.0-rc.1");
    assert!(repo.read("CHANGELOG.md").contains("## [1.3.0-rc.1]"));

    // A zero in the version's own numbers is named as such.
    repo.commit_hooked("fix: two");
    let err = hand_tag_refused(&repo, "v1.03.0");
    assert!(
        err.contains("a version number must not have leading zeros (`03` in the version)"),
        "{err}"
    );
    assert_eq!(advised(&err), "git tag -a v1.3.0 -m v1.3.0");
}
