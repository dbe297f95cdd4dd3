//! Found by QA after qa19 (real conditions): install and uninstall in the team's own files.
//! uninstall puts a hook manager's file back as install found it (a missing final newline, the
//! mode), and install does not write into a hooks directory the repository tracks unless told.

use std::path::Path;

use crate::support::{Repo, hand_tag, listing, ok, pending, stderr, stdout, text};

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// `.husky/commit-msg` committed without a final newline and not executable, run by git
/// itself (`core.hooksPath=.husky`): install adds relhook's block on a line of its own and
/// makes the file executable; uninstall, a process of its own, takes out both (git skipped
/// the hook before, and must skip it again).
#[cfg(unix)]
#[test]
fn uninstall_gives_a_husky_file_back_its_missing_newline_and_its_mode() {
    let repo = Repo::new();
    let before = "#!/bin/sh\necho HUSKY-POST-COMMIT >&2";
    repo.write(".husky/commit-msg", before);
    repo.write("a", "a\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["config", "core.hooksPath", ".husky"]);
    let file = repo.path().join(".husky/commit-msg");
    assert_eq!(mode(&file), 0o644);
    ok(repo.relhook(&["install"]));
    let wired = repo.read(".husky/commit-msg");
    assert!(
        wired.starts_with(&format!("{before}\n# >>> relhook")),
        "{wired}"
    );
    assert_eq!(mode(&file) & 0o111, 0o111, "git runs it now");
    let out = ok(repo.relhook(&["uninstall"]));
    assert_eq!(repo.read(".husky/commit-msg"), before, "{}", text(&out));
    assert_eq!(mode(&file), 0o644, "{}", text(&out));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));

    // The user edits their own line while relhook is installed: uninstall still takes out
    // exactly what install added, and leaves the edit.
    ok(repo.relhook(&["install"]));
    let edited = repo
        .read(".husky/commit-msg")
        .replace("HUSKY-POST-COMMIT", "EDITED");
    repo.write(".husky/commit-msg", &edited);
    ok(repo.relhook(&["install"]));
    ok(repo.relhook(&["uninstall"]));
    assert_eq!(
        repo.read(".husky/commit-msg"),
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
    pending(repo.relhook(&["install"]));
    let wired = repo.read("lefthook.yml");
    assert!(
        wired.starts_with(&format!("{before}\n# >>> relhook")),
        "{wired}"
    );
    // A second install changes nothing; uninstall in a process of its own.
    pending(repo.relhook(&["install"]));
    assert_eq!(repo.read("lefthook.yml"), wired);
    let out = ok(repo.relhook(&["uninstall"]));
    assert_eq!(repo.read("lefthook.yml"), before, "{}", text(&out));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

/// A team's hooks directory, committed to the repository and named by `core.hooksPath`, with
/// the team's own pre-push in it.
fn team_hooks_repo() -> Repo {
    let repo = Repo::new();
    repo.write(".githooks/pre-push", "#!/bin/sh\nexit 0\n");
    crate::support::make_executable(&repo.path().join(".githooks/pre-push"));
    repo.write("a", "a\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["config", "core.hooksPath", ".githooks"]);
    repo
}

/// QA b3: install wrote its shims and a backup into the team's tracked `.githooks`, said
/// nothing, and every release and hand tag was then refused as a dirty tree while doctor said
/// all was well. It refuses now, in one line naming the two ways, and writes nothing; doctor
/// names the same ways; the repository releases as before.
#[test]
fn install_refuses_a_hooks_directory_the_repository_tracks() {
    let repo = team_hooks_repo();
    let before = listing(&repo.path().join(".githooks"));
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    for said in [
        "not installed: core.hooksPath = .githooks",
        ".githooks, which this repository tracks",
        "`relhook install --shared`, then commit .githooks",
        "`git config core.hooksPath ",
    ] {
        assert!(err.contains(said), "{said}: {err}");
    }
    assert_eq!(listing(&repo.path().join(".githooks")), before);
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(1), "{}", text(&doctor));
    let said = stdout(&doctor);
    assert!(!said.contains("fix: relhook install (keeps"), "{said}");
    assert!(said.contains("relhook install --shared"), "{said}");
    // Nothing of relhook's in the way: a release works as before.
    repo.write("a", "q\n");
    repo.git(&["commit", "-q", "-am", "fix: q"]);
    let release = repo.relhook(&["release", "--no-test", "0.1.0"]);
    assert!(release.status.success(), "{}", text(&release));
    assert_eq!(repo.git(&["tag", "--list", "v0.1.0"]), "v0.1.0");
}

/// `--shared` writes into the tracked directory on purpose, chaining the team's pre-push, and
/// says in one line that the change is to be committed; doctor calls the uncommitted files
/// what they are (releases refuse them) until they are. Committed, a hand tag is a release.
/// uninstall before the commit leaves the tree clean; after it, the team's files as they were.
#[test]
fn install_shared_writes_into_the_tracked_hooks_directory_and_says_to_commit() {
    let repo = team_hooks_repo();
    let dir = repo.path().join(".githooks");
    let before = listing(&dir);
    let out = ok(repo.relhook(&["install", "--shared"]));
    let said = stdout(&out);
    let notes: Vec<&str> = said
        .lines()
        .filter(|l| l.contains("this repository tracks"))
        .collect();
    assert_eq!(notes.len(), 1, "{}", text(&out));
    assert!(
        notes[0].contains("commit them (`git add :/.githooks`"),
        "{}",
        notes[0]
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("pre-push.relhook-orig")).unwrap(),
        "#!/bin/sh\nexit 0\n"
    );
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(1), "{}", text(&doctor));
    let said = stdout(&doctor);
    assert!(
        said.contains("are not committed") && said.contains(".githooks/commit-msg"),
        "{said}"
    );
    assert!(said.contains("fix: git add :/.githooks"), "{said}");
    // Taken back before the commit: nothing left.
    ok(repo.relhook(&["uninstall"]));
    assert_eq!(listing(&dir), before);
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));

    ok(repo.relhook(&["install", "--shared"]));
    repo.git(&["add", ".githooks"]);
    let commit = repo.git_output(&["commit", "-q", "-m", "chore: run relhook's hooks"]);
    assert!(commit.status.success(), "{}", text(&commit));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    let doctor = repo.relhook(&["doctor"]);
    assert!(
        !stdout(&doctor).contains("not committed"),
        "{}",
        text(&doctor)
    );
    let refused = repo.git_output(&["commit", "-q", "--allow-empty", "-m", "not conventional"]);
    assert!(
        !refused.status.success(),
        "commit-msg runs: {}",
        text(&refused)
    );
    repo.write("a", "q\n");
    let fix = repo.git_output(&["commit", "-q", "-am", "fix: q"]);
    assert!(fix.status.success(), "{}", text(&fix));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    let tag = hand_tag(&repo, &["-a", "v0.1.0", "-m", "r"]);
    assert!(tag.status.success(), "{}", text(&tag));
    assert!(repo.read("CHANGELOG.md").contains("## [0.1.0]"));
    // Committed, they are the team's: uninstall changes them only when told (qa22_layouts).
    ok(repo.relhook(&["uninstall", "--shared"]));
    assert_eq!(listing(&dir), before);
}

