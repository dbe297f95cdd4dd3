//! QA47: after `tag_prefix` changed ("v" to "app-v") with `v1.2.0` in the history and a
//! breaking change since, the hint named a patch (`relhook release 1.2.1`), and a hand tag
//! `app-v1.2.1` after a feature was silent. The hint names what the commits call for, and a
//! release or hand tag below it warns in one line, as under an unchanged prefix.

use crate::support::{Repo, hand_tag, ok, stderr, text};

/// `v1.2.0` on `chore: init` (Cargo.toml at 1.2.0), relhook installed, then `tag_prefix =
/// "app-v"` and `change`, both through the hooks.
fn prefix_changed(change: &str) -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"a\"\nversion = \"1.2.0\"\n",
    );
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v1.2.0", "-m", "1.2.0"]);
    ok(repo.relhook(&["install"]));
    repo.write(
        ".relconfig.toml",
        "[version]\ntag_prefix = \"app-v\"\n[checks]\nrequire_tested_tags = false\n",
    );
    ok(repo.git_output(&["commit", "-q", "-a", "-m", "chore: tag prefix app-v"]));
    repo.commit_hooked(change);
    repo
}

#[test]
fn the_hint_names_the_version_the_commits_call_for() {
    let repo = prefix_changed("feat!: drop the old api");
    for args in [&["version", "--next"][..], &["release"]] {
        let out = repo.relhook(args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{}", text(&out));
        assert!(
            err.contains("name a version above it: `relhook release 2.0.0`"),
            "{err}"
        );
    }
    // The version advised is released without a word against it.
    let out = ok(repo.relhook(&["release", "2.0.0"]));
    let err = stderr(&out);
    assert!(err.contains("releasing app-v2.0.0 (1.2.0 → 2.0.0"), "{err}");
    assert!(!err.contains("warning"), "{err}");
}

#[test]
fn a_release_below_what_the_commits_call_for_warns() {
    let repo = prefix_changed("feat!: drop the old api");
    let out = ok(repo.relhook(&["release", "1.2.1"]));
    let err = stderr(&out);
    let warning = "relhook: warning: the commits since v1.2.0 call for 2.0.0 (`feat!: drop the old api` is a breaking change); releasing 1.2.1 as asked";
    assert_eq!(err.matches(warning).count(), 1, "{err}");
}

#[test]
fn a_hand_tag_below_what_the_commits_call_for_warns() {
    let repo = prefix_changed("feat: a");
    let out = ok(hand_tag(&repo, &["-a", "app-v1.2.1", "-m", "1.2.1"]));
    let err = stderr(&out);
    let warning = "relhook: warning: the commits since v1.2.0 call for 1.3.0 (`feat: a` is a new feature); releasing 1.2.1 as asked";
    assert_eq!(err.matches(warning).count(), 1, "{err}");
}
