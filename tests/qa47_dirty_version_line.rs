//! QA47: `relhook release --allow-dirty` read the version it starts from in the work tree. A
//! first release beside an uncommitted `0.1.0-dev` over a committed `0.1.0` was released as
//! `0.1.0-dev → 0.1.0` and the `-dev` was gone without a word; after a release, a dirty
//! `0.1.1-dev` was refused with advice to list the file in `[version] files`. An uncommitted
//! change of a version file's version is now refused as any change where the release edits.

use crate::support::{Repo, hand_tag_refused, ok, text};

/// Each manifest relhook finds by itself, at `0.1.0`.
const MANIFESTS: [(&str, &str); 3] = [
    (
        "Cargo.toml",
        "[package]\nname = \"x\"\nversion = \"0.1.0\"\n",
    ),
    (
        "package.json",
        "{\n  \"name\": \"x\",\n  \"version\": \"0.1.0\"\n}\n",
    ),
    (
        "pyproject.toml",
        "[project]\nname = \"x\"\nversion = \"0.1.0\"\n",
    ),
];

/// relhook's hooks, `path` holding `text`, committed as `feat: add x`.
fn feature(path: &str, text: &str) -> Repo {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.write(path, text);
    repo.git(&["add", "."]);
    repo.commit_hooked("feat: add x");
    repo
}

/// `path` set to `version` by hand, not committed; then `relhook release --allow-dirty`
/// refused as a change where the release edits, with nothing made and the edit kept.
fn refused_beside(repo: &Repo, path: &str, version: &str) {
    let dirty = repo.read(path).replace("0.1.0", version);
    repo.write(path, &dirty);
    let head = repo.git(&["rev-parse", "HEAD"]);
    let tags = repo.git(&["tag", "-l"]);
    for args in [&["--dry-run"][..], &[]] {
        let mut all = vec!["release", "--allow-dirty", "--no-test"];
        all.extend(args);
        let out = repo.relhook(&all);
        assert_eq!(out.status.code(), Some(1), "{path}: {}", text(&out));
        let said = text(&out);
        assert!(
            said.contains(&format!(
                "{path} has uncommitted changes where the release edits it; commit them first"
            )) && !said.contains("files = ["),
            "{said}"
        );
    }
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert_eq!(repo.git(&["tag", "-l"]), tags);
    assert_eq!(repo.read(path), dirty, "the hand edit is kept");
}

#[test]
fn a_first_release_beside_a_dirty_version_line_is_refused_not_overwritten() {
    for (path, manifest) in MANIFESTS {
        let repo = feature(path, manifest);
        refused_beside(&repo, path, "0.1.0-dev");
    }
}

#[test]
fn a_dirty_version_line_after_a_release_gets_the_same_refusal() {
    for (path, manifest) in MANIFESTS {
        let repo = feature(path, manifest);
        ok(repo.relhook(&["release", "--no-test"]));
        repo.write("b.txt", "b\n");
        repo.git(&["add", "b.txt"]);
        repo.commit_hooked("fix: b");
        refused_beside(&repo, path, "0.1.1-dev");
    }
}

#[test]
fn committed_the_release_goes_from_the_committed_version() {
    let (path, manifest) = MANIFESTS[0];
    let repo = feature(path, manifest);
    refused_beside(&repo, path, "0.1.0-dev");
    // Done as advised: committed, the release goes from it.
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "-m",
        "chore: edit Cargo.toml",
        "--",
        path,
    ]);
    let out = ok(repo.relhook(&["release", "--allow-dirty", "--no-test"]));
    assert!(text(&out).contains("(0.1.0-dev → 0.1.0)"), "{}", text(&out));
    assert!(repo.read(path).contains("version = \"0.1.0\"\n"));
}

#[test]
fn a_dirty_change_beside_the_version_line_is_still_left_out() {
    let (path, manifest) = MANIFESTS[0];
    let repo = feature(path, manifest);
    repo.write(path, format!("{manifest}edition = \"2024\"\n"));
    ok(repo.relhook(&["release", "--allow-dirty", "--no-test"]));
    assert_eq!(repo.git(&["tag", "-l"]), "v0.1.0");
    assert_eq!(repo.read(path), format!("{manifest}edition = \"2024\"\n"));
}

#[test]
fn a_hand_tag_beside_a_dirty_version_line_is_refused_and_keeps_it() {
    for (path, manifest) in MANIFESTS {
        let repo = feature(path, manifest);
        let dirty = manifest.replace("0.1.0", "0.2.0-dev");
        repo.write(path, &dirty);
        let err = hand_tag_refused(&repo, "v0.1.0");
        // Refused for the tree, not for a version the files have not committed.
        assert!(
            err.contains("the working tree is not clean") && !err.contains("0.2.0-dev"),
            "{err}"
        );
        assert_eq!(repo.read(path), dirty);
    }
}
