//! QA81: a fix naming a file with a control character in it spelt the name as `$'…'`, which
//! bash and zsh read but a POSIX `sh` such as dash does not: pasted there, it named another
//! file. Such a name is now printed by `printf`, which every POSIX shell reads.

use crate::support::{Repo, stderr, text, untested_installed};

/// A tracked file, named with a line break, a tab, an ESC, a quote and a `%`.
const NAME: &str = "fi\nfo\t100% it's\u{1b}[2J";

/// Whether `shell` runs here (`/bin/sh` always does; bash may not be installed).
fn runs(shell: &str) -> bool {
    std::process::Command::new(shell)
        .args(["-c", "true"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The command in backquotes on the refusal of a release whose tracked [`NAME`] is a FIFO.
fn fifo_fix(repo: &Repo) -> String {
    let path = repo.path().join(NAME);
    std::fs::remove_file(&path).unwrap();
    let made = std::process::Command::new("mkfifo").arg(&path).status();
    assert!(made.unwrap().success());
    let out = repo.relhook(&["release", "--dry-run"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    let refused = (err.lines())
        .find(|l| l.starts_with("relhook: release refused: "))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(!refused.contains("$'"), "{refused}");
    refused.split('`').nth(1).unwrap().to_owned()
}

#[test]
fn a_fix_naming_a_file_with_control_characters_works_in_sh_and_bash() {
    let repo = untested_installed();
    repo.write(NAME, "x\n");
    repo.write("sub/keep", "");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat: add files");
    let shells = ["sh", "dash", "bash", "zsh"];
    for shell in shells.into_iter().filter(|s| *s == "sh" || runs(s)) {
        let fix = fifo_fix(&repo);
        // Pasted in a folder below the top, as a user may be there.
        let ran = (repo.command_in(shell, &repo.path().join("sub")))
            .args(["-c", &fix])
            .output()
            .unwrap();
        assert!(ran.status.success(), "{shell}: {fix}: {}", text(&ran));
        let back = std::fs::read_to_string(repo.path().join(NAME));
        assert_eq!(back.unwrap(), "x\n", "{shell}: {fix}");
        assert_eq!(repo.git(&["status", "--porcelain"]), "", "{shell}: {fix}");
    }
}
