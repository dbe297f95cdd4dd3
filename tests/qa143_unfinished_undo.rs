//! QA143: a release whose step failed and whose undo then failed too (a disk that filled up:
//! the old CHANGELOG.md could not be written back) removed its journal anyway and said
//! "nothing was left behind (no commit, no tag, no changed file)", with the release's section
//! left in CHANGELOG.md and no relhook command that would ever take it back (doctor advised
//! committing it). The journal now stays, the error says the undo is unfinished, and the next
//! relhook command that writes undoes the rest.

use std::process::Stdio;

use crate::support::{chmod, installed_repo, stderr, text};

#[test]
fn a_release_whose_undo_fails_keeps_its_journal_and_the_retry_undoes_it() {
    let repo = installed_repo();
    let log = repo.read("CHANGELOG.md");
    let head = repo.git(&["rev-parse", "HEAD"]);
    let paused = repo.scratch("hold").join("paused");
    // Held once the files are written; meanwhile the changelog becomes one relhook may not
    // replace (as a full disk refuses the write), then the index step fails.
    let child = repo
        .command_in(crate::support::relhook_bin(), &repo.path())
        .args(["release", "--no-test"])
        .env("RELHOOK_TEST_FAILPOINT", "files-written:hold,index-staged")
        .env("RELHOOK_TEST_PAUSED", &paused)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !paused.exists() {
        assert!(std::time::Instant::now() < deadline, "never held");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let changelog = repo.path().join("CHANGELOG.md");
    chmod(&changelog, 0o444);
    std::fs::remove_file(&paused).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let said = stderr(&out);
    assert!(said.contains("could not undo"), "{said}");
    assert!(!said.contains("nothing was left behind"), "{said}");
    assert!(
        said.contains("undoing what it wrote failed too")
            && said.contains("run `relhook release --no-test` again once that is fixed"),
        "{said}"
    );
    assert_ne!(repo.read("CHANGELOG.md"), log, "the section was not left");
    // Fixed, the retry takes back what was left first, then releases (a dry run, which
    // writes nothing, only says so: qa153_dry_run_interrupted).
    chmod(&changelog, 0o644);
    let out = repo.relhook(&["release", "--no-test"]);
    assert!(
        out.status.success() && stderr(&out).contains("undid an interrupted release"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["tag"]), "v0.1.0");
    assert_eq!(repo.git(&["rev-parse", "HEAD~"]), head);
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}
