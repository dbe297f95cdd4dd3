//! QA51: every "commit this file" advice named the path `:/<path>`. git reads what follows
//! `:/` as more pathspec magic: `:/@acme/web/CHANGELOG.md` (commitlint's layout) failed with
//! "Unimplemented pathspec magic '@'", and a path starting with `!` or `^` became an exclude
//! pattern, staging everything else. A pathspec is also a glob (`a*b` matched `aXb`). Such
//! paths are now spelt `:(top,literal)<path>`, which git reads character for character.

use std::path::Path;

use crate::support::{Repo, next_command, ok, stderr, text};

/// Files whose names start with every character git might read as magic, quoting or glob,
/// each beside decoys a glob or an exclusion would also pick.
const NAMES: &[&str] = &[
    "@x", "_x", "-x", "~x", "#x", "%x", "&x", "=x", ",x", ";x", "'x", "!x", "^x", ":x", "(x", ")x",
    "*x", "?x", "[x]", "\\x", "\"x", "<x", ">x", "`x", "$x", " x", ".x", "ax", "a*b", "x[a]",
    "a?c", "dir/@x", "dir/!x", "d*r/a[b]",
];
const DECOYS: &[&str] = &["aXb", "xa", "abc", "x", "dir/y", "d*r/ab"];

/// Runs `line` through `sh` in `cwd` (below the top: the pathspec must name from the top).
fn sh_in(repo: &Repo, cwd: &Path, line: &str) -> std::process::Output {
    repo.command_in("sh", cwd)
        .args(["-c", line])
        .output()
        .expect("run sh")
}

fn lines(out: String) -> Vec<String> {
    out.lines().map(str::to_owned).collect()
}

#[test]
fn from_top_names_exactly_its_file_whatever_the_first_character() {
    let repo = Repo::new();
    repo.write("sub/keep", "");
    repo.git(&["add", "sub/keep"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    let sub = repo.path().join("sub");
    for (round, name) in NAMES.iter().enumerate() {
        // Every file changes each round: a spec that matched any other would stage it.
        for file in NAMES.iter().chain(DECOYS) {
            repo.write(file, format!("{round}\n"));
        }
        let word = relhook::shellword::from_top(Path::new(name));
        let add = sh_in(&repo, &sub, &format!("git add -- {word}"));
        assert!(add.status.success(), "{name}: {word}\n{}", text(&add));
        let staged = lines(
            repo.git(&["diff", "--cached", "--name-only", "-z"])
                .replace('\0', "\n"),
        );
        assert_eq!(staged, [*name], "{name}: `git add -- {word}`");

        let commit = sh_in(
            &repo,
            &sub,
            &format!("git commit -q -m \"chore: {round}\" -- {word}"),
        );
        assert!(commit.status.success(), "{name}: {word}\n{}", text(&commit));
        let committed = repo.git(&[
            "diff-tree",
            "--no-commit-id",
            "--name-only",
            "-r",
            "-z",
            "HEAD",
        ]);
        assert_eq!(
            lines(committed.replace('\0', "\n")),
            [*name],
            "{name}: {word}"
        );
        assert_eq!(repo.git(&["diff", "--cached", "--name-only"]), "", "{name}");
    }
}

/// A package under `@acme/web` (commitlint's `@commitlint/cli` layout).
fn scoped_package() -> Repo {
    let repo = Repo::new();
    repo.write(
        "@acme/web/package.json",
        "{ \"name\": \"@acme/web\", \"version\": \"0.1.0\" }\n",
    );
    repo.write(
        ".relconfig.toml",
        "[packages.\"@acme/web\"]\npath = \"@acme/web\"\ntag = \"@acme/web@{version}\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo
}

#[test]
fn the_sync_advice_for_a_scoped_package_commits_its_changelog() {
    let repo = scoped_package();
    repo.write("@acme/web/index.js", "x\n");
    repo.git(&["add", "-A"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "feat(web): add index"]));
    let out = ok(repo.relhook(&["changelog", "--sync", "--package", "@acme/web"]));
    let next = next_command(&stderr(&out));
    assert!(
        next.contains(":(top,literal)@acme/web/CHANGELOG.md"),
        "{next}"
    );

    ok(repo.sh(&next));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    let committed = repo.git(&["diff-tree", "--no-commit-id", "--name-only", "-r", "HEAD"]);
    assert_eq!(committed, "@acme/web/CHANGELOG.md");
}

#[test]
fn post_commit_advice_for_an_untracked_scoped_changelog_adds_it() {
    let repo = scoped_package();
    repo.write("@acme/web/CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n");
    repo.write("@acme/web/i.js", "x\n");
    repo.git(&["add", "@acme/web/i.js"]);
    let out = repo.git_output(&["commit", "-q", "-m", "feat(web): i"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let add = err
        .split('`')
        .find(|s| s.starts_with("git add "))
        .unwrap_or_else(|| panic!("no `git add` advice:\n{err}"));

    ok(repo.sh(&format!("{add} -m \"docs: add changelog\"")));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    let committed = repo.git(&["diff-tree", "--no-commit-id", "--name-only", "-r", "HEAD"]);
    assert_eq!(committed, "@acme/web/CHANGELOG.md");
}
