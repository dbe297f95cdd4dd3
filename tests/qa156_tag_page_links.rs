//! QA156: poetry's CHANGELOG.md links every release to its tag page
//! (`[2.4.1]: …/releases/tag/2.4.1`), not to a comparison. A release added
//! `[2.4.2]: …/compare/2.4.1...2.4.2` below the Unreleased link, the one line of another form
//! among 160; it now writes the new release's definition in the form of the file's newest
//! ones. A file with one definition (its first release's tag page) still gets a compare link.

use crate::support::{Repo, ok};

const BASE: &str = "https://github.com/o/r";

fn released(changelog: &str) -> String {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", changelog);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "chore: start"]);
    repo.git(&["tag", "-a", "v2.4.1", "-m", "v2.4.1"]);
    repo.commit("fix: a");
    ok(repo.relhook(&["changelog"]));
    repo.git(&["commit", "-qam", "docs: entries"]);
    ok(repo.relhook(&["release", "--no-test"]));
    repo.read("CHANGELOG.md")
}

const SECTIONS: &str = "# Change Log\n\n## [2.4.1] - 2026-05-09\n\n### Fixed\n\n- b\n\n\
                        ## [2.4.0] - 2026-05-01\n\n### Fixed\n\n- c\n\n";

#[test]
fn a_release_links_its_tag_page_where_the_file_links_every_release_so() {
    let text = released(&format!(
        "{SECTIONS}[Unreleased]: {BASE}/compare/v2.4.1...HEAD\n\
         [2.4.1]: {BASE}/releases/tag/v2.4.1\n[2.4.0]: {BASE}/releases/tag/v2.4.0\n"
    ));
    assert!(
        text.ends_with(&format!(
            "[Unreleased]: {BASE}/compare/v2.4.2...HEAD\n[2.4.2]: {BASE}/releases/tag/v2.4.2\n\
             [2.4.1]: {BASE}/releases/tag/v2.4.1\n[2.4.0]: {BASE}/releases/tag/v2.4.0\n"
        )),
        "{text}"
    );
}

#[test]
fn a_file_comparing_its_releases_or_with_one_tag_page_gets_a_compare_link() {
    let compared = released(&format!(
        "{SECTIONS}[Unreleased]: {BASE}/compare/v2.4.1...HEAD\n\
         [2.4.1]: {BASE}/compare/v2.4.0...v2.4.1\n[2.4.0]: {BASE}/releases/tag/v2.4.0\n"
    ));
    assert!(
        compared.contains(&format!("[2.4.2]: {BASE}/compare/v2.4.1...v2.4.2\n")),
        "{compared}"
    );
    let first = released(&format!(
        "# Change Log\n\n## [2.4.1] - 2026-05-09\n\n### Fixed\n\n- b\n\n\
         [Unreleased]: {BASE}/compare/v2.4.1...HEAD\n[2.4.1]: {BASE}/releases/tag/v2.4.1\n"
    ));
    assert!(
        first.contains(&format!("[2.4.2]: {BASE}/compare/v2.4.1...v2.4.2\n")),
        "{first}"
    );
}
