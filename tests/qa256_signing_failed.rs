//! QA256: a signing program that fails once git has signed with it (a key that stops working,
//! a card pulled out) as git signs a commit relhook writes (`git commit-tree -S`): the
//! release commit of `relhook release` or of a hand tag, and post-commit's amend of a signed
//! commit. Each was said with the whole `git commit-tree -S <tree> -p <parent>` command pasted
//! in; now in one line: what failed, the first line the program said, and the command that
//! finishes or retries.

use crate::support::{
    Repo, Signer, configured_with_a_feature, dated_release, hand_tag, make_executable, ok, stderr,
    text,
};

/// What the stand-in signer says first when it fails.
const SAID: &str = "gpg: signing failed: Card removed";

/// A repository with a feature to release, its commits signed (`commit.gpgSign`) by a
/// stand-in that signs once more (relhook's check that git can sign) and then fails.
fn signing_once() -> (Repo, Signer) {
    let repo = configured_with_a_feature(|_| "[checks]\nrequire_tested_tags = false\n".into());
    repo.git(&["config", "commit.gpgSign", "true"]);
    let signer = Signer::failing_after(&repo, 1);
    signer.configure(&repo);
    (repo, signer)
}

/// The lines of `err` that are relhook's.
fn relhooks(err: &str) -> Vec<&str> {
    err.lines().filter(|l| l.starts_with("relhook: ")).collect()
}

#[test]
fn a_release_says_the_signing_program_failed_in_one_line() {
    let (repo, signer) = signing_once();
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = dated_release(&repo, &["--no-test"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    let program = signer.program.display();
    let lines = relhooks(&err);
    assert_eq!(lines.len(), 2, "{err}");
    assert!(lines[0].starts_with("relhook: releasing v0.1.0"), "{err}");
    assert!(
        lines[1].starts_with(&format!(
            "relhook: error: v0.1.0 was not released: signing the commit failed: `{program}` said: {SAID}; nothing was left behind"
        )),
        "{err}"
    );
    assert!(lines[1].ends_with("again once that is fixed"), "{err}");
    assert!(lines[1].contains("`relhook release"), "{err}");
    assert!(!err.contains("commit-tree"), "{err}");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert!(repo.is_clean());
}

#[test]
fn a_hand_tag_says_it_in_one_line_with_the_tag_to_make_again() {
    let (repo, signer) = signing_once();
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let program = signer.program.display();
    assert_eq!(
        relhooks(&err),
        [format!(
            "relhook: tag v0.1.0 was removed (`git tag` still exits 0: git ignores this hook once the tag is made): its release commit could not be made (signing the commit failed: `{program}` said: {SAID}); once it signs again, tag again: `git tag -a v0.1.0 -m v0.1.0`, or for an unsigned release commit (relhook signs it under `commit.gpgSign`): `git -c commit.gpgSign=false tag -a v0.1.0 -m v0.1.0`"
        )],
        "{err}"
    );
    assert_eq!(repo.git(&["tag", "-l"]), "");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    // The program is not asked again once it failed: its check, then the commit.
    let asked = std::fs::read_to_string(repo.dir.path().join("signer/count")).unwrap();
    assert_eq!(asked.trim(), "2");
    // The unsigned way it names makes the release.
    let mut cmd = repo.command_in("git", &repo.path());
    cmd.env("RELHOOK_DATE", "2026-11-21").args([
        "-c",
        "commit.gpgSign=false",
        "tag",
        "-a",
        "v0.1.0",
        "-m",
        "v0.1.0",
    ]);
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l"]), "v0.1.0");
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
}

#[test]
fn post_commit_says_it_in_one_line_with_the_sync_that_finishes() {
    let repo = Repo::new();
    repo.commit("chore: init");
    ok(repo.relhook(&["install"]));
    let keys = repo.scratch("keys");
    let made = repo
        .command_in("ssh-keygen", &keys)
        .args(["-q", "-t", "ed25519", "-N", "", "-C", "k1", "-f", "k1"])
        .output();
    if !made.is_ok_and(|o| o.status.success()) {
        eprintln!("ssh-keygen not available: not tested");
        return;
    }
    // ssh-keygen signs git's commit, then fails (an agent that went away).
    let wrap = keys.join("wrap");
    std::fs::write(
        &wrap,
        format!(
            "#!/bin/sh\nn=$(cat '{count}' 2>/dev/null || echo 0)\necho $((n + 1)) > '{count}'\n[ \"$n\" -lt 1 ] && exec ssh-keygen \"$@\"\necho 'signing failed for ED25519 k1: agent refused operation' >&2\necho 'a second line' >&2\nexit 255\n",
            count = keys.join("count").display()
        ),
    )
    .unwrap();
    make_executable(&wrap);
    let key = keys.join("k1.pub");
    for (k, v) in [
        ("gpg.format", "ssh"),
        ("user.signingkey", key.to_str().unwrap()),
        ("gpg.ssh.program", wrap.to_str().unwrap()),
        ("commit.gpgSign", "true"),
    ] {
        repo.git(&["config", k, v]);
    }
    let out = repo.try_commit("feat: a");
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let head = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    assert_eq!(
        relhooks(&err),
        [format!(
            "relhook: the changelog entry was not added to commit {head} (signing the commit failed: `{}` said: signing failed for ED25519 k1: agent refused operation); HEAD, index and work tree are as git left them: `relhook changelog --sync` writes it into the file, to commit (`git add` it) with your next commit",
            wrap.display()
        )],
        "{err}"
    );
    assert!(!err.contains("commit-tree"), "{err}");
    assert_eq!(repo.head_subject(), "feat: a");
}
