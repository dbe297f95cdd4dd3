//! QA106: npm's lock was read at the top of the repository and beside the package only. An npm
//! workspace whose top is a folder below (`js/package.json` with `"workspaces": ["p/*"]` and
//! `js/package-lock.json` listing `p/a`) was released with its lock saying the old versions
//! and requirements, with no word. The lock of a package's workspace (the nearest folder above
//! whose package.json's workspaces cover it, as npm finds it) now moves as the top's does, as
//! `npm install --package-lock-only --prefix js` writes it; one relhook cannot read is refused.

use crate::support::{Repo, ok, text};

/// The lock `npm install --package-lock-only` (npm 11) writes in js/.
const LOCK: &str = crate::qa34_npm_lock::LOCK;

const WORKSPACE_JSON: &str =
    "{\n  \"name\": \"root\",\n  \"private\": true,\n  \"workspaces\": [\"p/*\"]\n}\n";

/// The workspace in js/ with `lock` as its lock, a and b released at 1.0.0, then a breaking
/// change of a.
fn repo_with(lock: &str) -> Repo {
    let repo = Repo::new();
    repo.write("js/package.json", WORKSPACE_JSON);
    repo.write("js/package-lock.json", lock);
    repo.write(
        "js/p/a/package.json",
        "{\n  \"name\": \"a\",\n  \"version\": \"1.0.0\"\n}\n",
    );
    repo.write(
        "js/p/b/package.json",
        "{\n  \"name\": \"b\",\n  \"version\": \"1.0.0\",\n  \"dependencies\": {\n    \"a\": \"^1.0.0\"\n  }\n}\n",
    );
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[packages.a]\npath = \"js/p/a\"\n[packages.b]\npath = \"js/p/b\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "a-v1.0.0", "-m", "a-v1.0.0"]);
    repo.git(&["tag", "-a", "b-v1.0.0", "-m", "b-v1.0.0"]);
    ok(repo.relhook(&["install"]));
    repo.write("js/p/a/i.js", "x\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat(a)!: new api");
    repo
}

#[test]
fn a_workspace_below_the_top_has_its_npm_lock_moved() {
    let repo = repo_with(LOCK);
    let out = ok(repo.relhook(&["release", "--package", "a", "--no-test"]));
    // What npm 11 writes once a is at 2.0.0 and b (a dependent, patched) at 1.0.1 requires ^2.0.0.
    let moved = LOCK
        .replacen(
            "\"p/a\": {\n      \"version\": \"1.0.0\"",
            "\"p/a\": {\n      \"version\": \"2.0.0\"",
            1,
        )
        .replacen(
            "\"p/b\": {\n      \"version\": \"1.0.0\"",
            "\"p/b\": {\n      \"version\": \"1.0.1\"",
            1,
        )
        .replacen("\"a\": \"^1.0.0\"", "\"a\": \"^2.0.0\"", 1);
    assert_eq!(repo.read("js/package-lock.json"), moved, "{}", text(&out));
    assert!(
        repo.read("js/p/b/package.json")
            .contains("\"version\": \"1.0.1\"")
    );
    let committed = repo.git(&["show", "--name-only", "--format=", "HEAD"]);
    assert!(committed.contains("js/package-lock.json"), "{committed}");
    assert!(repo.is_clean());
}

#[test]
fn a_workspace_lock_below_the_top_out_of_step_is_refused_with_its_folder() {
    let stale = LOCK.replacen(
        "\"p/a\": {\n      \"version\": \"1.0.0\"",
        "\"p/a\": {\n      \"version\": \"0.9.0\"",
        1,
    );
    let repo = repo_with(&stale);
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = repo.relhook(&["release", "--package", "a", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let lines: Vec<String> = text(&out)
        .lines()
        .filter(|l| l.contains("package-lock"))
        .map(str::to_owned)
        .collect();
    assert_eq!(
        lines,
        [
            "relhook: release refused: js/package-lock.json says p/a is at 0.9.0, not 1.0.0, so the release cannot move the version of js/p/a/package.json there (1.0.0 → 2.0.0); refresh it with `npm install --package-lock-only --prefix js`, commit js/package-lock.json, and release again"
        ],
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert!(!repo.git(&["tag", "-l"]).contains("a-v2.0.0"));
    assert!(repo.is_clean());
}
