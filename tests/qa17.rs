//! Found by the differential QA of the hook-cost round (present before it): a FIFO listed
//! as a version file hung the release and the hand tag, and a hand tag read `git -c` only for
//! the identity, not for `commit.gpgSign` or `init.defaultBranch`.

use crate::support::{Repo, configured_with_a_feature, hand_tag, stderr, text};

/// `[version] files` naming a FIFO: refused at once by `release --dry-run` and a hand tag,
/// never a read that blocks git.
#[cfg(unix)]
#[test]
fn a_fifo_listed_as_a_version_file_is_refused_not_read() {
    let repo = configured_with_a_feature(|_| {
        "[version]\nfiles = [{ path = \"FI\", pattern = '{version}' }]\n".to_owned()
    });
    let made = std::process::Command::new("mkfifo")
        .arg(repo.path().join("FI"))
        .status()
        .expect("mkfifo");
    assert!(made.success());
    // Said as a FIFO changelog is (QA48), with the fix.
    let said = "FI is a FIFO (named pipe), not a file, so relhook cannot read or write the version in it; `rm \"$(git rev-parse --show-toplevel)\"/FI`";
    // A read that blocks would hang the test: each command gets 20 seconds.
    let within = |mut cmd: std::process::Command| {
        let mut child = cmd
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn");
        let start = std::time::Instant::now();
        while child.try_wait().expect("wait").is_none() {
            if start.elapsed() > std::time::Duration::from_secs(20) {
                let _ = child.kill();
                let _ = child.wait();
                panic!("hung reading the FIFO");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        child.wait_with_output().expect("output")
    };
    let mut release = repo.command_in(crate::support::relhook_bin(), &repo.path());
    release.args(["release", "--dry-run"]);
    let out = within(release);
    let mut git = repo.command_in("git", &repo.path());
    git.env("RELHOOK_DATE", "2026-11-21")
        .args(["tag", "-a", "v0.2.0", "-m", "x"]);
    let tag = within(git);
    assert_ne!(out.status.code(), Some(0), "{}", text(&out));
    assert!(stderr(&out).contains(said), "{}", text(&out));
    assert_eq!(tag.status.code(), Some(128), "{}", text(&tag));
    assert!(
        stderr(&tag).contains(&format!("{said}, then tag again")),
        "{}",
        text(&tag)
    );
    assert_eq!(repo.git(&["tag", "-l"]), "");
}

/// `git -c commit.gpgSign=false tag` in a repository that signs commits: git would not
/// sign, so nor does the release commit relhook makes (no key needed, the release made).
#[test]
fn a_hand_tag_reads_git_dash_c_for_signing() {
    let repo = configured_with_a_feature(|_| String::new());
    repo.git(&["config", "commit.gpgSign", "true"]);
    repo.git(&["config", "gpg.program", "false"]);
    let out = hand_tag(&repo, &["-a", "v0.2.0", "-m", "x"]);
    assert!(
        repo.git(&["tag", "-l"]).is_empty(),
        "signing failed: {}",
        text(&out)
    );
    let out = hand_tag_unsigned(&repo, "v0.2.0", "x");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l"]), "v0.2.0", "{}", text(&out));
    assert_eq!(
        repo.head_subject(),
        "chore(release): 0.2.0",
        "{}",
        text(&out)
    );
}

/// A detected Cargo.toml that is a link out of the work tree (or to nothing): refused by the
/// release and the hand tag, naming it, not left out (the release then shipped with the file
/// still at the old version).
#[cfg(unix)]
#[test]
fn a_manifest_linked_out_of_the_work_tree_is_refused_not_skipped() {
    let outside = tempfile::tempdir().unwrap();
    let manifest = outside.path().join("Cargo.toml");
    std::fs::write(&manifest, "[package]\nname = \"x\"\nversion = \"0.1.0\"\n").unwrap();
    for target in [manifest.clone(), outside.path().join("gone.toml")] {
        let repo = configured_with_a_feature(|_| String::new());
        std::os::unix::fs::symlink(&target, repo.path().join("Cargo.toml")).unwrap();
        repo.git(&["add", "Cargo.toml"]);
        repo.git(&["commit", "-q", "--no-verify", "-m", "chore: the manifest"]);
        let said = "Cargo.toml: it is a symbolic link to a file outside the work tree (or to none), and relhook writes no file through a link";
        let out = crate::support::dated_release(&repo, &["--no-test"]);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        assert!(stderr(&out).contains(said), "{}", text(&out));
        let tag = crate::support::hand_tag_refused(&repo, "v0.2.0");
        assert!(tag.contains(said), "{tag}");
    }
    assert!(
        std::fs::read_to_string(&manifest)
            .unwrap()
            .contains("0.1.0")
    );
}

/// A work tree whose path is not UTF-8: `install` and `doctor` say so, with the fix, not
/// that relhook runs inside a git directory.
#[cfg(unix)]
#[test]
fn a_work_tree_whose_path_is_not_utf8_is_named_so() {
    use std::os::unix::ffi::OsStrExt;
    let host = crate::support::Repo::new();
    let bad = host.path().join(std::ffi::OsStr::from_bytes(b"bad\xffdir"));
    std::fs::create_dir(&bad).unwrap();
    let init = host
        .command_in("git", &bad)
        .args(["init", "-q", "-b", "main"])
        .status();
    assert!(init.unwrap().success());
    for args in [&["install"][..], &["doctor"]] {
        let out = host
            .command_in(crate::support::relhook_bin(), &bad)
            .args(args)
            .output()
            .unwrap();
        assert_ne!(out.status.code(), Some(0), "{args:?}");
        let err = stderr(&out);
        assert!(
            err.contains("is not valid UTF-8") && err.contains("rename the folder"),
            "{args:?}: {err}"
        );
        assert!(!err.contains("inside a git directory"), "{err}");
    }
}

/// `.relconfig.toml` a link to nothing: a configuration gone missing, not the defaults.
/// install warns, doctor and the commit-msg hook name it, and a commit is refused until it
/// is fixed (`--no-verify` still commits).
#[cfg(unix)]
#[test]
fn a_dangling_config_link_is_named_not_taken_for_the_defaults() {
    let repo = crate::support::Repo::new();
    std::os::unix::fs::symlink(
        "/nonexistent/relconfig.toml",
        repo.path().join(".relconfig.toml"),
    )
    .unwrap();
    let said = "it is a symbolic link to `/nonexistent/relconfig.toml`, a file that does not exist; point the link at the configuration file, or remove it (`rm ";
    let install = repo.relhook(&["install"]);
    assert_eq!(install.status.code(), Some(0), "{}", text(&install));
    assert!(stderr(&install).contains(said), "{}", text(&install));
    // doctor gives the way on once, on its `fix:` line.
    let doctor = repo.relhook(&["doctor"]);
    let (why, fix) = said.split_once("; ").unwrap();
    assert!(text(&doctor).contains(why), "{}", text(&doctor));
    assert!(
        !text(&doctor).contains(said),
        "said once: {}",
        text(&doctor)
    );
    assert!(
        text(&doctor).contains(&format!("fix: {fix}")),
        "{}",
        text(&doctor)
    );
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    let out = repo.try_commit("feat: a");
    assert_ne!(out.status.code(), Some(0), "{}", text(&out));
    assert!(stderr(&out).contains(said), "{}", text(&out));
    repo.git(&["commit", "-q", "--no-verify", "-m", "feat: a"]);
}

/// A package's CHANGELOG.md in a monorepo released as one (lerna's fixed mode, commitlint)
/// heads the old version `## [21.2.2](…)`: history, not a place to bump, so the runbook's
/// old-version notes leave it (and HISTORY.md, CHANGES.rst) out, and keep the others.
#[test]
fn the_old_version_notes_leave_other_changelogs_out() {
    let repo = crate::support::Repo::new();
    repo.write(
        "package.json",
        "{\n  \"name\": \"x\",\n  \"version\": \"1.0.0\"\n}\n",
    );
    for (path, text) in [
        (
            "packages/a/CHANGELOG.md",
            "# Change Log\n\n## [1.0.0](x) (2020-01-01)\n",
        ),
        ("HISTORY.md", "1.0.0 / 2020-01-01\n"),
        ("docs/CHANGES.rst", "1.0.0\n=====\n"),
        ("docs/install.md", "npm i x@1.0.0\n"),
        ("src/history.ts", "export const FIRST = '1.0.0';\n"),
    ] {
        repo.write(path, text);
    }
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git_skipping_relhook(&["tag", "-a", "v1.0.0", "-m", "v"]);
    assert_eq!(repo.relhook(&["install"]).status.code(), Some(0));
    repo.commit_hooked("fix: y");
    let out = repo.relhook(&["release", "--dry-run", "--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("docs/install.md:1 would still say 1.0.0"),
        "{err}"
    );
    assert!(
        err.contains("src/history.ts:1 would still say 1.0.0"),
        "{err}"
    );
    for history in ["packages/a/CHANGELOG.md", "HISTORY.md", "docs/CHANGES.rst"] {
        assert!(!err.contains(history), "{history}: {err}");
    }
}

/// A hand tag `git -c commit.gpgSign=false tag -a TAG -m MESSAGE`, dated as [`hand_tag`]
/// dates it: the unsigned release commit a refused signing names.
pub(crate) fn hand_tag_unsigned(repo: &Repo, tag: &str, message: &str) -> std::process::Output {
    let mut cmd = repo.command_in("git", &repo.path());
    cmd.env("RELHOOK_DATE", "2026-11-21").args([
        "-c",
        "commit.gpgSign=false",
        "tag",
        "-a",
        tag,
        "-m",
        message,
    ]);
    cmd.output().expect("git tag")
}
