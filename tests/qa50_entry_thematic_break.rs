//! QA50: `fix: ---` made the entry `- ---`, which Markdown (and relhook) read as a thematic
//! break, not an entry: later entries went above it after a blank line, --rebuild reordered
//! the section, and the release notes and tag message dropped it. `[x]: http://…` rendered as
//! an empty bullet (a link reference definition). Now both are escaped (`\---`, `\[x]: …`)
//! as a description opening a block is, and stay paired with their commits.

use crate::support::{installed_repo, ok, stderr, stdout, text};

const COMMITS: [&str; 5] = [
    "fix: ---",
    "fix: ***",
    "fix: _ _ _",
    "fix: [x]: http://link.example ref def",
    "fix: crash on save",
];

/// The section as written: in commit order, one list with no blank line inside.
const FIXED: &str = "### Fixed\n\n- \\---\n- \\***\n- \\_ _ _\n- \\[x]: http://link.example ref def\n- crash on save\n";

#[test]
fn a_description_that_is_a_thematic_break_or_link_definition_is_escaped_and_kept() {
    let repo = installed_repo();
    for c in COMMITS {
        repo.commit_hooked(c);
    }
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains(FIXED), "{log}");
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(stderr(&out).contains("up to date"), "{}", text(&out));
    let out = ok(repo.relhook(&["changelog", "--rebuild", "--stdout"]));
    assert_eq!(stdout(&out), log, "--rebuild agrees");
    ok(repo.relhook(&["release", "--no-test"]));
    let notes = stdout(&ok(repo.relhook(&["notes", "v0.1.0"])));
    let tag = repo.git(&["tag", "-l", "--format=%(contents)", "v0.1.0"]);
    for said in [&notes, &tag] {
        assert!(said.contains(FIXED.trim_end()), "{said}");
    }
}
