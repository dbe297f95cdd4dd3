//! Found by QA: `relhook install` under lefthook wires several hooks into the one
//! `lefthook.yml`, and its "commit these files" command named that file once per hook
//! (`git add lefthook.yml lefthook.yml && … -- lefthook.yml lefthook.yml`). Each file once now.

use crate::support::{Repo, pending, stdout, text};

#[test]
fn install_names_lefthook_yml_once_in_the_commit_it_advises() {
    let repo = Repo::new();
    repo.write(
        "lefthook.yml",
        "pre-commit:\n  commands:\n    lint:\n      run: echo lint\n",
    );
    repo.write("a", "a\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    let out = pending(repo.relhook(&["install"]));
    let said = stdout(&out);
    let at = said
        .find("`git add")
        .unwrap_or_else(|| panic!("no `git add …` in:\n{}", text(&out)));
    let rest = &said[at + 1..];
    let line = &rest[..rest.find('`').unwrap()];
    assert_eq!(line.matches("lefthook.yml").count(), 2, "{line}");
    assert!(line.starts_with("git add lefthook.yml && "), "{line}");
    assert!(line.ends_with(" -- lefthook.yml"), "{line}");
    let run = repo
        .command_in("sh", &repo.path())
        .args(["-c", line])
        .output()
        .unwrap();
    assert!(run.status.success(), "{line}: {}", text(&run));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}
