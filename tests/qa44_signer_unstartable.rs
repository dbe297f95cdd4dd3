//! QA44: a tag-signing release whose `gpg.ssh.program` is not there was refused with a
//! dangling `(error:)`: git 2.47 follows its "cannot exec" line with a bare `error:` line,
//! which relhook took for the reason. The OS's reason is said when git gives one, nothing
//! otherwise.

use crate::support::{configured_with_a_feature, dated_release, stderr, text};

#[test]
fn a_signer_git_cannot_start_is_refused_with_the_os_reason_and_no_empty_error() {
    let repo = configured_with_a_feature(|_| String::new());
    let key = repo.scratch("key").join("id");
    let out = std::process::Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(&key)
        .output();
    if !out.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: no ssh-keygen");
        return;
    }
    repo.git(&["config", "tag.gpgSign", "true"]);
    repo.git(&["config", "gpg.format", "ssh"]);
    repo.git(&[
        "config",
        "user.signingkey",
        &format!("{}.pub", key.display()),
    ]);
    repo.git(&["config", "gpg.ssh.program", "/nonexistent/ssh-keygen"]);
    let out = dated_release(&repo, &["--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    let line = err
        .lines()
        .find(|l| l.starts_with("relhook: release refused: "))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(!line.contains("(error:)"), "{line}");
    assert!(
        line.contains(
            "git cannot start `/nonexistent/ssh-keygen`, which signs for it (No such file or directory); install OpenSSH's ssh-keygen"
        ),
        "{line}"
    );
}
