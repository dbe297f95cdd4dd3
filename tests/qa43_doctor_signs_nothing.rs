//! QA43: `relhook doctor` signed a throwaway commit to see whether releases could sign, so a
//! signing program that hangs (or waits for a passphrase) left doctor silent until killed.
//! Doctor signs nothing now: the program git would start is looked up as git looks it up
//! (`gpg.program` and kin, or `gpg`/`ssh-keygen`/`gpgsm` on PATH) and the key as git would
//! take it; the row says the program itself was not run. `relhook release` still signs first.

use std::time::{Duration, Instant};

use crate::support::{Repo, configured_with_a_feature, make_executable, stdout, text};

/// A signing program that logs that it ran, then sleeps as one waiting for a passphrase does.
fn sleeping_program(repo: &Repo, name: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let dir = repo.scratch("signer");
    let ran = dir.join("ran");
    let program = dir.join(name);
    std::fs::write(
        &program,
        format!("#!/bin/sh\ntouch '{}'\nexec sleep 100\n", ran.display()),
    )
    .unwrap();
    make_executable(&program);
    (program, ran)
}

/// `relhook doctor`, which must answer within a few seconds; its signing row.
fn signing_row(repo: &Repo) -> (String, String) {
    let started = Instant::now();
    let out = repo
        .command_in(crate::support::relhook_bin(), &repo.path())
        .arg("doctor")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "doctor took {:?}",
        started.elapsed()
    );
    let said = stdout(&out);
    let rows: Vec<&str> = said.lines().filter(|l| l.contains(" signing: ")).collect();
    assert_eq!(rows.len(), 1, "{}", text(&out));
    (rows[0].to_owned(), said)
}

#[test]
fn a_hanging_gpg_program_is_not_started_by_doctor() {
    let repo = configured_with_a_feature(|_| String::new());
    let (gpg, ran) = sleeping_program(&repo, "gpg");
    repo.git(&["config", "tag.gpgSign", "true"]);
    repo.git(&["config", "gpg.program", gpg.to_str().unwrap()]);
    repo.git(&["config", "user.signingkey", "ABCDEF"]);
    let (row, said) = signing_row(&repo);
    assert!(row.trim_start().starts_with("ok"), "{said}");
    assert!(row.contains(&format!("`{}`", gpg.display())), "{said}");
    assert!(row.contains("`ABCDEF`"), "{said}");
    assert!(row.contains("not run"), "{said}");
    assert!(!ran.exists(), "doctor started the signing program");
}

#[test]
fn a_hanging_ssh_program_is_not_started_either() {
    let repo = configured_with_a_feature(|_| String::new());
    let (keygen, ran) = sleeping_program(&repo, "ssh-keygen");
    let key = repo.scratch("keys").join("id.pub");
    std::fs::write(&key, "ssh-ed25519 AAAA x\n").unwrap();
    repo.git(&["config", "tag.gpgSign", "true"]);
    repo.git(&["config", "gpg.format", "ssh"]);
    repo.git(&["config", "gpg.ssh.program", keygen.to_str().unwrap()]);
    repo.git(&["config", "user.signingkey", key.to_str().unwrap()]);
    let (row, said) = signing_row(&repo);
    assert!(row.trim_start().starts_with("ok"), "{said}");
    assert!(row.contains("not run"), "{said}");
    assert!(!ran.exists(), "doctor started the signing program");
    // The key file gone: said, with the command that makes one.
    std::fs::remove_file(&key).unwrap();
    let (row, said) = signing_row(&repo);
    assert!(row.trim_start().starts_with("INVALID"), "{said}");
    assert!(row.contains("does not exist"), "{said}");
    assert!(!ran.exists());
}

#[test]
fn a_missing_program_or_an_empty_key_is_invalid_without_running_anything() {
    let repo = configured_with_a_feature(|_| "[release]\nsign = true\n".into());
    let gpg = repo.scratch("bin").join("no-such-gpg");
    repo.git(&["config", "gpg.program", gpg.to_str().unwrap()]);
    let (row, said) = signing_row(&repo);
    assert!(row.trim_start().starts_with("INVALID"), "{said}");
    assert!(row.contains("git cannot start"), "{said}");
    assert!(said.contains("fix: install GnuPG"), "{said}");
    // On PATH as git looks: a name that is nowhere on it.
    repo.git(&["config", "gpg.program", "relhook-no-such-gpg"]);
    let (row, said) = signing_row(&repo);
    assert!(row.contains("`relhook-no-such-gpg`"), "{said}");
    assert!(row.trim_start().starts_with("INVALID"), "{said}");
    // A program that is there, and a key set to nothing.
    let (found, ran) = sleeping_program(&repo, "gpg");
    repo.git(&["config", "gpg.program", found.to_str().unwrap()]);
    repo.git(&["config", "user.signingkey", ""]);
    let (row, said) = signing_row(&repo);
    assert!(row.trim_start().starts_with("INVALID"), "{said}");
    assert!(
        row.contains("`user.signingkey` is set to an empty value"),
        "{said}"
    );
    assert!(
        said.contains("git config --unset user.signingkey"),
        "{said}"
    );
    assert!(!ran.exists());
}
