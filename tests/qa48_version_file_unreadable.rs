//! QA48: a version file that is no readable regular file. Cargo.toml as a FIFO was refused
//! as a dirty tree ("commit or stash first"), and with --allow-dirty as uncommitted changes
//! to commit, which git refuses for a FIFO; at mode 000 the release reported a race on
//! CHANGELOG.md ("changed while it was read … three times"), the hand tag advised a commit
//! git refuses, and doctor said all is well. Each now says what the file is, with the fix.

use std::path::Path;

use crate::support::{
    Repo, as_user, chmod, hand_tag_refused, ok, relhook_bin, text, untested_installed,
};

/// relhook installed (no test records needed), Cargo.toml released at 0.1.0, and a feature
/// to release as 0.2.0.
fn released_feature() -> Repo {
    let repo = untested_installed();
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    );
    repo.git(&["add", "."]);
    repo.commit_hooked("feat: add the manifest");
    ok(repo.relhook(&["release", "--no-test"]));
    repo.write("a.txt", "one\n");
    repo.git(&["add", "a.txt"]);
    repo.commit_hooked("feat: add one");
    repo
}

/// `relhook release ARGS` refused (exit 1) with nothing made; its words.
fn release_refused(repo: &Repo, args: &[&str]) -> String {
    let head = repo.git(&["rev-parse", "HEAD"]);
    let mut all = vec!["release", "--no-test", "0.2.0"];
    all.extend(args);
    let out = repo.relhook(&all);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert_eq!(repo.git(&["tag", "-l", "v0.2.0"]), "");
    text(&out)
}

#[cfg(unix)]
#[test]
fn a_fifo_version_file_is_said_as_one_with_a_fix_that_works() {
    let repo = released_feature();
    let manifest = repo.path().join("Cargo.toml");
    std::fs::remove_file(&manifest).unwrap();
    ok(repo.sh("mkfifo Cargo.toml"));
    let what = "Cargo.toml is a FIFO (named pipe), not a file, so relhook cannot read or write the version in it";
    let fix =
        "`rm \"$(git rev-parse --show-toplevel)\"/Cargo.toml && git checkout -- :/Cargo.toml`";
    for args in [&[][..], &["--allow-dirty"]] {
        let said = release_refused(&repo, args);
        assert!(
            said.contains(&format!("{what}; {fix}, then release again")),
            "{said}"
        );
        assert!(
            !said.contains("commit"),
            "no change to commit or stash: {said}"
        );
    }
    let said = hand_tag_refused(&repo, "v0.2.0");
    assert!(
        said.contains(&format!("{what}; {fix}, then tag again")),
        "{said}"
    );
    assert!(!said.contains("not clean"), "{said}");
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(
        doctor.contains(what) && doctor.contains(&format!("fix: {fix}")),
        "{doctor}"
    );
    assert!(!doctor.contains("all is well"), "{doctor}");
    // The fix as printed, then the release goes through.
    ok(repo.sh("rm Cargo.toml && git checkout -- Cargo.toml"));
    ok(repo.relhook(&["release", "--no-test", "0.2.0"]));
    assert!(repo.read("Cargo.toml").contains("version = \"0.2.0\""));
}

#[cfg(unix)]
#[test]
fn an_unreadable_version_file_is_no_race_and_no_change_to_commit() {
    let repo = released_feature();
    chmod(&repo.path().join("Cargo.toml"), 0o000);
    let Some(out) = as_user(&repo, &relhook_bin(), &["release", "--no-test", "0.2.0"]) else {
        eprintln!("skipped: capsh is needed to read as a user whom the mode stops");
        return;
    };
    let what = "Cargo.toml cannot be read (permission denied), so relhook cannot read or write the version in it";
    let fix = "`ls -ld \"$(git rev-parse --show-toplevel)\"/Cargo.toml \"$(git rev-parse --show-toplevel)\"` shows who may change them (`chmod u+rw` the file, `u+rwx` the folder, as its owner)";
    let said = text(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(
        said.contains(&format!("{what}; {fix}, then release again")),
        "{said}"
    );
    assert!(!said.contains("changed while it was read"), "{said}");
    let git = Path::new("git");
    let out = as_user(&repo, git, &["tag", "-a", "v0.2.0", "-m", "x"]).unwrap();
    let said = text(&out);
    assert_eq!(out.status.code(), Some(128), "{said}");
    assert!(
        said.contains(&format!("{what}; {fix}, then tag again")),
        "{said}"
    );
    assert!(!said.contains("uncommitted changes"), "{said}");
    assert_eq!(repo.git(&["tag", "-l", "v0.2.0"]), "");
    let out = as_user(&repo, &relhook_bin(), &["doctor"]).unwrap();
    let doctor = text(&out);
    assert!(
        doctor.contains(what) && doctor.contains(&format!("fix: {fix}")),
        "{doctor}"
    );
    // As its owner: the mode changed, the release goes through.
    chmod(&repo.path().join("Cargo.toml"), 0o644);
    ok(repo.relhook(&["release", "--no-test", "0.2.0"]));
    assert!(repo.read("Cargo.toml").contains("version = \"0.2.0\""));
}

#[cfg(unix)]
#[test]
fn any_file_the_status_cannot_read_is_said_as_a_permission_not_a_race() {
    let repo = released_feature();
    repo.write("notes.txt", "a\n");
    repo.git(&["add", "notes.txt"]);
    repo.commit_hooked("fix: notes");
    chmod(&repo.path().join("notes.txt"), 0o000);
    let Some(out) = as_user(&repo, &relhook_bin(), &["release", "--no-test", "0.2.0"]) else {
        eprintln!("skipped: capsh is needed to read as a user whom the mode stops");
        return;
    };
    let said = text(&out);
    let file = repo.path().join("notes.txt");
    assert!(
        said.contains(&format!(
            "cannot read `{}`: permission denied; `ls -ld",
            file.display()
        )),
        "{said}"
    );
    assert!(!said.contains("changed while it was read"), "{said}");
    assert_eq!(repo.git(&["tag", "-l", "v0.2.0"]), "");
}
