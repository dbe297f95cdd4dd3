//! QA48: post-commit deferred Ctrl-C (SIGTERM, SIGHUP) only from the top of its own code, so
//! a signal that landed between git starting the hook and there (argument parsing, the `#!`
//! form turned into a command) killed relhook outright: the commit stayed without its entry,
//! git exited 0 and nothing was said. The hook now defers them from its first instruction,
//! and one noted before any work stops it in the same one line as one during the amend.

use std::process::Output;

use crate::support::{Repo, relhook_bin, stderr, text};

/// relhook installed over a committed changelog, `a.txt` changed in the work tree.
fn repo() -> Repo {
    let repo = crate::qa48_post_commit_signals::installed_over(Repo::new());
    repo.write("a.txt", "one\n");
    repo.git(&["add", "a.txt"]);
    repo
}

/// `git commit -m "feat: add one"` in a process group of its own (a terminal's foreground
/// job), sent `signal` once post-commit paused at its very start; its output once git and
/// the hook (which outlives a git the signal ended) are done.
fn commit_signalled_early(repo: &Repo, signal: i32) -> Output {
    let args = ["commit", "-q", "-m", "feat: add one"];
    crate::qa48_post_commit_signals::git_signalled_at(repo, &args, "post-commit-started", signal)
}

/// The commit stays as git made it, one line says so and names the command that adds the
/// entry; that command does, and nothing of relhook's is left to stop the next commit.
fn assert_said_and_whole(repo: &Repo, out: &Output, name: &str) {
    let said = stderr(out)
        .lines()
        .filter(|l| !l.contains("failpoint"))
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(repo.head_subject(), "feat: add one", "{said}");
    assert!(!repo.git(&["show", "HEAD:CHANGELOG.md"]).contains("add one"));
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(
        said.starts_with(&format!(
            "relhook: interrupted ({name}): no changelog entry was added to commit "
        )),
        "{said}"
    );
    assert!(
        said.contains("`relhook changelog --sync` writes it"),
        "{said}"
    );
    for left in ["index.lock", "relhook-txn"] {
        assert!(!repo.path().join(".git").join(left).exists(), "{left}");
    }
    let sync = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(sync.status.code(), Some(0), "{}", text(&sync));
    assert!(repo.read("CHANGELOG.md").contains("- add one"), "{said}");
    repo.git(&["add", "."]);
    let next = repo.git_output(&["commit", "-q", "-m", "chore: sync"]);
    assert_eq!(next.status.code(), Some(0), "{}", text(&next));
}

/// The hook as `relhook install` writes it (its `#!` form), each signal.
#[test]
fn a_signal_as_post_commit_starts_is_said_not_silent() {
    for (signal, name) in [
        (libc::SIGINT, "SIGINT"),
        (libc::SIGTERM, "SIGTERM"),
        (libc::SIGHUP, "SIGHUP"),
    ] {
        let repo = repo();
        let out = commit_signalled_early(&repo, signal);
        assert_said_and_whole(&repo, &out, name);
    }
}

/// Started as `relhook hook post-commit` (a hook manager's entry, an sh hook's `exec`).
#[test]
fn a_signal_as_hook_post_commit_starts_is_said_not_silent() {
    let repo = repo();
    let hook = repo.path().join(".git/hooks/post-commit");
    let line = format!(
        "#!/bin/sh\nexec '{}' hook post-commit\n",
        relhook_bin().display()
    );
    std::fs::write(&hook, line).unwrap();
    crate::support::make_executable(&hook);
    let out = commit_signalled_early(&repo, libc::SIGINT);
    assert_said_and_whole(&repo, &out, "SIGINT");
}
