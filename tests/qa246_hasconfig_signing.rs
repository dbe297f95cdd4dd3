//! QA246: signing settings (`tag.gpgSign`, `gpg.format`, `user.signingKey`) that git takes
//! from a file included on a remote's URL (`[includeIf "hasconfig:remote.*.url:…"]`: a work
//! key for a work remote's clones). libgit2 never weighs that condition, so relhook read none
//! of them: a release git would sign went out unsigned, and its signing check was skipped.
//! Such a condition now leaves them to git, as it does the identity.

use std::process::Command;

use crate::support::{Repo, stderr, stdout, text};

/// A repository with a `feat:` commit whose remote is a work one, the global configuration
/// including `work.gitconfig` for such clones, which turns on `tag.gpgSign` with the SSH key
/// `key` (a path under the home folder). `None` without ssh-keygen.
fn work_clone(key: &str, make_key: bool) -> Option<Repo> {
    let repo = Repo::new();
    let home = repo.home();
    if make_key {
        let out = Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-C", "work", "-f"])
            .arg(home.join(key))
            .output();
        if !out.is_ok_and(|o| o.status.success()) {
            eprintln!("ssh-keygen not available: hasconfig signing not tested");
            return None;
        }
    }
    std::fs::write(
        home.join("work.gitconfig"),
        format!(
            "[tag]\n\tgpgSign = true\n[gpg]\n\tformat = ssh\n[user]\n\tsigningKey = {}\n",
            home.join(key).display()
        ),
    )
    .unwrap();
    std::fs::write(
        home.join("gitconfig"),
        format!(
            "[includeIf \"hasconfig:remote.*.url:https://work.example.com/**\"]\n\tpath = {}\n",
            home.join("work.gitconfig").display()
        ),
    )
    .unwrap();
    repo.git(&["remote", "add", "origin", "https://work.example.com/a.git"]);
    assert_eq!(repo.git(&["config", "tag.gpgSign"]).trim(), "true");
    repo.commit("feat: one");
    Some(repo)
}

/// Whether `tag`'s object carries an SSH signature.
fn signed(repo: &Repo, tag: &str) -> bool {
    let raw = repo.git(&["cat-file", "tag", tag]);
    raw.contains("-----BEGIN SSH SIGNATURE-----")
}

#[test]
fn a_release_signs_its_tag_as_the_included_file_says() {
    let Some(repo) = work_clone("work_key", true) else {
        return;
    };
    // The plan says what git will do: sign the tag.
    let out = repo.relhook(&["release", "--no-test", "--dry-run"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stdout(&out).contains("tag: signed annotated v0.1.0"),
        "{}",
        text(&out)
    );
    let out = repo.relhook(&["release", "--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(signed(&repo, "v0.1.0"), "{}", text(&out));
}

#[test]
fn a_release_refuses_first_when_the_included_key_is_missing() {
    let Some(repo) = work_clone("missing_key", false) else {
        return;
    };
    let before = repo.git(&["rev-parse", "HEAD"]);
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let key = repo.home().join("missing_key");
    let said = format!(
        "the release signs its tag (`tag.gpgSign`), but the SSH key `{}` that `user.signingkey` names does not exist",
        key.display()
    );
    assert!(stderr(&out).contains(&said), "{}", text(&out));
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), before);
    assert_eq!(repo.git(&["tag"]), "");
}
