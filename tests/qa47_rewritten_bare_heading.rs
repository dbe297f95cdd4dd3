//! QA47: a release refused below a release tag whose commit left this history names the
//! commit that added the tag's section (its release commit rewritten), to move the tag onto.
//! That commit was looked for as `## [1.0.0]`, so a section headed `## 1.0.0` (a hand-written
//! changelog's) was never found. It is looked for as the file writes its heading.

use crate::support::{Repo, text};

/// `heading`'s section added on branch `rel` and tagged v1.0.0, that commit amended, and `rel`
/// merged into `main` (which has a fix of its own): the short id of the amended commit.
fn tag_left_behind(heading: &str) -> (Repo, String) {
    let repo = Repo::new();
    repo.commit("chore: init");
    repo.git(&["checkout", "-q", "-b", "rel"]);
    repo.write("CHANGELOG.md", format!("# Changelog\n\n{heading}\n\n- b\n"));
    repo.git(&["add", "CHANGELOG.md"]);
    repo.git(&["commit", "-q", "-m", "docs: changelog for 1.0.0"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "release 1.0.0"]);
    repo.git(&["commit", "-q", "--amend", "-m", "docs: the changelog"]);
    let amended = repo.git(&["log", "-1", "--format=%h", "rel"]);
    repo.git(&["checkout", "-q", "main"]);
    repo.commit("fix: c");
    repo.git(&["merge", "-q", "--no-ff", "-m", "Merge branch rel", "rel"]);
    (repo, amended)
}

#[test]
fn the_rewritten_release_commit_is_found_by_its_heading_as_written() {
    for heading in ["## 1.0.0", "## [1.0.0] - 2026-01-01", "## v1.0.0"] {
        let (repo, amended) = tag_left_behind(heading);
        let out = repo.relhook(&["release", "--no-test"]);
        let refused = text(&out);
        assert_eq!(out.status.code(), Some(1), "{refused}");
        assert!(
            refused.contains(&format!(
                "if {amended} is that release rewritten, move the tag onto it"
            )),
            "{heading}: {refused}"
        );
        assert!(
            refused.contains(&format!("v1.0.0 {amended}`)")),
            "{refused}"
        );
    }
}
