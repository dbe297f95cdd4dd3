//! QA32: a version file that stops reading as its format (a trailing comma in package.json, a
//! version written with escapes) was left out of the release without a word: the release went
//! ahead with the file still at the old version (before the first tag, from
//! `version.initial`), and pre-push passed it.

use crate::support::{Repo, hand_tag_refused, stderr, stdout, text, untested_installed};

fn released_from(manifest: &str, text_then: &str) -> Repo {
    let repo = untested_installed();
    repo.write(manifest, text_then);
    repo.git(&["add", manifest]);
    repo.commit_hooked("fix: a");
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo
}

#[test]
fn a_manifest_that_stops_parsing_stops_the_release_and_the_hand_tag() {
    let repo = released_from(
        "package.json",
        "{\n  \"name\": \"x\",\n  \"version\": \"1.0.0\"\n}\n",
    );
    assert_eq!(repo.git(&["tag"]), "v1.0.0");
    let broken = "{\n  \"name\": \"x\",\n  \"version\": \"1.0.0\",\n}\n";
    repo.write("package.json", broken);
    repo.git(&["commit", "-q", "-am", "build: edit the manifest"]);
    repo.commit_hooked("fix: b");
    let head = repo.git(&["rev-parse", "HEAD"]);

    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out)
            .contains("release refused: package.json:4:1: cannot parse: expected a key string"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["tag"]), "v1.0.0");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);

    // Refused before git makes the tag, not made and then withdrawn.
    let said = hand_tag_refused(&repo, "v1.0.1");
    assert!(
        said.contains("refusing tag v1.0.1: its release commit cannot be made")
            && said.contains("package.json:4:1: cannot parse")
            && said.contains("correct package.json"),
        "{said}"
    );
    assert_eq!(repo.read("package.json"), broken);

    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stdout(&out).contains("INVALID  version files: package.json:4:1: cannot parse")
            && stdout(&out).contains("fix: correct package.json"),
        "{}",
        text(&out)
    );
}

#[test]
fn before_the_first_tag_an_unreadable_manifest_is_no_reason_to_start_at_0_1_0() {
    for (manifest, body, said) in [
        (
            "package.json",
            "{\"name\":\"x\",\"version\":\"1.0.0\",}\n",
            "package.json:1:31: cannot parse: expected a key string",
        ),
        (
            "package.json",
            "{\"name\":\"x\",\"version\":\"1.0.\\u0030\"}\n",
            "package.json: JSON key `version` is written with escapes",
        ),
        (
            "Cargo.toml",
            "[package]\nname = \"x\"\nversion = \"\"\"1.0.0\"\"\"\n",
            "Cargo.toml: TOML key `package.version` is written with escapes",
        ),
        (
            "pyproject.toml",
            "[project]\nname = \"x\"\nversion = \"1.0.0\"\ndeps = [\n",
            "pyproject.toml:5:1: cannot parse",
        ),
    ] {
        let repo = untested_installed();
        repo.write(manifest, body);
        repo.git(&["add", manifest]);
        repo.commit_hooked("fix: a");
        let out = repo.relhook(&["release", "--no-test"]);
        assert_eq!(out.status.code(), Some(1), "{manifest}: {}", text(&out));
        assert!(stderr(&out).contains(said), "{manifest}: {}", text(&out));
        assert_eq!(repo.git(&["tag"]), "", "{manifest}");
        assert_eq!(repo.read(manifest), body);
    }
}

#[test]
fn a_manifest_without_a_version_is_still_no_version_file() {
    // A private workspace root: parses, has no version. Not a refusal.
    let repo = untested_installed();
    repo.write("package.json", "{\"name\":\"root\",\"private\":true}\n");
    repo.git(&["add", "package.json"]);
    repo.commit_hooked("fix: a");
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["tag"]), "v0.1.0");
}
