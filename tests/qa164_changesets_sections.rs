//! QA164: `changelog --rebuild` of a package changelog @changesets/cli wrote (`## 3.1.0` over
//! `### Minor Changes`) refused to run: every changesets line was "not from history", and
//! forced, it replaced them with one-line commit subjects under `## 3.1.0 - date`. Those
//! sections are the project's own history, written from changeset files that no commit
//! gives: the rebuild now keeps them byte for byte, writes only what history adds (Unreleased,
//! a release with no section yet, headed bare as changesets heads one), and says which it kept.

use crate::support::{Repo, ok, stderr, text};

/// changesets' own file: a title, bare undated headings, changesets' sub-sections, its entries
/// with their commit hashes and thanks.
const CHANGESETS: &str = "# @x/cli

## 3.1.0

### Minor Changes

- abc1234: Added the `--since` flag, which reads the changesets since a commit.

  More about it, as the changeset file said.

## 3.0.1

### Patch Changes

- def5678: Thanks @a! - Fixed a crash on an empty config.
- Updated dependencies [def5678]:
  - @x/core@1.0.1
";

/// A package `@x/cli` whose changelog changesets wrote: 3.0.1 and 3.1.0 tagged on commits of
/// the package with sections, 3.2.0 tagged with none, then one more fix.
fn changesets_package() -> Repo {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        "[packages.\"@x/cli\"]\npath = \"pkgs/cli\"\ntag = \"@x/cli@{version}\"\n",
    );
    repo.write(
        "pkgs/cli/package.json",
        "{\"name\": \"@x/cli\", \"version\": \"3.2.0\"}\n",
    );
    repo.write("pkgs/cli/CHANGELOG.md", CHANGESETS);
    let change = |file: &str, message: &str, tag: Option<&str>| {
        repo.write(&format!("pkgs/cli/{file}"), format!("// {file}\n"));
        repo.git(&["add", "-A"]);
        repo.git(&["commit", "-q", "-m", message]);
        if let Some(tag) = tag {
            repo.git(&["tag", "-a", tag, "-m", tag]);
        }
    };
    change("a.js", "fix: empty config crash", Some("@x/cli@3.0.1"));
    change("b.js", "feat: since flag", Some("@x/cli@3.1.0"));
    change("c.js", "feat: watch mode", Some("@x/cli@3.2.0"));
    change("d.js", "fix: watch on Windows", None);
    repo
}

#[test]
fn a_rebuild_keeps_the_sections_changesets_wrote() {
    let repo = changesets_package();
    let out = ok(repo.relhook(&["changelog", "--rebuild", "--package", "@x/cli"]));
    let expected = CHANGESETS.replace(
        "# @x/cli\n\n",
        "# @x/cli\n\n## [Unreleased]\n\n### Fixed\n\n- watch on Windows\n\n## 3.2.0\n\n### Added\n\n- watch mode\n\n",
    );
    assert_eq!(
        repo.read("pkgs/cli/CHANGELOG.md"),
        expected,
        "{}",
        text(&out)
    );
    assert!(
        stderr(&out).contains(
            "relhook: kept the sections of 3.1.0 and 3.0.1 as pkgs/cli/CHANGELOG.md has them: history does not give their lines"
        ),
        "{}",
        text(&out)
    );
    // Rebuilt again, it is what history rebuilds.
    repo.git(&["commit", "-q", "-am", "docs: rebuilt"]);
    let out = ok(repo.relhook(&["changelog", "--rebuild", "--package", "@x/cli"]));
    assert!(
        stderr(&out).contains("already what history rebuilds"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.read("pkgs/cli/CHANGELOG.md"), expected);
}