/// A hooks directory in the work tree that git neither tracks nor ignores (the user's own, not
/// yet committed): install writes there as before, and says in one line how to keep `git
/// status` clean, which doctor checks too.
#[test]
fn install_says_how_to_keep_an_untracked_hooks_directory_out_of_git_status() {
    let repo = Repo::new();
    repo.commit("chore: init");
    repo.git(&["config", "core.hooksPath", ".githooks"]);
    let out = ok(repo.relhook(&["install"]));
    let said = stdout(&out);
    assert!(
        said.contains(
            "`echo /.githooks/ >> \"$(git rev-parse --show-toplevel)\"/.git/info/exclude`"
        ),
        "{said}"
    );
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(1), "{}", text(&doctor));
    assert!(
        stdout(&doctor).contains("are not committed"),
        "{}",
        text(&doctor)
    );
    std::fs::write(repo.path().join(".git/info/exclude"), "/.githooks/\n").unwrap();
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    let doctor = repo.relhook(&["doctor"]);
    assert!(
        !stdout(&doctor).contains("not committed"),
        "{}",
        text(&doctor)
    );
}

/// Empty husky hook files the team committed stay after uninstall (QA round 2): install's
/// record says the file was there, empty, and uninstall gives it back as it was.
#[cfg(unix)]
#[test]
fn uninstall_keeps_an_empty_husky_hook_file_of_the_team() {
    let repo = Repo::new();
    repo.write(".husky/pre-push", "");
    repo.write(".husky/commit-msg", "");
    repo.write("a", "a\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["config", "core.hooksPath", ".husky"]);
    ok(repo.relhook(&["install"]));
    let out = ok(repo.relhook(&["uninstall"]));
    assert_eq!(repo.read(".husky/pre-push"), "", "{}", text(&out));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}
