//! QA35: a post-commit hook relhook kept (`post-commit.relhook-orig`) ran before relhook
//! rewrote the commit to carry its changelog entry, so whatever it did with HEAD (a note, a
//! log line, a push) went to a commit that ends up on no branch. It runs after relhook's part
//! now, on the commit that stays, in both ways git starts the shim.

use crate::support::{Repo, make_executable, text};

const KEPT: &str =
    "#!/bin/sh\ngit notes add -f -m \"ci: queued\" HEAD\ngit rev-parse HEAD > .git/last-commit\n";

fn with_kept_hook() -> Repo {
    let repo = Repo::new();
    let hook = repo.hooks_dir().join("post-commit");
    std::fs::create_dir_all(repo.hooks_dir()).unwrap();
    std::fs::write(&hook, KEPT).unwrap();
    make_executable(&hook);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo
}

fn assert_hook_saw_the_commit_that_stays(repo: &Repo, out: &std::process::Output) {
    assert!(out.status.success(), "{}", text(out));
    assert!(text(out).contains("the commit is now"), "{}", text(out));
    let head = repo.git(&["rev-parse", "HEAD"]);
    let seen = std::fs::read_to_string(repo.path().join(".git/last-commit")).unwrap();
    assert_eq!(seen.trim(), head.trim());
    assert_eq!(repo.git(&["notes", "show", "HEAD"]).trim(), "ci: queued");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

#[test]
fn a_kept_post_commit_hook_sees_the_commit_with_its_entry() {
    let repo = with_kept_hook();
    let out = repo.try_commit("feat: one");
    assert_hook_saw_the_commit_that_stays(&repo, &out);
}

/// The shim's sh lines (a hook manager running it with sh, or a path too long for `#!`).
#[test]
fn so_does_it_when_the_shim_runs_with_sh() {
    let repo = with_kept_hook();
    let hook = repo.hooks_dir().join("post-commit");
    let shim = std::fs::read_to_string(&hook).unwrap();
    let (_, rest) = shim.split_once('\n').unwrap();
    std::fs::write(&hook, format!("#!/bin/sh\n{rest}")).unwrap();
    make_executable(&hook);
    let out = repo.try_commit("feat: one");
    assert_hook_saw_the_commit_that_stays(&repo, &out);
    // Skipped, relhook's part does nothing; the kept hook still runs.
    repo.write("b.txt", "b\n");
    repo.git(&["add", "b.txt"]);
    let out = repo.git_env(
        &["commit", "-q", "-m", "feat: two"],
        &[("RELHOOK_SKIP", "1")],
    );
    let _ = out;
    let head = repo.git(&["rev-parse", "HEAD"]);
    let seen = std::fs::read_to_string(repo.path().join(".git/last-commit")).unwrap();
    assert_eq!(seen.trim(), head.trim());
}

/// install and doctor say when it runs, as it does (QA35 second round: "runs first").
#[test]
fn install_and_doctor_say_the_kept_hook_runs_after_relhooks_part() {
    let repo = Repo::new();
    let hook = repo.hooks_dir().join("post-commit");
    std::fs::create_dir_all(repo.hooks_dir()).unwrap();
    std::fs::write(&hook, "#!/bin/sh\ntrue\n").unwrap();
    make_executable(&hook);
    let out = repo.relhook(&["install"]);
    assert!(
        text(&out).contains("kept as post-commit.relhook-orig and runs after relhook's part"),
        "{}",
        text(&out)
    );
    let out = repo.relhook(&["doctor"]);
    assert!(
        text(&out).contains("post-commit.relhook-orig after relhook's part"),
        "{}",
        text(&out)
    );
}
