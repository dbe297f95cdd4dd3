//! QA25: a commit template given on the command line (`git commit -t <file>`) quit unedited
//! is said in one line, as `commit.template` is; a hand tag whose message is in Latin-1
//! keeps its message's bytes when relhook makes it again on the release commit.

use std::path::Path;

use crate::support::{Repo, configured_with_a_feature, installed_repo, ok, stderr, text};

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
    crate::qa23_encoding::git_refused_it_unedited(&out);
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

/// A Latin-1 tag message: `git tag` stores the bytes as given (a tag object has no encoding
/// header).
const LATIN1_MESSAGE: &[u8] = b"Version 0.1.0: caf\xe9\n\nNot\xe9s en fran\xe7ais.\n";

/// The message of a tag object: the bytes after its header's blank line.
fn tag_message(repo: &Repo, tag: &str) -> Vec<u8> {
    let out = ok(repo.git_output(&["cat-file", "tag", tag]));
    let at = out
        .stdout
        .windows(2)
        .position(|w| w == b"\n\n")
        .expect("a tag object's header ends");
    out.stdout[at + 2..].to_vec()
}

/// The `tagger` line of a tag object.
fn tagger(repo: &Repo, tag: &str) -> Vec<u8> {
    let out = ok(repo.git_output(&["cat-file", "tag", tag]));
    out.stdout
        .split(|b| *b == b'\n')
        .find(|l| l.starts_with(b"tagger "))
        .expect("a tagger line")
        .to_vec()
}

/// `git tag -a v0.1.0 -F <Latin-1 file>` in a repository whose commits are in ISO-8859-1:
/// relhook makes the release commit and the tag again on it, with the message's bytes as
/// git stored them (not decoded as UTF-8 into U+FFFD) and the same tagger.
#[test]
fn a_hand_tag_with_a_latin1_message_keeps_its_bytes_on_the_release_commit() {
    let repo = configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".to_owned());
    let feature = repo.git(&["rev-parse", "HEAD"]);
    let file = repo.scratch("msgs").join("msg-latin1.txt");
    std::fs::write(&file, LATIN1_MESSAGE).unwrap();
    let file = file.to_str().unwrap();
    // What git itself stores, hooks off, under another name: the bytes to keep.
    ok(repo.git_skipping_relhook(&["tag", "-a", "as-git-made-it", "-F", file]));
    let stored = tag_message(&repo, "as-git-made-it");
    assert_eq!(stored, LATIN1_MESSAGE);
    let out = repo
        .command_in("git", &repo.path())
        .env("RELHOOK_DATE", "2026-11-21")
        .args([
            "-c",
            "i18n.commitEncoding=ISO-8859-1",
            "tag",
            "-a",
            "v0.1.0",
        ])
        .args(["-F", file])
        .output()
        .expect("run git tag");
    assert!(out.status.success(), "{}", text(&out));
    let release = repo.git(&["rev-parse", "v0.1.0^{commit}"]);
    assert_ne!(release, feature, "the tag is on a release commit");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), release);
    assert!(repo.read("CHANGELOG.md").contains("## [0.1.0]"));
    let message = tag_message(&repo, "v0.1.0");
    assert_eq!(message, stored, "{:?}", String::from_utf8_lossy(&message));
    assert_eq!(tagger(&repo, "v0.1.0"), tagger(&repo, "as-git-made-it"));
}
