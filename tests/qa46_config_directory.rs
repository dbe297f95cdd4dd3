//! QA46: `relhook --config conf doctor` with `conf` a directory said "make the file readable,
//! or remove it to use the defaults"; after `rmdir conf` the not-found error came instead.
//! A configuration path that is a directory is now said to be one, with the way on.

use crate::support::{installed_repo, stderr, stdout, text};

#[test]
fn doctor_says_a_config_directory_is_one_and_names_a_file() {
    let repo = installed_repo();
    std::fs::create_dir(repo.path().join("conf")).unwrap();
    let out = repo.relhook(&["--config", "conf", "doctor"]);
    let said = stdout(&out);
    assert!(said.contains("/conf`: it is a directory"), "{}", text(&out));
    assert!(
        said.contains("fix: name a regular file (`--config PATH`), or leave `--config` out to use .relconfig.toml"),
        "{}",
        text(&out)
    );
    assert!(!said.contains("remove it"), "{said}");
    // Any other command: the same, as the error's hint.
    let out = repo.relhook(&["--config", "conf", "lint", "--message", "fix: x"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("it is a directory"), "{err}");
    assert!(err.contains("hint: name a regular file"), "{err}");
}

#[test]
fn a_relconfig_directory_is_said_to_be_one() {
    let repo = installed_repo();
    std::fs::create_dir(repo.path().join(".relconfig.toml")).unwrap();
    let out = repo.relhook(&["lint", "--message", "fix: x"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains(".relconfig.toml`: it is a directory"), "{err}");
    assert!(err.contains("move this one away"), "{err}");
    assert!(!err.contains("[version] files"), "{err}");
}
