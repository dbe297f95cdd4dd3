//! QA106: a package with an npm lock of its own (p/b/package-lock.json, b in no workspace)
//! that records its sibling a kept a's old version when a was released: the lock relhook
//! moved was the top's only. A sibling linked with `file:` (`packages["../a"]`) now moves
//! as `npm install --package-lock-only --prefix p/b` writes it; one b takes from the registry
//! cannot follow a requirement the release moves to a version not published yet, so the
//! release is refused on one line with the way on, instead of tagging a lock `npm ci` rejects.

use crate::support::registry_lock::{refused_lines, release_a_alone};
use crate::support::{Repo, ok, text, two_packages};

const A: &str = "{\n  \"name\": \"a\",\n  \"version\": \"1.0.0\"\n}\n";

/// The lock `npm install --package-lock-only` (npm 11) writes in p/b for b linking a.
const LINKED_LOCK: &str = r#"{
  "name": "b",
  "version": "1.0.0",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "": {
      "name": "b",
      "version": "1.0.0",
      "dependencies": {
        "a": "file:../a"
      }
    },
    "../a": {
      "version": "1.0.0"
    },
    "node_modules/a": {
      "resolved": "../a",
      "link": true
    }
  }
}
"#;

/// The lock npm writes in p/b for b requiring a 1.0.0 from the registry.
const REGISTRY_LOCK: &str = r#"{
  "name": "b",
  "version": "1.0.0",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "": {
      "name": "b",
      "version": "1.0.0",
      "dependencies": {
        "a": "1.0.0"
      }
    },
    "node_modules/a": {
      "version": "1.0.0",
      "resolved": "https://registry.npmjs.org/a/-/a-1.0.0.tgz",
      "integrity": "sha512-AAAA"
    }
  }
}
"#;

/// a and b in p/, b requiring a as `requirement` with `lock` as its own lock, then a breaking
/// change of a.
fn repo_with(requirement: &str, lock: &str) -> Repo {
    let b = format!(
        "{{\n  \"name\": \"b\",\n  \"version\": \"1.0.0\",\n  \"dependencies\": {{\n    \"a\": \"{requirement}\"\n  }}\n}}\n"
    );
    let repo = two_packages(A, &b);
    repo.write("p/b/package-lock.json", lock);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: lock"]);
    repo.write("p/a/i.js", "x\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat(a)!: new api");
    repo
}

#[test]
fn a_dependents_own_lock_has_its_linked_sibling_moved() {
    let repo = repo_with("file:../a", LINKED_LOCK);
    let out = ok(repo.relhook(&["release", "--package", "a", "--no-test"]));
    let moved = LINKED_LOCK.replacen(
        "\"../a\": {\n      \"version\": \"1.0.0\"",
        "\"../a\": {\n      \"version\": \"2.0.0\"",
        1,
    );
    assert_eq!(repo.read("p/b/package-lock.json"), moved, "{}", text(&out));
    let committed = repo.git(&["show", "--name-only", "--format=", "HEAD"]);
    assert!(committed.contains("p/b/package-lock.json"), "{committed}");
    assert!(repo.is_clean());
}

#[test]
fn a_dependents_own_lock_from_the_registry_is_refused_on_one_line() {
    let repo = repo_with("1.0.0", REGISTRY_LOCK);
    assert_eq!(
        refused_lines(&repo, "package-lock", false),
        [
            "relhook: release refused: p/b/package-lock.json takes a 1.0.0 from the registry (`node_modules/a`), which does not meet `2.0.0`, so the release cannot move the requirement on a of p/b/package.json there (`1.0.0` → `2.0.0`) before a 2.0.0 is published; set `[release] bump_dependents = false` to release a alone, then once it is published move p/b to it with `npm install --prefix p/b --save-exact a@2.0.0` and commit"
        ]
    );
    // The way on: a released alone, b keeping the a it locks.
    release_a_alone(&repo);
    assert_eq!(repo.read("p/b/package-lock.json"), REGISTRY_LOCK);
    assert!(repo.read("p/b/package.json").contains("\"a\": \"1.0.0\""));
}
