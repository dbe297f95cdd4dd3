//! Found by trying relhook as a new user and the project's reviewers would: each test
//! reproduces one thing that was broken, silent or confusing, through real git and the hooks.

use crate::support::{Repo, stderr, text};

/// A repository with relhook's real hooks installed (`relhook install`) and one commit.
fn installed() -> Repo {
    let repo = Repo::new();
    repo.commit("chore: init");
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo
}

#[test]
#[cfg(unix)]
fn a_first_changelog_through_a_symlinked_folder_is_refused_by_post_commit_with_the_reason() {
    let repo = Repo::new();
    let outside = repo.scratch("outside");
    std::os::unix::fs::symlink(&outside, repo.path().join("docs")).unwrap();
    repo.write(
        ".relconfig.toml",
        "[changelog]\npath = \"docs/CHANGELOG.md\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = repo.git_output(&[
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "feat: through a link",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("outside the work tree"), "{err}");
    assert!(!err.contains("D/F conflict"), "{err}");
    assert!(
        !err.contains("--sync` adds it"),
        "names a command that refuses too: {err}"
    );
    assert_ne!(
        repo.git(&["rev-parse", "HEAD"]),
        head,
        "the commit itself stands"
    );
    assert!(
        std::fs::read_dir(&outside).unwrap().next().is_none(),
        "nothing written outside"
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}

#[test]
fn a_resumed_untested_release_names_relhook_test_before_the_push_that_pre_push_would_refuse() {
    let repo = installed();
    repo.git(&["commit", "-q", "--allow-empty", "-m", "feat: one"]);
    // Killed after the release commit, before the tag.
    let mut child = repo
        .command_in(crate::support::relhook_bin(), &repo.path())
        .args(["release", "--no-test"])
        .env("RELHOOK_TEST_FAILPOINT", "release-committed:pause")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    while std::io::BufRead::read_line(&mut err, &mut line).unwrap() > 0 && !line.contains("pausing")
    {
        line.clear();
    }
    assert!(line.contains("pausing"), "{line}");
    child.kill().unwrap();
    child.wait().unwrap();
    let out = repo.relhook(&["release", "--resume", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "--list", "v*"]), "v0.1.0");
    let err = stderr(&out);
    // No test command is set or evident: `relhook test` would have nothing to run.
    assert!(
        err.contains("next: commit `[checks] test = ")
            && err.contains("`relhook test --tag v0.1.0`")
            && !err.contains("next: git push"),
        "an untested tag is refused by pre-push: {err}"
    );
    // What it names works: tested, the push goes through.
    let remote = repo.scratch("remote.git");
    repo.git(&["init", "-q", "--bare", remote.to_str().unwrap()]);
    repo.git(&["remote", "add", "origin", remote.to_str().unwrap()]);
    let out = repo.git_output(&["push", "-q", "origin", "main", "v0.1.0"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stderr(&out).contains("untested"), "{}", text(&out));
}

#[test]
fn relhook_test_says_when_the_tests_leave_files_that_would_block_the_release_push() {
    let repo = installed();
    repo.write(
        ".relconfig.toml",
        "[checks]\ntest = [\"touch\", \"made-by-tests.txt\"]\n",
    );
    repo.git(&["add", ".relconfig.toml"]);
    repo.git(&["commit", "-q", "-m", "feat: one"]);
    let out = repo.git_output(&["tag", "-a", "v0.1.0", "-m", "first"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    let out = repo.relhook(&["test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("recorded for tree"), "{err}");
    assert!(
        err.contains("made-by-tests.txt") && err.contains(".gitignore"),
        "the push relhook is about to refuse must be explained now: {err}"
    );
    // Ignored, the same files say nothing.
    repo.write(".git/info/exclude", "made-by-tests.txt\n");
    let out = repo.relhook(&["test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(!stderr(&out).contains(".gitignore"), "{}", text(&out));
}

#[test]
fn a_latin1_message_committed_past_the_lint_still_gets_its_entry() {
    // git stores the message re-encoded as UTF-8 but writes the raw bytes into the reflog,
    // which post-commit reads to tell a plain `git commit` from a rebase.
    let repo = installed();
    let msg = repo.scratch("msg");
    std::fs::write(msg.join("latin1"), b"feat: caf\xe9 au lait\n").unwrap();
    let file = msg.join("latin1");
    let out = repo.git_output(&[
        "commit",
        "-q",
        "--allow-empty",
        "--no-verify",
        "-F",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let committed = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert!(
        committed.contains("- café au lait"),
        "{committed}\n{}",
        text(&out)
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}

#[test]
fn a_release_that_ran_no_tests_because_none_is_configured_says_so() {
    let repo = installed();
    repo.git(&["commit", "-q", "--allow-empty", "-m", "feat: one"]);
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("no tests ran: `[checks] test` is not set"),
        "{err}"
    );
    assert!(
        err.contains("next: commit `[checks] test = ")
            && err.contains("`relhook test --tag v0.1.0`"),
        "{err}"
    );
    let out = repo.relhook(&["release", "--no-test", "patch"]);
    assert!(!stderr(&out).contains("no tests ran"), "{}", text(&out));
}
