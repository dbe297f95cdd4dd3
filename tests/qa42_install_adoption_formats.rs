//! QA42: a repository whose committed lefthook.toml (or lefthook.json, or a husky hook)
//! already runs relhook was taken for one adopting relhook by a new clone's install: it noted
//! every commit made so far as made before relhook, and pre-push then left them unjudged.

use crate::support::Repo;

fn installed_over(file: &str, text: &str) -> Repo {
    let repo = Repo::new();
    repo.write(file, text);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "wip"]);
    // lefthook's calls are printed to paste (exit 1 when one is missing): the note is the test.
    let _ = repo.relhook(&["install"]);
    repo
}

#[test]
fn a_lefthook_or_husky_configuration_naming_relhook_is_no_adoption() {
    for (file, text) in [
        (
            "lefthook.toml",
            "[commit-msg.commands.relhook]\nrun = \"relhook hook commit-msg {1}\"\n",
        ),
        (
            "lefthook.json",
            "{\n  \"commit-msg\": { \"commands\": { \"relhook\": { \"run\": \"relhook hook commit-msg {1}\" } } }\n}\n",
        ),
        (".husky/commit-msg", "relhook hook commit-msg \"$1\"\n"),
    ] {
        let repo = installed_over(file, text);
        // Wired in from the first commit: the note, if any, says that nothing came before.
        let note = std::fs::read_to_string(repo.path().join(".git/relhook-adopted"));
        let head = repo.git(&["rev-parse", "HEAD"]);
        assert!(
            note.as_ref().map_or(true, |n| !n.contains(&head)),
            "{file}: the commits made with relhook were noted as made before it: {note:?}"
        );
    }
    // A configuration that does not name relhook: the install is an adoption, noted.
    let repo = installed_over(
        "lefthook.toml",
        "[pre-commit.commands.fmt]\nrun = \"true\"\n",
    );
    assert!(repo.path().join(".git/relhook-adopted").exists());
}
