//! QA95: pre-push's fix for a lock file left beside a release tag deleted the tag and then
//! made it again (`git tag -d v0.1.0 && git tag -s v0.1.0 …`): with a signer that fails, the
//! second step failed and the release tag was gone. The tag is now moved with `git tag -f`,
//! which a failing signer leaves where it was.

use crate::support::{Repo, ok, stderr, text};

/// A repository released with a tag of `kind` (`-s` with a signing key), an origin and an
/// untracked lock file; `None` without ssh-keygen for a signed one (nothing to sign with).
fn released(kind: &str) -> Option<Repo> {
    let repo = Repo::new();
    if kind == "-s" {
        let key = repo.path().join("..").join("qa95_signing_key");
        let made = std::process::Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-f"])
            .arg(&key)
            .output();
        if !made.is_ok_and(|o| o.status.success()) {
            return None;
        }
        repo.git(&["config", "gpg.format", "ssh"]);
        repo.git(&["config", "user.signingkey", key.to_str().unwrap()]);
    }
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: cfg"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    match kind {
        "-s" => ok(repo.relhook(&["release", "--sign"])),
        _ => ok(repo.relhook(&["release"])),
    };
    repo.with_origin();
    repo.write("yarn.lock", "lock\n");
    Some(repo)
}

/// The lock file's fix pre-push prints, refusing the push.
fn lock_fix(repo: &Repo) -> String {
    let out = repo.git_output(&["push", "origin", "main", "--tags"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let fix = err
        .lines()
        .find(|l| l.starts_with("    fix: a lock file"))
        .unwrap_or_else(|| panic!("{err}"));
    fix.split('`').nth(1).unwrap().to_owned()
}

#[test]
fn a_failing_signer_leaves_the_release_tag_where_it_was() {
    let Some(repo) = released("-s") else { return };
    let before = repo.git(&["rev-parse", "v0.1.0"]);
    let command = lock_fix(&repo);
    assert!(command.contains("git tag -f -s v0.1.0 "), "{command}");
    repo.git(&["config", "gpg.program", "false"]);
    repo.git(&["config", "gpg.ssh.program", "false"]);
    let ran = repo.sh(&command);
    assert!(!ran.status.success(), "{command}: {}", text(&ran));
    let after = repo.git_output(&["rev-parse", "-q", "--verify", "refs/tags/v0.1.0"]);
    assert!(after.status.success(), "the tag is gone: {}", text(&ran));
    let after = String::from_utf8_lossy(&after.stdout);
    assert_eq!(after.trim(), before, "{}", text(&ran));
}

#[test]
fn a_working_signer_moves_the_signed_tag_onto_the_lock_commit_and_the_push_goes() {
    let Some(repo) = released("-s") else { return };
    let command = lock_fix(&repo);
    let ran = repo.sh(&command);
    assert!(ran.status.success(), "{command}: {}", text(&ran));
    let tagged = repo.git(&["cat-file", "-p", "v0.1.0"]);
    assert!(tagged.contains("-----BEGIN SSH SIGNATURE-----"), "{tagged}");
    assert!(tagged.contains("\n- a\n"), "{tagged}");
    assert_eq!(
        repo.git(&["rev-parse", "v0.1.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD"])
    );
    ok(repo.git_output(&["push", "origin", "main", "--tags"]));
}

#[test]
fn an_annotated_tag_is_moved_onto_the_lock_commit_and_the_push_goes() {
    let Some(repo) = released("-a") else { return };
    let command = lock_fix(&repo);
    assert!(command.contains("git tag -f -a v0.1.0 "), "{command}");
    let ran = repo.sh(&command);
    assert!(ran.status.success(), "{command}: {}", text(&ran));
    assert_eq!(
        repo.git(&["rev-parse", "v0.1.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD"])
    );
    assert!(
        repo.git(&["log", "-1", "--format=%s"])
            .starts_with("build:")
    );
    ok(repo.git_output(&["push", "origin", "main", "--tags"]));
}
