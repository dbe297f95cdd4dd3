//! QA263: beside a changelog over the 64 MiB cap (QA244, QA254), `relhook doctor` left out
//! every row of unfinished work: a release killed after its commit, an interrupted
//! transaction, a test checkout a killed release left. None of them reads the work tree's
//! changelog, so each is said beside the changelog's own row. That the file is left unread is
//! counted (`RELHOOK_TEST_PARSE_COUNT`), never timed.

use crate::support::{
    doctor_beside_a_huge_changelog as doctor_counted, grow_past_the_cap, text, untested_installed,
};

#[test]
fn a_release_killed_after_its_commit_is_said_beside_a_huge_changelog() {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    repo.relhook_killed_at("release-committed", &["release", "--no-test"]);
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
    assert_eq!(repo.git(&["tag"]), "");
    grow_past_the_cap(&repo.path().join("CHANGELOG.md"));
    let (report, parses) = doctor_counted(&repo);
    assert!(
        report.contains("INVALID  release 0.1.0:")
            && report.contains("fix: relhook release --resume --no-test"),
        "{report}"
    );
    // Both parses are of changelogs git holds (small): a read of the work tree's file, as
    // the rows of release tags left behind by a rewrite make, would be a third.
    assert_eq!(parses, 2, "{report}");
}

#[test]
fn an_interrupted_transaction_is_said_beside_a_huge_changelog() {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    repo.relhook_killed_at("index-staged", &["release", "--no-test"]);
    grow_past_the_cap(&repo.path().join("CHANGELOG.md"));
    let (report, _) = doctor_counted(&repo);
    assert!(
        report.contains("INVALID  transaction: a relhook release was interrupted"),
        "{report}"
    );
    // The fix it names to only undo the transaction undoes it before it refuses the huge
    // changelog, and says so in one line.
    let line = report
        .lines()
        .find(|l| l.contains("INVALID  transaction:"))
        .unwrap_or_else(|| panic!("{report}"));
    let fix = line
        .split('`')
        .skip(1)
        .step_by(2)
        .find(|command| command.ends_with("changelog --sync"))
        .and_then(|command| command.strip_prefix("relhook "))
        .unwrap_or_else(|| panic!("no `relhook changelog --sync` in {line}"));
    let out = repo.relhook(&fix.split(' ').collect::<Vec<_>>());
    let said = text(&out);
    assert_eq!(
        said.matches("undid an interrupted release").count(),
        1,
        "{said}"
    );
    assert!(said.contains("larger than the 64 MiB"), "{said}");
    let (after, _) = doctor_counted(&repo);
    assert!(!after.contains("INVALID  transaction:"), "{after}");
}
