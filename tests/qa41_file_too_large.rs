//! QA41: a file too large to write under the file size limit (`ulimit -f`: EFBIG) was named
//! twice in the message, both times by the temporary file relhook writes first and then
//! removes. Now the message names the file being edited, once, with the limit that stopped it.

use crate::support::{Repo, ok, stderr, text};

#[test]
fn a_write_past_the_file_size_limit_names_the_file_once() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    let mut log =
        String::from("# Changelog\n\n## [Unreleased]\n\n## [0.1.0] - 2026-01-01\n\n### Added\n\n");
    for i in 0..400 {
        log.push_str(&format!("- entry number {i} with some padding text here\n"));
    }
    repo.write("CHANGELOG.md", &log);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    ok(repo.relhook(&["install"]));
    repo.git_env(
        &[
            "commit",
            "-q",
            "--allow-empty",
            "-m",
            "feat: made while skipped",
        ],
        &[("RELHOOK_SKIP", "1")],
    );

    // 16 KiB: below the changelog's size.
    let out = repo.sh("ulimit -f 16 && relhook changelog --sync");
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    let line = err
        .lines()
        .find(|l| l.starts_with("relhook: error:"))
        .unwrap_or_else(|| panic!("{err}"));
    assert_eq!(line.matches("CHANGELOG.md").count(), 1, "{line}");
    assert!(
        !line.contains("relhook-tmp") && !line.contains("at path"),
        "{line}"
    );
    assert!(line.contains("ulimit -f"), "{line}");
    // Nothing changed, no temporary file left.
    assert_eq!(repo.read("CHANGELOG.md"), log);
    let left: Vec<_> = std::fs::read_dir(repo.path().join(".git"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("relhook-tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
