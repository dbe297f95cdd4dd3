//! QA31: `relhook version --format json` right after a release (nothing to release yet) was a
//! refusal, exit 1, while the text form printed the current version: every script reading the
//! current version from JSON broke after each release.

use crate::support::{Repo, stdout, text};

#[test]
fn json_after_a_release_gives_the_current_version_and_no_next() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
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
