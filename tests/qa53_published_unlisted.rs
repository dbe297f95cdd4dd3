//! QA53: a release section written by hand and tagged with `RELHOOK_SKIP=1`, then pushed,
//! left out the entry of a commit under it (`fix: fix c`, committed with post-commit
//! skipped): doctor said all was well, and no later release lists a released commit. Doctor
//! now names that release in one warning row, with the entry to add by hand under it and
//! the commit that records it; the published tag is left as it is.

use crate::support::{Repo, ok, stdout, text, untested_installed};

const SKIP: &[(&str, &str)] = &[("RELHOOK_SKIP", "1")];

/// v0.1.0 released and pushed; then `feat: add d` (its entry written) and `fix: fix c` (none),
/// released as 0.2.0 by a hand-written section and a tag made with relhook skipped.
fn hand_release_missing_an_entry() -> Repo {
    let repo = untested_installed();
    repo.with_origin();
    repo.commit_hooked("feat: add a");
    ok(repo.relhook(&["release", "--no-test"]));
    repo.git_env(&["push", "-q", "--follow-tags", "origin", "main"], SKIP);
    repo.write("c.txt", "c\n");
    repo.git(&["add", "c.txt"]);
    repo.git_env(&["commit", "-q", "-m", "fix: fix c"], SKIP);
    repo.commit_hooked("feat: add d");
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- add d") && !log.contains("- fix c"), "{log}");
    repo.write(
        "CHANGELOG.md",
        log.replacen(
            "## [Unreleased]\n",
            "## [Unreleased]\n\n## [0.2.0] - 2026-01-01\n",
            1,
        ),
    );
    repo.git_env(&["commit", "-q", "-am", "chore(release): 0.2.0"], SKIP);
    repo.git_env(&["tag", "-a", "v0.2.0", "-m", "v0.2.0"], SKIP);
    repo
}

#[test]
fn doctor_names_a_published_release_missing_an_entry_and_the_fix_keeps_its_tag() {
    let repo = hand_release_missing_an_entry();
    // Not published yet: the release can still be made again, and nothing is said here.
    let said = stdout(&repo.relhook(&["doctor"]));
    assert!(!said.contains("lists no entry"), "{said}");
    repo.git_env(&["push", "-q", "--follow-tags", "origin", "main"], SKIP);
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let said = stdout(&out);
    let rows: Vec<&str> = said
        .lines()
        .filter(|l| l.contains("lists no entry"))
        .collect();
    assert_eq!(rows.len(), 1, "{said}");
    assert!(
        rows[0].contains("WARNING  release 0.2.0: v0.2.0 is published, but CHANGELOG.md lists no entry for 1 commit under it")
            && rows[0].contains("`fix: fix c`"),
        "{said}"
    );
    let fix = said
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("fix: add "))
        .unwrap_or_else(|| panic!("no fix:\n{said}"));
    assert!(
        fix.starts_with("`- fix c` under `### Fixed` of `## [0.2.0]` in CHANGELOG.md by hand"),
        "{fix}"
    );
    // Done as it says: the entry by hand under 0.2.0, then its command.
    let command = fix.rsplit('`').nth(1).expect("the command");
    let log = repo.read("CHANGELOG.md");
    repo.write(
        "CHANGELOG.md",
        log.replacen("- add d\n", "- add d\n\n### Fixed\n\n- fix c\n", 1),
    );
    ok(repo.sh(command));
    let out = ok(repo.relhook(&["doctor"]));
    assert!(!stdout(&out).contains("lists no entry"), "{}", text(&out));
    let tag = repo.git(&["rev-parse", "v0.2.0"]);
    let pushed = repo.git(&["ls-remote", "origin", "refs/tags/v0.2.0"]);
    assert!(pushed.starts_with(&tag), "the tag stays as published");
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(
        crate::support::stderr(&out).contains("up to date"),
        "{}",
        text(&out)
    );
}

#[test]
fn a_change_reverted_in_the_release_or_made_before_install_is_not_named() {
    // Released by hand before relhook was installed, in words of its own.
    let repo = Repo::new();
    repo.with_origin();
    repo.commit("feat: old thing");
    repo.write(
        "CHANGELOG.md",
        "# Changelog\n\n## [Unreleased]\n\n## [0.1.0] - 2025-01-01\n\n### Added\n\n- The old thing, in other words\n",
    );
    repo.git(&["add", "CHANGELOG.md"]);
    repo.git(&["commit", "-q", "-m", "chore(release): 0.1.0"]);
    repo.git(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    repo.git(&["push", "-q", "--follow-tags", "origin", "main"]);
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", ".relconfig.toml"]);
    repo.git(&["commit", "-q", "-m", "chore: relhook"]);
    ok(repo.relhook(&["install"]));
    let said = stdout(&repo.relhook(&["doctor"]));
    assert!(!said.contains("lists no entry"), "{said}");
    // A change and its revert in one release: neither is listed, rightly.
    repo.commit_hooked("feat: add x");
    repo.commit_hooked("fix: keep y");
    repo.git(&["revert", "--no-edit", "HEAD~1"]);
    ok(repo.relhook(&["release", "--no-test"]));
    repo.git(&["push", "-q", "--follow-tags", "origin", "main"]);
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("- keep y") && !log.contains("- add x"),
        "{log}"
    );
    let said = stdout(&repo.relhook(&["doctor"]));
    assert!(!said.contains("lists no entry"), "{said}");
}
