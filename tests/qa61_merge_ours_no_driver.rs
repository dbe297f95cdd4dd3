//! QA61: `.gitattributes` names relhook's merge driver, but this clone never registered it
//! (`merge.relhook-changelog.driver` absent: hooks another tool manages), so git merged
//! CHANGELOG.md line by line and left a conflict. `git checkout --ours` dropped the other
//! side's entry, and post-commit called it taken out by hand, from the driver's clean merge
//! git never ran. Now the merge git did make decides: its conflict's loss is put back, and an
//! entry a clean merge kept and a hand removed stays out.

use crate::support::{Repo, installed_repo, text};

fn add(repo: &Repo, file: &str, message: &str) {
    repo.write(file, "x\n");
    repo.git(&["add", file]);
    repo.commit_hooked(message);
}

/// relhook installed, then its merge driver's registration removed, as in a clone where
/// `relhook install` never ran.
fn without_driver() -> Repo {
    let repo = installed_repo();
    repo.write(".gitattributes", "/CHANGELOG.md merge=relhook-changelog\n");
    repo.git(&["add", ".gitattributes"]);
    repo.commit_hooked("chore: attributes");
    repo.git(&["config", "--remove-section", "merge.relhook-changelog"]);
    repo
}

/// Concludes the merge in progress with `git commit --no-edit`: what relhook said.
fn conclude(repo: &Repo) -> String {
    repo.git(&["add", "CHANGELOG.md"]);
    let out = repo.git_output(&["commit", "-q", "--no-edit"]);
    assert!(out.status.success(), "{}", text(&out));
    text(&out)
}

#[test]
fn git_s_own_conflict_resolved_with_ours_gets_the_other_side_s_entry_back() {
    let repo = without_driver();
    repo.git(&["switch", "-qc", "side"]);
    add(&repo, "s", "feat: side only");
    repo.git(&["switch", "-q", "main"]);
    add(&repo, "m", "feat: main only");
    let out = repo.git_output(&["merge", "--no-edit", "side"]);
    assert!(text(&out).contains("CONFLICT (content): Merge conflict in CHANGELOG.md"));
    repo.git(&["checkout", "--ours", "CHANGELOG.md"]);
    let said = conclude(&repo);
    assert!(
        said.contains("put back 1 entry a parent had unreleased and the conflict's resolution dropped (`- side only`)")
            && !said.contains("by hand"),
        "{said}"
    );
    let head = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert!(
        head.contains("- side only") && head.contains("- main only"),
        "{head}"
    );
    assert!(repo.is_clean());
}

/// A merge git made cleanly (main changed no changelog), an entry deleted before the commit.
fn hand_removal(repo: &Repo) -> String {
    repo.git(&["switch", "-qc", "side"]);
    add(repo, "u", "feat: add dashboard");
    add(repo, "v", "fix: internal-only tweak");
    repo.git(&["switch", "-q", "main"]);
    add(repo, "m", "chore: main chore");
    repo.git(&["merge", "-q", "--no-commit", "--no-ff", "side"]);
    let text_now = repo
        .read("CHANGELOG.md")
        .replace("- internal-only tweak\n", "");
    repo.write("CHANGELOG.md", text_now);
    let said = conclude(repo);
    let head = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert!(
        !head.contains("internal-only tweak") && head.contains("- add dashboard"),
        "{head}\n{said}"
    );
    said
}

#[test]
fn an_entry_a_clean_line_merge_kept_and_a_hand_removed_stays_out() {
    let said = hand_removal(&without_driver());
    assert!(
        said.contains("leaves out 1 entry a parent had unreleased (`- internal-only tweak`), which the merge itself kept: taken out by hand, it stays out"),
        "{said}"
    );
}

#[test]
fn with_no_attribute_naming_the_driver_a_hand_removal_stays_out_too() {
    let repo = installed_repo();
    repo.write(".git/info/attributes", "");
    let said = hand_removal(&repo);
    assert!(said.contains("taken out by hand, it stays out"), "{said}");
}
