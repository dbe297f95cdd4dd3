//! A lerna fixed-mode workspace with many packages (commitlint's: 21 files at the version)
//! beside a private root package.json at another version: the note on the root package.json,
//! said on every release, named every file that holds the version twice, once in the note
//! and once in the `files` line that stops it. Now stderr names each file at most once and
//! cuts a long list to its first few names and "and N more"; the JSON report keeps them all.

use crate::support::{Repo, dated_release, hand_tag, ok, stderr, stdout, text};

const PACKAGES: usize = 12;

fn manifest(i: usize) -> String {
    format!("packages/p{i:02}/package.json")
}

/// The workspace at 2.0.0 (tagged), relhook installed, then `fix(p01): repair`.
pub(crate) fn workspace() -> Repo {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\n  \"name\": \"root\",\n  \"version\": \"1.0.0\",\n  \"private\": true,\n  \"workspaces\": [\"packages/*\"]\n}\n",
    );
    repo.write(
        "lerna.json",
        "{\n  \"version\": \"2.0.0\",\n  \"packages\": [\"packages/*\"]\n}\n",
    );
    for i in 1..=PACKAGES {
        let text = format!("{{\n  \"name\": \"@s/p{i:02}\",\n  \"version\": \"2.0.0\"\n}}\n");
        repo.write(&manifest(i), text);
    }
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.git_skipping_relhook(&["tag", "-a", "v2.0.0", "-m", "v2.0.0"]));
    ok(repo.relhook(&["install"]));
    repo.write("packages/p01/index.js", "x\n");
    repo.git(&["add", "."]);
    repo.commit_hooked("fix(p01): repair");
    repo
}

/// The note on stderr: package.json named, each package at most once, the rest counted.
fn short_note(err: &str) {
    let note = err
        .lines()
        .find(|l| l.contains("package.json says 1.0.0"))
        .unwrap_or_else(|| panic!("no note on the root package.json: {err}"));
    assert!(
        note.contains("(lerna.json, packages/p01/package.json, packages/p02/package.json and 10 more hold the version)"),
        "{note}"
    );
    for i in 1..=PACKAGES {
        assert!(note.matches(&manifest(i)).count() <= 1, "{note}");
    }
    assert_eq!(note.matches("lerna.json").count(), 1, "{note}");
    assert!(note.contains("`[version] files`"), "{note}");
}

#[test]
fn a_long_list_of_files_that_hold_the_version_is_named_once_and_cut_short() {
    let repo = workspace();
    let dry = dated_release(&repo, &["--dry-run"]);
    assert!(dry.status.success(), "{}", text(&dry));
    short_note(&stderr(&dry));
    // The JSON report names every file, once.
    let json = dated_release(&repo, &["--dry-run", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&json)).expect("JSON");
    assert_eq!(report["left_alone"][0]["path"], "package.json", "{report}");
    let note = report["left_alone"][0]["note"].as_str().unwrap_or_default();
    for i in 1..=PACKAGES {
        assert_eq!(note.matches(&manifest(i)).count(), 1, "{note}");
    }
    assert!(!note.contains("more hold"), "{note}");
    // The release says the same, and leaves the root package.json as it is.
    let out = dated_release(&repo, &[]);
    assert!(out.status.success(), "{}", text(&out));
    short_note(&stderr(&out));
    assert!(repo.read("package.json").contains("\"version\": \"1.0.0\""));
    assert!(
        repo.read(&manifest(PACKAGES))
            .contains("\"version\": \"2.0.1\"")
    );
    // So does a hand tag.
    repo.write("packages/p02/index.js", "y\n");
    repo.git(&["add", "."]);
    repo.commit_hooked("fix(p02): repair");
    let out = hand_tag(&repo, &["-a", "v2.0.2", "-m", "v2.0.2"]);
    assert!(out.status.success(), "{}", text(&out));
    short_note(&stderr(&out));
}
