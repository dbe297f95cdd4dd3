//! QA44: pre-commit reads `.pre-commit-config.yaml` with PyYAML's `load`, which refuses a
//! file of more than one document and keeps the last of a key written twice; relhook read the
//! first document and the first key. It reads the file as pre-commit does: a second document
//! is said, in one line, to make the file one pre-commit refuses, and a key written twice is
//! the later.

use crate::support::{Repo, ok, pending, stdout};

const ENTRY: &str = "repos:\n  - repo: local\n    hooks:\n      - id: lint\n        name: lint\n        language: system\n        entry: relhook hook commit-msg\n";

#[test]
fn a_second_document_is_said_and_relhooks_shims_take_every_hook() {
    let repo = Repo::new();
    let config = format!("{ENTRY}---\nrepos: []\n");
    repo.write(".pre-commit-config.yaml", &config);
    let install = stdout(&ok(repo.relhook(&["install"])));
    assert!(
        install.contains("installed commit-msg in .git/hooks"),
        "{install}"
    );
    let said: Vec<&str> = install
        .lines()
        .filter(|l| l.contains("more than one YAML document"))
        .collect();
    assert_eq!(
        said,
        [
            "note: .pre-commit-config.yaml holds more than one YAML document (another starts at line 8), so relhook cannot tell which hooks it runs relhook for: relhook's shims took them all, and pre-commit refuses the file until it is fixed"
        ],
        "{install}"
    );
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(
        doctor.contains(" WARNING  pre-commit: .pre-commit-config.yaml holds more than one YAML document (another starts at line 8), so relhook cannot tell"),
        "{doctor}"
    );
    let said = stdout(&ok(repo.relhook(&["uninstall"])));
    assert!(
        said.contains(".pre-commit-config.yaml holds more than one YAML document (another starts at line 8), so relhook cannot tell whether it still runs relhook"),
        "{said}"
    );
}

#[test]
fn a_key_written_twice_is_the_later_one() {
    // The later `entry:` runs make lint: relhook's shim takes commit-msg.
    let repo = Repo::new();
    repo.write(
        ".pre-commit-config.yaml",
        format!("{ENTRY}        entry: make lint\n"),
    );
    let install = stdout(&ok(repo.relhook(&["install"])));
    assert!(
        install.contains("installed commit-msg in .git/hooks"),
        "{install}"
    );
    // The later `stages:` holds commit-msg: the entry runs relhook there.
    let repo = Repo::new();
    repo.write(
        ".pre-commit-config.yaml",
        format!("{ENTRY}        stages: [manual]\n        stages: [commit-msg]\n"),
    );
    let install = stdout(&pending(repo.relhook(&["install"])));
    assert!(
        install.contains("commit-msg: .pre-commit-config.yaml runs relhook for it"),
        "{install}"
    );
}
