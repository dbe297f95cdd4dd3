//! QA174: after a `git rebase -i` onto a moved branch that reworded a commit and squashed
//! another into it, doctor called the reworded commit's entry one of a commit "no branch holds
//! any more (a rebase dropped it)", to be removed by hand: the rebase's reword starts at its
//! new base, and the squash that followed was not traced back. A commit a fixup folded into
//! another was said to be dropped too; it is said as folded into the commit that has it now.

use crate::support::{Repo, installed_repo, ok, text};

/// A topic branch of `messages` off main, each committed through the hooks, and a commit on
/// main after it: a rebase of topic onto main picks every commit again.
fn topic_behind_main(messages: &[&str]) -> Repo {
    let repo = installed_repo();
    repo.git(&["switch", "-q", "-c", "topic"]);
    for m in messages {
        repo.commit_hooked(m);
    }
    repo.git(&["switch", "-q", "main"]);
    repo.commit_hooked("feat: m");
    repo.git(&["switch", "-q", "topic"]);
    repo
}

fn doctor(repo: &Repo) -> String {
    text(&repo.relhook(&["doctor"]))
}

#[test]
fn a_commit_reworded_then_squashed_into_is_not_called_dropped() {
    let repo = topic_behind_main(&["fix: a", "fix: b"]);
    let env = [
        (
            "GIT_SEQUENCE_EDITOR",
            "sed -i -e 1s/^pick/reword/ -e 2s/^pick/squash/",
        ),
        ("GIT_EDITOR", "sed -i s/^fix:.a$/fix:\\ aa/"),
    ];
    repo.git_env(&["rebase", "-q", "-i", "main"], &env);
    assert_eq!(repo.git(&["log", "--format=%B", "-1"]), "fix: aa\n\nfix: b");
    assert!(repo.read("CHANGELOG.md").contains("- a\n- b\n"));
    let said = doctor(&repo);
    assert!(!said.contains("no branch holds any more"), "{said}");
    assert!(!said.contains("folded into"), "{said}");
}

#[test]
fn a_commit_a_fixup_folded_in_is_said_as_folded_not_dropped() {
    let repo = topic_behind_main(&["fix: a", "fix: b", "fix: c"]);
    let b = repo.git(&["rev-parse", "--short=9", "HEAD~1"]);
    let fixup = [("GIT_SEQUENCE_EDITOR", "sed -i 2s/^pick/fixup/")];
    repo.git_env(&["rebase", "-q", "-i", "HEAD~3"], &fixup);
    assert_eq!(
        repo.git(&["log", "--format=%s", "-3"]),
        "fix: c\nfix: a\nfeat: init"
    );
    let a = repo.git(&["rev-parse", "--short=9", "HEAD~1"]);
    let folded = format!(
        "CHANGELOG.md lists `- b` under Unreleased, the entry of commit {b} (`fix: b`), which a rebase folded into commit {a} (`fix: a`), whose message does not call for it (a fixup, or a squash whose message left it out); remove it by hand if it should not ship"
    );
    let said = doctor(&repo);
    assert!(said.contains(&folded), "{said}");
    assert!(!said.contains("no branch holds any more"), "{said}");
    // Picked again onto main later, the fold is still known for what it is.
    repo.git(&["rebase", "-q", "main"]);
    let a = repo.git(&["rev-parse", "--short=9", "HEAD~1"]);
    let said = doctor(&repo);
    assert!(
        said.contains(&format!("folded into commit {a} (`fix: a`)")),
        "{said}"
    );
    assert!(!said.contains("no branch holds any more"), "{said}");
}

#[test]
fn a_reword_and_a_fixup_into_it_picked_again_leave_no_entry_dropped() {
    let repo = topic_behind_main(&["fix: a", "fix: b"]);
    let env = [
        (
            "GIT_SEQUENCE_EDITOR",
            "sed -i -e 1s/^pick/reword/ -e 2s/^pick/fixup/",
        ),
        ("GIT_EDITOR", "sed -i s/^fix:.a$/fix:\\ aa/"),
    ];
    repo.git_env(&["rebase", "-q", "-i", "HEAD~2"], &env);
    let said = doctor(&repo);
    assert!(
        said.contains("still reads `- a` for reworded commit"),
        "{said}"
    );
    assert!(
        said.contains("(`fix: b`), which a rebase folded into commit"),
        "{said}"
    );
    repo.git(&["rebase", "-q", "main"]);
    assert_eq!(repo.git(&["log", "--format=%s", "-2"]), "fix: aa\nfeat: m");
    let said = doctor(&repo);
    assert!(!said.contains("no branch holds any more"), "{said}");
    assert!(
        said.contains("(`fix: b`), which a rebase folded into commit"),
        "{said}"
    );
}

#[test]
fn an_amend_at_an_edit_stop_of_a_rebase_onto_main_is_no_drop() {
    let repo = topic_behind_main(&["fix: a", "fix: b"]);
    let edit = [("GIT_SEQUENCE_EDITOR", "sed -i 1s/^pick/edit/")];
    repo.git_env(&["rebase", "-q", "-i", "main"], &edit);
    repo.git(&["commit", "-q", "--amend", "-m", "fix: aa"]);
    ok(repo.git_output(&["rebase", "--continue"]));
    assert_eq!(repo.git(&["log", "--format=%s", "-2"]), "fix: b\nfix: aa");
    let said = doctor(&repo);
    assert!(
        said.contains("still reads `- a` for amended commit"),
        "{said}"
    );
    assert!(!said.contains("no branch holds any more"), "{said}");
}
