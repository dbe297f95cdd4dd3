//! Changelog entries across history operations: a branch's revert merged after the change it
//! reverts was released, reapplied merges, a rebase that drops the commit which created the
//! changelog, and a hooks-off revert that empties Unreleased.

use crate::reverts_released::{REMOVED, assert_carried, unreleased};
use crate::support::{Repo, hand_tag, installed_repo, ok, stderr, stdout, text};

/// `- revert "add a"` under Removed, as a revert of a released change gets it.
/// `feat: add a` committed through the hooks; branch `side` made there reverts it (its entry
/// cancelled: still unreleased on that branch), then main releases it as v0.1.0.
fn reverted_on_a_branch_then_released() -> Repo {
    let repo = installed_repo();
    repo.write("a.txt", "1\n");
    repo.git(&["add", "a.txt"]);
    repo.git(&["commit", "-q", "-m", "feat: add a"]);
    repo.git(&["switch", "-q", "-c", "side"]);
    ok(repo.git_output(&["revert", "--no-edit", "HEAD"]));
    assert!(!repo.read("CHANGELOG.md").contains("add a"));
    repo.git(&["switch", "-q", "main"]);
    ok(hand_tag(&repo, &["-a", "v0.1.0", "-m", "r"]));
    repo
}

/// The merge now reverts a released change: Unreleased gets the revert's entry at the merge,
/// said in one line, and `--sync` then has nothing to add.
#[test]
fn a_branch_revert_merged_after_the_release_carries_its_removed_entry() {
    let repo = reverted_on_a_branch_then_released();
    let out = repo.git_output(&["merge", "--no-edit", "side"]);
    assert_carried(&repo, &out);
}

/// The same merge stopped on a conflict in another file and concluded by hand: the entry
/// came with the merge's changelog, once.
#[test]
fn a_branch_revert_merged_after_a_conflict_carries_it_once() {
    let repo = reverted_on_a_branch_then_released();
    repo.write("a.txt", "2\n");
    repo.git(&["commit", "-q", "-am", "chore: touch a"]);
    let out = repo.git_output(&["merge", "--no-edit", "side"]);
    assert!(
        !out.status.success(),
        "a modify/delete conflict: {}",
        text(&out)
    );
    repo.git(&["rm", "-q", "a.txt"]);
    let out = ok(repo.git_output(&["commit", "-q", "--no-edit"]));
    let top = unreleased(&repo);
    assert_eq!(
        top.matches("revert \"add a\"").count(),
        1,
        "{top}\n{}",
        text(&out)
    );
    assert!(top.contains(REMOVED), "{top}");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}

/// Branch `topic`'s `feat: topic thing` merged and released as v0.1.1, the merge reverted
/// (`git revert -m 1`, `- revert "topic thing"`) and that released as v0.1.2; `skip`: the
/// hooks are off for the reapply, `git revert` of that revert.
fn reapplied_released_merge(skip: bool) -> (Repo, std::process::Output) {
    let repo = installed_repo();
    repo.git(&["switch", "-q", "-c", "topic"]);
    repo.write("t.txt", "1\n");
    repo.git(&["add", "t.txt"]);
    repo.git(&["commit", "-q", "-m", "feat: topic thing"]);
    repo.git(&["switch", "-q", "main"]);
    repo.git(&["merge", "-q", "--no-ff", "--no-edit", "topic"]);
    ok(hand_tag(&repo, &["-a", "v0.1.1", "-m", "r"]));
    ok(repo.git_output(&["revert", "--no-edit", "-m", "1", ":/^Merge branch"]));
    ok(hand_tag(&repo, &["-a", "v0.1.2", "-m", "r"]));
    let args = ["revert", "--no-edit", ":/^Revert \"Merge branch"];
    let out = if skip {
        repo.git_skipping_relhook(&args)
    } else {
        repo.git_output(&args)
    };
    assert_eq!(repo.head_subject(), "Reapply \"Merge branch 'topic'\"");
    (repo, ok(out))
}

