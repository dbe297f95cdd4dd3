//! QA81: pre-push's fix for a lock file left beside a signed release tag made the tag again
//! with `git tag -a`, which signs only under `tag.gpgSign`: the signature was dropped. A
//! signed tag is now made again with `git tag -s`.

use crate::support::{Repo, ok, text};

#[test]
fn a_signed_release_tag_is_made_again_signed_by_the_lock_files_fix() {
    let repo = Repo::new();
    let key = repo.path().join("..").join("qa81_signing_key");
    let made = std::process::Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(&key)
        .output();
    if !made.is_ok_and(|o| o.status.success()) {
        return; // No ssh-keygen here: nothing to sign with.
    }
    repo.git(&["config", "gpg.format", "ssh"]);
    repo.git(&["config", "user.signingkey", key.to_str().unwrap()]);
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: cfg"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release", "--sign"]));
    let tagged = repo.git(&["cat-file", "-p", "v0.1.0"]);
    assert!(tagged.contains("-----BEGIN SSH SIGNATURE-----"), "{tagged}");
    repo.with_origin();
    repo.write("yarn.lock", "lock\n");
    let out = repo.git_output(&["push", "origin", "main", "--tags"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = crate::support::stderr(&out);
    let fix = err
        .lines()
        .find(|l| l.starts_with("    fix: a lock file"))
        .unwrap_or_else(|| panic!("{err}"));
    let command = fix.split('`').nth(1).unwrap();
    assert!(command.contains("git tag -f -s v0.1.0 "), "{command}");
    let path = crate::support::path_with(&[&repo.relhook_on_path()]);
    let ran = (repo.command_in("sh", &repo.path()))
        .env("PATH", path)
        .args(["-c", command])
        .output()
        .unwrap();
    assert!(ran.status.success(), "{command}: {}", text(&ran));
    let tagged = repo.git(&["cat-file", "-p", "v0.1.0"]);
    assert!(tagged.contains("-----BEGIN SSH SIGNATURE-----"), "{tagged}");
    assert!(tagged.contains("\n- a\n"), "{tagged}");
}
