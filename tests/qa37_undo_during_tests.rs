//! QA37: a release undone after its tests failed wrote its files back whole, losing what was
//! changed in them while the tests ran (a note added to CHANGELOG.md); and a `git switch -c`
//! during the tests made the undo move the new branch, leaving the release commit on main
//! while relhook said nothing was released.

use crate::support::{Repo, configured_with_a_feature, dated_release, stderr, text};

/// A release whose test command runs `script`, then fails.
fn failing_after(script: &str) -> Repo {
    let script = script.to_owned();
    configured_with_a_feature(move |_| {
        format!(
            "[checks]\nrequire_tested_tags = false\ntest = [\"sh\", \"-c\", {}]\n",
            toml_string(&format!("{script}; exit 1"))
        )
    })
}

fn toml_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

#[test]
fn a_note_added_to_the_changelog_while_the_tests_ran_is_kept() {
    let repo = failing_after("printf '\\nMy note.\\n' >> CHANGELOG.md");
    let before = repo.read("CHANGELOG.md");
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = dated_release(&repo, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains(
            "relhook: CHANGELOG.md changed while the tests ran: the release's edit is taken out of it, and that change kept"
        ),
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert_eq!(repo.read("CHANGELOG.md"), format!("{before}\nMy note.\n"));
    assert_eq!(repo.git(&["status", "--short"]), " M CHANGELOG.md");
}

#[test]
fn a_change_on_the_lines_the_release_edited_stays_with_the_edit() {
    // The release's heading line rewritten by hand while the tests ran.
    let repo = failing_after("sed -i 's/^## \\[0.1.0\\] - .*/## [0.1.0] - mine/' CHANGELOG.md");
    let out = dated_release(&repo, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains(
            "relhook: CHANGELOG.md changed while the tests ran, on lines the release edited: it is left as it is (`git diff -- :/CHANGELOG.md` shows what it holds)"
        ),
        "{}",
        text(&out)
    );
    assert!(repo.read("CHANGELOG.md").contains("## [0.1.0] - mine"));
    assert!(repo.git(&["tag", "-l"]).is_empty());
}

#[test]
fn a_branch_switch_while_the_tests_ran_leaves_the_release_commit_named_on_its_branch() {
    let repo = failing_after("git switch -q -c other");
    let out = dated_release(&repo, &[]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("HEAD switched from `main` to `other` since relhook made the release commit"),
        "{err}"
    );
    assert!(!err.contains("nothing was released"), "{err}");
    let release = repo.git(&["rev-parse", "--short=9", "main"]);
    assert!(
        err.contains(&format!(
            "the release commit ({release}) is still on main: `git switch main && relhook release --resume` finishes the release, or `git branch -f main {release}~1` drops it"
        )),
        "{err}"
    );
    // `other` was not moved back behind the user's back either.
    assert_eq!(
        repo.git(&["rev-parse", "other"]),
        repo.git(&["rev-parse", "main"])
    );
}

/// A branch made on the release commit while the tests ran, then left: the undo takes the
/// commit off main and says the branch still holds it.
#[test]
fn a_branch_made_on_the_release_commit_during_the_tests_is_named() {
    let repo = failing_after("git switch -q -c other && git switch -q main");
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = dated_release(&repo, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    let release = repo.git(&["rev-parse", "--short=9", "other"]);
    assert!(
        stderr(&out).contains(&format!(
            "relhook: branch other, made while the tests ran, still holds the release commit {release} (`git branch -D other` drops it with the branch)"
        )),
        "{}",
        text(&out)
    );
}

/// A tag made on the release commit while the tests ran is named too.
#[test]
fn a_tag_made_on_the_release_commit_during_the_tests_is_named() {
    let repo = failing_after("git tag lightweight-during");
    let out = dated_release(&repo, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("relhook: tag lightweight-during, made while the tests ran, still names the release commit"),
        "{}",
        text(&out)
    );
}