/// Like `Reapply "feat: x"` of a released revert: the branch's changes are back, so their
/// entries are, carried by the reapply and written alike by `--sync`.
#[test]
fn a_reapply_of_a_released_merge_revert_carries_the_branch_entries() {
    let (repo, out) = reapplied_released_merge(false);
    assert!(
        stderr(&out).contains("added `- topic thing` under Added"),
        "{}",
        text(&out)
    );
    let log = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    let top = log.split("## [0.1.2]").next().unwrap_or_default();
    assert!(top.contains("### Added\n\n- topic thing\n"), "{log}");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    ok(repo.relhook(&["changelog", "--sync"]));
    assert_eq!(repo.read("CHANGELOG.md"), log + "\n");
    // The version counts it (a feat below 1.0.0: a patch), and the release lists it.
    let next = ok(repo.relhook(&["version", "--next"]));
    assert_eq!(stdout(&next).trim(), "0.1.3", "{}", text(&next));
    let dry = ok(repo.relhook(&["release", "--dry-run"]));
    assert!(stdout(&dry).contains("- topic thing"), "{}", text(&dry));

    let (other, _) = reapplied_released_merge(true);
    assert!(
        !other
            .read("CHANGELOG.md")
            .split("## [0.1.2]")
            .next()
            .unwrap()
            .contains("topic")
    );
    ok(other.relhook(&["changelog", "--sync"]));
    assert_eq!(other.read("CHANGELOG.md"), repo.read("CHANGELOG.md"));
}

/// `feat: alpha` (whose post-commit created CHANGELOG.md), `feat: beta`, `fix: gamma`, then
/// `git rebase -i` dropping alpha: beta's pick stops on a modify/delete conflict in the file.
fn rebase_dropping_the_changelog_s_first_commit() -> Repo {
    let repo = Repo::new();
    assert_eq!(repo.relhook(&["install"]).status.code(), Some(0));
    repo.git(&["commit", "-q", "--allow-empty", "-m", "chore: init"]);
    for m in ["feat: alpha", "feat: beta", "fix: gamma"] {
        repo.commit_hooked(m);
    }
    let out = repo.git_in(
        &repo.path(),
        &["rebase", "-i", "HEAD~3"],
        &[("GIT_SEQUENCE_EDITOR", "sed -i '/feat: alpha/s/^pick/drop/'")],
    );
    assert!(
        !out.status.success(),
        "a modify/delete conflict: {}",
        text(&out)
    );
    repo
}

/// `git rebase --continue` with the editor off; all that relhook said.
fn continue_rebase(repo: &Repo) -> String {
    let out = repo.git_in(
        &repo.path(),
        &["rebase", "--continue"],
        &[("GIT_EDITOR", "true")],
    );
    stderr(&out)
}

/// Taking the deletion: each pick's entry is named with `--sync`, which afterwards writes
/// them, once each; alpha's is gone with alpha.
#[test]
fn a_rebase_dropping_the_changelog_s_first_commit_taking_the_deletion() {
    let repo = rebase_dropping_the_changelog_s_first_commit();
    let mut said = String::new();
    while repo.path().join(".git/rebase-merge").exists() {
        repo.git(&["rm", "-q", "CHANGELOG.md"]);
        said += &continue_rebase(&repo);
    }
    for e in ["beta", "gamma"] {
        assert!(
            said.contains(&format!("dropped this commit's `- {e}`")),
            "{said}"
        );
    }
    assert_eq!(
        said.matches("`relhook changelog --sync` adds it").count(),
        2,
        "{said}"
    );
    ok(repo.relhook(&["changelog", "--sync"]));
    let log = repo.read("CHANGELOG.md");
    assert!(!log.contains("alpha"), "{log}");
    assert_eq!(log.matches("- beta\n").count(), 1, "{log}");
    assert_eq!(log.matches("- gamma\n").count(), 1, "{log}");
}

/// Keeping the file as beta had it (with alpha's entry): beta's and gamma's entries stay once
/// each, and the entry of the dropped commit is named in one line with the `--sync` that takes
/// it out.
#[test]
fn a_rebase_dropping_the_changelog_s_first_commit_keeping_the_file() {
    let repo = rebase_dropping_the_changelog_s_first_commit();
    repo.git(&["add", "CHANGELOG.md"]);
    let said = continue_rebase(&repo);
    assert!(!repo.path().join(".git/rebase-merge").exists(), "{said}");
    assert!(!said.contains("its entry"), "{said}");
    assert!(
        said.contains("keeps 1 entry of commits not in this branch's history (`- alpha`)")
            && said.contains("`relhook changelog --sync` takes it out"),
        "{said}"
    );
    let log = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert_eq!(log.matches("- beta\n").count(), 1, "{log}");
    assert_eq!(log.matches("- gamma").count(), 1, "{log}");
    // Done as said: the line goes, beta's and gamma's stay, and a second sync has nothing to do.
    ok(repo.relhook(&["changelog", "--sync"]));
    let log = repo.read("CHANGELOG.md");
    assert!(!log.contains("alpha"), "{log}");
    assert_eq!(log.matches("- beta\n").count(), 1, "{log}");
    assert_eq!(log.matches("- gamma").count(), 1, "{log}");
    ok(repo.git_output(&["commit", "-q", "-a", "-m", "docs: sync the changelog"]));
    ok(repo.relhook(&["changelog", "--sync"]));
    assert_eq!(repo.read("CHANGELOG.md"), log);
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}

