//! QA37: with `package-scope = "error"`, the commit `changelog --sync --all` names for the
//! package changelogs it wrote was refused by that very rule (it changes every package's
//! file, and its scope names none).

use crate::support::{Repo, ok, stderr, text};

/// Two packages, `a` (p/a) and `b` (p/b), under `package-scope = "error"`; relhook installed.
fn scoped() -> Repo {
    let repo = Repo::new();
    repo.write(
        "p/a/package.json",
        "{\"name\":\"a\",\"version\":\"1.0.0\"}\n",
    );
    repo.write(
        "p/b/package.json",
        "{\"name\":\"b\",\"version\":\"1.0.0\"}\n",
    );
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[commit.rules]\npackage-scope = \"error\"\n[packages.a]\npath = \"p/a\"\n[packages.b]\npath = \"p/b\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo
}

#[test]
fn the_sync_commit_of_several_package_changelogs_passes_the_scope_rule() {
    let repo = scoped();
    for (pkg, file) in [("a", "p/a/x.js"), ("b", "p/b/y.js")] {
        repo.write(file, "x\n");
        repo.git(&["add", file]);
        repo.git_env(
            &["commit", "-q", "-m", &format!("feat({pkg}): thing")],
            &[("RELHOOK_SKIP", "1")],
        );
    }
    let sync = ok(repo.relhook(&["changelog", "--sync", "--all"]));
    // One commit for both files, as it names it, passing the rule.
    let said = stderr(&sync);
    let next: Vec<&str> = said
        .lines()
        .filter_map(|l| l.strip_prefix("next: "))
        .map(|l| l.split("   ").next().unwrap_or(l))
        .collect();
    assert_eq!(next.len(), 1, "{}", text(&sync));
    let out = repo.sh(next[0]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("package-scope"), "{}", text(&out));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    // A change to both packages' code still needs its scope.
    repo.write("p/a/x.js", "y\n");
    repo.write("p/b/y.js", "y\n");
    repo.git(&["add", "-A"]);
    let out = repo.git_output(&["commit", "-q", "-m", "fix: both"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains("package-scope"), "{}", text(&out));
}

/// QA37: a `--no-verify` commit that fails only the package-scope rule got its entry without a
/// word, though pre-push refuses it; any other lint failure is told at once.
#[test]
fn a_commit_past_the_hook_that_fails_the_scope_rule_is_told() {
    let repo = scoped();
    repo.write("p/a/x.js", "x\n");
    repo.write("p/b/y.js", "y\n");
    repo.git(&["add", "-A"]);
    let out = ok(repo.git_output(&["commit", "-q", "--no-verify", "-m", "fix: both"]));
    assert!(
        stderr(&out).contains("fails the commit lint (package-scope:"),
        "{}",
        text(&out)
    );
}
