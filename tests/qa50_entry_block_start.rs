//! QA50: an entry whose description starts like a Markdown block (`fix: # of items`, `feat:
//! > 2 GB files`, `fix: 1. step`) rendered in CHANGELOG.md as a heading, a quote or an
//! ordered list inside its list item. Now the opener is escaped as a leading fence is
//! (`\#`, `\>`, `1\.`), and the escaped entry, or one written before without the escape,
//! stays paired with its commit in --sync, --rebuild, `version --explain` and the release.

use crate::support::{installed_repo, ok, stderr, stdout, text};

const COMMITS: [&str; 4] = [
    "fix: # of items is counted once",
    "feat: > 2 GB files upload",
    "fix: 1. step runs first",
    "fix(ui): # kept after a scope",
];

const ESCAPED: [&str; 4] = [
    "\n- \\# of items is counted once\n",
    "\n- \\> 2 GB files upload\n",
    "\n- 1\\. step runs first\n",
    "\n- **ui:** # kept after a scope\n",
];

#[test]
fn a_description_opening_a_block_is_escaped_and_stays_paired_with_its_commit() {
    let repo = installed_repo();
    for c in COMMITS {
        repo.commit_hooked(c);
    }
    let log = repo.read("CHANGELOG.md");
    for line in ESCAPED {
        assert!(log.contains(line), "{line:?} in\n{log}");
    }
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(stderr(&out).contains("up to date"), "{}", text(&out));
    ok(repo.relhook(&["changelog", "--rebuild"]));
    assert_eq!(repo.read("CHANGELOG.md"), log);
    // Entries written before the escape are the same entries: none is added again.
    let unescaped = log
        .replace("- \\# of", "- # of")
        .replace("- \\> 2", "- > 2")
        .replace("- 1\\. step", "- 1. step");
    repo.write("CHANGELOG.md", &unescaped);
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert_eq!(repo.read("CHANGELOG.md"), unescaped, "{}", text(&out));
    repo.write("CHANGELOG.md", &log);
    // No entry reads as one no commit made.
    let out = ok(repo.relhook(&["version", "--next", "--explain"]));
    assert!(!stdout(&out).contains("no commit since"), "{}", text(&out));
    ok(repo.relhook(&["release", "--no-test"]));
    let notes = stdout(&ok(repo.relhook(&["notes", "v0.1.0"])));
    let tag = repo.git(&["tag", "-l", "--format=%(contents)", "v0.1.0"]);
    for line in ESCAPED {
        let line = line.trim();
        assert!(notes.contains(line), "{line:?} in\n{notes}");
        assert!(tag.contains(line), "{line:?} in\n{tag}");
    }
}
