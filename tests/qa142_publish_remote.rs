//! `relhook test` on no branch (a bisect, a tag checked out) named `origin` as the remote to
//! publish the record to, though the only remote had another name; with no remote at all, it
//! named one too. Pasted, either command failed. It now names the only remote, and says there
//! is none when there is none.

use crate::support::{Repo, ok, stderr, text};

fn tested_repo() -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo
}

#[test]
fn on_no_branch_the_publish_command_names_the_only_remote() {
    let repo = tested_repo();
    let remote = repo.scratch("upstream.git");
    repo.git(&["init", "-q", "--bare", remote.to_str().unwrap()]);
    repo.git(&["remote", "add", "upstream", remote.to_str().unwrap()]);
    repo.git(&["checkout", "-q", "--detach"]);

    let out = ok(repo.relhook(&["test"]));
    let err = stderr(&out);
    let start = err.find("(publish: `").expect("a publish command") + "(publish: `".len();
    let command = &err[start..start + err[start..].find('`').unwrap()];
    let pasted = repo.sh(command);
    assert!(pasted.status.success(), "{command}:\n{}", text(&pasted));
    assert_ne!(
        repo.git(&["ls-remote", "upstream", "refs/notes/relhook-tests"]),
        "",
        "the record is published"
    );
}

#[test]
fn with_no_remote_it_says_there_is_nowhere_to_publish() {
    let repo = tested_repo();
    let out = ok(repo.relhook(&["test"]));
    let err = stderr(&out);
    let line = err
        .lines()
        .find(|l| l.contains("tests passed; recorded for tree"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(!line.contains("git push"), "{line}");
    assert!(line.contains("no remote to publish it to"), "{line}");
}
