//! QA257: in a project whose `cliff.toml` lists a group's commits by scope (git-cliff's own,
//! `tests/support/fixtures/git-cliff.cliff.toml`), `--rebuild` writes that order, but
//! post-commit and `--sync` added each new entry at the end of its group (a breaking one
//! first), in history's order: the file then disagreed with its own rebuild. A new entry now
//! goes where the rebuild puts it, while a group someone ordered otherwise by hand keeps its
//! order and gets the entry at its end, as before.

use crate::support::{Repo, ok, stdout};

/// git-cliff's own `cliff.toml`.
const CLIFF_TOML: &str = include_str!("support/fixtures/git-cliff.cliff.toml");

/// A git-cliff project released at `v1.0.0` whose Unreleased `### ⛰️  Features` lists
/// `unreleased` (lines), committed with relhook's hooks installed.
fn cliff_project(unreleased: &str) -> Repo {
    let repo = Repo::new();
    repo.write(
        "CHANGELOG.md",
        format!(
            "## [unreleased]\n\n### ⛰️  Features\n\n{unreleased}\n## [1.0.0] - 2024-01-01\n\n### ⛰️  Features\n\n- *(core)* Add import\n"
        ),
    );
    repo.write("cliff.toml", CLIFF_TOML);
    repo.git(&["add", "-A"]);
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "-m",
        "feat(core): add import",
    ]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo
}

/// Commits of an order no sort gives, each with hooks off, then those of `hooked`, through
/// post-commit.
fn history(repo: &Repo, hooked: &[&str]) {
    for message in [
        "feat(remote): add offline mode",
        "feat: add a plain feature",
        "feat(config)!: drop the old keys",
        "feat(cli): add export",
    ] {
        repo.commit(message);
    }
    // The file as the rebuild writes it, committed.
    ok(repo.relhook(&["changelog", "--rebuild"]));
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "-am",
        "docs: rebuild the changelog",
    ]);
    repo.hooks(&["post-commit"]);
    for message in hooked {
        ok(repo.commit_with_hooks(message));
    }
}

/// The Unreleased part of `text`.
fn unreleased(text: &str) -> String {
    text.split("## [1.0.0]")
        .next()
        .unwrap_or_default()
        .to_owned()
}

fn rebuilt(repo: &Repo) -> String {
    unreleased(&stdout(&ok(repo.relhook(&[
        "changelog",
        "--rebuild",
        "--stdout",
    ]))))
}

#[test]
fn post_commit_puts_a_new_entry_where_the_rebuild_does() {
    let repo = cliff_project("");
    history(
        &repo,
        &[
            "feat(config): read .config/cliff.toml",
            "feat(Docs): add examples",
            "feat(ask)!: ask before overwriting",
        ],
    );
    let file = unreleased(&repo.read("CHANGELOG.md"));
    assert!(file.contains("add examples"), "{file}");
    assert_eq!(file, rebuilt(&repo));
}

#[test]
fn sync_puts_a_new_entry_where_the_rebuild_does() {
    let repo = cliff_project("");
    history(&repo, &[]);
    repo.commit("feat(config): read .config/cliff.toml");
    repo.commit("feat(Docs): add examples");
    repo.commit("feat: add another plain feature");
    ok(repo.relhook(&["changelog", "--sync"]));
    let file = unreleased(&repo.read("CHANGELOG.md"));
    assert!(file.contains("add examples"), "{file}");
    assert_eq!(file, rebuilt(&repo));
}

#[test]
fn a_group_ordered_otherwise_by_hand_gets_the_entry_at_its_end() {
    let by_hand = "- *(zeta)* Add the hand's first\n- *(alpha)* Add the hand's second\n";
    let repo = cliff_project(by_hand);
    repo.hooks(&["post-commit"]);
    let out = ok(repo.commit_with_hooks("feat(beta): add beta"));
    let file = unreleased(&repo.read("CHANGELOG.md"));
    let expected = format!("{by_hand}- *(beta)* Add beta\n");
    assert!(file.contains(&expected), "{file}");
    assert!(stdout(&out).is_empty(), "{}", stdout(&out));
}
