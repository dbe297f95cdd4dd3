//! QA76: `relhook release --dry-run` (and `--package a --dry-run`) refused with "the test
//! command `pnpm test` was not found" although a dry run runs no tests. It now shows the plan
//! and notes in one line that the release itself would refuse, which it still does.

use crate::support::{Repo, stderr, text, two_packages};

const MISSING: &str = "relhook-qa76-no-such-tester";

/// `relhook args` shows the plan, with one note naming the missing program; the release
/// without `--dry-run` still refuses it, before any commit.
fn dry_run_notes_and_release_refuses(repo: &Repo, args: &[&str]) {
    let head = repo.git(&["rev-parse", "HEAD"]);
    let dry: Vec<&str> = args.iter().copied().chain(["--dry-run"]).collect();
    let out = repo.relhook(&dry);
    assert_eq!(out.status.code(), Some(0), "{dry:?}: {}", text(&out));
    let said = stderr(&out);
    let notes: Vec<&str> = said.lines().filter(|l| l.contains(MISSING)).collect();
    assert_eq!(notes.len(), 1, "{dry:?}: {said}");
    assert!(
        notes[0].starts_with("relhook: note: the release would refuse: the test command"),
        "{said}"
    );
    assert!(!String::from_utf8_lossy(&out.stdout).is_empty(), "the plan");
    let out = repo.relhook(args);
    assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out));
    assert!(stderr(&out).contains("was not found"), "{}", text(&out));
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head, "nothing released");
}

#[test]
fn a_dry_run_notes_a_missing_test_program_instead_of_refusing() {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        format!("[checks]\ntest = [\"{MISSING}\"]\n"),
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.commit_hooked("feat: a");
    dry_run_notes_and_release_refuses(&repo, &["release"]);
}

#[test]
fn a_package_dry_run_notes_its_missing_test_program_instead_of_refusing() {
    let repo = two_packages(
        r#"{"name":"a","version":"1.0.0"}"#,
        r#"{"name":"b","version":"1.0.0"}"#,
    );
    let config = std::fs::read_to_string(repo.path().join(".relconfig.toml")).unwrap();
    let config = config.replace(
        "path = \"p/a\"\n",
        &format!("path = \"p/a\"\ntest = [\"{MISSING}\", \"test\"]\n"),
    );
    repo.write(".relconfig.toml", &config);
    repo.git(&["commit", "-qam", "chore: test a"]);
    repo.write("p/a/index.js", "1\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat(a): one");
    dry_run_notes_and_release_refuses(&repo, &["release", "--package", "a"]);
    dry_run_notes_and_release_refuses(&repo, &["release", "--all"]);
}
