//! QA42: on vue's repository `relhook install` said nothing of simple-git-hooks, which
//! package.json sets up and a `postinstall` runs: each run writes the commit-msg hook it names
//! over relhook's and deletes the hooks it does not name. install now says so, with the fix.

use crate::support::{Repo, stderr, text};

fn installed_with(package_json: &str) -> String {
    let repo = Repo::new();
    repo.write("package.json", package_json);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    stderr(&out)
}

#[test]
fn simple_git_hooks_in_package_json_is_said_with_its_fix() {
    let said = installed_with(
        "{\n  \"name\": \"x\",\n  \"simple-git-hooks\": {\n    \"pre-commit\": \"pnpm lint-staged\",\n    \"commit-msg\": \"node scripts/verify-commit.js\"\n  }\n}\n",
    );
    assert!(
        said.contains("relhook: warning: package.json sets up simple-git-hooks")
            && said.contains("writes its commit-msg over relhook's")
            && said.contains("deletes relhook's post-commit, pre-push, reference-transaction")
            && said.contains("`<its command> && relhook hook commit-msg $1`")
            && said.contains("`\"preserveUnused\": true`"),
        "{said}"
    );
    // Set up as the warning says: nothing to say.
    let said = installed_with(
        "{\n  \"name\": \"x\",\n  \"simple-git-hooks\": {\n    \"commit-msg\": \"node v.js && relhook hook commit-msg $1\",\n    \"preserveUnused\": true\n  }\n}\n",
    );
    assert!(!said.contains("simple-git-hooks"), "{said}");
    let said = installed_with("{\n  \"name\": \"x\"\n}\n");
    assert!(!said.contains("simple-git-hooks"), "{said}");
}
