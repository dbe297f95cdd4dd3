//! Found by QA of a new user's path with hostile names: a tag prefix with a quote (`it's-v`),
//! a remote and a branch named with one. Every command relhook prints for them works pasted
//! into a shell, as the ones for `v1.2.3`, `origin` and `main` do.

use crate::support::{Repo, hand_tag, ok, stderr, text};

const CONFIG: &str = "[version]\ntag_prefix = \"it's-v\"\n[checks]\nrequire_tested_tags = false\n";

/// Installed, with a quote in the tag prefix and one feature committed through the hooks.
fn quoted_prefix() -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", CONFIG);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: one");
    repo
}

/// The command between backticks in `err` that starts with `start`.
fn command(err: &str, start: &str) -> String {
    let at = err
        .find(&format!("`{start}"))
        .unwrap_or_else(|| panic!("no `{start}…` in:\n{err}"));
    let rest = &err[at + 1..];
    rest[..rest.find('`').unwrap()].to_owned()
}

/// A hand tag names `relhook notes <tag>`: pasted, it prints the notes.
#[test]
fn the_hand_tags_notes_command_works_pasted() {
    let repo = quoted_prefix();
    let out = hand_tag(&repo, &["-a", "it's-v0.1.0", "-m", "first"]);
    assert!(out.status.success(), "{}", text(&out));
    let line = command(&stderr(&out), "relhook notes");
    assert_eq!(line, r"relhook notes 'it'\''s-v0.1.0'", "{}", text(&out));
    let notes = repo.sh(&line);
    assert!(notes.status.success(), "{line}: {}", text(&notes));
    assert!(
        String::from_utf8_lossy(&notes.stdout).contains("- one"),
        "{}",
        text(&notes)
    );
}

/// A release killed after its commit: the refusal's way to take a deleted tag back quotes it
/// (named where there is a remote to fetch from).
#[test]
fn the_interrupted_releases_fetch_is_quoted() {
    let repo = quoted_prefix();
    repo.with_origin();
    repo.relhook_killed_at("release-committed", &["release", "--no-test"]);
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert_eq!(
        command(&stderr(&out), "git fetch"),
        r"git fetch origin tag 'it'\''s-v0.1.0'",
        "{}",
        text(&out)
    );
}

/// A published release tag deleted here and its deletion pushed: the refused push names the
/// fetch that brings it back, and pasted it does.
#[test]
fn the_fetch_that_keeps_a_published_tag_works_pasted() {
    let repo = quoted_prefix();
    let remote = repo.scratch("origin.git");
    repo.git(&["init", "-q", "--bare", remote.to_str().unwrap()]);
    repo.git(&["remote", "add", "o'rigin", remote.to_str().unwrap()]);
    ok(repo.relhook(&["release", "--no-test"]));
    let out = repo.git_output(&["push", "-q", "--follow-tags", "o'rigin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.git_skipping_relhook(&["tag", "-d", "it's-v0.1.0"]);
    let out = repo.git_output(&["push", "o'rigin", ":refs/tags/it's-v0.1.0"]);
    assert!(!out.status.success(), "{}", text(&out));
    let line = command(&stderr(&out), "git fetch");
    assert_eq!(
        line,
        r"git fetch 'o'\''rigin' tag 'it'\''s-v0.1.0'",
        "{}",
        text(&out)
    );
    let fetched = repo.sh(&line);
    assert!(fetched.status.success(), "{line}: {}", text(&fetched));
    assert_eq!(repo.git(&["tag", "-l", "it's-v0.1.0"]), "it's-v0.1.0");
}

/// A release commit pushed without its tag (the release killed before it): the push again
/// after `--resume` names the remote and the branch as the shell takes them.
#[test]
fn the_push_after_a_half_release_is_quoted() {
    let repo = quoted_prefix();
    repo.git(&["checkout", "-q", "-b", "it's"]);
    let remote = repo.scratch("origin.git");
    repo.git(&["init", "-q", "--bare", remote.to_str().unwrap()]);
    repo.git(&["remote", "add", "o'rigin", remote.to_str().unwrap()]);
    repo.relhook_killed_at(
        "release-committed",
        &["release", "--no-test", "--allow-branch"],
    );
    let out = repo.git_output(&["push", "o'rigin", "it's"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert_eq!(
        command(&stderr(&out), "git push --follow-tags"),
        r"git push --follow-tags -u 'o'\''rigin' 'it'\''s'",
        "{}",
        text(&out)
    );
}
