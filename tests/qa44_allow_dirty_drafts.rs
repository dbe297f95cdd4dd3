//! QA44: `relhook release --allow-dirty` merged a drafted entry line by line when anything
//! else in the changelog was edited too: beside an edit of an older section it went into the
//! section just released, and beside a reworded entry the release was refused. Drafts are
//! set apart while the rest is merged now, and written under Unreleased after.

use crate::support::{Repo, dated_release, ok, text};

/// v0.1.0 released (tested), then `fix: crash on d` committed.
pub fn fix_to_release() -> Repo {
    fix_to_release_with(&[(".relconfig.toml", "[checks]\ntest = [\"true\"]\n")])
}

/// [`fix_to_release`] in a repository that starts with `files` (paths and contents).
pub fn fix_to_release_with(files: &[(&str, &str)]) -> Repo {
    let repo = Repo::new();
    for (path, text) in files {
        repo.write(path, text);
    }
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    ok(dated_release(&repo, &[]));
    repo.commit_hooked("fix: crash on d");
    repo
}

/// The work tree's changelog from `## [Unreleased]` on.
fn from_unreleased(repo: &Repo) -> String {
    let file = repo.read("CHANGELOG.md");
    file[file.find("## [Unreleased]").expect(&file)..].to_owned()
}

#[test]
fn a_draft_beside_an_edit_of_an_older_section_stays_unreleased() {
    let repo = fix_to_release();
    let at_head = repo.read("CHANGELOG.md");
    repo.write(
        "CHANGELOG.md",
        at_head
            .replace("- crash on d\n", "- crash on d\n- drafted fix\n")
            .replace("- a\n", "- a (edited)\n"),
    );
    ok(dated_release(&repo, &["--allow-dirty"]));
    let stored = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert!(
        !stored.contains("drafted") && !stored.contains("(edited)"),
        "{stored}"
    );
    assert_eq!(
        from_unreleased(&repo),
        "## [Unreleased]\n\n### Fixed\n\n- drafted fix\n\n\
         ## [0.1.1] - 2026-11-21\n\n### Fixed\n\n- crash on d\n\n\
         ## [0.1.0] - 2026-11-21\n\n### Added\n\n- a (edited)\n"
    );
    let notes = text(&repo.relhook(&["notes", "v0.1.1"]));
    assert!(!notes.contains("drafted"), "{notes}");
}

#[test]
fn a_draft_beside_a_reworded_entry_is_released_as_each_alone_is() {
    let repo = fix_to_release();
    let at_head = repo.read("CHANGELOG.md");
    repo.write(
        "CHANGELOG.md",
        at_head
            .replace(
                "## [Unreleased]\n",
                "## [Unreleased]\n\n### Security\n\n- drafted entry\n",
            )
            .replace("- crash on d\n", "- crash on d (reworded)\n"),
    );
    ok(dated_release(&repo, &["--allow-dirty"]));
    let stored = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert!(
        stored.contains("## [0.1.1] - 2026-11-21\n\n### Fixed\n\n- crash on d\n"),
        "{stored}"
    );
    assert!(
        from_unreleased(&repo).starts_with(
            "## [Unreleased]\n\n### Security\n\n- drafted entry\n\n\
             ## [0.1.1] - 2026-11-21\n\n### Fixed\n\n- crash on d (reworded)\n\n"
        ),
        "{}",
        repo.read("CHANGELOG.md")
    );
}
