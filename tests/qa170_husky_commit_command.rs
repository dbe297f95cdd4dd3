//! Found by QA: `relhook install` under husky said "commit these files so the team runs
//! relhook too" with no command to paste. It names one now: `git add … && git commit -m … --
//! …` with the files from the top when run in a subfolder, committing those files alone.

use crate::hook_files::husky_9_runners;
use crate::support::{Repo, ok, stdout, text};

/// The command between backticks that starts with `git add`.
fn commit_command(said: &str) -> String {
    let at = said
        .find("`git add")
        .unwrap_or_else(|| panic!("no `git add …` in:\n{said}"));
    let rest = &said[at + 1..];
    rest[..rest.find('`').unwrap()].to_owned()
}

#[test]
fn install_names_the_commit_of_huskys_files_that_works_from_a_subfolder() {
    let repo = Repo::new();
    husky_9_runners(&repo);
    repo.write("sub/keep.txt", "x\n");
    repo.commit("chore: init");
    // Something else staged stays out of the advised commit.
    repo.write("staged.txt", "y\n");
    repo.git(&["add", "staged.txt"]);
    let sub = repo.path().join("sub");
    let out = ok(repo.relhook_in(&sub, &["install"]));
    let said = stdout(&out);
    assert!(said.contains("commit these files"), "{}", text(&out));
    let line = commit_command(&said);
    let run = repo
        .command_in("sh", &sub)
        .args(["-c", &line])
        .output()
        .unwrap();
    assert!(run.status.success(), "{line}: {}", text(&run));
    let status = repo.git_env(&["status", "--porcelain", "--", ".husky"], &[]);
    assert_eq!(status, "", "{line} left .husky changed");
    let staged = repo.git_env(&["diff", "--cached", "--name-only"], &[]);
    assert_eq!(staged, "staged.txt", "{line}");
    let subject = repo.head_subject();
    assert!(subject.starts_with("chore: "), "{subject}");
}
