//! QA31: `relhook version --format json` right after a release (nothing to release yet) was a
//! refusal, exit 1, while the text form printed the current version: every script reading the
//! current version from JSON broke after each release.

use crate::support::{Repo, stdout, text};

#[test]
fn json_after_a_release_gives_the_current_version_and_no_next() {
    let repo = crate::support::untested_installed();
    repo.commit_hooked("feat: a");
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let tagged = repo.git(&["rev-parse", "v0.1.0^{commit}"]);

    let out = repo.relhook(&["version", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    assert_eq!(doc["schema_version"], 1, "{doc}");
    assert_eq!(doc["current"], "0.1.0", "{doc}");
    assert_eq!(doc["current_tag"], "v0.1.0", "{doc}");
    assert_eq!(doc["current_commit"], tagged.as_str(), "{doc}");
    assert!(doc["next"].is_null(), "{doc}");
    assert!(
        doc["reason"]
            .as_str()
            .is_some_and(|r| r.starts_with("nothing to release: no commits since v0.1.0")),
        "{doc}"
    );
    // The text form agrees; `--next` still refuses, in JSON too.
    assert_eq!(stdout(&repo.relhook(&["version"])), "0.1.0\n");
    let out = repo.relhook(&["version", "--next", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    assert_eq!(doc["error"]["reason"], "nothing-to-release", "{doc}");
}

/// `v0.9.0`, then `1.0.0`: "the release tags here do not start with "v"" read as false, since
/// `v0.9.0` does. The mix is said, and what the other prefix leaves out.
#[test]
fn mixed_tag_prefixes_are_said_as_mixed() {
    let repo = Repo::new();
    repo.commit("feat: a");
    repo.git(&["tag", "-a", "v0.9.0", "-m", "x"]);
    repo.commit("feat: b");
    repo.git(&["tag", "-a", "1.0.0", "-m", "x"]);
    repo.commit("feat: c");
    let out = repo.relhook(&["version"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = crate::support::stderr(&out);
    assert!(
        err.contains("the release tags here are mixed: the newest, `1.0.0`, does not start with the default tag_prefix \"v\", while older ones do (`v0.9.0`)")
            && err.contains("set `tag_prefix = \"\"` (leaving the `v` tags out) under [version]"),
        "{err}"
    );
}
