//! QA117: a package whose pnpm lock takes its sibling a from the registry (`version: 1.0.0`,
//! not `link:../a`) was refused on any move of its requirement, with advice to require it as
//! `workspace:` (which works only in a pnpm workspace) and run `pnpm install` in no folder.
//! It is now refused only where the locked version does not meet the new requirement, on one
//! line with the way on npm's and bun's locks give; one it still meets has its specifier moved.

use crate::support::registry_lock::{refused_lines, release_a_alone};
use crate::support::{Repo, ok, text};

const A: &str = "{\n  \"name\": \"a\",\n  \"version\": \"1.0.0\"\n}\n";

/// b requiring a as `requirement`.
fn b(requirement: &str) -> String {
    format!(
        "{{\n  \"name\": \"b\",\n  \"version\": \"1.0.0\",\n  \"dependencies\": {{\n    \"a\": \"{requirement}\"\n  }}\n}}\n"
    )
}

/// The lock pnpm 9 writes in p/b for b alone, taking a `version` from the registry as
/// `specifier`.
fn own_lock(specifier: &str, version: &str) -> String {
    format!(
        "lockfileVersion: '9.0'\n\nsettings:\n  autoInstallPeers: true\n  excludeLinksFromLockfile: false\n\nimporters:\n\n  .:\n    dependencies:\n      a:\n        specifier: {specifier}\n        version: {version}\n\npackages:\n\n  a@{version}:\n    resolution: {{integrity: sha512-x}}\n\nsnapshots:\n\n  a@{version}: {{}}\n"
    )
}

/// a and b (requiring a as `requirement`) in p/ with `files` written too, committed, a 1.0.0
/// released, relhook installed, then a change of a committed as `subject`.
fn repo_with(requirement: &str, files: &[(&str, &str)], subject: &str) -> Repo {
    let repo = crate::support::two_packages(A, &b(requirement));
    for (path, contents) in files {
        repo.write(path, contents);
    }
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: lock"]);
    repo.write("p/a/h.js", "x\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(a): first");
    ok(repo.relhook(&["release", "--package", "a", "--no-test"]));
    repo.write("p/a/i.js", "x\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked(subject);
    repo
}

/// The lines of a refused release (dry and not) that name pnpm, the repository untouched.
fn refused(repo: &Repo) -> Vec<String> {
    refused_lines(repo, "pnpm", true);
    refused_lines(repo, "pnpm", false)
}

#[test]
fn a_dependents_own_pnpm_lock_from_the_registry_is_refused_on_one_line() {
    let lock = own_lock("1.0.0", "1.0.0");
    let repo = repo_with(
        "1.0.0",
        &[("p/b/pnpm-lock.yaml", &lock)],
        "feat(a)!: new api",
    );
    assert_eq!(
        refused(&repo),
        [
            "relhook: release refused: p/b/pnpm-lock.yaml resolves a as `1.0.0`, which does not meet `2.0.0`, so the release cannot move the requirement on a of p/b/package.json there (`1.0.0` → `2.0.0`) before a 2.0.0 is published; set `[release] bump_dependents = false` to release a alone, then once it is published move p/b to it with `pnpm add --dir p/b --save-exact a@2.0.0` and commit"
        ]
    );
    // The way on: a released alone, b keeping the a it locks.
    release_a_alone(&repo);
    assert_eq!(repo.read("p/b/pnpm-lock.yaml"), lock);
    assert_eq!(repo.read("p/b/package.json"), b("1.0.0"));
    assert!(repo.git(&["tag", "-l"]).contains("a-v2.0.0"));
}

#[test]
fn a_range_is_quoted_as_the_new_one() {
    let lock = own_lock("~1.0.0", "1.0.0");
    let repo = repo_with("~1.0.0", &[("p/b/pnpm-lock.yaml", &lock)], "feat(a): more");
    let lines = refused(&repo);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].ends_with("move p/b to it with `pnpm add --dir p/b 'a@~1.1.0'` and commit"),
        "{lines:?}"
    );
}

#[test]
fn a_locked_version_the_new_requirement_still_meets_keeps_it() {
    let lock = own_lock("~1.0.0", "1.1.0");
    let repo = repo_with("~1.0.0", &[("p/b/pnpm-lock.yaml", &lock)], "feat(a): more");
    let out = ok(repo.relhook(&["release", "--package", "a", "--no-test"]));
    // pnpm moves the specifier and keeps the copy it holds.
    let moved = lock.replace("specifier: ~1.0.0", "specifier: ~1.1.0");
    assert_eq!(repo.read("p/b/pnpm-lock.yaml"), moved, "{}", text(&out));
    assert_eq!(repo.read("p/b/package.json"), b("~1.1.0"));
    assert!(repo.is_clean());
}

#[test]
fn in_a_pnpm_workspace_linking_the_sibling_is_offered_too() {
    let lock = "lockfileVersion: '9.0'\n\nimporters:\n\n  .: {}\n\n  p/a: {}\n\n  p/b:\n    dependencies:\n      a:\n        specifier: 1.0.0\n        version: 1.0.0\n\npackages:\n\n  a@1.0.0:\n    resolution: {integrity: sha512-x}\n";
    let repo = repo_with(
        "1.0.0",
        &[
            ("pnpm-workspace.yaml", "packages:\n  - \"p/*\"\n"),
            (
                "package.json",
                "{\n  \"name\": \"mono\",\n  \"private\": true\n}\n",
            ),
            ("pnpm-lock.yaml", lock),
        ],
        "feat(a)!: new api",
    );
    assert_eq!(
        refused(&repo),
        [
            "relhook: release refused: pnpm-lock.yaml resolves a as `1.0.0`, which does not meet `2.0.0`, so the release cannot move the requirement on a of p/b/package.json there (`1.0.0` → `2.0.0`) before a 2.0.0 is published; require it as `workspace:1.0.0` in p/b/package.json, refresh the lock with `pnpm install` and commit both, or set `[release] bump_dependents = false` to release a alone, then once it is published move p/b to it with `pnpm add --dir p/b --save-exact a@2.0.0` and commit"
        ]
    );
}
