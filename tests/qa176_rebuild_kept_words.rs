//! QA176: `changelog --rebuild` named the one section it kept as written with "has them" and
//! "their lines", and sent the user to delete "a release's section". One section is now "it",
//! and deleting it is deleting that one.

use crate::support::{Repo, dated_release, ok, stderr, untested_installed};

/// A repository released once (0.1.0, `- one`), whose 0.1.0 section then says its entry in
/// the project's own words, committed, and with `fix: two` after the release.
pub fn released_and_reworded() -> Repo {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    ok(dated_release(&repo, &["--no-test"]));
    repo.commit_hooked("fix: two");
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("\n- one\n"), "{log}");
    repo.write(
        "CHANGELOG.md",
        log.replace("\n- one\n", "\n- one, by hand\n"),
    );
    repo.git(&[
        "commit",
        "-q",
        "-m",
        "docs: say one by hand",
        "--",
        "CHANGELOG.md",
    ]);
    repo
}

#[test]
fn one_kept_section_is_it() {
    let repo = released_and_reworded();
    let out = ok(repo.relhook(&["changelog", "--rebuild"]));
    let err = stderr(&out);
    assert!(
        err.contains(
            "relhook: kept the section of 0.1.0 as CHANGELOG.md has it: history does not give its lines (delete it to have --rebuild write it from its tag)\n"
        ),
        "{err}"
    );
    assert!(!err.contains("them") && !err.contains("their"), "{err}");
}
