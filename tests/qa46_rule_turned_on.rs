//! QA46: a commit made through the commit-msg hook while `package-scope` was off, refused by
//! pre-push once the rule was turned on, was said to have "never met the commit-msg hook
//! (`--no-verify`, or made elsewhere)". It passes the .relconfig.toml committed with it: the
//! refusal names the rule that was not in force then, with the same fix.

use crate::support::{Repo, ok, stderr, text};

/// An npm workspace of `a` and `b` set up by `relhook init` (`package-scope` off), committed
/// through the hooks as a change of both packages without a scope.
fn adopted() -> Repo {
    let repo = Repo::new();
    repo.with_origin();
    repo.write(
        "package.json",
        "{ \"name\": \"root\", \"private\": true, \"workspaces\": [\"packages/*\"] }\n",
    );
    repo.write(
        "packages/a/package.json",
        "{ \"name\": \"a\", \"version\": \"1.0.0\" }\n",
    );
    repo.write(
        "packages/b/package.json",
        "{ \"name\": \"b\", \"version\": \"1.0.0\" }\n",
    );
    ok(repo.relhook(&["init"]));
    ok(repo.relhook(&["install"]));
    repo.git(&["add", "-A"]);
    ok(repo.git_output(&["commit", "-q", "-m", "chore: adopt relhook"]));
    repo
}

/// Turns `package-scope` on, committed through the hooks.
fn turn_on(repo: &Repo) {
    let config = repo.read(".relconfig.toml");
    assert!(config.contains("package-scope = \"off\""), "{config}");
    repo.write(
        ".relconfig.toml",
        config.replace("package-scope = \"off\"", "package-scope = \"error\""),
    );
    ok(repo.git_output(&["commit", "-q", "-am", "chore(a): turn on package-scope"]));
}

#[test]
fn a_commit_judged_by_a_rule_turned_on_since_is_said_to_be_so() {
    let repo = adopted();
    let first = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    turn_on(&repo);
    let out = repo.git_output(&["push", "origin", "main"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("mark {first} `reword`"))
            && err.contains(
                "it fails a rule not in force when it was made (`package-scope` was off in the .relconfig.toml it was committed with), so the commit-msg hook let it through"
            ),
        "{err}"
    );
    assert!(!err.contains("never met the commit-msg hook"), "{err}");
}

#[test]
fn a_commit_that_skipped_the_hook_under_the_rule_is_still_said_to_have() {
    let repo = adopted();
    turn_on(&repo);
    repo.write("packages/a/x.js", "x\n");
    repo.write("packages/b/x.js", "x\n");
    repo.git(&["add", "-A"]);
    ok(repo.git_output(&["commit", "-q", "--no-verify", "-m", "feat: both"]));
    let out = repo.git_output(&["push", "origin", "main"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let both = err
        .split("✗ ")
        .find(|r| r.contains("feat: both"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(
        both.contains("it never met the commit-msg hook (`--no-verify`, or made elsewhere)"),
        "{err}"
    );
}
