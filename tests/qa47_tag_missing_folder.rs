//! QA47: a hand tag refused because the changelog's folder does not exist ended "; then tag
//! again" with no step before it, where `relhook release` gives the `mkdir -p` that makes the
//! folder. The tag refusal now carries the same step, and following it lets the tag through.

use crate::support::{Repo, hand_tag, hand_tag_refused, ok, text};

#[test]
fn the_tag_refusal_names_the_folder_to_make_before_tagging_again() {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.write(
        ".relconfig.toml",
        "[changelog]\npath = \"docs/changes/CHANGELOG.md\"\n\n[checks]\nrequire_tested_tags = false\n",
    );
    repo.git(&["add", "."]);
    repo.commit_hooked("chore: cfg");
    repo.commit_hooked("feat: nested");
    let err = hand_tag_refused(&repo, "v0.1.0");
    let mkdir = "`mkdir -p \"$(git rev-parse --show-toplevel)\"/docs/changes`";
    assert!(
        err.contains(&format!("{mkdir} makes the folder, then tag again")),
        "{err}"
    );
    assert!(!err.contains("; then tag again"), "{err}");
    ok(repo.sh(&mkdir.replace('`', "")));
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        repo.read("docs/changes/CHANGELOG.md")
            .contains("## [0.1.0]")
    );
}
