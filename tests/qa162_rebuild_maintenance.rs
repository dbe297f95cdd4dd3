//! QA162: `changelog --rebuild` wrote sections only for the release tags HEAD reaches, so a
//! release made on a maintenance line (poetry's 2.3.4 on a 2.3 branch after 2.4.0 was started
//! on main) lost its section: `--stdout` left it out, and a plain rebuild refused to drop its
//! lines. The file's section is kept, where the file has it, with the commits between its tag
//! and the release before it on its line (`git log prev..tag`).

use crate::support::{Repo, ok, stdout, text};

/// main: 1.0.0 (a), 1.1.0 (b), then 1.2.0 (d); a `1.0` branch made at 1.0.0 with 1.0.1 (c)
/// and 1.0.2 (e); CHANGELOG.md on main lists all five releases, newest first.
fn with_maintenance_line() -> Repo {
    let repo = Repo::new();
    repo.commit("feat: a");
    repo.git(&["tag", "v1.0.0"]);
    repo.commit("feat: b");
    repo.git(&["tag", "v1.1.0"]);
    repo.git(&["checkout", "-q", "-b", "1.0", "v1.0.0"]);
    repo.commit("fix: c");
    repo.git(&["tag", "v1.0.1"]);
    repo.commit("fix: e");
    repo.git(&["tag", "v1.0.2"]);
    repo.git(&["checkout", "-q", "main"]);
    repo.write("CHANGELOG.md", FILE);
    repo.git(&["add", "CHANGELOG.md"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "feat: d"]);
    repo.git(&["tag", "v1.2.0"]);
    repo
}

const FILE: &str = "# Changelog

All notable changes to this project will be documented in this file.

The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),
and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).

## [Unreleased]

## [1.2.0] - 2026-01-01

### Added

- d

## [1.1.0] - 2026-01-01

### Added

- b

## [1.0.2] - 2026-01-01

### Fixed

- e

## [1.0.1] - 2026-01-01

### Fixed

- c

## [1.0.0] - 2026-01-01

### Added

- a
";

/// The entries of each release section of `log`, in the file's order.
fn sections(log: &str) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in log.lines() {
        if let Some(rest) = line.strip_prefix("## [") {
            let version = rest.split(']').next().unwrap_or_default();
            out.push((version.to_owned(), vec![]));
        } else if let (Some(entry), Some(last)) = (line.strip_prefix("- "), out.last_mut()) {
            last.1.push(entry.to_owned());
        }
    }
    out
}

fn section(v: &str, entries: &[&str]) -> (String, Vec<String>) {
    (
        v.to_owned(),
        entries.iter().map(|e| (*e).to_owned()).collect(),
    )
}

#[test]
fn a_rebuild_keeps_the_maintenance_line_s_releases_where_the_file_has_them() {
    let repo = with_maintenance_line();
    let out = repo.relhook(&["changelog", "--rebuild", "--stdout"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(stdout(&out), FILE, "{}", text(&out));
    // Listed by date (1.0.2 after 1.1.0), the file keeps its order and loses nothing.
    let by_date = FILE.replace("## [1.0.2] - 2026-01-01\n\n### Fixed\n\n- e\n\n", "");
    let by_date = by_date.replace(
        "## [1.1.0]",
        "## [1.0.2] - 2026-01-02\n\n### Fixed\n\n- e\n\n## [1.1.0]",
    );
    repo.write("CHANGELOG.md", &by_date);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-am", "chore: by date"]));
    let out = repo.relhook(&["changelog", "--rebuild"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let expected = [
        section("Unreleased", &[]),
        section("1.2.0", &["d"]),
        section("1.0.2", &["e"]),
        section("1.1.0", &["b"]),
        section("1.0.1", &["c"]),
        section("1.0.0", &["a"]),
    ];
    assert_eq!(
        sections(&repo.read("CHANGELOG.md")),
        expected,
        "{}",
        text(&out)
    );
    // Rewritten: the heading's date is the tag's.
    assert!(
        repo.read("CHANGELOG.md")
            .contains("## [1.0.2] - 2026-01-01\n")
    );
}

/// A section no tag gives is still not the rebuild's to drop: it is kept as the file has it
/// (qa164), and the rebuild names it.
#[test]
fn a_section_no_tag_gives_is_kept_as_written() {
    let repo = with_maintenance_line();
    let hand = FILE.replace(
        "## [1.0.0]",
        "## [1.0.3] - 2026-01-01\n\n### Fixed\n\n- f\n\n## [1.0.0]",
    );
    repo.write("CHANGELOG.md", &hand);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-am", "docs: hand-written 1.0.3"]));
    let out = repo.relhook(&["changelog", "--rebuild"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        text(&out).contains("kept the section of 1.0.3"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.read("CHANGELOG.md"), hand);
}
