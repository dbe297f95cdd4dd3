//! QA51: a commit's entry taken out (and staged) in `git commit --amend -m "…"` that reworded
//! the message was left out silently, while `--sync` and a release put the new message's
//! entry back. With `--no-edit` the same amend is warned about; a reworded one now is too,
//! naming the entry `--sync` and a release would put in, and the way to keep it out works.

use crate::support::{Repo, installed_repo, ok, stderr, stdout, text};

/// `fix: four` committed, its entry taken out and staged, then amended with `message`.
fn taken_out_in_amend(message: &str) -> (Repo, String) {
    let repo = installed_repo();
    repo.commit_hooked("fix: four");
    let log = repo.read("CHANGELOG.md").replace("- four\n", "");
    repo.write("CHANGELOG.md", log);
    repo.git(&["add", "CHANGELOG.md"]);
    let out = ok(repo.git_output(&["commit", "-q", "--amend", "-m", message]));
    (repo, stderr(&out))
}

#[test]
fn a_reworded_amend_that_took_the_entry_out_says_sync_puts_the_new_one_in() {
    let (repo, said) = taken_out_in_amend("fix: four reworded");
    assert_eq!(
        said.trim_end(),
        "relhook: CHANGELOG.md: `- four` (under Fixed) was taken out in this amend, and the entry of its new message, `- four reworded` under Fixed, stays out of the commit too, but `relhook changelog --sync` and a release give a commit with no entry its entry, and would put that one in; to keep it out for good, delete it in a commit of its own: `relhook changelog --sync && git commit --amend --no-edit -- :/CHANGELOG.md`, then delete the line and commit that"
    );
    assert!(!repo.read("CHANGELOG.md").contains("four"));
    // What the line says `--sync` and a release do.
    let out = ok(repo.relhook(&["changelog", "--sync", "--stdout"]));
    assert!(
        stdout(&out).contains("### Fixed\n\n- four reworded\n"),
        "{}",
        stdout(&out)
    );
    let out = ok(repo.relhook(&["release", "--dry-run", "--no-test"]));
    assert!(text(&out).contains("- four reworded"), "{}", text(&out));

    // What the line says to do keeps it out for good.
    let out =
        ok(repo
            .sh("relhook changelog --sync && git commit -q --amend --no-edit -- :/CHANGELOG.md"));
    assert!(!stderr(&out).contains("taken out"), "{}", stderr(&out));
    let log = repo.git(&["show", "HEAD:CHANGELOG.md"]) + "\n";
    assert!(
        log.contains("- four reworded\n") && !log.contains("- four\n"),
        "{log}"
    );
    repo.write("CHANGELOG.md", log.replace("- four reworded\n", ""));
    repo.git(&["commit", "-q", "-am", "docs: drop an entry"]);
    let out = ok(repo.relhook(&["changelog", "--sync", "--stdout"]));
    assert_eq!(stdout(&out), repo.read("CHANGELOG.md"), "--sync agrees");
}

#[test]
fn an_amend_to_another_type_that_took_the_entry_out_is_said_too() {
    let (repo, said) = taken_out_in_amend("feat: four");
    assert!(
        said.contains("`- four` (under Fixed) was taken out in this amend, and the entry of its new message, `- four` under Added, stays out of the commit too"),
        "{said}"
    );
    let out = ok(repo.relhook(&["changelog", "--sync", "--stdout"]));
    assert!(
        stdout(&out).contains("- init\n- four\n"),
        "{}",
        stdout(&out)
    );
}
