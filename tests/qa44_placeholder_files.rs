//! QA44: a `0.0.0-dev` placeholder in package.json and package-lock.json (semantic-release's
//! own `0.0.0-development` is left alone beside tags since QA137). The
//! release refusal named package.json alone with its own `files = [...]` line; pasted, the
//! next refusal named package-lock.json with a line of its own, which replaced the first (and
//! package.json was refused again) or, added, made a second `files` key (a TOML error). Every
//! such file is named in one refusal now, with one line listing them all; when `[version]
//! files` exists, the line replaces it with the files it lists and the new ones. Doctor says
//! the same.

use crate::support::{Repo, ok, stderr, stdout, text};

const PACKAGE: &str = "{\n  \"name\": \"x\",\n  \"version\": \"0.0.0-dev\"\n}\n";
const LOCK: &str = "{\n  \"name\": \"x\",\n  \"version\": \"0.0.0-dev\",\n  \"lockfileVersion\": 3,\n  \"requires\": true,\n  \"packages\": {\n    \"\": {\n      \"name\": \"x\",\n      \"version\": \"0.0.0-dev\"\n    }\n  }\n}\n";

/// Both files at the placeholder, release tag v1.0.0, relhook installed, a fix to release;
/// `config`: a `.relconfig.toml` committed first, if any.
fn placeholders(config: Option<&str>) -> Repo {
    let repo = Repo::new();
    repo.write("package.json", PACKAGE);
    repo.write("package-lock.json", LOCK);
    if let Some(c) = config {
        repo.write(".relconfig.toml", c);
    }
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("fix: a");
    repo
}

/// The `files = [...]` line the advice names.
fn files_line(said: &str) -> String {
    said.split('`')
        .find(|s| s.starts_with("files = ["))
        .unwrap_or_else(|| panic!("no `files = [...]` in:\n{said}"))
        .to_owned()
}

const BOTH: &str = r#"files = [{ path = "package.json", key = "version" }, { path = "package-lock.json", key = "version" }]"#;

/// Commits `.relconfig.toml` as `config`, then releases: both files say 1.0.1.
fn releases_with(repo: &Repo, config: &str) {
    repo.write(".relconfig.toml", config);
    repo.git(&["add", ".relconfig.toml"]);
    repo.commit_hooked("chore: bump the placeholders");
    ok(repo.relhook(&["release", "--no-test"]));
    assert!(repo.read("package.json").contains("\"1.0.1\""));
    assert_eq!(
        repo.read("package-lock.json").matches("\"1.0.1\"").count(),
        2
    );
}

#[test]
fn one_refusal_names_every_placeholder_file_with_one_files_line() {
    let repo = placeholders(None);
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("package.json says 0.0.0-dev")
            && err.contains("package-lock.json says 0.0.0-dev"),
        "{err}"
    );
    let line = files_line(&err);
    assert_eq!(line, BOTH, "{err}");
    // Doctor's fix is the release's.
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert_eq!(files_line(&doctor), BOTH, "{doctor}");
    releases_with(&repo, &format!("[version]\n{line}\n"));
}

#[test]
fn a_listed_file_stays_in_the_line_that_adds_the_other() {
    let listed = "[version]\nfiles = [{ path = \"package.json\", key = \"version\" }]\n";
    let repo = placeholders(Some(listed));
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("replace the `files` key under `[version]`"),
        "{err}"
    );
    let line = files_line(&err);
    assert_eq!(line, BOTH, "{err}");
    releases_with(&repo, &format!("[version]\n{line}\n"));
}

/// Listed as `[[version.files]]` tables, not a `files` key: the advice names the tables the
/// line takes the place of (there is no `files` key to replace).
#[test]
fn listed_tables_are_named_as_what_the_line_replaces() {
    let listed = "[[version.files]]\npath = \"package.json\"\nkey = \"version\"\n";
    let repo = placeholders(Some(listed));
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("or the `[[version.files]]` tables, with `"),
        "{err}"
    );
    let line = files_line(&err);
    assert_eq!(line, BOTH, "{err}");
    releases_with(&repo, &format!("[version]\n{line}\n"));
}
