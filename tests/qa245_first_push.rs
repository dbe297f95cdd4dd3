//! QA245: the first ten minutes and the first push. A new npm project (`npm init`'s
//! placeholder `test` script) with no remote yet: `relhook release`'s `next:` line adds the
//! remote before any step that pushes to it, and its steps, pasted in order, publish the
//! release.

use crate::support::{Repo, ok, stderr, text};

/// `npm init`'s package.json: its `test` script is the placeholder that always fails.
const PACKAGE_JSON: &str = r#"{
  "name": "demo",
  "version": "0.1.0",
  "scripts": {
    "test": "echo \"Error: no test specified\" && exit 1"
  }
}
"#;

/// `git init`, `relhook install`, a first `feat:` commit and `relhook release`; its stderr.
fn released_without_remote() -> (Repo, String) {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.write("package.json", PACKAGE_JSON);
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat: start");
    let out = ok(repo.relhook(&["release"]));
    (repo, stderr(&out))
}

/// The commands of a `next:` line in the order it names them: its backticked commands and
/// the bare ones after `then `.
fn commands_in_order(line: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for needle in [
        "git remote add ",
        "RELHOOK_SKIP=1 git push ",
        "git push --follow-tags ",
    ] {
        let mut from = 0;
        while let Some(at) = line[from..].find(needle) {
            let start = from + at;
            let rest = &line[start..];
            let end = [
                rest.find('`'),
                rest.find(','),
                rest.find(" && "),
                rest.find("   "),
            ]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(rest.len());
            found.push((start, rest[..end].to_owned()));
            from = start + needle.len();
        }
    }
    found.sort();
    found
}

#[test]
fn the_next_line_adds_the_remote_before_it_pushes_the_untestable_tag() {
    let (repo, err) = released_without_remote();
    let line = err
        .lines()
        .find(|l| l.starts_with("next: "))
        .unwrap_or_else(|| panic!("no next line: {err}"));
    let add = line.find("git remote add origin <url>").expect(line);
    let first_push = line.find("git push").expect(line);
    assert!(add < first_push, "the remote is added first: {line}");
    assert!(!line.contains("<remote>"), "the remote is named: {line}");
    // Pasted in order, with the URL filled in, the steps publish the release.
    let remote = repo.scratch("origin.git");
    repo.git(&["init", "-q", "--bare", remote.to_str().unwrap()]);
    let url = remote.to_str().unwrap();
    let commands = commands_in_order(line);
    assert!(commands.len() >= 3, "{commands:?} in {line}");
    for (_, command) in commands {
        let command = command.replace("<url>", url);
        let out = repo.sh(&command);
        assert!(out.status.success(), "{command}: {}", text(&out));
    }
    let theirs = repo.git(&["ls-remote", "origin"]);
    assert!(theirs.contains("refs/heads/main"), "{theirs}");
    assert!(theirs.contains("refs/tags/v0.1.0"), "{theirs}");
}
