//! QA206: after `git merge --squash feature` and `git branch -D feature`, no branch holds the
//! feature's commits. Doctor called each of their entries one of a commit "no branch holds any
//! more (a rebase dropped it, or a reset)" that `--sync` takes out, though the squash commit
//! holds the change (and `--sync` keeps the entry); and where the feature's commits were once
//! main's (made on main, moved to a branch by `git branch feature && git reset --hard`),
//! `--sync` took the entries out: a shipped change left with no entry. The commit of the range
//! whose change (the changelogs aside) is the feature's now carries them: nothing is said and
//! nothing taken out. A squash whose change differs (more added while committing it) keeps
//! them too, said in words that fit a deleted branch, not a rebase.

use crate::support::{Repo, ok, stderr, stdout, text};

/// `chore: start`, then `feat: add b` and `fix: fix c` through the hooks on `feature` (made
/// by `make_feature`), squash-merged into main by `commit`, the branch deleted.
fn squash_merged(make_feature: impl Fn(&Repo), commit: impl Fn(&Repo)) -> Repo {
    let repo = Repo::new();
    repo.hooks(&["commit-msg", "post-commit"]);
    repo.commit("chore: start");
    make_feature(&repo);
    ok(repo.git_output(&["merge", "-q", "--squash", "feature"]));
    commit(&repo);
    repo.git(&["branch", "-q", "-D", "feature"]);
    repo
}

fn on_a_branch(repo: &Repo) {
    repo.git(&["checkout", "-q", "-b", "feature"]);
    repo.commit_hooked("feat: add b");
    repo.commit_hooked("fix: fix c");
    repo.git(&["checkout", "-q", "main"]);
}

fn chore_squash(repo: &Repo) {
    repo.git(&["commit", "-q", "-m", "chore: merge feature (#12)"]);
}

/// Each of `entries` once in the file after `--sync`, which says it is up to date; doctor
/// says nothing of a commit no branch holds.
fn listed_once_and_quiet(repo: &Repo, entries: &[&str]) {
    let out = repo.relhook(&["changelog", "--sync"]);
    ok(out.clone());
    let log = repo.read("CHANGELOG.md");
    for entry in entries {
        assert_eq!(
            log.matches(entry).count(),
            1,
            "{entry}: {log}\n{}",
            text(&out)
        );
    }
    assert!(
        stderr(&out).contains("CHANGELOG.md is up to date with history"),
        "{}",
        text(&out)
    );
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("no branch holds"), "{doctor}");
}

#[test]
fn a_squash_merge_of_a_deleted_branch_is_no_lost_commit_to_doctor() {
    let repo = squash_merged(on_a_branch, chore_squash);
    listed_once_and_quiet(&repo, &["- add b\n", "- fix c\n"]);
}

#[test]
fn work_moved_off_main_then_squash_merged_keeps_its_entries() {
    let repo = squash_merged(
        |repo| {
            repo.commit_hooked("feat: add b");
            repo.commit_hooked("fix: fix c");
            repo.git(&["branch", "feature"]);
            repo.git(&["reset", "-q", "--hard", "HEAD~2"]);
        },
        chore_squash,
    );
    listed_once_and_quiet(&repo, &["- add b\n", "- fix c\n"]);
}

#[test]
fn a_squash_merge_with_its_own_entry_lists_the_change_once() {
    let repo = squash_merged(on_a_branch, |repo| {
        repo.git(&["commit", "-q", "-m", "feat: add b and c (#12)"]);
    });
    listed_once_and_quiet(&repo, &["- add b and c (#12)\n"]);
    let log = repo.read("CHANGELOG.md");
    assert!(
        !log.contains("- add b\n") && !log.contains("- fix c"),
        "{log}"
    );
}

#[test]
fn a_squash_merge_that_changed_more_keeps_the_entries_in_words_for_a_deleted_branch() {
    let repo = squash_merged(on_a_branch, |repo| {
        repo.write("extra.txt", "more\n");
        repo.git(&["add", "extra.txt"]);
        chore_squash(repo);
    });
    let out = repo.relhook(&["changelog", "--sync"]);
    ok(out.clone());
    let log = repo.read("CHANGELOG.md");
    for entry in ["- add b\n", "- fix c\n"] {
        assert_eq!(
            log.matches(entry).count(),
            1,
            "{entry}: {log}\n{}",
            text(&out)
        );
    }
    let said = stderr(&out);
    let line = said
        .lines()
        .find(|l| l.contains("kept `- add b`"))
        .unwrap_or_else(|| panic!("{}", text(&out)));
    assert!(
        line.ends_with("kept `- add b`: no branch holds that commit (`feat: add b`) and this branch never did: it was made on a branch since deleted, whose change a squash merge or a cherry-pick may have brought under a message of its own; remove the entry by hand if it should not ship"),
        "{line}"
    );
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("a rebase dropped it"), "{doctor}");
    assert!(doctor.contains("this branch never did"), "{doctor}");
}
