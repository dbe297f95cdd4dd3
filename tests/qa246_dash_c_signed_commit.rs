//! QA246: `git -c commit.gpgSign=true commit` (the setting passed down to the hooks in
//! GIT_CONFIG_PARAMETERS, none of it in a file) with relhook's post-commit, SSH keys made here
//! with ssh-keygen: the commit with its changelog entry stays signed by the same key, or HEAD
//! stays as git made it and one line says why.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::support::hooked_changelog_repo as setup;
use crate::support::{Repo, make_executable, stderr, text};

/// An ed25519 key pair without passphrase at `dir/name`; its public line. `None` without
/// ssh-keygen.
fn ssh_key(dir: &Path, name: &str) -> Option<String> {
    let out = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", name, "-f"])
        .arg(dir.join(name))
        .output();
    if !out.is_ok_and(|o| o.status.success()) {
        eprintln!("ssh-keygen not available: `git -c commit.gpgSign` not tested");
        return None;
    }
    std::fs::read_to_string(dir.join(format!("{name}.pub"))).ok()
}

/// A hooked repository with a new file staged, an SSH key `k1` and the allowed-signers file
/// that names it; its folder.
fn staged() -> Option<(Repo, PathBuf)> {
    let repo = setup();
    let keys = repo.scratch("keys");
    let public = ssh_key(&keys, "k1")?;
    std::fs::write(keys.join("allowed"), format!("k1@example.com {public}")).unwrap();
    repo.write("s.txt", "s");
    repo.git(&["add", "s.txt"]);
    Some((repo, keys))
}

/// `git -c …` for each of `settings`, then `commit -m MESSAGE`.
fn commit_given(repo: &Repo, settings: &[String], message: &str) -> Output {
    let mut cmd = repo.command_in("git", &repo.path());
    for s in settings {
        cmd.arg("-c").arg(s);
    }
    cmd.args(["commit", "-q", "-m", message]);
    cmd.output().unwrap()
}

/// What git says of HEAD's signature, with the allowed-signers file in `keys`: `%G?` and
/// the signer.
fn verified(repo: &Repo, keys: &Path) -> String {
    let allowed = format!(
        "gpg.ssh.allowedSignersFile={}",
        keys.join("allowed").display()
    );
    repo.git(&["-c", &allowed, "log", "-1", "--format=%G? %GS"])
        .trim()
        .to_owned()
}

#[test]
fn the_amended_commit_stays_signed_by_the_key_dash_c_names() {
    let Some((repo, keys)) = staged() else {
        return;
    };
    let settings = [
        "commit.gpgSign=true".to_owned(),
        "gpg.format=ssh".to_owned(),
        format!("user.signingKey={}", keys.join("k1").display()),
    ];
    let out = commit_given(&repo, &settings, "feat: signed by git -c");
    assert!(out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains("the commit is now"), "{}", text(&out));
    assert!(
        repo.git(&["show", "HEAD:CHANGELOG.md"])
            .contains("- signed by git -c"),
        "{}",
        text(&out)
    );
    assert_eq!(verified(&repo, &keys), "G k1@example.com");
    assert!(repo.is_clean());
}

/// The signing program stops working once git has signed (a key on a token pulled out): HEAD
/// stays as git made it, signed, and relhook says why in one line.
#[test]
fn a_signer_that_fails_the_amend_leaves_head_signed_and_says_one_line() {
    let Some((repo, keys)) = staged() else {
        return;
    };
    let count = keys.join("count");
    let program = keys.join("ssh-keygen-once");
    std::fs::write(
        &program,
        format!(
            "#!/bin/sh\nif [ -e '{count}' ]; then echo 'sign_and_send_pubkey: signing failed: agent refused operation' >&2; exit 1; fi\ntouch '{count}'\nexec ssh-keygen \"$@\"\n",
            count = count.display()
        ),
    )
    .unwrap();
    make_executable(&program);
    let settings = [
        "commit.gpgSign=true".to_owned(),
        "gpg.format=ssh".to_owned(),
        format!("gpg.ssh.program={}", program.display()),
        format!("user.signingKey={}", keys.join("k1").display()),
    ];
    let out = commit_given(&repo, &settings, "feat: signed once");
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(verified(&repo, &keys), "G k1@example.com");
    assert!(
        !repo
            .git(&["show", "HEAD:CHANGELOG.md"])
            .contains("- signed once"),
        "{}",
        text(&out)
    );
    let err = stderr(&out);
    let said: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(said.len(), 1, "{}", text(&out));
    assert!(said[0].starts_with("relhook: "), "{}", text(&out));
    assert!(said[0].contains("signing failed"), "{}", text(&out));
}
