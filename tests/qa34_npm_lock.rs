//! QA34: a package's release in an npm workspace left the root package-lock.json saying the
//! old version (`packages["p/a"].version`) and the dependents' old requirements, which
//! `npm install` then rewrote: a lock out of step with the package.json files it locks.

use crate::support::{text, two_packages};

pub(crate) const LOCK: &str = r#"{
  "name": "root",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "": {
      "name": "root",
      "workspaces": [
        "p/*"
      ]
    },
    "node_modules/a": {
      "resolved": "p/a",
      "link": true
    },
    "node_modules/b": {
      "resolved": "p/b",
      "link": true
    },
    "p/a": {
      "version": "1.0.0"
    },
    "p/b": {
      "version": "1.0.0",
      "dependencies": {
        "a": "^1.0.0"
      }
    }
  }
}
"#;

#[test]
fn a_package_release_moves_its_version_and_requirements_in_the_root_lock() {
    let repo = two_packages(
        "{\n  \"name\": \"a\",\n  \"version\": \"1.0.0\"\n}\n",
        "{\n  \"name\": \"b\",\n  \"version\": \"1.0.0\",\n  \"dependencies\": {\n    \"a\": \"^1.0.0\"\n  }\n}\n",
    );
    repo.write("package-lock.json", LOCK);
    root_then_a_released(
        &repo,
        "{\"name\": \"root\", \"private\": true, \"workspaces\": [\"p/*\"]}\n",
    );
    let lock = repo.read("package-lock.json");
    assert!(lock.contains("\"a\": \"^2.0.0\""), "{lock}");
    // b follows as a dependent, at its own next version, in the lock as in its package.json.
    let b = repo.read("p/b/package.json");
    let b_version = b
        .split("\"version\": \"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    assert!(
        lock.contains(&format!("\"p/b\": {{\n      \"version\": \"{b_version}\"")),
        "{b_version}: {lock}"
    );
    // Only those bytes: the rest of the lock is as it was.
    assert_eq!(lock.len(), LOCK.len() + b_version.len() - 5, "{lock}");
    assert!(repo.git(&["status", "--porcelain"]).is_empty());
    assert!(
        repo.git(&["show", "--stat", "HEAD"])
            .contains("package-lock.json")
    );
}

/// Commits the workspace root's `package_json` (and whatever else is written), then a breaking
/// change of package a, and releases a alone.
pub(crate) fn root_then_a_released(repo: &crate::support::Repo, package_json: &str) {
    repo.write("package.json", package_json);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: workspace root"]);
    repo.write("p/a/i.js", "x\n");
    repo.git(&["add", "-A"]);
    let out = repo.commit_with_hooks("feat(a)!: new api");
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.relhook(&["release", "--package", "a", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}
