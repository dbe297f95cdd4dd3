//! QA51: a `git commit --no-verify` whose entry the person did not want, taken out by hand in
//! `git commit --amend` (a reword or not). post-commit ran for the amend and said that the
//! entry stays out, and that `--sync` would put one back; doctor then said the commit was
//! "made while relhook's post-commit did not run". Now it names the amend that took the entry
//! out.

use crate::support::{Repo, hooked_changelog_repo, stdout, text};

/// A `--no-verify` commit of `fix: handle f` (post-commit still adds its entry), then an
/// amend `args` with that entry deleted from the file by hand; returns doctor's output.
fn taken_out_by_amend(args: &[&str]) -> (Repo, String) {
    let repo = hooked_changelog_repo();
    repo.write("f", "1\n");
    repo.git(&["add", "f"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "fix: handle f"]);
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- handle f"), "{log}");
    repo.write("CHANGELOG.md", log.replace("- handle f\n", ""));
    let amend = [&["commit", "-q", "-a", "--amend"], args].concat();
    let out = repo.git_output(&amend);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("was taken out in this amend"),
        "{}",
        text(&out)
    );
    let said = stdout(&repo.relhook(&["doctor"]));
    (repo, said)
}

#[test]
fn doctor_names_the_amend_that_took_the_entry_out_by_hand() {
    for args in [&["-m", "fix: handle the f"][..], &["--no-edit"][..]] {
        let (_repo, said) = taken_out_by_amend(args);
        assert!(
            said.contains(
                "CHANGELOG.md has no entry for 1 commit since the last release that calls for one (made by `git commit --amend` with the entry taken out by hand: `relhook changelog --sync` puts it back; a commit of its own that deletes it keeps it out for good)"
            ),
            "{args:?}: {said}"
        );
        assert!(!said.contains("did not run"), "{args:?}: {said}");
    }
}

/// Beside a commit made with the hooks skipped, each reason is counted.
#[test]
fn beside_a_skipped_commit_each_reason_has_its_count() {
    let (repo, _) = taken_out_by_amend(&["--no-edit"]);
    repo.write("g", "1\n");
    repo.git(&["add", "g"]);
    repo.git_env(
        &["commit", "-q", "-m", "feat: add g"],
        &[("RELHOOK_SKIP", "1")],
    );
    let said = stdout(&repo.relhook(&["doctor"]));
    assert!(
        said.contains(
            "(1 made by `git commit --amend` with the entry taken out by hand: `relhook changelog --sync` puts it back; a commit of its own that deletes it keeps it out for good, the others while relhook's post-commit did not run"
        ),
        "{said}"
    );
}
