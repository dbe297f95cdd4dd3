//! QA69: a project that tagged `release-1.0.0` and `release-1.0.1` and then set `tag_prefix =
//! "v"` rebuilt its changelog with a, b and c all under 1.0.2: the former prefix's tags were
//! read as no release, so `--rebuild` dropped their sections (and `--force` would lose them).
//! Read as the releases they were, as `version`, `release` and `notes` read them, each keeps
//! its section.

use crate::support::{Repo, ok, stdout, text};

/// Released twice under `tag_prefix = former`, then moved to `v` and released once.
fn moved_to_v(former: &str) -> Repo {
    let repo = Repo::new();
    let config =
        format!("[checks]\nrequire_tested_tags = false\n[version]\ntag_prefix = \"{former}\"\n");
    repo.write(".relconfig.toml", &config);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release", "1.0.0"]));
    repo.commit_hooked("fix: b");
    ok(repo.relhook(&["release"]));
    let now = config.replace(&format!("\"{former}\""), "\"v\"");
    repo.write(".relconfig.toml", now);
    repo.git(&["commit", "-q", "-am", "chore: tag releases v"]);
    repo.commit_hooked("fix: c");
    ok(repo.relhook(&["release", "1.0.2"]));
    assert_eq!(
        repo.git(&["tag", "-l"]),
        format!("{former}1.0.0\n{former}1.0.1\nv1.0.2")
    );
    repo
}

/// The entries of each release section of `log`, newest first.
fn sections(log: &str) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in log.lines() {
        if let Some(rest) = line.strip_prefix("## [") {
            out.push((
                rest.split(']').next().unwrap_or_default().to_owned(),
                vec![],
            ));
        } else if let (Some(entry), Some(last)) = (line.strip_prefix("- "), out.last_mut()) {
            last.1.push(entry.to_owned());
        }
    }
    out
}

fn one_per_release() -> Vec<(String, Vec<String>)> {
    let section = |v: &str, e: &str| (v.to_owned(), vec![e.to_owned()]);
    vec![
        ("Unreleased".to_owned(), vec![]),
        section("1.0.2", "c"),
        section("1.0.1", "b"),
        section("1.0.0", "a"),
    ]
}

#[test]
fn a_rebuild_keeps_the_former_prefix_s_releases() {
    rebuilt_one_per_release(&moved_to_v("release-"));
}

#[test]
fn a_rebuild_keeps_the_releases_tagged_without_a_prefix_before() {
    rebuilt_one_per_release(&moved_to_v(""));
}

fn rebuilt_one_per_release(repo: &Repo) {
    let out = repo.relhook(&["changelog", "--rebuild", "--stdout"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(sections(&stdout(&out)), one_per_release(), "{}", text(&out));
    // The file as the rebuild wrote it before: every change under the newest release.
    let merged = "# Changelog\n\n## [Unreleased]\n\n## [1.0.2] - 2026-01-01\n\n### Added\n\n- a\n\n### Fixed\n\n- b\n- c\n";
    repo.write("CHANGELOG.md", merged);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-am", "docs: rebuilt changelog"]));
    let out = repo.relhook(&["changelog", "--rebuild"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert_eq!(sections(&log), one_per_release(), "{log}");
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("INVALID"), "{doctor}");
}
