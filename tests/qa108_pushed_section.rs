//! QA108: a release tag made with the hooks off above a hand-written changelog section whose
//! commit, already pushed, does not set the version files. Pre-push said to set them in that
//! commit through `git rebase -i`, which rewrites published history, and doctor and `relhook
//! release` said to fetch the tag back or else move it there, a move the hand-tag hook refuses.
//! All three now give the way that keeps history: the tag fetched back where the remote has
//! it; else deleted, the files set and the entries the section leaves out moved into it in a
//! commit on top, and that commit tagged.

use crate::qa98_moved_unset::section_written_by_hand;
use crate::qa104_moved_unset_doctor::{doctor_fix, pushes, quoted};
use crate::qa108_set_with_work::{list_unreleased_in_section, prepush_fix, release_refusal};
use crate::support::{Repo, ok, stdout, text};

/// [`section_written_by_hand`] with the section pushed, then `fix: b`, tagged with the hooks
/// off: the repository and the section's commit.
fn pushed_then_tagged_above() -> (Repo, String) {
    let (repo, section) = section_written_by_hand();
    ok(repo.git_output(&["push", "-q", "origin", "main"]));
    repo.commit_hooked("fix: b");
    ok(repo.git_skipping_relhook(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]));
    (repo, section)
}

const ON_TOP: &str = "delete the tag (`git tag -d v0.1.0`), set package.json to 0.1.0 (it says 0.0.0), move `- b` from `## [Unreleased]` into `## [0.1.0]` in CHANGELOG.md, commit, then tag the new commit: `git tag -a v0.1.0 -m 'release 0.1.0'`";

#[test]
fn a_pushed_section_commit_is_released_by_a_commit_on_top_not_rewritten() {
    let (repo, section) = pushed_then_tagged_above();
    let published =
        format!("{section} is on `origin`, and a rebase would rewrite published history");

    let doctor = doctor_fix(&repo);
    let prepush = prepush_fix(&repo);
    let release = release_refusal(&repo);
    for said in [&doctor, &prepush, &release] {
        assert!(!said.contains("git rebase"), "{said}");
        assert!(said.contains(ON_TOP), "{said}");
    }
    assert!(prepush.contains(&published), "{prepush}");
    assert!(release.contains(&published), "{release}");
    // Doctor and the release cannot tell whether origin has the tag: its fetch comes first.
    let fetch = "fetch it back if origin has it (`git fetch --force origin tag v0.1.0`); else ";
    assert!(doctor.starts_with(fetch), "{doctor}");
    assert!(release.contains(fetch), "{release}");

    // Pasted: origin has no such tag, so the fetch fails and changes nothing.
    let steps = quoted(&doctor);
    assert_eq!(steps[0], "git fetch --force origin tag v0.1.0");
    assert!(!repo.sh(steps[0]).status.success());
    // Else: deleted, the version set and `- b` listed in a commit on top, that commit tagged.
    ok(repo.sh(steps[1]));
    let json = repo.read("package.json").replace("0.0.0", "0.1.0");
    repo.write("package.json", json);
    list_unreleased_in_section(&repo);
    ok(repo.git_output(&["commit", "-q", "-a", "-m", "docs: release b as 0.1.0"]));
    let tagged = repo.sh(steps.last().unwrap());
    assert!(tagged.status.success(), "{}", text(&tagged));
    // The push goes, and what origin had stays (no force needed).
    pushes(&repo);
    ok(repo.git_output(&["merge-base", "--is-ancestor", &section, "v0.1.0"]));
    let notes = stdout(&repo.relhook(&["notes", "v0.1.0"]));
    assert!(notes.contains("- a") && notes.contains("- b"), "{notes}");
}

#[test]
fn the_tag_origin_has_as_it_was_is_fetched_back() {
    let (repo, section) = section_written_by_hand();
    // Pushed with the hooks off on the section's commit, then moved up past the hook.
    ok(repo.git_skipping_relhook(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]));
    let out = repo.git_skipping_relhook(&["push", "-q", "origin", "main", "v0.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.commit_hooked("fix: b");
    let out = repo.git_skipping_relhook(&["tag", "-f", "-a", "v0.1.0", "-m", "v0.1.0"]);
    assert!(out.status.success(), "{}", text(&out));

    let fix = doctor_fix(&repo);
    let steps = quoted(&fix);
    assert_eq!(steps[0], "git fetch --force origin tag v0.1.0", "{fix}");
    let out = repo.sh(steps[0]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["rev-parse", "--short=9", "v0.1.0^{}"]), section);
    // The tag is origin's again: nothing is said of it (the files it left behind are the
    // published release's, doctor's other row).
    let report = stdout(&repo.relhook(&["doctor"]));
    let row = |l: &str| l.split_once("  tag v0.1.0: ").is_some();
    assert!(!report.lines().any(row), "{report}");
}
