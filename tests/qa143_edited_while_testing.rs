//! QA143: files edited while a release's tests ran in the work tree (an editor's save, a
//! `git add` during a long run) were tested in place of the release commit's: the pass was
//! recorded for the release commit's tree and the tag made, though its own files fail. When
//! tracked files changed during the run, the tests now run again on a clean checkout of the
//! release commit, whose result decides; the edits stay as they are.

use crate::support::{Repo, ok, stderr, text};

/// A project whose test needs `good` in `state` (committed as `bad`), relhook installed, a
/// fix to release. The test command's first run writes `good` into `state` itself, as a
/// save during the run would; its later runs do not.
fn edited_during_the_first_run() -> Repo {
    let repo = Repo::new();
    let once = repo.scratch("once").join("ran");
    let script = format!(
        "if [ ! -e '{}' ]; then touch '{}'; echo good > state; fi; grep -q good state",
        once.display(),
        once.display()
    );
    repo.write(
        ".relconfig.toml",
        format!("[checks]\ntest = [\"sh\", \"-c\", {script:?}]\n"),
    );
    repo.write("state", "bad\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("fix: one");
    repo
}

#[test]
fn a_release_whose_files_changed_while_testing_tests_its_own_commit() {
    let repo = edited_during_the_first_run();
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = repo.relhook(&["release"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("it changed while they ran (state)")
            && stderr(&out).contains("nothing was released"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["tag"]), "");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    let records = repo.git_output(&["notes", "--ref=relhook-tests", "list"]);
    assert_eq!(String::from_utf8_lossy(&records.stdout), "");
    assert_eq!(repo.read("state"), "good\n", "the edit was not kept");
}

#[test]
fn a_release_whose_tests_only_add_files_runs_them_once() {
    let repo = Repo::new();
    let count = repo.scratch("count").join("runs");
    let script = format!("echo run >> '{}'; touch out.o", count.display());
    repo.write(
        ".relconfig.toml",
        format!("[checks]\ntest = [\"sh\", \"-c\", {script:?}]\n"),
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("fix: one");
    ok(repo.relhook(&["release"]));
    assert_eq!(repo.git(&["tag"]), "v0.1.0");
    assert_eq!(std::fs::read_to_string(&count).unwrap(), "run\n");
}
