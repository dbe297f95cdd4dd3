//! QA32: a test command that moved HEAD (`git reset --hard HEAD~1`) still got a "tested"
//! release, tagged on a commit no branch held: the push left the tag behind and the version
//! was used up.

use crate::support::{Repo, stderr, text};

#[test]
fn a_test_command_that_moves_head_stops_the_release_and_leaves_nothing() {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        "[checks]\ntest = [\"git\", \"reset\", \"-q\", \"--hard\", \"HEAD~1\"]\n",
    );
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"d\"\nversion = \"0.1.0\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.commit_hooked("feat: one");
    let head = repo.git(&["rev-parse", "HEAD"]);
    let changelog = repo.read("CHANGELOG.md");

    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("the test command moved HEAD off the release commit")
            && said.contains("so v0.1.0 was not made")
            && said
                .contains("make `[checks] test` in .relconfig.toml leave HEAD where it found it"),
        "{said}"
    );
    assert_eq!(repo.git(&["tag"]), "");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
    assert_eq!(repo.read("CHANGELOG.md"), changelog);
    assert_eq!(
        repo.read("Cargo.toml"),
        "[package]\nname = \"d\"\nversion = \"0.1.0\"\n"
    );
    assert_eq!(repo.git(&["notes", "--ref=relhook-tests", "list"]), "");
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}
