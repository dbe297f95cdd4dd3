//! QA51: a committed CR-only CHANGELOG.md was advised at post-commit to convert the work-tree
//! file; pasted, the next commit gave the same warning (post-commit reads the committed
//! copy), and neither said the commit got no entry or how to add the missing ones. The advice
//! now ends in committing the converted file, then `relhook changelog --sync`; a work tree
//! converted but not committed is told just that.

use crate::support::{Repo, ok, stderr};

const CR_ONLY: &str = "# Changelog\r\r## [Unreleased]\r\r### Fixed\r\r- old\r";

/// The one command between backticks after `after` in `said`.
fn command<'a>(said: &'a str, after: &str) -> &'a str {
    said.split(after)
        .nth(1)
        .and_then(|s| s.split('`').next())
        .unwrap_or_else(|| panic!("no command after {after:?} in:\n{said}"))
}

#[test]
fn the_advice_commits_the_conversion_and_syncs_the_missing_entries() {
    let repo = Repo::new();
    repo.hooks(&["commit-msg", "post-commit"]);
    repo.write("CHANGELOG.md", CR_ONLY);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);

    let said = stderr(&repo.try_commit("fix: one"));
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(
        said.starts_with("relhook: warning: no entry added for this commit: CHANGELOG.md uses CR-only line endings (old Mac): relhook reads LF or CRLF; convert it and commit it: `perl -pi -e"),
        "{said}"
    );
    let fix = command(&said, "convert it and commit it: `");
    assert!(
        fix.ends_with(
            " && git commit -m \"docs: convert CHANGELOG.md to LF line endings\" --trailer Relhook=bookkeeping -- :/CHANGELOG.md"
        ),
        "{fix}"
    );
    assert!(
        said.ends_with(", then `relhook changelog --sync` adds the missing entries\n"),
        "{said}"
    );

    // Only converted in the work tree (the old advice): said so, with the commit alone.
    ok(repo.sh("perl -pi -e 's/\\r(?!\\n)/\\n/g' CHANGELOG.md"));
    let said = stderr(&repo.try_commit("fix: two"));
    assert_eq!(
        said.trim_end(),
        "relhook: warning: no entry added for this commit: CHANGELOG.md is converted to LF line endings in the work tree but not committed, and post-commit reads the committed copy; `git commit -m \"docs: convert CHANGELOG.md to LF line endings\" --trailer Relhook=bookkeeping -- :/CHANGELOG.md`, then `relhook changelog --sync` adds the missing entries"
    );
    repo.git(&["checkout", "--", "CHANGELOG.md"]);
    assert_eq!(repo.read("CHANGELOG.md"), CR_ONLY);

    // The full advice, pasted from a folder below the top, then the sync: both entries in,
    // and the next commit takes its own.
    std::fs::create_dir_all(repo.path().join("sub")).unwrap();
    ok(repo.sh(&format!("cd sub && {fix}")));
    assert_eq!(
        repo.head_subject(),
        "docs: convert CHANGELOG.md to LF line endings"
    );
    assert!(repo.is_clean());
    ok(repo.relhook(&["changelog", "--sync"]));
    let text = repo.read("CHANGELOG.md");
    assert!(text.contains("- old\n- one\n- two\n"), "{text}");
    repo.git(&["commit", "-q", "-am", "docs(changelog): sync with history"]);
    let out = repo.try_commit("fix: three");
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
    assert!(repo.read("CHANGELOG.md").contains("- three"));
}
