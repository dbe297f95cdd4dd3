//! QA89: a name ending in a line break cannot be spelt by `"$(printf '…')"` alone (a command
//! substitution drops trailing line breaks), so shellword's quoter follows it with the breaks
//! in single quotes (QA141: not `$'\n'`, which old dash does not read). Pasted in sh or bash,
//! every command of such a fix names the file byte for byte: run here through `sh -c` and
//! `bash -c` with the name on disk.

use crate::support::{Repo, stderr, text, untested_installed};

/// Whether bash runs here.
fn bash_runs() -> bool {
    std::process::Command::new("bash")
        .args(["-c", "true"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The command in backquotes on the refusal of a dry-run release.
fn refusal_fix(repo: &Repo) -> String {
    let out = repo.relhook(&["release", "--dry-run"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    // The fix spans lines where a name ends in line breaks: they are the name's.
    let at = err
        .find("relhook: release refused: ")
        .unwrap_or_else(|| panic!("{err}"));
    err[at..].split('`').nth(1).unwrap().to_owned()
}

#[test]
fn a_fix_naming_a_file_that_ends_in_line_breaks_works_pasted_in_sh_and_bash() {
    if !bash_runs() {
        return;
    }
    for name in ["fo\n", "fi\nfo\n\n", "-x\n", "it's 100%\n"] {
        let repo = untested_installed();
        repo.write(name, "x\n");
        repo.write("sub/keep", "");
        repo.git(&["add", "-A"]);
        repo.commit_hooked("feat: add files");
        let path = repo.path().join(name);
        std::fs::remove_file(&path).unwrap();
        let made = std::process::Command::new("mkfifo").arg(&path).status();
        assert!(made.unwrap().success());
        let fix = refusal_fix(&repo);
        assert!(!fix.contains("$'"), "{fix:?}");
        for shell in ["sh", "bash"] {
            std::fs::remove_file(&path).unwrap();
            let made = std::process::Command::new("mkfifo").arg(&path).status();
            assert!(made.unwrap().success());
            let ran = (repo.command_in(shell, &repo.path().join("sub")))
                .args(["-c", &fix])
                .output()
                .unwrap();
            assert!(
                ran.status.success(),
                "{shell} {name:?}: {fix}: {}",
                text(&ran)
            );
            let back = std::fs::read_to_string(&path);
            assert_eq!(back.unwrap(), "x\n", "{shell} {name:?}: {fix}");
            assert_eq!(repo.git(&["status", "--porcelain"]), "", "{name:?}: {fix}");
        }
    }
}
