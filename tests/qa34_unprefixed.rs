//! QA34: where release tags carry no prefix (`tag_prefix = ""`, cocogitto's `7.0.0`), a hand
//! tag `v7.3.0` was let through as "no release tag here", then stopped every `relhook version`
//! and release as "mixed" tags, in words untrue of an empty prefix ("does not start with
//! tag_prefix \"\"") and a hint with an empty code span.

use crate::support::{Repo, hand_tag, stderr, text};

fn unprefixed() -> Repo {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        "[version]\ntag_prefix = \"\"\n[checks]\nrequire_tested_tags = false\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.commit_hooked("feat: a");
    let out = hand_tag(&repo, &["-a", "1.0.0", "-m", "r"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.commit_hooked("feat: b");
    repo
}

#[test]
fn a_v_tag_where_releases_have_no_prefix_is_refused_with_the_tag_to_make() {
    let repo = unprefixed();
    let out = hand_tag(&repo, &["-a", "v1.1.0", "-m", "x"]);
    assert_eq!(out.status.code(), Some(128), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("refusing tag v1.1.0"), "{err}");
    assert!(
        err.contains("every later `relhook version` and release would stop at it"),
        "{err}"
    );
    assert!(
        err.contains("for the release: `git tag -a 1.1.0 -m 1.1.0`"),
        "{err}"
    );
    assert_eq!(repo.git(&["tag", "-l", "v1.1.0"]), "");
    // The tag it names is a release.
    let out = hand_tag(&repo, &["-a", "1.1.0", "-m", "r"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.read("CHANGELOG.md").contains("## [1.1.0]"));
}

#[test]
fn mixed_tags_under_an_empty_prefix_are_told_in_true_words() {
    let repo = unprefixed();
    let out = repo.git_skipping_relhook(&["tag", "-a", "v1.1.0", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.relhook(&["version"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains(
            "the newest, `v1.1.0`, has the prefix `v`, while older ones have none (`1.0.0`"
        ),
        "{err}"
    );
    assert!(!err.contains("``"), "{err}");
    // On no remote's branch, and no release of 1.1.0 was made: deleting it leads, pasted.
    let fix = "`git tag -d v1.1.0 && relhook release 1.1.0`";
    assert!(
        err.contains(
            "is on no remote's branch here (this clone's own, unless it was pushed alone: "
        ) && err.contains(&format!("), so delete it and release 1.1.0 instead: {fix}")),
        "{err}"
    );
    let out = repo.sh(fix.trim_matches('`'));
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l"]), "1.0.0\n1.1.0");
}
