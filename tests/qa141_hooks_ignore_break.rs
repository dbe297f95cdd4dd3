//! QA141: hooks folders whose names hold line breaks (`core.hooksPath`, which git takes as
//! it is). `relhook install` and doctor advised ignoring `ho␊ks` with `echo "$(printf
//! '/ho\nks/')" >> .git/info/exclude`, which writes two patterns, `/ho` and `ks/`, neither the
//! folder: an ignore file has no escape for a line break, so the pattern now says `?` there
//! (which git matches to it). Run here as printed, through `sh` (dash on Debian) and bash.

use crate::support::{Repo, ok, text};

/// A repository with one commit, `core.hooksPath` set to `name` and relhook installed; with
/// what install said.
fn installed_with_hooks_path(name: &str) -> (Repo, String) {
    let repo = Repo::new();
    repo.git(&["commit", "-q", "--allow-empty", "-m", "chore: start"]);
    repo.git(&["config", "core.hooksPath", name]);
    let said = text(&ok(repo.relhook(&["install"])));
    (repo, said)
}

/// The text in `said` from `start` (included) to the first `end` after it (excluded).
fn between<'a>(said: &'a str, start: &str, end: &str) -> &'a str {
    let from = said
        .find(start)
        .unwrap_or_else(|| panic!("{start:?} in {said}"));
    let len = said[from..]
        .find(end)
        .unwrap_or_else(|| panic!("{end:?} in {said}"));
    &said[from..from + len]
}

/// Runs `line` through `shell -c` in the repository.
fn run(repo: &Repo, shell: &str, line: &str) {
    let out = repo
        .command_in(shell, &repo.path())
        .args(["-c", line])
        .output()
        .unwrap();
    assert!(out.status.success(), "{shell}: {line}: {}", text(&out));
}

#[test]
fn the_ignore_advice_for_a_hooks_folder_with_a_line_break_ignores_it() {
    for shell in ["sh", "bash"] {
        let (repo, said) = installed_with_hooks_path("ho\nks");
        assert_ne!(repo.git(&["status", "--porcelain"]), "", "{said}");
        let ignore = between(&said, "echo ", "`");
        assert_eq!(ignore.lines().count(), 1, "{said}");
        run(&repo, shell, ignore);
        assert_eq!(
            repo.git(&["status", "--porcelain"]),
            "",
            "{shell}: {ignore}"
        );
        let doctor = text(&repo.relhook(&["doctor"]));
        assert!(!doctor.contains("git does not ignore it"), "{doctor}");
    }
}

/// A name ending in a line break (here a hooks folder, `core.hooksPath = "hooks\n"`)
/// was spelt in pasted advice as `"$(printf '…')"$'\n'`, and old dash (Debian's `/bin/sh`)
/// reads `$'\n'` as `$\n`: the command set another folder. The break now follows in single
/// quotes, which every `sh` reads, and the message keeps it a line break. Run here as
/// printed, through `sh` (dash on Debian) and bash.
#[test]
fn advice_naming_a_folder_that_ends_in_a_line_break_works_in_sh() {
    for shell in ["sh", "bash"] {
        let (repo, said) = installed_with_hooks_path("hooks\n");
        // The relative setting's fix: the same folder by its absolute path.
        let fix = between(&said, "git config core.hooksPath ", "` (the same directory");
        run(&repo, shell, fix);
        let top = repo.git(&["rev-parse", "--show-toplevel"]);
        let set = repo.git_output(&["config", "core.hooksPath"]);
        assert_eq!(
            String::from_utf8_lossy(&set.stdout),
            format!("{top}/hooks\n\n"),
            "{shell}: {fix}"
        );
        assert!(!fix.contains("$'"), "{fix}");
        // And the folder is ignored as advised.
        let ignore = between(&said, "echo ", "`");
        run(&repo, shell, ignore);
        assert_eq!(
            repo.git(&["status", "--porcelain"]),
            "",
            "{shell}: {ignore}"
        );
    }
}
