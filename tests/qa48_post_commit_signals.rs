//! QA48: Ctrl-C (SIGINT to the whole foreground process group), SIGTERM or SIGHUP while
//! post-commit amended the commit to carry its changelog entry killed relhook mid-way: git's
//! index.lock, relhook's journal and the changelog's edit stayed behind, nothing was said, and
//! the next `git commit` failed on the lock. The hook now defers the signals: before HEAD
//! moves the amend is undone whole and one line names `relhook changelog --sync`; after, it
//! finishes. And past the file size limit (`ulimit -f`) the retry it names is that command,
//! not "the command" (git's commit, which is done).

use std::path::Path;
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Repo, SKELETON, stderr, text};

const SIGNALS: [(i32, &str); 3] = [
    (libc::SIGINT, "SIGINT"),
    (libc::SIGTERM, "SIGTERM"),
    (libc::SIGHUP, "SIGHUP"),
];

/// relhook installed in `repo` (post-commit in its `#!` form, as `relhook install` writes
/// it) over a committed changelog.
pub(crate) fn installed_over(repo: Repo) -> Repo {
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.write("CHANGELOG.md", SKELETON);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo
}

/// relhook installed (post-commit in its `#!` form, as `relhook install` writes it) over a
/// committed changelog, `a.txt` committed as a feature, and changed again in the work tree.
fn repo() -> Repo {
    let repo = installed_over(Repo::new());
    repo.write("a.txt", "one\n");
    repo.git(&["add", "a.txt"]);
    repo.git(&["commit", "-q", "-m", "feat: add one"]);
    assert!(repo.read("CHANGELOG.md").contains("- add one"));
    repo.write("a.txt", "one\ntwo\n");
    repo
}

/// `git commit -am "feat: add two"` in a process group of its own (a terminal's foreground
/// job), paused at post-commit's failpoint `step`, sent `signal` once the pause began; its
/// output once git and the hook (which may outlive a git the signal ended) are done.
fn commit_signalled_at(repo: &Repo, step: &str, signal: i32) -> Output {
    git_signalled_at(
        repo,
        &["commit", "-q", "-am", "feat: add two"],
        step,
        signal,
    )
}

/// `git ARGS` as [`commit_signalled_at`] runs its commit.
pub(crate) fn git_signalled_at(repo: &Repo, args: &[&str], step: &str, signal: i32) -> Output {
    use std::os::unix::process::CommandExt;
    let paused = repo.dir.path().join("paused");
    let _ = std::fs::remove_file(&paused);
    let mut child = repo
        .command_in("git", &repo.path())
        .args(args)
        .env("RELHOOK_TEST_FAILPOINT", format!("{step}:pause"))
        .env("RELHOOK_TEST_PAUSED", &paused)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()
        .expect("spawn git commit");
    let deadline = Instant::now() + Duration::from_secs(30);
    while !paused.exists() {
        if let Ok(Some(status)) = child.try_wait() {
            panic!("git commit ended before the pause at {step}: {status}");
        }
        assert!(Instant::now() < deadline, "the pause at {step} never came");
        std::thread::sleep(Duration::from_millis(10));
    }
    let pid = i32::try_from(child.id()).unwrap();
    // SAFETY: kill(2) on the process group this test started.
    assert_eq!(unsafe { libc::kill(-pid, signal) }, 0);
    let watchdog = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(30));
        // SAFETY: as above; a group that has ended makes this a no-op.
        unsafe { libc::kill(-pid, libc::SIGKILL) };
    });
    let out = child.wait_with_output().expect("wait");
    drop(watchdog);
    out
}

