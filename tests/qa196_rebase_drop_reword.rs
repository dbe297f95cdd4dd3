//! QA196: a `git rebase -i` that drops the commit which created CHANGELOG.md and rewords the
//! next one stops on the file (deleted in HEAD, changed by the next commit); kept with
//! `git add`, the resolution carries the dropped commit's entry and the reworded commit's old
//! one, and the reword is made by `rebase --continue` (no reword step links it to its old
//! commit). `--sync` then said the file was "up to date with history": the dropped and the
//! old entry shipped, the new message's entry never did. `--sync` now takes out the entries
//! of commits no branch holds that read as their messages write them, and the reworded
//! commit gets its entry: the file reads as if history had been written that way. An entry
//! reworded by hand in the resolution stays (and, a line that commit's change added, stands
//! for its entry, as hand edits do).

use crate::support::{Repo, ok, stderr, text};

/// `chore: start`, then `feat: add x` (which creates CHANGELOG.md), `fix: fix y`,
/// `feat: add z`, each through the hooks.
fn three_hooked() -> Repo {
    let repo = Repo::new();
    repo.hooks(&["commit-msg", "post-commit"]);
    repo.commit("chore: start");
    for message in ["feat: add x", "fix: fix y", "feat: add z"] {
        repo.commit_hooked(message);
    }
    assert!(repo.read("CHANGELOG.md").contains("- add x\n"));
    repo
}

/// The rebase that drops `feat: add x` and rewords `fix: fix y` to `feat: add yes`, its
/// stop on CHANGELOG.md resolved by `edit` on the file as the stop left it.
fn drop_and_reword(repo: &Repo, edit: impl Fn(String) -> String) {
    let todo = [
        (
            "GIT_SEQUENCE_EDITOR",
            "sed -i -e 1s/^pick/drop/ -e 2s/^pick/reword/",
        ),
        ("GIT_EDITOR", "sed -i 1s/.*/feat:\\ add\\ yes/"),
    ];
    let out = repo.git_in(&repo.path(), &["rebase", "-q", "-i", "HEAD~3"], &todo);
    assert!(!out.status.success(), "no stop: {}", text(&out));
    let log = repo.read("CHANGELOG.md");
    repo.write("CHANGELOG.md", edit(log));
    repo.git(&["add", "CHANGELOG.md"]);
    let out = repo.git_in(&repo.path(), &["rebase", "--continue"], &todo);
    assert!(out.status.success(), "{}", text(&out));
    let subjects = repo.git(&["log", "--format=%s"]);
    assert_eq!(subjects, "feat: add z\nfeat: add yes\nchore: start");
}

fn unreleased(log: &str) -> String {
    log.split("## [Unreleased]")
        .nth(1)
        .unwrap()
        .trim()
        .to_owned()
}

#[test]
fn a_dropped_creator_and_a_reword_leave_the_file_as_history_writes_it() {
    let repo = three_hooked();
    drop_and_reword(&repo, |log| log);
    let out = repo.relhook(&["changelog", "--sync"]);
    ok(out.clone());
    // The synced entry stands where history puts it (its commit is older than `add z`'s).
    assert_eq!(
        unreleased(&repo.read("CHANGELOG.md")),
        "### Added\n\n- add yes\n- add z",
        "{}",
        text(&out)
    );
    let said = stderr(&out);
    assert!(
        said.contains("removed `- add x`: no branch holds that commit (`feat: add x`) any more"),
        "{said}"
    );
    // Nothing is left to do, and nothing is said twice.
    let again = repo.relhook(&["changelog", "--sync"]);
    assert!(
        stderr(&again).contains("is up to date with history"),
        "{}",
        text(&again)
    );
}

#[test]
fn an_entry_reworded_by_hand_in_the_resolution_stays() {
    let repo = three_hooked();
    drop_and_reword(&repo, |log| {
        log.replace("- add x\n", "- add x, kept by hand\n")
    });
    ok(repo.relhook(&["changelog", "--sync"]));
    let log = unreleased(&repo.read("CHANGELOG.md"));
    assert!(log.contains("- add x, kept by hand\n"), "{log}");
    assert!(log.contains("- add z") && !log.contains("- fix y"), "{log}");
}
