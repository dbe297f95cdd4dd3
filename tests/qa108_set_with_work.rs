//! QA108: a release tag made with the hooks off above a hand-written changelog section whose
//! commit does not set the version files, which a later commit sets together with work of its
//! own. Pre-push, doctor and `relhook release`'s refusal of the tag said to set the files in
//! the section's commit through `git rebase -i`, while `relhook release` (and doctor) said of
//! the same section, once the tag was deleted, that a rebase would rewrite that work, and to
//! list it in the section in a commit on top instead. All of them now give that one way, from
//! one place (`release::unset_way`).

use crate::qa98_moved_unset::section_written_by_hand;
use crate::qa104_moved_unset_doctor::{doctor_fix, pushes, quoted};
use crate::support::{Repo, ok, stderr, stdout, text};

/// Pre-push's `fix:` line for the tag, the push refused.
pub(crate) fn prepush_fix(repo: &Repo) -> String {
    let out = repo.git_output(&["push", "-q", "origin", "main", "v0.1.0"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    err.lines()
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("{err}"))
        .to_owned()
}

/// `relhook release`'s refusal, refused.
pub(crate) fn release_refusal(repo: &Repo) -> String {
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    stderr(&out)
}

/// What CHANGELOG.md lists under `## [Unreleased]`, moved into the empty `## [0.1.0]` section
/// below it, by hand.
pub(crate) fn list_unreleased_in_section(repo: &Repo) {
    let log = repo.read("CHANGELOG.md");
    let heading = "## [0.1.0] - 2026-01-01\n";
    let (top, rest) = log.split_once("## [Unreleased]\n").unwrap();
    let (unreleased, rest) = rest.split_once(heading).unwrap();
    let listed = format!(
        "{top}## [Unreleased]\n\n{heading}\n{}\n{rest}",
        unreleased.trim()
    );
    repo.write("CHANGELOG.md", listed);
}

const ON_TOP: &str = "move `- c` and 2 more from `## [Unreleased]` into `## [0.1.0]` in CHANGELOG.md, commit, then tag the new commit: `git tag -a v0.1.0 -m 'release 0.1.0'`";

#[test]
fn pre_push_doctor_and_release_give_one_way_for_a_version_set_with_work() {
    let (repo, _) = section_written_by_hand();
    repo.commit_hooked("fix: b");
    let json = repo.read("package.json").replace("0.0.0", "0.1.0");
    repo.write("package.json", json);
    repo.write("c.txt", "c\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat: c");
    let set = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    repo.commit_hooked("fix: d");
    ok(repo.git_skipping_relhook(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]));

    let why = format!(
        "{set} set package.json to 0.1.0 together with work of its own, which a rebase would rewrite"
    );
    let delete = format!("delete the tag (`git tag -d v0.1.0`), {ON_TOP}");
    let doctor = doctor_fix(&repo);
    let prepush = prepush_fix(&repo);
    let release = release_refusal(&repo);
    assert_eq!(doctor, delete);
    for said in [&prepush, &release] {
        assert!(said.contains(&format!("{why}: {delete}")), "{said}");
    }
    // The tag deleted, as the first step says: the release says the same of the section.
    let steps = quoted(&doctor);
    ok(repo.sh(steps[0]));
    let untagged = release_refusal(&repo);
    assert!(
        untagged.contains(&format!("{why}; to release it, {ON_TOP}")),
        "{untagged}"
    );
    let awaiting = doctor_awaiting(&repo);
    assert_eq!(awaiting, format!("{why}; to release it, {ON_TOP}"));

    // Followed: `- b`, `- c` and `- d` listed in the section on top, that commit tagged.
    list_unreleased_in_section(&repo);
    ok(repo.git_output(&[
        "commit",
        "-q",
        "-a",
        "-m",
        "docs: release b, c and d as 0.1.0",
    ]));
    let tagged = repo.sh(steps.last().unwrap());
    assert!(tagged.status.success(), "{}", text(&tagged));
    pushes(&repo);
    let notes = stdout(&repo.relhook(&["notes", "v0.1.0"]));
    assert!(notes.contains("- c") && notes.contains("- d"), "{notes}");
}

/// Doctor's `fix:` line for the section awaiting its tag.
fn doctor_awaiting(repo: &Repo) -> String {
    let report = stdout(&repo.relhook(&["doctor"]));
    report
        .lines()
        .skip_while(|l| !l.contains("release 0.1.0:"))
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("{report}"))
        .to_owned()
}
