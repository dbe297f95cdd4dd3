//! QA156: poetry's CHANGELOG.md compares Unreleased with its branch, not `HEAD`
//! (`[Unreleased]: …/compare/2.4.1...main`). A release rewrote that line as
//! `…/compare/2.5.0...HEAD`, changing the file's own link; it now moves the tag side only and
//! keeps `main`, in a definition and in an Unreleased heading's inline link alike.

use crate::support::{Repo, ok};

const BASE: &str = "https://github.com/o/r";

fn released(changelog: &str) -> String {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", changelog);
    repo.write(".relconfig.toml", "[version]\ntag_prefix = \"\"\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "chore: start"]);
    repo.git(&["tag", "-a", "2.4.1", "-m", "2.4.1"]);
    repo.commit("fix: a");
    ok(repo.relhook(&["changelog"]));
    repo.git(&["commit", "-qam", "docs: entries"]);
    ok(repo.relhook(&["release", "--no-test"]));
    repo.read("CHANGELOG.md")
}

#[test]
fn a_release_keeps_the_branch_the_unreleased_link_compares_with() {
    let text = released(&format!(
        "# Change Log\n\n## [2.4.1] - 2026-05-09\n\n### Fixed\n\n- b\n\n\
         [Unreleased]: {BASE}/compare/2.4.1...main\n[2.4.1]: {BASE}/releases/tag/2.4.1\n"
    ));
    assert!(
        text.contains(&format!("[Unreleased]: {BASE}/compare/2.4.2...main\n")),
        "{text}"
    );
    assert!(!text.contains("...HEAD"), "{text}");
    assert!(
        text.contains(&format!("{BASE}/releases/tag/2.4.1\n")),
        "{text}"
    );
}

#[test]
fn an_inline_unreleased_link_keeps_its_branch_too() {
    let text = released(&format!(
        "# Change Log\n\n## [Unreleased]({BASE}/compare/2.4.1...develop)\n\n\
         ## [2.4.1]({BASE}/compare/2.4.0...2.4.1) - 2026-05-09\n\n### Fixed\n\n- b\n"
    ));
    assert!(
        text.contains(&format!(
            "## [Unreleased]({BASE}/compare/2.4.2...develop)\n"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("## [2.4.2]({BASE}/compare/2.4.1...2.4.2) - ")),
        "{text}"
    );
    assert!(!text.contains("...HEAD"), "{text}");
}
