//! QA46: after `commit::advised` the build-output, lock-file, configuration, adoption and
//! hooks-directory advice still named fixed headers (`chore: ignore build output`) that a
//! strict `[commit]` refuses. Each is now adapted to the repository's commit rules.

use crate::support::{Repo, ok, stderr, text};

const RULES: &str = "[commit]\ntypes = [\"feat\", \"fix\", \"docs\"]\nrequire_scope = true\nscopes = [\"core\"]\n[checks]\ntest = [\"true\"]\n";

#[test]
fn the_build_output_advice_commits_under_strict_rules() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", RULES);
    ok(repo.relhook(&["install"]));
    repo.git(&["add", "."]);
    repo.commit_hooked("fix(core): start");
    // A test run's leftover.
    repo.write("build.out", "out\n");
    let out = repo.relhook(&["test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    let hint = err
        .lines()
        .find_map(|l| l.strip_prefix("hint: "))
        .unwrap_or_else(|| panic!("no hint in:\n{err}"));
    assert!(!hint.contains("chore:"), "{hint}");
    // Pasted as said, the commit-msg hook takes it.
    let ignore = hint.split('`').nth(1).unwrap();
    ok(repo.sh(ignore));
    assert!(repo.is_clean(), "{ignore}");
    assert!(repo.head_subject().starts_with("docs(core): "), "{ignore}");
}

#[test]
fn the_adoption_advice_of_init_commits_under_strict_rules() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", RULES);
    ok(repo.relhook(&["install"]));
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"x\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    );
    let out = ok(repo.relhook(&["init"]));
    let said = text(&out);
    let Some(command) = said.lines().find_map(|l| l.strip_prefix("next: ")) else {
        panic!("{said}")
    };
    assert!(command.contains("git commit -m"), "{said}");
    assert!(!command.contains("chore: adopt relhook"), "{said}");
    ok(repo.sh(command));
    assert!(repo.head_subject().starts_with("docs(core): "), "{command}");
}
