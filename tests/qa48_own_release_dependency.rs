//! QA48: relhook knew its own release commit by version numbers alone changing in the version
//! files, so a user's hand-written release commit that also bumped a dependency (`"left-pad":
//! "^1.0.0"` → `"^1.3.0"`) counted as relhook's: a failed test on its tag advised `git tag -d
//! v0.2.0 && git reset --keep HEAD~1`, which, pasted, dropped the bump. Only lines moved to the
//! release's version are relhook's; the user's commit now stays.

use crate::qa48_hand_release_content::advice;
use crate::support::{Repo, hand_tag, ok};

const CONFIG: &str = "[checks]\ntest = [\"false\"]\nrun_tests_on_push = true\n";

const PACKAGE: &str = "{\n  \"name\": \"demo\",\n  \"version\": \"0.1.0\",\n  \"dependencies\": {\n    \"left-pad\": \"^1.0.0\"\n  }\n}\n";

const LOCK: &str = r#"{
  "name": "demo",
  "version": "0.1.0",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "": {
      "name": "demo",
      "version": "0.1.0",
      "dependencies": {
        "left-pad": "^1.0.0"
      }
    },
    "node_modules/left-pad": {
      "version": "1.0.0"
    }
  }
}
"#;

/// relhook's hooks with tests that fail, package.json (and `files`) pushed at 0.1.0, and
/// `feat: add a` committed.
fn project(files: &[(&str, &str)]) -> Repo {
    let repo = Repo::new();
    repo.with_origin();
    repo.write(".relconfig.toml", CONFIG);
    repo.write("package.json", PACKAGE);
    for (path, text) in files {
        repo.write(path, text);
    }
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo.git(&["push", "-q", "-u", "origin", "main"]);
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    repo.commit_hooked("feat: add a");
    repo
}

#[test]
fn a_hand_release_that_bumps_a_dependency_stays() {
    let repo = project(&[]);
    let log = repo.read("CHANGELOG.md").replace(
        "## [Unreleased]\n",
        "## [Unreleased]\n\n## [0.2.0] - 2026-01-01\n",
    );
    repo.write("CHANGELOG.md", log);
    let package = PACKAGE
        .replace("\"0.1.0\"", "\"0.2.0\"")
        .replace("^1.0.0", "^1.3.0");
    repo.write("package.json", &package);
    repo.git(&["commit", "-q", "-am", "chore(release): 0.2.0"]);
    let ours = repo.git(&["rev-parse", "HEAD"]);
    ok(hand_tag(&repo, &["-a", "v0.2.0", "-m", "release 0.2.0"]));

    let undo = advice(&repo);
    assert_eq!(undo, "git tag -d v0.2.0");
    ok(repo.sh(&undo));
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), ours);
    assert!(
        repo.read("package.json")
            .contains("\"left-pad\": \"^1.3.0\"")
    );
}

#[test]
fn relhooks_release_with_a_lock_is_still_undone() {
    let repo = project(&[("package-lock.json", LOCK)]);
    let before = repo.git(&["rev-parse", "HEAD"]);
    ok(repo.relhook(&["release", "0.2.0", "--no-test"]));
    assert!(
        repo.read("package-lock.json").contains("\"0.2.0\""),
        "the lock moved"
    );

    let undo = advice(&repo);
    assert_eq!(undo, "git tag -d v0.2.0 && git reset --keep HEAD~1");
    ok(repo.sh(&undo));
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), before);
    assert_eq!(repo.read("package.json"), PACKAGE);
    assert_eq!(repo.read("package-lock.json"), LOCK);
}
