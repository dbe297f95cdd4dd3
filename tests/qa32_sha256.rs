//! QA32: a SHA-256 repository (`git init --object-format=sha256`): install succeeded, and
//! every commit then said "not inside a git repository" (libgit2 reads no SHA-256 objects),
//! a hand tag stayed a plain tag without a word, and a push was refused with the same text.

use crate::support::{Repo, stderr, text};

#[test]
fn a_sha256_repository_is_refused_at_install_and_said_by_what_it_is() {
    let repo = Repo::new();
    let dir = repo.scratch("sha256");
    let out = repo.git_in(
        &repo.path(),
        &[
            "init",
            "-q",
            "--object-format=sha256",
            dir.to_str().unwrap(),
        ],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.relhook_in(&dir, &["install"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains("its objects are SHA-256 (`extensions.objectFormat = sha256`)"),
        "{}",
        text(&out)
    );
    let hooks: Vec<String> = std::fs::read_dir(dir.join(".git/hooks"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".sample"))
        .collect();
    assert!(hooks.is_empty(), "{hooks:?}");
    // Any command says the same, not "not inside a git repository".
    let out = repo.relhook_in(&dir, &["version"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains("its objects are SHA-256"),
        "{}",
        text(&out)
    );
}
