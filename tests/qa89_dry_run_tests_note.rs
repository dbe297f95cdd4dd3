//! QA89: why a release runs no tests was told unevenly by `relhook release --dry-run`: the text
//! said `tests: none (… not set, or --no-test)` without saying which, or the test command the
//! project shows, and `--format json` said only `"tests": null` (a test command that could not
//! start reached stderr alone). Both formats now say why, with the same words: the text on its
//! `tests:` line, the JSON in `tests_note`.

use crate::support::{Repo, configured_with_a_feature, ok, stderr, stdout, text};

fn json(repo: &Repo, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["release", "--dry-run", "--format", "json"];
    all.extend(args);
    let out = ok(repo.relhook(&all));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", text(&out)))
}

fn tests_line(repo: &Repo, args: &[&str]) -> String {
    let mut all = vec!["release", "--dry-run"];
    all.extend(args);
    let out = stdout(&ok(repo.relhook(&all)));
    let line = out.lines().find_map(|l| l.strip_prefix("tests: "));
    line.unwrap_or_else(|| panic!("{out}")).to_owned()
}

#[test]
fn no_test_command_set_is_said_alike_in_text_and_json() {
    let repo = configured_with_a_feature(|_| "[checks]\nrequire_tested_tags = false\n".into());
    let why = "`[checks] test` is not set in .relconfig.toml, and no test command is evident";
    assert_eq!(tests_line(&repo, &[]), format!("none ({why})"));
    let doc = json(&repo, &[]);
    assert_eq!(doc["tests"], serde_json::Value::Null, "{doc}");
    assert_eq!(doc["tests_note"], why, "{doc}");
    // With a manifest that shows one, both name it, as the release's own note does.
    repo.write(
        "package.json",
        "{\"name\": \"a\", \"version\": \"0.0.0\", \"scripts\": {\"test\": \"node t.js\"}}\n",
    );
    repo.git(&["add", "package.json"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: manifest"]);
    let line = tests_line(&repo, &[]);
    assert!(line.contains("evident from package.json"), "{line}");
    assert_eq!(
        json(&repo, &[])["tests_note"],
        line[6..line.len() - 1],
        "{line}"
    );
}

#[test]
fn no_test_flag_is_said_alike_in_text_and_json() {
    let repo = configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".into());
    assert_eq!(tests_line(&repo, &["--no-test"]), "none (--no-test)");
    assert_eq!(json(&repo, &["--no-test"])["tests_note"], "--no-test");
    assert_eq!(tests_line(&repo, &[]), "true on the release commit");
    let doc = json(&repo, &[]);
    assert_eq!(doc["tests_note"], serde_json::Value::Null, "{doc}");
}

#[test]
fn a_test_command_that_cannot_start_is_in_the_json_document_too() {
    let repo = configured_with_a_feature(|_| "[checks]\ntest = [\"no-such-prog-qa89\"]\n".into());
    let text_run = ok(repo.relhook(&["release", "--dry-run"]));
    let note = stderr(&text_run);
    let note = (note.lines())
        .find_map(|l| l.strip_prefix("relhook: note: "))
        .unwrap_or_else(|| panic!("{note}"));
    assert!(note.starts_with("the release would refuse: "), "{note}");
    let doc = json(&repo, &[]);
    assert_eq!(doc["tests_note"], note, "{doc}");
}
