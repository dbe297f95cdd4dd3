//! Found by QA: `git replace --graft` (or any `git replace`) changes the history git shows,
//! and relhook, which reads history through libgit2, does not follow replace refs. Its
//! version, notes and release were then of a history `git log` does not show, without a word.
//! relhook now says so in one line, once a command, and refuses a release or hand tag while
//! replace refs are in force; with `GIT_NO_REPLACE_OBJECTS=1` git reads what relhook reads and
//! both go on.

use crate::support::{Repo, dated_release, hand_tag, ok, relhook_bin, stderr, stdout, text};

const NOTE: &str = "relhook: note: refs/replace/* replaces objects here and relhook reads the \
                    history without it: `GIT_NO_REPLACE_OBJECTS=1 git log` shows the history \
                    relhook sees";

/// v1.0.0 released, then `feat: b` and `fix: c` through the hooks, `fix: c` grafted onto the
/// release commit: git's history since v1.0.0 is `fix: c` alone (a patch release), relhook's
/// also has `feat: b` (a minor one).
fn grafted() -> Repo {
    let repo = crate::support::untested_installed();
    repo.commit_hooked("feat: one");
    ok(dated_release(&repo, &["1.0.0"]));
    repo.commit_hooked("feat: b");
    repo.commit_hooked("fix: c");
    repo.git(&["replace", "--graft", "HEAD", "v1.0.0^{commit}"]);
    assert_eq!(repo.git(&["log", "--format=%s", "v1.0.0..HEAD"]), "fix: c");
    repo
}

/// `relhook ARGS` with `env` set.
fn relhook_env(repo: &Repo, args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut cmd = repo.command_in(relhook_bin(), &repo.path());
    cmd.env("RELHOOK_DATE", "2026-11-21").args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run relhook")
}

#[test]
fn a_command_says_once_that_it_reads_history_without_replace_refs() {
    let repo = grafted();
    let out = ok(repo.relhook(&["version", "--next"]));
    assert_eq!(stdout(&out).trim(), "1.1.0");
    let err = stderr(&out);
    assert_eq!(
        err.matches("relhook: note: refs/replace/").count(),
        1,
        "{err}"
    );
    assert!(err.contains(NOTE), "{err}");
    // What the note names is the history relhook read: `feat: b` is in it.
    let seen = repo.git_env(
        &["log", "--format=%s", "v1.0.0..HEAD"],
        &[("GIT_NO_REPLACE_OBJECTS", "1")],
    );
    assert_eq!(seen, "fix: c\nfeat: b");
    // Packed, it is found the same; turned off in git, there is nothing to say.
    repo.git(&["pack-refs", "--all"]);
    assert!(stderr(&ok(repo.relhook(&["doctor"]))).contains(NOTE));
    for env in [
        ("GIT_NO_REPLACE_OBJECTS", "1"),
        ("GIT_CONFIG_PARAMETERS", "'core.usereplacerefs'='false'"),
    ] {
        let out = ok(relhook_env(&repo, &["version", "--next"], &[env]));
        assert!(
            !stderr(&out).contains("refs/replace"),
            "{env:?}: {}",
            text(&out)
        );
    }
}

#[test]
fn a_release_or_hand_tag_under_replace_refs_is_refused_with_the_way_on() {
    let repo = grafted();
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = dated_release(&repo, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("refs/replace/* replaces objects here")
            && err.contains(
                "the same `relhook release` with `GIT_NO_REPLACE_OBJECTS=1 ` in front releases"
            ),
        "{err}"
    );
    assert_eq!(repo.git(&["tag", "-l", "v1.1.0"]), "");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    let json = dated_release(&repo, &["--format", "json"]);
    assert!(
        stdout(&json).contains("\"replaced-history\""),
        "{}",
        text(&json)
    );

    let tag = hand_tag(&repo, &["-a", "v1.1.0", "-m", "release"]);
    assert_eq!(tag.status.code(), Some(128), "{}", text(&tag));
    assert!(
        stderr(&tag).contains("relhook: refusing tag v1.1.0: refs/replace/* replaces objects"),
        "{}",
        text(&tag)
    );
    assert_eq!(repo.git(&["tag", "-l", "v1.1.0"]), "");

    // The way on the refusal names: git and relhook then read one history.
    let out = relhook_env(&repo, &["release"], &[("GIT_NO_REPLACE_OBJECTS", "1")]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l", "v1.1.0"]), "v1.1.0");
}
