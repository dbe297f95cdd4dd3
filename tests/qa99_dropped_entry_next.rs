//! QA99: with the entry of an unreleased reapply (or any change) taken out of
//! `## [Unreleased]` by hand after a release, `relhook version --next` named a next version
//! that `relhook release` refused ("nothing for the changelog": a release never has empty
//! notes), while doctor, as the changelog is the user's truth for entries, had nothing to say.
//! Before the first release `--next` did follow the file, but said no commit had an entry.
//! Now `--next` refuses as the release does, in its words, before and after a release.

use crate::support::{Repo, dated_release, ok, stderr, stdout, text, untested_installed};

/// `fix: x` through the hooks, reverted and reapplied by git, then its entry taken out of
/// the file by hand in a `docs:` commit.
fn reapplied_then_dropped(repo: &Repo) {
    repo.commit_hooked("fix: x");
    for _ in 0..2 {
        let out = repo.git_output(&["revert", "--no-edit", "HEAD"]);
        assert!(out.status.success(), "{}", text(&out));
    }
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("### Fixed\n\n- x\n"), "{log}");
    repo.write("CHANGELOG.md", log.replace("\n### Fixed\n\n- x\n", ""));
    repo.git(&["add", "CHANGELOG.md"]);
    repo.commit_hooked("docs: leave x out of the notes");
}

/// The refusal of `relhook ARGS`, exit 1; its stderr.
fn refused(repo: &Repo, args: &[&str]) -> String {
    let out = repo.relhook(args);
    assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out));
    stderr(&out)
}

#[test]
fn next_refuses_what_release_refuses_after_a_release() {
    let repo = untested_installed();
    repo.commit_hooked("feat: base");
    ok(dated_release(&repo, &["--no-test"]));
    reapplied_then_dropped(&repo);
    let next = refused(&repo, &["version", "--next"]);
    let release = refused(&repo, &["release", "--dry-run", "--no-test"]);
    let said = "nothing for the changelog: the `## [0.1.1]` section of CHANGELOG.md would be empty";
    assert!(next.contains(said), "{next}");
    assert!(release.contains(said), "{release}");
    // The hand edit stands: nothing missing, nothing to sync back.
    let doctor = stdout(&ok(repo.relhook(&["doctor"])));
    assert!(!doctor.contains("has no entry"), "{doctor}");
    let sync = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(stderr(&sync).contains("up to date"), "{}", text(&sync));
    // `--explain` answers with the current version and why there is no next one.
    let explain = stdout(&ok(repo.relhook(&["version", "--explain"])));
    assert!(explain.contains("next: none yet:"), "{explain}");
    // Written back by hand, both go ahead.
    let log = repo.read("CHANGELOG.md");
    let log = log.replacen(
        "## [Unreleased]\n",
        "## [Unreleased]\n\n### Fixed\n\n- x\n",
        1,
    );
    repo.write("CHANGELOG.md", log);
    repo.git(&["add", "CHANGELOG.md"]);
    repo.commit_hooked("docs: put x back");
    let next = stdout(&ok(repo.relhook(&["version", "--next"])));
    assert_eq!(next.trim(), "0.1.1");
    ok(repo.relhook(&["release", "--dry-run", "--no-test"]));
}

#[test]
fn next_before_the_first_release_says_the_entries_were_taken_out() {
    let repo = untested_installed();
    repo.commit_hooked("docs: start");
    reapplied_then_dropped(&repo);
    let next = refused(&repo, &["version", "--next"]);
    let release = refused(&repo, &["release", "--dry-run", "--no-test"]);
    let said = "nothing for the changelog: the `## [0.1.0]` section of CHANGELOG.md would be empty";
    assert!(next.contains(said), "{next}");
    assert!(release.contains(said), "{release}");
    assert!(!next.contains("no commit has a changelog entry"), "{next}");
}
