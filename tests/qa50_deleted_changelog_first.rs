//! QA50: before any release, `feat: work and drop` deleted CHANGELOG.md (and its `- one`)
//! beside a file of its own. The next commit's post-commit started the file afresh and said
//! `--sync` adds the entries the commits before call for; `--sync` added only the deleting
//! commit's, and `- one` was lost for good. Now post-commit, `--sync`, doctor and a release
//! all refuse and name the file checked out of the deleting commit's parent; and a changelog
//! that is started anew says how many entries `--sync` adds, never more.

use crate::qa49_changelog_deleted_by_commit::{command_after, delete_beside};
use crate::support::{Repo, dated_release, ok, stderr, stdout, text, untested_installed};

/// `feat: one` listed, then `feat: work and drop` adding `w` and deleting CHANGELOG.md, with
/// no release: the repository and the deleting commit's short id.
fn deleted_beside_work() -> (Repo, String) {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    let id = delete_beside(&repo, "w", "feat: work and drop");
    (repo, id)
}

#[test]
fn a_changelog_deleted_beside_work_before_any_release_is_not_started_afresh() {
    let (repo, id) = deleted_beside_work();
    let what = format!(
        "CHANGELOG.md was deleted by commit {id} (`feat: work and drop`), with the 1 unreleased entry it listed"
    );
    let out = ok(repo.try_commit("feat: three"));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "no entry added: {what}, so relhook made no new one"
        )),
        "{err}"
    );
    assert!(!err.contains("created it"), "{err}");
    assert!(!repo.path().join("CHANGELOG.md").exists(), "nothing made");

    // doctor: the deletion, not a post-commit that did not run.
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert!(
        said.contains(&format!("INVALID  changelog: {what}")),
        "{}",
        text(&out)
    );
    assert!(!said.contains("did not run"), "{said}");
    let (_, row) = said.split_once(&what).unwrap();
    let fix = command_after(row, "fix: ");

    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{what}, so relhook wrote no changelog")),
        "{err}"
    );
    assert_eq!(
        command_after(&err, "wrote no changelog"),
        format!("git checkout {id}~1 -- :/CHANGELOG.md")
    );
    assert!(
        !repo.path().join("CHANGELOG.md").exists(),
        "nothing written"
    );

    let out = dated_release(&repo, &["--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains(&what), "{err}");
    assert_eq!(command_after(&err, "it listed;"), fix);

    // Pasted: every entry is back, the commit's work stays, and the release goes on.
    ok(repo.sh(&fix));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    let log = repo.read("CHANGELOG.md");
    for entry in ["- one", "- work and drop", "- three"] {
        assert!(log.contains(entry), "{entry} missing:\n{log}");
    }
    assert_eq!(repo.read("w"), "w\n");
    let out = ok(repo.relhook(&["doctor"]));
    assert!(!stdout(&out).contains("INVALID"), "{}", text(&out));
    ok(dated_release(&repo, &["--no-test"]));
    assert!(repo.read("CHANGELOG.md").contains("- one"));
}

/// The changelog's only entry taken out by hand, then the file deleted beside work: the next
/// commit starts it anew (nothing listed is lost), and says that `--sync` adds one entry, the
/// deleting commit's (the hand-removed `- one` stays out, as the person left it).
#[test]
fn a_changelog_started_anew_says_only_the_entries_sync_adds() {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    let log = repo.read("CHANGELOG.md").replace("- one\n", "");
    repo.write("CHANGELOG.md", log);
    ok(repo.git_output(&["commit", "-q", "-a", "-m", "docs: no entry for one"]));
    repo.git(&["rm", "-q", "CHANGELOG.md"]);
    repo.write("w", "w\n");
    repo.git(&["add", "w"]);
    ok(repo.git_output(&["commit", "-q", "-m", "feat: work and drop"]));

    let out = ok(repo.try_commit("feat: three"));
    let err = stderr(&out);
    assert!(err.contains("created it"), "{err}");
    assert!(
        err.contains(
            "the commits before this one are not in it: `relhook changelog --sync` adds 1 entry for them"
        ),
        "{err}"
    );
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    let err = stderr(&out);
    assert_eq!(
        err.lines().filter(|l| l.contains("under Added")).count(),
        1,
        "{err}"
    );
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("- work and drop") && log.contains("- three"),
        "{log}"
    );
    assert!(!log.contains("- one"), "{log}");
}
