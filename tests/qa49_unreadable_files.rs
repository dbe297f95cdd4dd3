//! QA49: files relhook cannot read or write. A CHANGELOG.md of mode 000 let a hand tag be
//! made and then withdrawn (git exiting 0), and doctor said all is well; an unreadable
//! .git/index was said to be gone; a read-only .git/objects was advised with `ls -ld` of a
//! folder not made yet; a record that could not be written after the tests passed was
//! said as the write error alone. Each now says what is wrong, with advice that works.

use std::path::Path;

use crate::support::{Repo, as_user, chmod, ok, relhook_bin, text, untested_installed};

/// relhook installed (no test records needed) and a feature to release as 0.1.0; the
/// changelog holds its entry.
fn feature() -> Repo {
    let repo = untested_installed();
    repo.write("a.txt", "one\n");
    repo.git(&["add", "a.txt"]);
    repo.commit_hooked("feat: add one");
    assert!(repo.read("CHANGELOG.md").contains("- add one"));
    repo
}

#[cfg(unix)]
#[test]
fn an_unreadable_changelog_refuses_the_hand_tag_before_it_is_made() {
    let repo = feature();
    chmod(&repo.path().join("CHANGELOG.md"), 0o000);
    let git = Path::new("git");
    let Some(out) = as_user(&repo, git, &["tag", "-a", "v0.1.0", "-m", "x"]) else {
        eprintln!("skipped: capsh is needed to read as a user whom the mode stops");
        return;
    };
    let said = text(&out);
    assert_eq!(out.status.code(), Some(128), "{said}");
    assert_eq!(repo.git(&["tag", "-l", "v0.1.0"]), "", "no tag was made");
    assert!(
        said.contains(
            "relhook: refusing tag v0.1.0: CHANGELOG.md cannot be read (permission denied), so relhook cannot add the `## [0.1.0]` section; `chmod u+rw \"$(git rev-parse --show-toplevel)\"/CHANGELOG.md` (as its owner), then tag again"
        ),
        "{said}"
    );
    assert!(!said.contains("was removed"), "{said}");
    let out = as_user(&repo, &relhook_bin(), &["doctor"]).unwrap();
    let doctor = text(&out);
    assert_eq!(out.status.code(), Some(1), "{doctor}");
    assert!(
        doctor.contains("INVALID  changelog: CHANGELOG.md cannot be read (permission denied)"),
        "{doctor}"
    );
    assert!(
        doctor.contains(
            "fix: `chmod u+rw \"$(git rev-parse --show-toplevel)\"/CHANGELOG.md` (as its owner)"
        ),
        "{doctor}"
    );
    assert!(!doctor.contains("all is well"), "{doctor}");
    // The fix as printed, by its owner; then the tag is released.
    ok(repo.sh("chmod u+rw CHANGELOG.md"));
    let out = as_user(&repo, git, &["tag", "-a", "v0.1.0", "-m", "x"]).unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        repo.read("CHANGELOG.md")
            .contains("## [0.1.0] - 2026-11-21")
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_index_is_said_unreadable_not_gone() {
    let repo = feature();
    let index = repo.path().join(".git/index");
    chmod(&index, 0o000);
    let Some(out) = as_user(&repo, &relhook_bin(), &["changelog", "--sync"]) else {
        eprintln!("skipped: capsh is needed to read as a user whom the mode stops");
        return;
    };
    let said = text(&out);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(
        said.contains(&format!(
            "cannot read `{}`: permission denied",
            index.display()
        )),
        "{said}"
    );
    assert!(!said.contains("no longer exists"), "{said}");
    let out = as_user(&repo, &relhook_bin(), &["doctor"]).unwrap();
    let doctor = text(&out);
    assert!(
        doctor.contains(&format!(
            "INVALID  repository: relhook cannot read `{}` (permission denied)",
            index.display()
        )),
        "{doctor}"
    );
    assert!(!doctor.contains("no longer exists"), "{doctor}");
    assert!(!doctor.contains("fix: relhook uninstall"), "{doctor}");
    assert!(doctor.contains("fix: `ls -ld "), "{doctor}");
}

/// `relhook release 0.1.0` of `repo` as a user a read-only `.git/objects` stops: what it
/// said, after checking it refused, made no tag and named that folder for `ls -ld`; `None`
/// where capsh cannot drop root's overrides.
#[cfg(unix)]
fn release_under_read_only_objects(repo: &Repo) -> Option<String> {
    let objects = repo.path().join(".git/objects");
    chmod(&objects, 0o555);
    let out = as_user(repo, &relhook_bin(), &["release", "--no-test", "0.1.0"]);
    chmod(&objects, 0o755);
    let Some(out) = out else {
        eprintln!("skipped: capsh is needed to write as a user whom the mode stops");
        return None;
    };
    let said = text(&out);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert_eq!(repo.git(&["tag", "-l", "v0.1.0"]), "", "{said}");
    let step = format!(
        "`ls -ld {}` shows who may change it (`chmod u+rwx` the folder, as its owner)",
        objects.display()
    );
    assert!(said.contains(&step), "{said}");
    Some(said)
}

#[cfg(unix)]
#[test]
fn a_read_only_objects_folder_is_the_folder_named() {
    let repo = feature();
    // Most likely no object folder of the release's is made yet: each a new `objects/xx`.
    let Some(said) = release_under_read_only_objects(&repo) else {
        return;
    };
    // The folder named is there to look at: `ls -ld` of it works as printed.
    let shown = said.split("`ls -ld ").nth(1).unwrap();
    let shown = &shown[..shown.find('`').unwrap()];
    ok(repo.sh(&format!("ls -ld {shown}")));
}

/// CI: when the release's blobs fell in `objects/xx` folders already there, the first
/// object refused was the tree's temporary file, made by libgit2 in `objects` itself, and
/// its error came with no advice. Every `objects/xx` there makes that the case each time.
#[cfg(unix)]
#[test]
fn a_temporary_object_file_refused_by_libgit2_names_the_folder() {
    let repo = feature();
    let objects = repo.path().join(".git/objects");
    for n in 0..=255u8 {
        std::fs::create_dir_all(objects.join(format!("{n:02x}"))).unwrap();
    }
    let Some(said) = release_under_read_only_objects(&repo) else {
        return;
    };
    assert!(said.contains("nothing was left behind"), "{said}");
}

#[cfg(unix)]
#[test]
fn a_pass_whose_record_cannot_be_written_is_said_as_a_pass() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    // A write git's library cannot make (as on a full disk): the file size limit at 0.
    let out = repo.sh("ulimit -f 0; relhook test");
    let said = text(&out);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(
        said.contains("relhook: error: the tests passed, but their record could not be written ("),
        "{said}"
    );
    assert!(
        said.contains("); once that is fixed, `relhook test` runs them again and records the pass"),
        "{said}"
    );
    assert_eq!(
        repo.git(&["notes", "--ref=relhook-tests", "list"]),
        "",
        "nothing recorded"
    );
    // The command as printed records the pass.
    let out = ok(repo.sh("relhook test"));
    assert!(text(&out).contains("tests passed; recorded for tree"));
    assert_ne!(repo.git(&["notes", "--ref=relhook-tests", "list"]), "");
}