/// What relhook said, without the failpoint's own line.
fn said(out: &Output) -> String {
    stderr(out)
        .lines()
        .filter(|l| !l.contains("failpoint"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Nothing of relhook's is left in .git, the tree is clean, and a next commit goes through.
fn assert_whole(repo: &Repo, said: &str) {
    let git_dir = repo.path().join(".git");
    for left in ["index.lock", "relhook-txn"] {
        assert!(!git_dir.join(left).exists(), ".git/{left} left\n{said}");
    }
    let temporary = std::fs::read_dir(&git_dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("relhook-tmp"))
        .collect::<Vec<_>>();
    assert!(temporary.is_empty(), "{temporary:?}\n{said}");
    assert!(
        repo.is_clean(),
        "{}\n{said}",
        repo.git(&["status", "--short"])
    );
}

/// The commit stays as git made it (no entry in it or in the file), one line says so and
/// names the command that adds it; that command does, and the next commit goes through.
fn assert_undone(repo: &Repo, out: &Output, name: &str) {
    let said = said(out);
    assert_whole(repo, &said);
    assert_eq!(repo.head_subject(), "feat: add two", "{said}");
    assert!(!repo.read("CHANGELOG.md").contains("add two"), "{said}");
    let committed = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert!(!committed.contains("add two"), "{said}");
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
    let sync = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(sync.status.code(), Some(0), "{}", text(&sync));
    assert!(repo.read("CHANGELOG.md").contains("- add two"), "{said}");
    repo.write("b.txt", "three\n");
    repo.git(&["add", "."]);
    let next = repo.git_output(&["commit", "-q", "-m", "fix: three"]);
    assert_eq!(next.status.code(), Some(0), "{}", text(&next));
}

/// Each signal at `step`, before HEAD moves: the amend is undone and said.
fn undone_at(step: &str) {
    for (signal, name) in SIGNALS {
        let repo = repo();
        let out = commit_signalled_at(&repo, step, signal);
        assert_undone(&repo, &out, name);
    }
}

#[test]
fn a_signal_once_the_index_is_locked_undoes_the_amend_and_says_so() {
    undone_at("locked");
}

#[test]
fn a_signal_while_the_changelog_is_replaced_undoes_the_amend_and_says_so() {
    undone_at("file-replacing");
}

#[test]
fn a_signal_once_the_files_are_written_undoes_the_amend_and_says_so() {
    undone_at("files-written");
}

#[test]
fn a_signal_once_the_index_is_staged_undoes_the_amend_and_says_so() {
    undone_at("index-staged");
}

/// Once HEAD has moved only the index is left: the amend finishes, and is said as usual.
#[test]
fn a_signal_once_head_moved_finishes_the_amend() {
    for step in ["refs-moved", "journal-removal"] {
        for (signal, _) in SIGNALS {
            let repo = repo();
            let out = commit_signalled_at(&repo, step, signal);
            let said = said(&out);
            assert_whole(&repo, &said);
            let committed = repo.git(&["show", "HEAD:CHANGELOG.md"]);
            assert!(committed.contains("- add two"), "{step}: {said}");
            assert!(
                said.contains("CHANGELOG.md: added `- add two` under Added; the commit is now"),
                "{step}: {said}"
            );
        }
    }
}

/// An amend's rewrite undone: its line says what the file still reads, as for any amend
/// relhook could not rewrite, and why.
#[test]
fn a_signal_during_an_amends_rewrite_undoes_it_and_says_so() {
    let repo = repo();
    let args = ["commit", "-q", "--amend", "-am", "feat: add uno"];
    let out = git_signalled_at(&repo, &args, "locked", libc::SIGTERM);
    let said = said(&out);
    assert_whole(&repo, &said);
    assert_eq!(repo.head_subject(), "feat: add uno", "{said}");
    assert!(repo.read("CHANGELOG.md").contains("- add one"), "{said}");
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(
        said.contains("interrupted (SIGTERM) while adding the changelog entry"),
        "{said}"
    );
    assert!(
        said.contains("change it by hand to `- add uno` under Added"),
        "{said}"
    );
}

/// The hook relhook chains (kept from before `relhook install`) is not started after a
/// Ctrl-C, as the sh shim, which the same signal ends, would not start it.
#[test]
fn a_chained_hook_does_not_start_after_a_ctrl_c() {
    let repo = Repo::new();
    let hook = repo.path().join(".git/hooks/post-commit");
    let ran = repo.dir.path().join("chained-ran");
    std::fs::write(&hook, format!("#!/bin/sh\ntouch '{}'\n", ran.display())).unwrap();
    crate::support::make_executable(&hook);
    let repo = installed_over(repo);
    repo.write("a.txt", "one\n");
    repo.git(&["add", "a.txt"]);
    repo.git(&["commit", "-q", "-m", "feat: add one"]);
    assert!(ran.exists(), "the chained hook runs after a commit");
    std::fs::remove_file(&ran).unwrap();
    repo.write("a.txt", "one\ntwo\n");
    let out = commit_signalled_at(&repo, "locked", libc::SIGINT);
    assert!(!wait_for(&ran), "{}", said(&out));
    assert_undone(&repo, &out, "SIGINT");
}

/// Whether `file` appears within a second (a hook git no longer waits for may still run).
fn wait_for(file: &Path) -> bool {
    let deadline = Instant::now() + Duration::from_secs(1);
    while Instant::now() < deadline {
        if file.exists() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

/// A changelog larger than the file size limit: the line names `relhook changelog --sync`
/// as what to run once the limit is raised, not "the command" (git's commit, which is done).
#[test]
fn past_the_file_size_limit_post_commit_names_changelog_sync() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    let mut log = format!("{SKELETON}\n## [0.1.0] - 2026-01-01\n\n### Added\n\n");
    for i in 0..400 {
        log.push_str(&format!("- entry number {i} with some padding text here\n"));
    }
    repo.write("CHANGELOG.md", &log);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.write("a.txt", "one\n");
    repo.git(&["add", "a.txt"]);
    // 16 KiB: below the changelog's size.
    let out = repo.sh("ulimit -f 16 && git commit -q -m 'feat: add one'");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let said = text(&out);
    assert!(!said.contains("run the command again"), "{said}");
    assert!(
        said.contains(
            "raise it (`ulimit -f unlimited`), then `relhook changelog --sync` writes it into the file"
        ),
        "{said}"
    );
    assert!(said.contains("CHANGELOG.md` would be larger than the file size limit"));
    assert_eq!(repo.read("CHANGELOG.md"), log);
    // And it does, once the limit is raised.
    let sync = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(sync.status.code(), Some(0), "{}", text(&sync));
    assert!(repo.read("CHANGELOG.md").contains("- add one"));
}
