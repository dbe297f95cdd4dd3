//! QA67: only `changelog --sync` refused beside a transaction whose relhook was still at work.
//! `relhook release` went on: it said the work tree was not clean (the live run's half-written
//! CHANGELOG.md), or with `--allow-dirty` made its release over that run's journal; and a
//! commit's post-commit wrote its entry meanwhile. Every command that recovers now leaves a
//! live run's journal alone and says, in one line, which run (pid) to wait for.

use std::io::BufRead;
use std::process::{Child, Command, Output, Stdio};

use crate::support::{Repo, installed_repo, ok, relhook_bin, stderr, text};

/// A process that lives until killed, and its start time (`/proc`'s clock ticks since boot).
fn live_process() -> (Child, u64) {
    let child = Command::new("sleep").arg("300").spawn().expect("run sleep");
    let stat = std::fs::read_to_string(format!("/proc/{}/stat", child.id())).unwrap();
    let (_, rest) = stat.rsplit_once(')').unwrap();
    let started = rest.split_whitespace().nth(19).unwrap().parse().unwrap();
    (child, started)
}

/// A `changelog --sync` journal naming `pid` (started at `started`), which wrote a line onto
/// CHANGELOG.md: undone, the line goes.
fn journal_of(repo: &Repo, pid: u32, started: u64) -> String {
    let before = repo.git(&["hash-object", "-w", "CHANGELOG.md"]);
    let log = repo.read("CHANGELOG.md") + "- HALF WRITTEN\n";
    repo.write("CHANGELOG.md", &log);
    let after = repo.git(&["hash-object", "-w", "CHANGELOG.md"]);
    let journal = format!(
        "relhook transaction\npid {pid}\nstarted {started}\nwhat changelog --sync\nindex index\nfile {before} {after} CHANGELOG.md\n"
    );
    repo.write(".git/relhook-txn", &journal);
    journal
}

/// `relhook ARGS` with a short wait for another run.
fn relhook(repo: &Repo, args: &[&str]) -> Output {
    repo.command_in(relhook_bin(), &repo.path())
        .env("RELHOOK_LOCK_WAIT_MS", "300")
        .args(args)
        .output()
        .expect("run relhook")
}

/// Refused in one line that names the run at work and says to wait for it.
fn says_wait(out: &Output, pid: u32, what: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(1), "{what}: {}", text(out));
    assert_eq!(err.lines().count(), 1, "{what}: {err}");
    assert!(
        err.contains(&format!(
            "a relhook changelog --sync is running (pid {pid})"
        )),
        "{what}: {err}"
    );
    assert!(err.contains("wait for it"), "{what}: {err}");
}

#[test]
fn no_command_finishes_or_undoes_a_journal_its_relhook_still_writes() {
    let repo = installed_repo();
    repo.commit_hooked("feat: a");
    let (mut sleeper, started) = live_process();
    let pid = sleeper.id();
    let journal = journal_of(&repo, pid, started);
    let log = repo.read("CHANGELOG.md");
    let head = repo.git(&["rev-parse", "HEAD"]);
    for args in [
        &["release", "--no-test"][..],
        &["release", "--no-test", "--allow-dirty"],
        &["release", "--dry-run", "--allow-dirty"],
        &["release", "--resume"],
    ] {
        let out = relhook(&repo, args);
        says_wait(&out, pid, &args.join(" "));
        assert!(stderr(&out).contains("release refused"), "{}", text(&out));
        assert_eq!(repo.read(".git/relhook-txn"), journal, "{args:?}");
        assert_eq!(repo.read("CHANGELOG.md"), log, "{args:?}");
        assert_eq!(repo.git(&["tag", "-l"]), "", "{args:?}");
        assert_eq!(repo.git(&["rev-parse", "HEAD"]), head, "{args:?}");
    }
    let out = relhook(&repo, &["changelog", "--rebuild"]);
    says_wait(&out, pid, "rebuild");
    assert!(
        stderr(&out).contains("`relhook changelog --rebuild` again"),
        "{}",
        text(&out)
    );
    // A commit's post-commit adds no entry under it, and says which run it waits for.
    let out = repo
        .command_in("git", &repo.path())
        .env("RELHOOK_LOCK_WAIT_MS", "300")
        .args(["commit", "-q", "--allow-empty", "-m", "feat: b"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "a relhook changelog --sync is running (pid {pid})"
        )),
        "{err}"
    );
    assert!(!err.contains("run this again"), "{err}");
    assert_eq!(repo.read(".git/relhook-txn"), journal);
    assert_eq!(repo.read("CHANGELOG.md"), log);

    // Once it is gone, the next command undoes what it left.
    sleeper.kill().unwrap();
    sleeper.wait().unwrap();
    let out = ok(relhook(&repo, &["changelog", "--sync"]));
    assert!(
        stderr(&out).contains("undid an interrupted changelog --sync"),
        "{}",
        text(&out)
    );
    assert!(!repo.path().join(".git/relhook-txn").exists());
    assert!(!repo.read("CHANGELOG.md").contains("HALF WRITTEN"));
    assert!(repo.read("CHANGELOG.md").contains("- b"));
}

#[test]
fn a_release_beside_a_sync_held_midway_names_it_and_leaves_it_be() {
    let repo = installed_repo();
    repo.commit_hooked("feat: a");
    repo.git_skipping_relhook(&["commit", "-q", "--allow-empty", "-m", "fix: b"]);
    let mut child = repo
        .command_in(relhook_bin(), &repo.path())
        .args(["changelog", "--sync"])
        .env("RELHOOK_TEST_FAILPOINT", "files-written:pause")
        .stderr(Stdio::piped())
        .spawn()
        .expect("run relhook");
    let err = std::io::BufReader::new(child.stderr.take().unwrap());
    let paused = err.lines().any(|l| l.is_ok_and(|l| l.contains("pausing")));
    assert!(paused, "the sync never reached files-written");
    let journal = repo.read(".git/relhook-txn");
    let log = repo.read("CHANGELOG.md");
    let out = relhook(&repo, &["release", "--no-test", "--allow-dirty"]);
    says_wait(&out, child.id(), "release");
    assert_eq!(repo.read(".git/relhook-txn"), journal);
    assert_eq!(repo.read("CHANGELOG.md"), log);
    assert_eq!(repo.git(&["tag", "-l"]), "");
    child.kill().unwrap();
    child.wait().unwrap();
}
