//! The note on a private root package.json at another version than lerna's (commitlint's at
//! 1.0.0) said to stop it by turning detection off and listing every file that holds the
//! version in `[version] files`: a list each package added later would have to join, or be
//! left at the old version. A private package.json needs no version: the note now says to
//! delete its `"version"` line, which stops it for good, and the releases go on as before.

use crate::support::{dated_release, stderr, text};

#[test]
fn the_note_on_a_private_package_json_says_to_delete_its_version_and_that_stops_it() {
    let repo = crate::qa175_left_alone_list::workspace();
    let dry = dated_release(&repo, &["--dry-run"]);
    assert!(dry.status.success(), "{}", text(&dry));
    let err = stderr(&dry);
    assert!(
        err.contains("if not, delete its `\"version\"` line to stop this note: a private package.json (`\"private\": true`) needs none"),
        "{err}"
    );
    assert!(!err.contains("detect = false"), "{err}");
    // Followed, the note is gone, and the release bumps what it bumped before.
    let manifest = repo
        .read("package.json")
        .replace("  \"version\": \"1.0.0\",\n", "");
    repo.write("package.json", &manifest);
    repo.git(&["add", "package.json"]);
    repo.commit_hooked("chore: drop the private root's version");
    let out = dated_release(&repo, &[]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        !stderr(&out).contains("package.json says"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.read("package.json"), manifest);
    assert!(repo.read("lerna.json").contains("\"version\": \"2.0.1\""));
    assert!(
        repo.read("packages/p12/package.json")
            .contains("\"version\": \"2.0.1\"")
    );
}
