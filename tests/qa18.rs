//! Found in the session after qa17: the old-version notes read in-process, as `git grep`
//! reads the tree.

use crate::support::{Repo, hand_tag, ok, stderr, text};

/// A project at 1.0.0 with the old version left in files git names unusually.
fn project_with_stale_files() -> Repo {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\n  \"name\": \"x\",\n  \"version\": \"1.0.0\"\n}\n",
    );
    // git grep quotes such a name ("docs/versi\303\263n 1.md") unless told -z.
    repo.write("docs/versión 1.md", "Install 1.0.0 first.\n");
    // Binary: a NUL early on (git grep -I leaves it out), or `-diff` in .gitattributes.
    repo.write("assets/logo.bin", "\0PNG 1.0.0\n");
    repo.write("assets/blob.txt", "1.0.0 data\n");
    repo.write(".gitattributes", "assets/blob.txt -diff\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    let out = repo.git_skipping_relhook(&["tag", "-a", "v1.0.0", "-m", "v"]);
    assert!(out.status.success(), "{}", text(&out));
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("fix: y");
    repo
}

#[test]
fn the_old_version_notes_name_files_with_unusual_names_and_skip_binaries() {
    let repo = project_with_stale_files();
    for out in [
        repo.relhook(&["release", "--dry-run", "--no-test"]),
        hand_tag(&repo, &["-a", "v1.0.1", "-m", "v1.0.1"]),
    ] {
        assert!(out.status.success(), "{}", text(&out));
        let err = stderr(&out);
        assert!(
            err.contains("relhook: note: docs/versión 1.md:1 ")
                && err.contains("`Install 1.0.0 first.`"),
            "{err}"
        );
        assert!(!err.contains("assets/"), "{err}");
    }
    assert_eq!(repo.head_subject(), "chore(release): 1.0.1");
}
