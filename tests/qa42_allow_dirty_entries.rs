//! QA42: `relhook release --allow-dirty` moved an entry written under Unreleased and not
//! committed into the released section of the work tree's file: committed next, the release
//! section said what its tag's notes do not. It stays under Unreleased now.

use crate::support::{Repo, ok, text};

#[test]
fn an_uncommitted_entry_stays_unreleased_through_an_allow_dirty_release() {
    let repo = Repo::new();
    repo.write(
        "CHANGELOG.md",
        "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-01-01\n\n### Added\n\n- init\n",
    );
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    ok(repo.relhook(&["install"]));
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    repo.git(&["commit", "-q", "-m", "feat: a"]);
    let committed = repo.read("CHANGELOG.md");
    let dirty = committed.replace(
        "## [Unreleased]\n",
        "## [Unreleased]\n\n### Security\n\n- hand-written uncommitted note\n",
    );
    repo.write("CHANGELOG.md", &dirty);
    let out = ok(repo.relhook(&["release", "--allow-dirty", "--no-test"]));
    let file = repo.read("CHANGELOG.md");
    let (unreleased, released) = file.split_once("## [1.1.0]").expect(&file);
    assert!(
        unreleased.contains("### Security\n\n- hand-written uncommitted note"),
        "{file}\n{}",
        text(&out)
    );
    assert!(!released.contains("hand-written"), "{file}");
    assert!(released.contains("- a\n"), "{file}");
    let stored = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert!(
        !stored.contains("hand-written") && stored.contains("## [1.1.0]"),
        "{stored}"
    );
    let notes = text(&repo.relhook(&["notes", "v1.1.0"]));
    assert!(!notes.contains("hand-written"), "{notes}");
}
