//! QA52 (3): `relhook init` beside a `.relconfig.toml` link every hook refuses (to nothing,
//! or to a file outside the repository) said "left .relconfig.toml alone: it already exists"
//! and advised `next:` a commit the commit-msg hook refused. It now refuses as the loader
//! does, naming where the link leads and a pasteable fix, and writes nothing; the fix pasted
//! and init run again, its `next:` commit goes through.

#![cfg(unix)]

use crate::support::{Repo, ok, stderr, stdout, text};

/// A repository with relhook's hooks installed and nothing else, as init meets it first.
fn installed() -> Repo {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo
}

/// `relhook init`'s refusal, checked to be one line that writes nothing and advises no
/// commit: the command in its fix (the first quoted one starting `rm `).
fn refused_init(repo: &Repo, said: &str) -> String {
    let out = repo.relhook(&["init"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains(said), "{err}");
    assert!(!text(&out).contains("already exists"), "{}", text(&out));
    assert!(!text(&out).contains("next:"), "{}", text(&out));
    assert!(err.contains("then run `relhook init` again"), "{err}");
    assert!(
        !repo.path().join("CHANGELOG.md").exists(),
        "nothing written"
    );
    err.split('`')
        .find(|w| w.starts_with("rm "))
        .unwrap_or_else(|| panic!("no command: {err}"))
        .to_owned()
}

/// init run again, its `next:` line pasted: the commit goes through the hooks.
fn init_again_and_commit(repo: &Repo) {
    let out = ok(repo.relhook(&["init"]));
    let said = stdout(&out);
    let next = said
        .lines()
        .find_map(|l| l.strip_prefix("next: "))
        .unwrap_or_else(|| panic!("no next: {}", text(&out)));
    ok(repo.sh(next));
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
    let tracked = repo.git(&["ls-files", "-s", ".relconfig.toml"]);
    assert!(tracked.starts_with("100644"), "{tracked}");
}

#[test]
fn init_beside_a_dangling_config_link_names_it_and_its_fix() {
    let repo = installed();
    std::os::unix::fs::symlink("nowhere.toml", repo.path().join(".relconfig.toml")).unwrap();
    let fix = refused_init(
        &repo,
        "it is a symbolic link to `nowhere.toml`, a file that does not exist",
    );
    ok(repo.sh(&fix));
    init_again_and_commit(&repo);
}

#[test]
fn init_beside_a_config_link_out_of_the_repository_names_the_copy() {
    let repo = installed();
    let away = repo.scratch("elsewhere");
    std::fs::write(
        away.join("outside.toml"),
        "[checks]\nrequire_tested_tags = false\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(
        away.join("outside.toml"),
        repo.path().join(".relconfig.toml"),
    )
    .unwrap();
    let fix = refused_init(&repo, "outside.toml`, outside the repository");
    assert!(fix.contains(" && cp "), "{fix}");
    ok(repo.sh(&fix));
    init_again_and_commit(&repo);
    let kept = std::fs::read_to_string(repo.path().join(".relconfig.toml")).unwrap();
    assert!(kept.contains("require_tested_tags = false"), "{kept}");
}