/// v0.1.0 released; `feat: beta` committed with the hooks off and its entry written by
/// `--sync` in a commit of its own; then beta reverted with the hooks off: git's revert leaves
/// `- beta` in Unreleased, which history cancels.
fn entry_left_by_a_hooks_off_revert() -> Repo {
    let repo = installed_repo();
    ok(hand_tag(&repo, &["-a", "v0.1.0", "-m", "r"]));
    repo.write("b.txt", "1\n");
    repo.git(&["add", "b.txt"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "feat: beta"]));
    ok(repo.relhook(&["changelog", "--sync"]));
    ok(repo.git_output(&["commit", "-q", "-am", "docs: sync the changelog"]));
    ok(repo.git_skipping_relhook(&["revert", "--no-edit", ":/^feat: beta"]));
    assert!(
        unreleased(&repo).contains("- beta\n"),
        "{}",
        unreleased(&repo)
    );
    repo
}

/// The hand tag is refused in `prepared`, before git writes it, with the one reason and the
/// command that takes the stale entry out; `relhook release` makes nothing either.
#[test]
fn a_hand_tag_over_an_unreleased_section_a_hooks_off_revert_emptied_is_refused_first() {
    let repo = entry_left_by_a_hooks_off_revert();
    repo.commit_hooked("chore: later");
    let err = crate::support::hand_tag_refused(&repo, "v0.2.0");
    assert!(
        err.contains("refusing tag v0.2.0: nothing to release: what `## [Unreleased]` in CHANGELOG.md lists (`- beta`) was reverted")
            && err.contains("`relhook changelog --sync` takes the reverted entries out"),
        "{err}"
    );
    assert!(!err.contains("was removed"), "{err}");
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = crate::support::dated_release(&repo, &["0.2.0"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert_eq!(repo.git(&["tag", "-l", "v0.2.0"]), "");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));

    // Done as said: the entry goes, and the tag is still refused (nothing to say) up front.
    ok(repo.relhook(&["changelog", "--sync"]));
    assert!(!repo.read("CHANGELOG.md").contains("beta"));
    ok(repo.git_output(&["commit", "-q", "-am", "docs: drop the reverted entry"]));
    let err = crate::support::hand_tag_refused(&repo, "v0.2.0");
    assert!(err.contains("would be empty"), "{err}");
}

/// A hooked `feat: beta` reverted with the hooks off: git's revert takes the entry out with
/// the change, Unreleased is empty, and the hand tag is refused up front.
#[test]
fn a_hooks_off_revert_emptying_unreleased_is_refused_before_the_tag() {
    let repo = installed_repo();
    ok(hand_tag(&repo, &["-a", "v0.1.0", "-m", "r"]));
    repo.commit_hooked("feat: beta");
    ok(repo.git_skipping_relhook(&["revert", "--no-edit", "HEAD"]));
    assert!(!repo.read("CHANGELOG.md").contains("beta"));
    repo.commit_hooked("chore: later");
    let before = repo.read("CHANGELOG.md");
    ok(repo.relhook(&["changelog", "--sync"]));
    assert_eq!(repo.read("CHANGELOG.md"), before);
    let err = crate::support::hand_tag_refused(&repo, "v0.2.0");
    assert!(err.contains("would be empty"), "{err}");
}

/// The same branch revert brought onto main by `git cherry-pick` or by rebasing the branch:
/// git's pick leaves HEAD to git, so the entry it calls for is named in one line with the
/// `--sync` that adds it (it was silent), and `--sync` adds it once.
#[test]
fn a_branch_revert_picked_after_the_release_names_the_sync_that_adds_its_entry() {
    for rebase in [false, true] {
        let repo = reverted_on_a_branch_then_released();
        let out = if rebase {
            repo.git(&["switch", "-q", "side"]);
            repo.git_output(&["rebase", "main"])
        } else {
            repo.git_output(&["cherry-pick", "side"])
        };
        let said = stderr(&ok(out));
        assert!(
            said.contains("this revert calls for `- revert \"add a\"`")
                && said.contains("`relhook changelog --sync` adds it"),
            "{said}"
        );
        ok(repo.relhook(&["changelog", "--sync"]));
        let log = repo.read("CHANGELOG.md");
        assert_eq!(log.matches("revert \"add a\"").count(), 1, "{log}");
        assert!(log.contains(REMOVED), "{log}");
    }
}
