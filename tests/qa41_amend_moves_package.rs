//! QA41: `git commit --amend` that moved a commit's change from package a's folder to package
//! b's took its entry out of a's changelog "because the commit's new message no longer calls
//! for it", though the message was the same: the files had moved. It now says so, naming the
//! package the entry went to.

use crate::support::{stderr, two_packages};

/// Package a's `fix: one thing` (the root's changelog too when `root_log`), amended to move
/// its file to `to`: what the amend said.
fn amended_to(to: &str, root_log: bool) -> (crate::support::Repo, String) {
    let repo = two_packages(
        r#"{"name":"a","version":"1.0.0"}"#,
        r#"{"name":"b","version":"1.0.0"}"#,
    );
    if root_log {
        repo.write("CHANGELOG.md", crate::support::SKELETON);
    }
    repo.write("p/a/x.js", "1\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "fix: one thing"]);
    assert!(repo.read("p/a/CHANGELOG.md").contains("- one thing"));
    repo.git(&["rm", "-q", "p/a/x.js"]);
    repo.write(to, "1\n");
    repo.git(&["add", "-A"]);
    let out = repo.git_output(&["commit", "-q", "--amend", "--no-edit"]);
    assert!(out.status.success());
    let said = stderr(&out);
    (repo, said)
}

#[test]
fn an_amend_that_moves_the_files_says_the_entry_went_with_them() {
    let (repo, said) = amended_to("p/b/x.js", false);
    assert!(
        said.contains(
            "p/a/CHANGELOG.md: removed `- one thing`: the commit's files are no longer package a's but package b's, whose changelog has its entry now"
        ),
        "{said}"
    );
    assert!(!said.contains("message"), "{said}");
    assert!(repo.read("p/b/CHANGELOG.md").contains("- one thing"));
    assert!(repo.is_clean());
}

#[test]
fn an_amend_that_moves_the_files_out_of_every_package_names_the_root_changelog() {
    let (repo, said) = amended_to("x.js", true);
    assert!(
        said.contains(
            "removed `- one thing`: the commit's files are no longer package a's but the repository's, whose changelog CHANGELOG.md has its entry now"
        ),
        "{said}"
    );
    assert!(repo.read("CHANGELOG.md").contains("- one thing"));
}

/// A scope that names a package (`scopes`) moves the entry when the message changes it: that
/// is still said as the message's doing.
#[test]
fn an_amend_that_changes_a_package_scope_is_still_the_message_s_doing() {
    let repo = two_packages(
        r#"{"name":"a","version":"1.0.0"}"#,
        r#"{"name":"b","version":"1.0.0"}"#,
    );
    let config = repo.read(".relconfig.toml");
    repo.write(
        ".relconfig.toml",
        config.replace("path = \"p/b\"\n", "path = \"p/b\"\nscopes = [\"bee\"]\n"),
    );
    repo.git(&["commit", "-q", "--no-verify", "-am", "chore: scopes"]);
    repo.write("p/a/x.js", "1\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "fix(bee): one thing"]);
    let out = repo.git_output(&["commit", "-q", "--amend", "-m", "fix: one thing"]);
    assert!(out.status.success());
    let said = stderr(&out);
    assert!(
        said.contains("p/b/CHANGELOG.md: removed `- **bee:** one thing`: the commit's new message no longer calls for it"),
        "{said}"
    );
}
