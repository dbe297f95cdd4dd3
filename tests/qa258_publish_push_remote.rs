//! `relhook test` named `origin` in the command that publishes a record whenever the clone had
//! a remote of that name, though nothing said a push goes there: a branch with no upstream in a
//! clone with several remotes (vue's, pushed to a remote `bare`), or no branch at all. It now
//! names the remote a push of the branch goes to (its push remote or upstream's, else
//! remote.pushDefault, else the only remote) and, when that cannot be told, says how to pick.

use crate::support::{Repo, ok, stderr, text};

fn with_two_remotes() -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    for name in ["origin", "bare"] {
        let dir = repo.scratch(&format!("{name}.git"));
        repo.git(&["init", "-q", "--bare", dir.to_str().unwrap()]);
        repo.git(&["remote", "add", name, dir.to_str().unwrap()]);
    }
    repo
}

/// The clause after "recorded for tree ..." and the command in it.
fn publish(repo: &Repo) -> (String, String) {
    let err = stderr(&ok(repo.relhook(&["test"])));
    let line = err
        .lines()
        .find(|l| l.contains("tests passed; recorded for tree"))
        .unwrap_or_else(|| panic!("{err}"));
    let start = line.find("(publish: `").expect(line) + "(publish: `".len();
    let command = &line[start..start + line[start..].find('`').unwrap()];
    (line.to_owned(), command.to_owned())
}

fn published_to(repo: &Repo, remote: &str) -> bool {
    !repo
        .git(&["ls-remote", remote, "refs/notes/relhook-tests"])
        .is_empty()
}

#[test]
fn with_several_remotes_and_none_chosen_it_says_how_to_pick_one() {
    let repo = with_two_remotes();
    let (line, command) = publish(&repo);
    assert!(!command.contains("origin"), "{line}");
    assert!(command.contains("git push <remote> "), "{line}");
    assert!(line.contains("`bare`, `origin`"), "{line}");
    assert!(
        line.contains("git config remote.pushDefault <remote>"),
        "{line}"
    );

    repo.git(&["checkout", "-q", "--detach"]);
    let (line, command) = publish(&repo);
    assert!(command.contains("git push <remote> "), "{line}");
}

#[test]
fn the_remote_a_push_goes_to_is_named_and_the_pasted_command_publishes_there() {
    let repo = with_two_remotes();
    repo.git(&["push", "-q", "-u", "bare", "HEAD"]);
    let (line, command) = publish(&repo);
    assert!(command.contains("git push bare "), "{line}");
    let pasted = repo.sh(&command);
    assert!(pasted.status.success(), "{command}:\n{}", text(&pasted));
    assert!(published_to(&repo, "bare") && !published_to(&repo, "origin"));

    // remote.pushDefault decides where a branch with no upstream is pushed.
    repo.git(&["switch", "-q", "-c", "side"]);
    repo.git(&["config", "remote.pushDefault", "bare"]);
    let (line, command) = publish(&repo);
    assert!(command.contains("git push bare "), "{line}");
}
