//! QA114: b requires a sibling's pre-release by a range (`a = { path, version =
//! ">=1.1.0-rc.1" }`, left by a's rc). a's stable release (1.1.0) leaves that range as it is,
//! since it admits 1.1.0; a stable release of b was then refused advising to "release a as
//! stable first", which a already was, so the advice went round in a loop. Now it names the
//! edit that works, and following it literally releases b.

use crate::support::{Repo, ok, stderr, text};

/// Writes `file` and commits it as `message`, through the hooks.
fn change(repo: &Repo, file: &str, body: &str, message: &str) {
    repo.write(file, body);
    repo.git(&["add", "-A"]);
    let out = repo.git_output(&["commit", "-qm", message]);
    assert!(out.status.success(), "{}", text(&out));
}

/// The part of `line` between `start` and the next `end`.
fn between<'a>(line: &'a str, start: &str, end: &str) -> &'a str {
    let from = line
        .find(start)
        .unwrap_or_else(|| panic!("no {start:?} in {line}"))
        + start.len();
    let len = line[from..].find(end).unwrap();
    &line[from..from + len]
}

/// Follows a refusal's "require it instead (`before` → `after` in file) and commit, then run
/// `command` again" literally; returns the command's output.
fn follow(repo: &Repo, err: &str) -> std::process::Output {
    let edit = between(err, "require it instead (", ")");
    let before = between(edit, "`", "`");
    let after = between(edit, "→ `", "`");
    let file = edit.rsplit(" in ").next().unwrap();
    let body = repo.read(file);
    assert!(body.contains(before), "{body}");
    change(
        repo,
        file,
        &body.replacen(before, after, 1),
        "fix(b): require a's release",
    );
    let command = between(err, "then run `", "`");
    let words: Vec<&str> = command.split(' ').collect();
    assert_eq!(words[0], "relhook", "{command}");
    repo.relhook(&words[1..])
}

/// Crates a 1.0.0 and b 0.1.0 (`a = { path, version = ">=1.0.0" }`), released; a's rc (b's
/// range moved to `>=1.1.0-rc.1`), then a's stable 1.1.0, then a fix of b.
fn cargo_range() -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"p/*\"]\nresolver = \"2\"\n",
    );
    repo.write(
        "p/a/Cargo.toml",
        "[package]\nname = \"a\"\nversion = \"1.0.0\"\nedition = \"2021\"\n",
    );
    repo.write(
        "p/b/Cargo.toml",
        "[package]\nname = \"b\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\na = { path = \"../a\", version = \">=1.0.0\" }\n",
    );
    repo.write("p/a/src/lib.rs", "\n");
    repo.write("p/b/src/lib.rs", "\n");
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[packages.a]\npath = \"p/a\"\n[packages.b]\npath = \"p/b\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo.write("p/a/src/lib.rs", "//\n");
    change(&repo, "p/b/src/lib.rs", "//\n", "feat: first");
    ok(repo.relhook(&["release", "--no-test", "--all"]));
    change(&repo, "p/a/src/lib.rs", "// e\n", "feat(a): e");
    ok(repo.relhook(&["release", "--no-test", "--package", "a", "--pre", "rc"]));
    let b = repo.read("p/b/Cargo.toml");
    assert!(b.contains("version = \">=1.1.0-rc.1\""), "{b}");
    change(&repo, "p/a/src/lib.rs", "// f\n", "fix(a): f");
    ok(repo.relhook(&["release", "--no-test", "--package", "a"]));
    assert!(!repo.git(&["tag", "-l", "a-v1.1.0"]).is_empty());
    // The range admits 1.1.0: the release leaves it.
    assert_eq!(repo.read("p/b/Cargo.toml"), b);
    change(&repo, "p/b/src/lib.rs", "// g\n", "fix(b): g");
    repo
}

#[test]
fn a_range_on_a_finished_pre_release_names_the_edit_that_releases() {
    let repo = cargo_range();
    let out = repo.relhook(&["release", "--no-test", "--package", "b"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("requires a pre-release of a (`>=1.1.0-rc.1` in p/b/Cargo.toml)"),
        "{err}"
    );
    assert!(!err.contains("as stable first"), "{err}");
    assert!(
        err.contains("a 1.1.0 is released: require it instead (`>=1.1.0-rc.1` → `>=1.1.0` in p/b/Cargo.toml) and commit"),
        "{err}"
    );

    let out = follow(&repo, &err);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let tags = repo.git(&["tag", "-l", "b-v*"]);
    assert!(
        tags.lines().any(|t| !t.contains("rc") && t != "b-v0.1.0"),
        "{tags}"
    );
    assert!(repo.is_clean());
}

#[test]
fn an_npm_range_on_a_finished_pre_release_names_the_edit_that_releases() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\n  \"name\": \"top\",\n  \"private\": true,\n  \"workspaces\": [\"p/*\"]\n}\n",
    );
    repo.write(
        "p/a/package.json",
        "{\n  \"name\": \"a\",\n  \"version\": \"1.0.0\"\n}\n",
    );
    repo.write(
        "p/b/package.json",
        "{\n  \"name\": \"b\",\n  \"version\": \"0.1.0\",\n  \"dependencies\": {\n    \"a\": \">=1.0.0\"\n  }\n}\n",
    );
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[packages.a]\npath = \"p/a\"\n[packages.b]\npath = \"p/b\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo.write("p/a/x.js", "//\n");
    change(&repo, "p/b/x.js", "//\n", "feat: first");
    ok(repo.relhook(&["release", "--no-test", "--all"]));
    change(&repo, "p/a/x.js", "// e\n", "feat(a): e");
    ok(repo.relhook(&["release", "--no-test", "--package", "a", "--pre", "rc"]));
    assert!(
        repo.read("p/b/package.json")
            .contains("\"a\": \">=1.1.0-rc.1\"")
    );
    change(&repo, "p/a/x.js", "// f\n", "fix(a): f");
    ok(repo.relhook(&["release", "--no-test", "--package", "a"]));
    change(&repo, "p/b/x.js", "// g\n", "fix(b): g");

    let out = repo.relhook(&["release", "--no-test", "--package", "b"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("require it instead (`>=1.1.0-rc.1` → `>=1.1.0` in p/b/package.json)"),
        "{err}"
    );
    let out = follow(&repo, &err);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let tags = repo.git(&["tag", "-l", "b-v*"]);
    assert!(
        tags.lines().any(|t| !t.contains("rc") && t != "b-v0.1.0"),
        "{tags}"
    );
}
