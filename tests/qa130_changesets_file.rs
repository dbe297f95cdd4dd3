//! QA130: a CHANGELOG.md @changesets/cli writes (`## 3.0.1` headings, undated, over `### Patch
//! Changes`) got Keep a Changelog's `## [Unreleased]` and `### Added` from every commit, which
//! `changeset version` then wrote its next release above. relhook now leaves it alone, as any
//! file it does not keep, saying once that changesets writes it and what makes it relhook's:
//! no command writes a line of it, and a release is refused.

use crate::support::{Repo, dated_release, ok, stderr, text};

/// As changesets writes it (packages/cli/CHANGELOG.md of changesets/changesets).
const CHANGESETS: &str = "# @acme/cli

## 3.0.1

### Patch Changes

- fdfdc93: Update links in default generated `.changeset/README.md` file
- Updated dependencies [d0386b6]:
  - @acme/write@1.0.1

## 3.0.0

### Major Changes

- 7113c01: Renamed the `changeset tag` command to `changeset git-tag`.

### Minor Changes

- 3599e47: Set supported package manager versions in `\"engines\"` field.
";

const SAID: &str = "changesets writes it, line 3 `## 3.0.1` with `### Patch Changes`; to have relhook keep it instead, add `## [Unreleased]` above line 3";

/// The file committed with its package at 3.0.1 (tagged), relhook installed; the install's
/// output returned.
fn changesets_repo() -> (Repo, std::process::Output) {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", CHANGESETS);
    repo.write(
        "package.json",
        "{\n  \"name\": \"@acme/cli\",\n  \"version\": \"3.0.1\"\n}\n",
    );
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "v3.0.1", "-m", "v3.0.1"]);
    let install = ok(repo.relhook(&["install"]));
    (repo, install)
}

#[test]
fn a_changesets_file_is_left_alone_and_said_to_be_changesets() {
    let (repo, install) = changesets_repo();
    assert!(stderr(&install).contains(SAID), "{}", text(&install));
    let commit = repo.try_commit("feat: a feature");
    assert!(commit.status.success(), "{}", text(&commit));
    assert_eq!(
        text(&commit).matches(SAID).count(),
        1,
        "said once: {}",
        text(&commit)
    );
    assert!(
        stderr(&commit).contains("so relhook leaves it alone"),
        "{}",
        text(&commit)
    );
    assert_eq!(
        repo.read("CHANGELOG.md"),
        CHANGESETS,
        "no `## [Unreleased]`, no `### Added`"
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));

    for args in [
        &["changelog"][..],
        &["changelog", "--sync", "--stdout"],
        &["changelog", "--rebuild"],
    ] {
        let out = repo.relhook(args);
        assert_ne!(out.status.code(), Some(0), "{args:?}: {}", text(&out));
        assert!(stderr(&out).contains(SAID), "{args:?}: {}", text(&out));
        assert_eq!(repo.read("CHANGELOG.md"), CHANGESETS, "{args:?}");
    }
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = dated_release(&repo, &["--no-test"]);
    assert_ne!(out.status.code(), Some(0), "{}", text(&out));
    assert!(stderr(&out).contains(SAID), "{}", text(&out));
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head, "no release commit");
    assert_eq!(repo.git(&["tag", "--list"]), "v3.0.1", "no release tag");
    assert_eq!(repo.read("CHANGELOG.md"), CHANGESETS);
}

#[test]
fn a_file_moved_off_changesets_by_its_unreleased_heading_gets_entries() {
    let (repo, _) = changesets_repo();
    let moved = CHANGESETS.replace("## 3.0.1", "## [Unreleased]\n\n## 3.0.1");
    repo.write("CHANGELOG.md", &moved);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-am", "docs: relhook keeps the changelog"]));
    repo.commit_hooked("fix: a fix");
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.starts_with("# @acme/cli\n\n## [Unreleased]\n\n### Fixed\n\n- a fix\n\n## 3.0.1\n"),
        "{log}"
    );
}
