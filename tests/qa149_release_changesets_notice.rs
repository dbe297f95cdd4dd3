//! QA149: a changesets CHANGELOG.md (`## 1.2.0` over `### Minor Changes`, no `## [Unreleased]`)
//! got a one-line notice from its first write by a hooked commit or `changelog --sync` (qa140),
//! but none when `relhook release` wrote it first. The release now says it too, once, in the
//! same words, on stderr and in the JSON report's `notes`.

use crate::support::{Repo, ok, stderr, stdout, text};

const SAID: &str = "CHANGELOG.md: put `## [Unreleased]` above `## 1.2.0` for relhook's entries (changesets writes none; to keep the file as changesets writes it, give relhook a file of its own: `path = \"…\"` under `[changelog]` in .relconfig.toml)";

fn json(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_str(&stdout(out)).unwrap_or_else(|e| panic!("{e}: {}", text(out)))
}

#[test]
fn a_release_that_first_writes_a_changesets_file_says_so_once() {
    let repo = Repo::new();
    repo.write(
        "CHANGELOG.md",
        "# pkg\n\n## 1.2.0\n\n### Minor Changes\n\n- abc1234: thing\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "chore: start"]);
    repo.git(&["tag", "-a", "v1.2.0", "-m", "v1.2.0"]);
    repo.commit("fix: a");

    let dry = ok(repo.relhook(&["release", "--no-test", "--dry-run"]));
    assert_eq!(text(&dry).matches(SAID).count(), 1, "{}", text(&dry));

    let out = ok(repo.relhook(&["release", "--no-test", "--format", "json"]));
    let v = json(&out);
    assert_eq!(v["version"], "1.2.1", "{v}");
    let notes: Vec<&str> = v["notes"]
        .as_array()
        .expect("notes")
        .iter()
        .filter_map(|n| n.as_str())
        .collect();
    assert_eq!(notes.iter().filter(|n| **n == SAID).count(), 1, "{v}");
    assert_eq!(stderr(&out).matches(SAID).count(), 1, "{}", text(&out));
    assert!(repo.read("CHANGELOG.md").contains("## [Unreleased]"));

    // Said once: the next release finds Unreleased there.
    repo.commit("fix: b");
    let next = ok(repo.relhook(&["release", "--no-test", "--format", "json"]));
    assert!(
        !text(&next).contains("put `## [Unreleased]`"),
        "{}",
        text(&next)
    );
}
