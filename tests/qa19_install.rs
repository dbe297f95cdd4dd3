//! Found by QA after qa19 (real conditions): install and uninstall in the team's own files.
//! uninstall puts a hook manager's file back as install found it (a missing final newline, the
//! mode), and install does not write into a hooks directory the repository tracks unless told.

use std::path::Path;

use crate::support::{Repo, ok, text};

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// `.husky/post-commit` committed without a final newline and not executable, run by git
/// itself (`core.hooksPath=.husky`): install adds relhook's block on a line of its own and
/// makes the file executable; uninstall, a process of its own, takes out both (git skipped
/// the hook before, and must skip it again).
#[cfg(unix)]
#[test]
fn uninstall_gives_a_husky_file_back_its_missing_newline_and_its_mode() {
    let repo = Repo::new();
    let before = "#!/bin/sh\necho HUSKY-POST-COMMIT >&2";
    repo.write(".husky/post-commit", before);
    repo.write("a", "a\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["config", "core.hooksPath", ".husky"]);
    let file = repo.path().join(".husky/post-commit");
    assert_eq!(mode(&file), 0o644);
    ok(repo.relhook(&["install"]));
    let wired = repo.read(".husky/post-commit");
    assert!(
        wired.starts_with(&format!("{before}\n# >>> relhook")),
        "{wired}"
    );
    assert_eq!(mode(&file) & 0o111, 0o111, "git runs it now");
    let out = ok(repo.relhook(&["uninstall"]));
    assert_eq!(repo.read(".husky/post-commit"), before, "{}", text(&out));
    assert_eq!(mode(&file), 0o644, "{}", text(&out));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));

    // The user edits their own line while relhook is installed: uninstall still takes out
    // exactly what install added, and leaves the edit.
    ok(repo.relhook(&["install"]));
    let edited = repo
        .read(".husky/post-commit")
        .replace("HUSKY-POST-COMMIT", "EDITED");
    repo.write(".husky/post-commit", &edited);
    ok(repo.relhook(&["install"]));
    ok(repo.relhook(&["uninstall"]));
    assert_eq!(
        repo.read(".husky/post-commit"),
        before.replace("HUSKY-POST-COMMIT", "EDITED")
    );
    assert_eq!(mode(&file), 0o644);
    let diff = repo.git(&["diff", "--stat"]);
    assert!(diff.contains("1 insertion(+), 1 deletion(-)"), "{diff}");
}

/// An executable husky file without a final newline: only the newline was relhook's.
#[cfg(unix)]
#[test]
fn uninstall_keeps_the_mode_install_did_not_change() {
    let repo = Repo::new();
    let before = "#!/bin/sh\necho mine";
    repo.write(".husky/commit-msg", before);
    crate::support::chmod(&repo.path().join(".husky/commit-msg"), 0o750);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["config", "core.hooksPath", ".husky"]);
    ok(repo.relhook(&["install"]));
    ok(repo.relhook(&["uninstall"]));
    assert_eq!(repo.read(".husky/commit-msg"), before);
    assert_eq!(mode(&repo.path().join(".husky/commit-msg")), 0o750);
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

/// `lefthook.yml` committed without a final newline: relhook's sections go on lines of their
/// own, and uninstall leaves the file as it was.
#[test]
fn uninstall_gives_lefthook_yml_back_its_missing_newline() {
    let repo = Repo::new();
    let before = "pre-commit:\n  commands:\n    lint:\n      run: echo lint";
    repo.write("lefthook.yml", before);
    repo.write("a", "a\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    let wired = repo.read("lefthook.yml");
    assert!(
        wired.starts_with(&format!("{before}\n# >>> relhook")),
        "{wired}"
    );
    // A second install changes nothing; uninstall in a process of its own.
    ok(repo.relhook(&["install"]));
    assert_eq!(repo.read("lefthook.yml"), wired);
    let out = ok(repo.relhook(&["uninstall"]));
    assert_eq!(repo.read("lefthook.yml"), before, "{}", text(&out));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}
