//! QA274: a hand tag refused as a slip of the release tags' name (`V0.1.0`, `0.2.0`, `v01.0.0`,
//! `1.0.0` where they are `v…`) named, for the release, the tag with the slip mended, even
//! where that tag is refused too: below the release it descends from (`v0.1.0` after v1.0.0)
//! or there already (`v1.0.0`). The command a refusal names must work as pasted.

use crate::support::{Repo, hand_tag, hand_tag_refused, text, untested_installed};

/// Released as v1.0.0 by hand, then a fix committed: the next release is v1.0.1.
fn released_then_fixed() -> Repo {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    let out = hand_tag(&repo, &["-a", "v1.0.0", "-m", "v1.0.0"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.commit_hooked("fix: two");
    repo
}

/// The command after `for the release: ` or `instead: ` in a refusal, without its backticks.
fn named(err: &str) -> String {
    let after = ["for the release: `", "instead: `"]
        .iter()
        .find_map(|m| err.split_once(m).map(|(_, rest)| rest))
        .unwrap_or_else(|| panic!("no command named in:\n{err}"));
    after.split('`').next().unwrap().to_owned()
}

#[test]
fn a_slip_s_refusal_names_a_command_that_releases() {
    for slip in ["V0.1.0", "0.2.0", "v01.0.0", "1.0.0", "V1.0.0"] {
        let repo = released_then_fixed();
        let err = hand_tag_refused(&repo, slip);
        let command = named(&err);
        let out = repo.sh(&command);
        assert!(
            out.status.success(),
            "{slip}: the refusal named `{command}`, which fails:\n{err}\n---\n{}",
            text(&out)
        );
        assert_eq!(
            repo.git(&["tag", "-l", "v1.0.1"]),
            "v1.0.1",
            "{slip}: {command}"
        );
        assert!(repo.read("CHANGELOG.md").contains("## [1.0.1]"), "{slip}");
    }
}

#[test]
fn a_slip_whose_mended_tag_passes_still_names_that_tag() {
    let repo = released_then_fixed();
    let err = hand_tag_refused(&repo, "V1.1.0");
    assert!(
        err.contains("for the release: `git tag -a v1.1.0 -m v1.1.0`"),
        "{err}"
    );
}
