//! QA41: `relhook test --package a` with no test command anywhere said to set `[checks] test`,
//! the root's key, where a package's own command is `test` in its `[packages.a]` table. The
//! refusal now names the package's key, and the evident-command line too.

use crate::support::{stderr, text, two_packages};

#[test]
fn a_package_with_no_test_command_is_told_its_own_key() {
    let repo = two_packages(
        r#"{"name":"a","version":"1.0.0"}"#,
        r#"{"name":"b","version":"1.0.0"}"#,
    );
    let out = repo.relhook(&["test", "--package", "a"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let said = stderr(&out);
    assert!(said.contains("set `[packages.a] test = ["), "{said}");
    assert!(!said.contains("[checks] test"), "{said}");
    assert_eq!(said.lines().count(), 1, "{said}");

    // Without --package, the root's key as before.
    let out = repo.relhook(&["test"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains("set `[checks] test = ["),
        "{}",
        text(&out)
    );
}

#[test]
fn an_evident_command_names_the_package_s_key() {
    let repo = two_packages(
        r#"{"name":"a","version":"1.0.0"}"#,
        r#"{"name":"b","version":"1.0.0"}"#,
    );
    // A test script in the top package.json makes `npm test` the evident command.
    repo.write(
        "package.json",
        r#"{"name":"root","private":true,"scripts":{"test":"true"}}"#,
    );
    let out = repo.relhook(&["test", "--package", "a"]);
    let said = stderr(&out);
    assert!(
        said.contains("`[packages.a] test` is not set;"),
        "{}",
        text(&out)
    );
    assert!(
        said.contains("(set `[packages.a] test` in"),
        "{}",
        text(&out)
    );
}
