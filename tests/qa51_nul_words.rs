//! QA51: a NUL in a word of `[checks] test` (`"/bin/true\u0000x"`) was accepted by config load
//! and failed only when the tests ran; it is refused at load now, with file:line:col. A NUL
//! in a commit message was said to need re-saving as UTF-8; the NUL is said now.

use crate::support::{Repo, installed_repo, stderr, stdout};

#[test]
fn a_nul_in_a_test_command_word_is_refused_at_config_load() {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        "[checks]\ntest = [\"/bin/true\\u0000x\"]\n",
    );
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    let line = said
        .lines()
        .find(|l| l.contains("INVALID  config"))
        .unwrap_or_else(|| panic!("{said}"));
    assert!(
        line.ends_with(".relconfig.toml:2:8: `checks.test`: the word `/bin/true␀x` holds a NUL character (shown as ␀), which no argument of a program can hold; remove it"),
        "{line}"
    );
}

#[test]
fn a_nul_in_a_commit_message_is_said_as_a_nul() {
    let repo = installed_repo();
    repo.write("msg", b"feat: a\0b\n");
    let out = repo.relhook(&["lint", "msg"]);
    assert_eq!(out.status.code(), Some(1));
    let err = format!("{}{}", stdout(&out), stderr(&out));
    assert!(
        err.contains("the message contains a NUL byte, which git refuses to store"),
        "{err}"
    );
    assert!(err.contains("^ expected text without a NUL byte"), "{err}");
    assert!(
        err.contains("= help: delete the NUL byte, shown as �: no commit message can hold one"),
        "{err}"
    );
    assert!(!err.contains("UTF-8"), "{err}");
}
