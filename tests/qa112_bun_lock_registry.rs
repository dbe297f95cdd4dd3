//! QA112: a package whose bun.lock takes its sibling a from the registry (`packages` entry
//! `"a": ["a@1.0.0", …]`, not `a@workspace:p/a`) had only its requirement moved when a was
//! released to a version not published yet: the tagged lock failed
//! `bun install --frozen-lockfile`. That release is now refused on one line with the way on,
//! as npm's lock is; a sibling the lock links from the workspace still moves.

use crate::support::registry_lock::{refused_lines, release_a_alone};
use crate::support::{Repo, ok, text};

const A: &str = "{\n  \"name\": \"a\",\n  \"version\": \"1.0.0\"\n}\n";
const B: &str = "{\n  \"name\": \"b\",\n  \"version\": \"1.0.0\",\n  \"dependencies\": {\n    \"a\": \"1.0.0\"\n  }\n}\n";

/// The lock bun writes in p/b for b alone, which takes a 1.0.0 from the registry.
const OWN_LOCK: &str = r#"{
  "lockfileVersion": 1,
  "workspaces": {
    "": {
      "name": "b",
      "dependencies": {
        "a": "1.0.0",
      },
    },
  },
  "packages": {
    "a": ["a@1.0.0", "", {}, "sha512-x"],
  }
}
"#;

/// The lock bun writes at the top of a workspace of p/a and p/b, a linked from it.
const WORKSPACE_LOCK: &str = r#"{
  "lockfileVersion": 1,
  "workspaces": {
    "": {
      "name": "mono",
    },
    "p/a": {
      "name": "a",
      "version": "1.0.0",
    },
    "p/b": {
      "name": "b",
      "version": "1.0.0",
      "dependencies": {
        "a": "1.0.0",
      },
    },
  },
  "packages": {
    "a": ["a@workspace:p/a"],

    "b": ["b@workspace:p/b"],
  }
}
"#;

/// a and b in p/ with `files` written too, committed, relhook installed, then a breaking
/// change of a.
fn repo_with(files: &[(&str, &str)]) -> Repo {
    let repo = crate::support::two_packages(A, B);
    for (path, contents) in files {
        repo.write(path, contents);
    }
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: lock"]);
    repo.write("p/a/i.js", "x\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat(a)!: new api");
    repo
}

#[test]
fn a_dependents_bun_lock_from_the_registry_is_refused_on_one_line() {
    let repo = repo_with(&[("p/b/bun.lock", OWN_LOCK)]);
    for dry in [true, false] {
        assert_eq!(
            refused_lines(&repo, "bun", dry),
            [
                "relhook: release refused: p/b/bun.lock takes a 1.0.0 from the registry (its `packages` entry `a`), which does not meet `2.0.0`, so the release cannot move the requirement on a of p/b/package.json there (`1.0.0` → `2.0.0`) before a 2.0.0 is published; set `[release] bump_dependents = false` to release a alone, then once it is published move p/b to it with `bun add --cwd p/b --exact a@2.0.0` and commit"
            ]
        );
    }
    // The way on: a released alone, b keeping the a it locks.
    release_a_alone(&repo);
    assert_eq!(repo.read("p/b/bun.lock"), OWN_LOCK);
    assert_eq!(repo.read("p/b/package.json"), B);
    assert!(repo.git(&["tag", "-l"]).contains("a-v2.0.0"));
}

#[test]
fn a_sibling_linked_from_the_workspace_still_moves() {
    let workspace =
        "{\n  \"name\": \"mono\",\n  \"private\": true,\n  \"workspaces\": [\"p/*\"]\n}\n";
    let repo = repo_with(&[("package.json", workspace), ("bun.lock", WORKSPACE_LOCK)]);
    let out = ok(repo.relhook(&["release", "--package", "a", "--no-test"]));
    let moved = WORKSPACE_LOCK
        .replacen("\"version\": \"1.0.0\"", "\"version\": \"2.0.0\"", 1)
        .replace("\"a\": \"1.0.0\"", "\"a\": \"2.0.0\"");
    assert_eq!(repo.read("bun.lock"), moved, "{}", text(&out));
    assert!(repo.read("p/b/package.json").contains("\"a\": \"2.0.0\""));
    assert!(repo.is_clean());
}
