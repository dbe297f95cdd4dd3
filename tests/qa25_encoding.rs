//! QA25: a commit template given on the command line (`git commit -t <file>`) quit unedited
//! is said in one line, as `commit.template` is.

use std::path::Path;

use crate::support::{Repo, installed_repo, ok, stderr, text};

/// The template a user names with `git commit -t`: a placeholder header, and hints git strips.
const TEMPLATE: &str = "Short summary here\n\n# Why this change:\n# Refs:\n";

/// An installed repository with a change staged and [`TEMPLATE`] written at `tpl` (not
/// committed, not configured: only the command line names it).
fn with_a_template_file() -> Repo {
    let repo = installed_repo();
    repo.write("tpl", TEMPLATE);
    repo.write("change.txt", "change\n");
    repo.git(&["add", "change.txt"]);
    repo
}

/// `git commit -q ARGS` in `cwd`, with `editor` as `GIT_EDITOR`.
fn commit_editing(repo: &Repo, cwd: &Path, editor: &str, args: &[&str]) -> std::process::Output {
    let mut all = vec!["commit", "-q"];
    all.extend_from_slice(args);
    repo.git_in(cwd, &all, &[("GIT_EDITOR", editor)])
}

/// Asserts that `out` is relhook's one line for an unedited template naming `named`, and that
/// nothing was committed.
fn said_in_one_line(repo: &Repo, out: &std::process::Output, head: &str, named: &str) {
    assert_eq!(out.status.code(), Some(1), "{}", text(out));
    let err = stderr(out);
    let lines: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(lines[0].starts_with("relhook: nothing committed"), "{err}");
    assert!(lines[0].contains("unedited"), "{err}");
    assert!(lines[0].contains(named), "{err}");
    assert!(!err.contains("header-format"), "{err}");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
}

/// `git commit -t tpl`, the editor quit without a change: git would say "Aborting commit; you
/// did not edit the message", and relhook says so in one line as it does for
/// `commit.template`, whichever way the option is spelled and wherever the command runs.
#[test]
fn an_unedited_template_given_with_dash_t_is_said_in_one_line() {
    let repo = with_a_template_file();
    let head = repo.git(&["rev-parse", "HEAD"]);
    let top = repo.path();
    let absolute = top.join("tpl");
    let long = format!("--template={}", absolute.display());
    for args in [
        &["-t", "tpl"][..],
        &["-ttpl"][..],
        &["-qt", "tpl"][..],
        &["--template", "tpl"][..],
        &[long.as_str()][..],
    ] {
        let out = commit_editing(&repo, &top, "true", args);
        said_in_one_line(&repo, &out, &head, "tpl");
    }
    // From a subdirectory, git reads `-t`'s file from there (not from the top).
    repo.write("sub/tpl-here", TEMPLATE);
    let out = commit_editing(&repo, &top.join("sub"), "true", &["-t", "tpl-here"]);
    said_in_one_line(&repo, &out, &head, "tpl-here");
    let out = repo.git_in(
        &top,
        &["-C", "sub", "commit", "-q", "-t", "tpl-here"],
        &[("GIT_EDITOR", "true")],
    );
    said_in_one_line(&repo, &out, &head, "tpl-here");
    // `-t` wins over `commit.template`, as in git.
    repo.write(".gitmessage", "Another placeholder\n");
    repo.git(&["config", "commit.template", ".gitmessage"]);
    let out = commit_editing(&repo, &top, "true", &["-t", "tpl"]);
    said_in_one_line(&repo, &out, &head, "tpl");
    // Without relhook, git refuses it alike: the outcome is git's.
    let out = commit_editing(&repo, &top, "true", &["--no-verify", "-t", "tpl"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("you did not edit the message"),
        "{}",
        text(&out)
    );
}

/// A `-t` template the user did edit is linted as any message; a conventional one commits.
#[test]
fn an_edited_dash_t_template_is_linted() {
    let repo = with_a_template_file();
    let top = repo.path();
    let out = commit_editing(
        &repo,
        &top,
        "sed -i -e '1s/.*/updated things/'",
        &["-t", "tpl"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("header-format"), "{err}");
    assert!(!err.contains("unedited"), "{err}");
    let edit = "sed -i -e '1s/.*/feat: the change/'";
    ok(commit_editing(&repo, &top, edit, &["-t", "tpl"]));
    assert_eq!(repo.head_subject(), "feat: the change");
}
