//! QA46: a release whose journal (`.git/relhook-txn`) could not be removed at the end of its
//! commit went on, tagged and exited 0 saying nothing; the next relhook command then
//! "finished an interrupted release" and named `relhook release --resume` for a tag that
//! existed (and --resume had nothing to resume). The removal is tried again, and a journal
//! left is said in one line with its `rm`; a later command that finds a finished release's
//! journal (its tag on the release commit) removes it, saying so in one line.

use crate::support::{Repo, ok, stderr, stdout, text};

fn configured() -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    repo
}

/// `relhook release` whose journal removal fails every time.
fn released_leaving_the_journal(repo: &Repo) -> String {
    let out = repo
        .command_in(crate::support::relhook_bin(), &repo.path())
        .args(["release"])
        .env("RELHOOK_TEST_FAILPOINT", "journal-removal")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.path().join(".git/relhook-txn").exists());
    stderr(&out)
}

#[test]
fn a_journal_the_release_cannot_remove_is_said_with_its_rm() {
    let repo = configured();
    let err = released_leaving_the_journal(&repo);
    let line = err
        .lines()
        .find(|l| l.contains("its journal could not be removed"))
        .unwrap_or_else(|| panic!("{err}"));
    let rm = line
        .rsplit_once('`')
        .map(|(l, _)| l)
        .and_then(|l| l.rsplit_once('`'));
    let rm = rm.map(|(_, c)| c).unwrap_or_else(|| panic!("{line}"));
    assert!(
        rm.starts_with("rm '") && rm.ends_with("relhook-txn'"),
        "{line}"
    );
    // The advice, pasted, leaves nothing for doctor.
    ok(repo.sh(rm));
    let doctor = repo.relhook(&["doctor"]);
    assert!(
        !stdout(&doctor).contains("INVALID  transaction"),
        "{}",
        text(&doctor)
    );
}

#[test]
fn a_finished_releases_journal_is_removed_not_taken_for_an_interrupted_release() {
    let repo = configured();
    released_leaving_the_journal(&repo);
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("was interrupted"), "{doctor}");
    assert!(
        doctor.contains("a finished relhook release left its journal (v0.1.0"),
        "{doctor}"
    );
    let out = repo.try_commit("fix: c");
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains(
            "relhook: removed the journal a finished release left (v0.1.0 is on its release commit"
        ),
        "{err}"
    );
    assert!(!err.contains("--resume"), "{err}");
    assert!(!repo.path().join(".git/relhook-txn").exists());
}

/// The journal as a release left it once its removal failed (its process gone), written by
/// hand: the QA's case, with no test hook in the release.
#[test]
fn a_finished_releases_journal_written_by_hand_is_removed_by_the_next_commit() {
    let repo = configured();
    ok(repo.relhook(&["release"]));
    let head = repo.git(&["rev-parse", "HEAD"]);
    let parent = repo.git(&["rev-parse", "HEAD~1"]);
    repo.write(
        ".git/relhook-txn",
        format!(
            "relhook transaction\npid 4194000\nwhat release\nindex index\nref {} {} refs/heads/main\n",
            parent.trim(),
            head.trim()
        ),
    );
    let out = repo.try_commit("fix: c");
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("removed the journal a finished release left (v0.1.0"),
        "{err}"
    );
    assert!(
        !err.contains("`relhook release --resume` makes its tag"),
        "{err}"
    );
}
