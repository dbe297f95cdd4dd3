//! QA155: with the repository named by `GIT_DIR` and `GIT_WORK_TREE` from another folder, the
//! publish command `relhook test` prints (`{ git ls-remote … && git fetch … && git notes …
//! merge …; }; git push …`) carried the two variables on every `git` but the first one, inside
//! the `{ … }` group. Pasted there, that `ls-remote` found no repository, the fetch and merge
//! of the remote's records were skipped, and the push was refused as non-fast-forward. Every
//! `git` of it carries them now, and the pasted command publishes.

use crate::support::{Repo, ok, stderr, text};

/// The command in `relhook test`'s "(publish: `…`)".
fn publish_command(err: &str) -> String {
    let start = "publish: `";
    let at = err.find(start).unwrap_or_else(|| panic!("{err}")) + start.len();
    err[at..].split("`)").next().unwrap().to_owned()
}

#[test]
fn the_publish_command_works_pasted_where_git_dir_named_the_repository() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: start"]);
    let remote = repo.with_origin();
    repo.git(&["push", "-q", "--no-verify", "origin", "main"]);
    // The remote holds a record this clone does not: a push of this clone's alone is refused.
    ok(repo.relhook(&["test"]));
    repo.git(&[
        "push",
        "-q",
        "--no-verify",
        "origin",
        "refs/notes/relhook-tests",
    ]);
    repo.git(&["update-ref", "-d", "refs/notes/relhook-tests"]);
    repo.commit("chore: more");

    let top = repo.path().canonicalize().unwrap();
    let git_dir = top.join(".git");
    let elsewhere = repo.scratch("elsewhere");
    let out = repo
        .command_in(crate::support::relhook_bin(), &elsewhere)
        .env("GIT_DIR", &git_dir)
        .env("GIT_WORK_TREE", &top)
        .arg("test")
        .output()
        .unwrap();
    ok(out.clone());
    let command = publish_command(&stderr(&out));
    let prefix = format!(
        "GIT_DIR={} GIT_WORK_TREE={} ",
        git_dir.display(),
        top.display()
    );
    assert!(
        command.starts_with(&format!("{{ {prefix}git ls-remote ")),
        "{command}"
    );
    // Pasted in that folder, with no variable set, it publishes both records.
    let pasted = repo
        .command_in("sh", &elsewhere)
        .args(["-c", &command])
        .output()
        .unwrap();
    assert!(pasted.status.success(), "{command}\n{}", text(&pasted));
    let listed = repo.git(&[
        "--git-dir",
        remote.to_str().unwrap(),
        "notes",
        "--ref=relhook-tests",
        "list",
    ]);
    assert_eq!(listed.lines().count(), 2, "{listed}");
}
