//! QA177: in a changelog whose releases are headed without dates (changesets' `## 3.0.1`), a
//! release and a hand tag wrote `## 3.0.2 - 2026-11-21` while `changelog --rebuild` wrote
//! `## 3.0.2`. All three now follow the file: no date where no release has one, in the
//! file's bare or bracketed form.

use crate::support::{Repo, dated_release, hand_tag, ok, stdout, text};

/// changesets' file for `@changesets/cli`, as `changeset version` writes it.
const CHANGESETS: &str = "# @changesets/cli\n\n\
                          ## 3.0.1\n\n### Patch Changes\n\n- Update links.\n\n\
                          ## 3.0.0\n\n### Major Changes\n\n- Rename `changeset tag`.\n";

/// A project at `version`, tagged so, whose changelog is `log`, installed, with a fix since.
fn project(log: &str, version: &str) -> Repo {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        "[checks]\ntest = [\"true\"]\n[version]\nfiles = [{ path = \"package.json\", key = \"version\" }]\n",
    );
    repo.write(
        "package.json",
        format!("{{\"name\": \"x\", \"version\": \"{version}\"}}\n"),
    );
    repo.write("CHANGELOG.md", log);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", &format!("v{version}"), "-m", version]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("fix: a thing");
    repo
}

/// The heading `--rebuild` writes for `version`, which must be the one the file has.
fn rebuilt_has(repo: &Repo, heading: &str) {
    let out = ok(repo.relhook(&["changelog", "--rebuild", "--stdout"]));
    let rebuilt = stdout(&out);
    assert!(rebuilt.contains(&format!("\n{heading}\n")), "{rebuilt}");
    assert!(!rebuilt.contains("2026-11-21"), "{rebuilt}");
}

#[test]
fn a_release_in_a_changesets_file_is_undated() {
    let repo = project(CHANGESETS, "3.0.1");
    let out = ok(dated_release(&repo, &[]));
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("## [Unreleased]\n\n## 3.0.2\n\n### Fixed\n\n- a thing\n\n## 3.0.1\n"),
        "{}\n{log}",
        text(&out)
    );
    rebuilt_has(&repo, "## 3.0.2");
    // The next entry goes under Unreleased, with no word of an undated newest release.
    let out = repo.try_commit("fix: b");
    assert!(!text(&out).contains("no date"), "{}", text(&out));
}

#[test]
fn a_hand_tag_in_a_changesets_file_is_undated() {
    let repo = project(CHANGESETS, "3.0.1");
    let out = hand_tag(&repo, &["-a", "v3.0.2", "-m", "release 3.0.2"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("## [Unreleased]\n\n## 3.0.2\n\n### Fixed\n\n- a thing\n\n## 3.0.1\n"),
        "{log}"
    );
    rebuilt_has(&repo, "## 3.0.2");
}

#[test]
fn bracketed_undated_releases_get_an_undated_one() {
    let log = "# Changelog\n\n## [Unreleased]\n\n## [1.0.0]\n\n- Start.\n\n## [0.9.0]\n\n- Try.\n";
    let repo = project(log, "1.0.0");
    ok(dated_release(&repo, &[]));
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("## [Unreleased]\n\n## [1.0.1]\n\n### Fixed\n\n- a thing\n\n## [1.0.0]\n"),
        "{log}"
    );
    rebuilt_has(&repo, "## [1.0.1]");
}

#[test]
fn one_dated_release_keeps_dates() {
    // An undated newest above a dated release: the file dates its releases.
    let log = "# Changelog\n\n## [Unreleased]\n\n## 1.0.0\n\n- Start.\n\n## 0.9.0 - 2024-01-01\n\n- Try.\n";
    let repo = project(log, "1.0.0");
    ok(dated_release(&repo, &[]));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("\n## 1.0.1 - 2026-11-21\n"), "{log}");
}
