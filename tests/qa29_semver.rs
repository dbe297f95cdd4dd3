//! QA29: next versions and changelogs on real projects' histories. vue's CHANGELOG.md (and
//! commitlint's, semantic-release's: anything conventional-changelog wrote) names its
//! sub-sections `### Features`, `### Bug Fixes`, `### Performance Improvements`, `### Reverts`;
//! relhook added `### Fixed` above releases that all say `### Bug Fixes`.

use crate::support::{Repo, dated_release, stderr, stdout, text};

/// A changelog as conventional-changelog writes it (vue's): no title, linked headings with the
/// date in parentheses, `*` bullets, its own sub-section names.
const CONVENTIONAL: &str = "\
## [1.1.0](https://github.com/o/r/compare/v1.0.0...v1.1.0) (2026-01-02)


### Bug Fixes

* **core:** handle null ([#12](https://github.com/o/r/issues/12)) ([abc1234](https://github.com/o/r/commit/abc1234))


### Features

* **api:** add search ([#10](https://github.com/o/r/issues/10))


### Performance Improvements

* **core:** cache lookups



## [1.0.0](https://github.com/o/r/compare/v0.9.0...v1.0.0) (2026-01-01)


### Reverts

* revert \"feat: x\"
";

/// `log` committed as CHANGELOG.md, tagged v1.1.0, relhook installed (no test records asked).
fn adopted(log: &str) -> Repo {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", log);
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v1.1.0", "-m", "v1.1.0"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo
}

/// The `### ` headings of the file's first `## ` section (Unreleased).
fn unreleased_headings(log: &str) -> Vec<String> {
    format!("\n{log}")
        .split("\n## ")
        .find(|s| s.starts_with("[Unreleased]"))
        .unwrap_or_else(|| panic!("no Unreleased:\n{log}"))
        .lines()
        .filter_map(|l| l.strip_prefix("### "))
        .map(str::to_owned)
        .collect()
}

/// post-commit, `changelog --sync` and a release write each entry under the name the file
/// already uses for its kind of change, in conventional-changelog's order, and say that name.
#[test]
fn a_conventional_changelog_file_keeps_its_own_section_names() {
    let repo = adopted(CONVENTIONAL);
    let out = repo.try_commit("fix(runtime): reject CR in names");
    assert!(out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains("under Bug Fixes"), "{}", text(&out));
    repo.commit_hooked("perf(reactivity): fewer allocations");
    repo.commit_hooked("feat(compiler): new directive");
    let log = repo.read("CHANGELOG.md");
    assert_eq!(
        unreleased_headings(&log),
        ["Features", "Bug Fixes", "Performance Improvements"],
        "{log}"
    );
    assert!(log.contains("* **runtime:** reject CR in names\n"), "{log}");
    // A commit that never met the hook: --sync files it the same way.
    repo.write("ssr.txt", "1\n");
    repo.git(&["add", "ssr.txt"]);
    let out = repo.git_skipping_relhook(&["commit", "-q", "-m", "fix(ssr): escape comments"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!repo.read("CHANGELOG.md").contains("escape comments"));
    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("`* **ssr:** escape comments` under Bug Fixes"),
        "{said}"
    );
    let log = repo.read("CHANGELOG.md");
    assert_eq!(
        unreleased_headings(&log),
        ["Features", "Bug Fixes", "Performance Improvements"],
        "{log}"
    );
    // Linked to its commit as the file's entries are (post-commit's cannot name their own).
    let sha = repo.git(&["rev-parse", "--short=7", "HEAD"]);
    let linked =
        format!("* **ssr:** escape comments ([{sha}](https://github.com/o/r/commit/{sha}))\n");
    assert!(log.contains(&linked), "{log}");
    repo.git(&["add", "CHANGELOG.md"]);
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "-m",
        "docs: sync the changelog",
    ]);
    let out = dated_release(&repo, &["--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    let released = log
        .split("\n## ")
        .find(|s| s.starts_with("[1.2.0]"))
        .unwrap();
    assert!(released.contains("### Bug Fixes\n"), "{log}");
    assert!(released.contains("### Features\n"), "{log}");
    for kac in ["### Fixed", "### Added", "### Changed"] {
        assert!(!log.contains(kac), "{kac}:\n{log}");
    }
}

/// A newest release with no sub-section of its own (lerna's "version bump only") does not
/// decide: the names further down do, in a long file that post-commit reads only the start
/// of too, and a file of Keep a Changelog's names keeps them.
#[test]
fn the_first_named_section_decides_even_below_the_part_post_commit_reads() {
    let log = "# Changelog\n\n## [Unreleased]\n\n## [1.1.0] (2026-01-02)\n\n* bump only\n\n\
               ## [1.0.0] (2026-01-01)\n\n### Bug Fixes\n\n* fix 0\n";
    let repo = adopted(log);
    repo.commit_hooked("fix: one more");
    repo.commit_hooked("feat: two");
    let log = repo.read("CHANGELOG.md");
    assert_eq!(
        unreleased_headings(&log),
        ["Features", "Bug Fixes"],
        "{log}"
    );

    let kac = "# Changelog\n\n## [Unreleased]\n\n## [1.1.0] - 2026-01-02\n\n### Fixed\n\n- a\n";
    let repo = adopted(kac);
    repo.commit_hooked("fix: b");
    repo.commit_hooked("feat: c");
    let log = repo.read("CHANGELOG.md");
    assert_eq!(unreleased_headings(&log), ["Added", "Fixed"], "{log}");
}

/// commitlint's `revert: replace all lodash string methods with kasi #4602 (#4621)`: a `revert:`
/// commit with a subject of its own, whose body names the refactor it reverts by id. That
/// refactor had no entry, so its revert needs none either (as `Revert "refactor: …"` gets
/// none): post-commit, `--sync` and `--rebuild` listed it under Removed as if the change were
/// the revert's own. A revert so named of a released fix keeps its entry.
#[test]
fn a_revert_naming_an_entryless_commit_by_id_gets_no_entry() {
    let repo =
        adopted("# Changelog\n\n## [Unreleased]\n\n## [1.1.0] - 2026-01-02\n\n### Fixed\n\n- a\n");
    repo.commit_hooked("refactor(ensure): replace lodash string methods with kasi");
    let refactor = repo.git(&["rev-parse", "HEAD"]);
    let before = repo.read("CHANGELOG.md");
    let message =
        format!("revert: replace all lodash string methods\n\nThis reverts commit {refactor}.");
    repo.commit_hooked(&message);
    assert_eq!(repo.read("CHANGELOG.md"), before);
    let out = repo.relhook(&["changelog", "--rebuild", "--stdout"]);
    assert!(!stdout(&out).contains("lodash"), "{}", text(&out));

    repo.commit_hooked("fix(load): detect await support");
    let fix = repo.git(&["rev-parse", "HEAD"]);
    let out = dated_release(&repo, &["--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.commit_hooked(&format!(
        "revert: back out the await probe\n\nThis reverts commit {fix}."
    ));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("back out the await probe"), "{log}");
}

/// A bump a pre-release line already carries is not applied again (what semantic-release,
/// cocogitto and release-please do): `feat!` after 2.0.0-rc.1 (a major over 1.x) continues
/// the 2.0.0 line, `feat` after 1.1.0-beta.1 the 1.1.0 one; a bigger change moves it up.
/// Pinned here after checking it on vue's and semantic-release's pre-release branches.
#[test]
fn a_bump_the_pre_release_line_carries_is_not_applied_twice() {
    for (line, then, next, pre) in [
        (
            "v2.0.0-rc.1",
            "feat!: another break",
            "2.0.0",
            ["rc", "2.0.0-rc.2"],
        ),
        (
            "v1.1.0-beta.1",
            "feat: another",
            "1.1.0",
            ["beta", "1.1.0-beta.2"],
        ),
        (
            "v1.1.0-beta.1",
            "fix: small",
            "1.1.0",
            ["beta", "1.1.0-beta.2"],
        ),
        (
            "v1.1.0-beta.1",
            "feat!: break",
            "2.0.0",
            ["beta", "2.0.0-beta.1"],
        ),
    ] {
        let repo = Repo::new();
        repo.commit("feat: one");
        repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
        let first = if line.starts_with("v2") {
            "feat!: break"
        } else {
            "feat: two"
        };
        repo.commit(first);
        repo.git(&["tag", "-a", line, "-m", line]);
        repo.commit(then);
        let out = repo.relhook(&["version", "--next"]);
        assert_eq!(stdout(&out).trim(), next, "{line} {then}: {}", text(&out));
        let out = repo.relhook(&["version", "--next", "--pre", pre[0]]);
        assert_eq!(stdout(&out).trim(), pre[1], "{line} {then}: {}", text(&out));
    }
}
