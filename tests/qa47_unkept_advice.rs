//! QA47: for a CHANGELOG.md that is not Keep a Changelog, post-commit offered
//! `changelog.accumulate = false`; followed, every commit then said `relhook changelog --sync`
//! adds the missing entries, which refuses that file, and tags stayed refused. Only ways out
//! that work are offered now: make it a Keep a Changelog file, or point `changelog.path`
//! elsewhere; with accumulate off, `--sync` is named only for a file it can read.

use crate::support::{Repo, ok, stderr};

fn wiki_changelog() -> Repo {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", "Our release notes live on the wiki.\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo
}

#[test]
fn an_unkept_changelog_is_advised_only_fixes_that_work() {
    let repo = wiki_changelog();
    let said = stderr(&ok(repo.git_output(&[
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "feat: wiki",
    ])));
    assert!(said.contains("is not a Keep a Changelog file"), "{said}");
    assert!(said.contains("make it one"), "{said}");
    assert!(
        said.contains("point `changelog.path` in .relconfig.toml at another file"),
        "{said}"
    );
    assert!(!said.contains("accumulate"), "{said}");
}

#[test]
fn with_accumulate_off_sync_is_named_only_where_it_can_add_the_entries() {
    let repo = wiki_changelog();
    repo.write(".relconfig.toml", "[changelog]\naccumulate = false\n");
    repo.git(&["add", "."]);
    ok(repo.git_output(&["commit", "-q", "-m", "chore: accumulate off"]));
    let said = stderr(&ok(repo.git_output(&[
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "fix: next",
    ])));
    assert!(said.contains("`changelog.accumulate` is off"), "{said}");
    assert!(!said.contains("--sync"), "{said}");
    assert!(said.contains("not a Keep a Changelog file"), "{said}");
    assert_eq!(said.lines().count(), 1, "{said}");
    // Once the file is one relhook keeps, `--sync` is the way to the entries, and works.
    repo.write("CHANGELOG.md", "# Changelog\n");
    repo.git(&["add", "."]);
    ok(repo.git_output(&["commit", "-q", "-m", "docs: keep a changelog"]));
    let said = stderr(&ok(repo.git_output(&[
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "fix: more",
    ])));
    assert!(
        said.contains("`relhook changelog --sync` adds the missing entries"),
        "{said}"
    );
    ok(repo.relhook(&["changelog", "--sync"]));
    assert!(
        repo.read("CHANGELOG.md").contains("- more"),
        "{}",
        repo.read("CHANGELOG.md")
    );
}
