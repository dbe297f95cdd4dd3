//! QA257: `relhook changelog --rebuild` of a changelog git-cliff writes wrote each group's
//! entries in history's order, breaking changes first, where the project's `cliff.toml` lists
//! a group's commits with a scope first, sorted by scope, then those without one (git-cliff's
//! own configuration, `tests/support/fixtures/git-cliff.cliff.toml`, copied from
//! orhun/git-cliff at 5963160d). The rebuild now follows the order the configuration asks
//! for, and history's order where it asks for none.

use crate::support::{Repo, ok, stdout};

/// git-cliff's own `cliff.toml`.
const CLIFF_TOML: &str = include_str!("support/fixtures/git-cliff.cliff.toml");

/// A git-cliff changelog released at `v1.0.0`, then features of several scopes (and none)
/// in an order no sort gives; `config`: the `cliff.toml` committed with it, if any.
fn cliff_project(config: Option<&str>) -> Repo {
    let repo = Repo::new();
    repo.write(
        "CHANGELOG.md",
        "## [1.0.0] - 2024-01-01\n\n### ⛰️  Features\n\n- *(core)* Add import\n",
    );
    if let Some(c) = config {
        repo.write("cliff.toml", c);
    }
    repo.git(&["add", "-A"]);
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "-m",
        "feat(core): add import",
    ]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    for message in [
        "feat(remote): add offline mode",
        "feat: add a plain feature",
        "feat(config)!: drop the old keys",
        "feat(cli): add export",
        "feat(config): read .config/cliff.toml",
        "feat(Docs): add examples",
    ] {
        repo.commit(message);
    }
    repo
}

/// The order of the Unreleased entries' words of the rebuilt file.
fn rebuilt_order(repo: &Repo, words: &[&str]) -> Vec<usize> {
    let rebuilt = stdout(&ok(repo.relhook(&["changelog", "--rebuild", "--stdout"])));
    let unreleased = rebuilt.split("## [1.0.0]").next().unwrap_or_default();
    words
        .iter()
        .map(|w| {
            assert_eq!(unreleased.matches(w).count(), 1, "{w}:\n{rebuilt}");
            unreleased.find(w).unwrap_or_default()
        })
        .collect()
}

#[test]
fn a_rebuild_orders_a_group_by_scope_as_git_cliff_s_config_asks() {
    // Without its first parser, which skips every commit without a scope (QA270).
    let unscoped_kept = CLIFF_TOML.replace(r#"{ message = "^[a-z]+\\s*:", skip = true },"#, "");
    assert_ne!(unscoped_kept, CLIFF_TOML);
    let repo = cliff_project(Some(&unscoped_kept));
    // Byte order of the scopes (`Docs` before `cli`), one scope's entries in history's
    // order, breaking or not, and the entries without a scope last.
    let words = [
        "*(Docs)* add examples",
        "*(cli)* add export",
        "drop the old keys",
        "*(config)* read .config/cliff.toml",
        "*(remote)* add offline mode",
        "- add a plain feature",
    ];
    let at = rebuilt_order(&repo, &words);
    assert!(at.is_sorted(), "{words:?} at {at:?}");
}

#[test]
fn without_a_config_asking_for_it_the_rebuild_keeps_history_s_order() {
    let repo = cliff_project(None);
    let words = [
        "drop the old keys",
        "add offline mode",
        "add a plain feature",
        "add export",
        "read .config/cliff.toml",
        "add examples",
    ];
    let at = rebuilt_order(&repo, &words);
    assert!(at.is_sorted(), "{words:?} at {at:?}");
}
