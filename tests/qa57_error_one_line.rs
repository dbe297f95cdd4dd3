//! QA57: an error or refusal quoting a name with a line break in it (a tracked file named so)
//! broke its one line in two: the rest of the message read as another message. Errors,
//! their causes and hints, and refusals now show a line break in a name as `␊`, as plain
//! output does, and a command in them still names the file byte for byte (`$'…'`).

use crate::support::{Repo, stderr, text, untested_installed};

/// The lines `relhook` wrote to stderr, each checked to hold no raw control character.
fn said(out: &std::process::Output) -> Vec<String> {
    let err = stderr(out);
    assert!(!err.contains(['\u{1b}', '\r']), "{err:?}");
    err.lines().map(str::to_owned).collect()
}

#[test]
fn a_refusal_naming_a_file_with_a_line_break_stays_one_line_and_its_fix_works() {
    let repo: Repo = untested_installed();
    repo.write("fi\nfo", "x\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat: add a file");
    let path = repo.path().join("fi\nfo");
    std::fs::remove_file(&path).unwrap();
    let made = std::process::Command::new("mkfifo").arg(&path).status();
    assert!(made.unwrap().success());
    let out = repo.relhook(&["release", "--dry-run"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let lines = said(&out);
    let refused = lines
        .iter()
        .find(|l| l.starts_with("relhook: release refused: "))
        .unwrap_or_else(|| panic!("{lines:?}"));
    assert!(
        refused.contains("refused: fi␊fo is a FIFO (named pipe), not a file"),
        "{refused}"
    );
    assert!(lines.iter().all(|l| !l.starts_with("fo ")), "{lines:?}");
    let fix = refused.split('`').nth(1).unwrap();
    assert_eq!(
        fix,
        r#"rm "$(git rev-parse --show-toplevel)"/"$(printf 'fi\nfo')" && git checkout -- "$(printf ':/fi\nfo')""#
    );
    let ran = repo
        .command_in("bash", &repo.path())
        .args(["-c", fix])
        .output()
        .unwrap();
    assert!(ran.status.success(), "{}", text(&ran));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "x\n");
}

#[test]
fn an_error_naming_a_file_with_a_line_break_tab_or_esc_stays_one_line() {
    let repo = untested_installed();
    let out = repo.relhook(&["lint", "no\tsuch\nfile\u{1b}[2J"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let lines = said(&out);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with("relhook: error: cannot read `no\tsuch␊file␛[2J`"),
        "{lines:?}"
    );
}
