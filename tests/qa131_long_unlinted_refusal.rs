//! QA131: a release refused above many commits that fail the lint (a repository adopting
//! relhook, no configuration) named every one of them in its `git rebase` step, a wall of ids
//! that pushed the advice out of sight. The refusal names five, counts the rest with the command
//! that lists them all, and its advice, last, names the rebase without the ids; doctor's fix
//! alike.

use crate::support::{Repo, stderr, stdout, text};

/// Twelve commits no Conventional Commit, made at once.
fn history() -> Repo {
    let repo = Repo::new();
    let mut script = String::new();
    for i in 0..12 {
        let msg = format!("update thing {i}\n");
        script.push_str(&format!(
            "commit refs/heads/main\ncommitter A <a@b> {} +0000\ndata {}\n{msg}\n",
            1_700_000_000 + i,
            msg.len()
        ));
    }
    repo.fast_import(&script);
    repo
}

#[test]
fn a_release_refusal_names_a_handful_and_its_advice_comes_last() {
    let repo = history();
    let ids: Vec<String> = repo
        .git(&["log", "--format=%h", "--abbrev=9"])
        .lines()
        .map(str::to_owned)
        .collect();
    assert_eq!(ids.len(), 12);

    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("relhook: release refused: 12 commits not pushed yet fail the lint"),
        "{err}"
    );
    assert!(
        err.contains("`update thing 7` (header-format: the header is not a Conventional Commit), and 7 more (`relhook check --all` lists them all); reword them before the tag exists: `git rebase -i --root`, mark `reword` the 12 commits `relhook check --all` fails, then release again; or pass --allow-unlinted"),
        "{err}"
    );
    // The five newest named, no other id.
    for id in &ids[..5] {
        assert!(err.contains(id.as_str()), "{id}: {err}");
    }
    for id in &ids[5..] {
        assert!(!err.contains(id.as_str()), "{id}: {err}");
    }

    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert!(
        said.contains("`update thing 7`, and 7 more\n"),
        "{}",
        text(&out)
    );
    assert!(
        said.contains("fix: reword them before pushing: `git rebase -i --root`, mark `reword` the 12 commits `relhook check --all` fails\n"),
        "{}",
        text(&out)
    );
    for id in &ids[5..] {
        assert!(!said.contains(id.as_str()), "{id}: {said}");
    }
}
