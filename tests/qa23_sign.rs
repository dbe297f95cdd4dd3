//! QA round 23: a release that signs (its tag: `--sign`, `[release] sign = true`,
//! `tag.gpgSign`; its commit: `commit.gpgSign`) finds out whether git can sign here by signing
//! a throwaway commit the way the release's are signed, before anything is written. A dry run
//! that signs is refused exactly as the release is, in one line naming what is missing and
//! the command that fixes it; a release that does not sign runs no such check.
//!
//! The refusals do not depend on gpg or ssh-keygen being installed: a missing SSH key is
//! told before any program runs, and an OpenPGP key gpg cannot use is played by a stand-in
//! `gpg.program`. The tests that sign for real say which tool they need in their names, and
//! pass, saying so, where it is absent.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::support::{Repo, make_executable, relhook_bin, stderr, stdout, text};

/// A repository with relhook installed and one feature: `relhook release` makes v0.1.0.
fn repo() -> Repo {
    crate::support::configured_with_a_feature(|_| String::new())
}

/// `relhook release ARGS` with the date pinned and `env` added.
fn release_with(repo: &Repo, args: &[&str], env: &[(&str, &Path)]) -> Output {
    let mut cmd = repo.command_in(relhook_bin(), &repo.path());
    cmd.env("RELHOOK_DATE", "2026-11-21")
        .arg("release")
        .args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run relhook release")
}

fn release(repo: &Repo, args: &[&str]) -> Output {
    release_with(repo, args, &[])
}

/// What a refused release must leave as it was: HEAD, the tags, the work tree, the objects.
fn state(repo: &Repo) -> (String, String, String, String, bool) {
    (
        repo.git(&["rev-parse", "HEAD"]),
        repo.git(&["tag", "--list"]),
        repo.git(&["status", "--porcelain"]),
        repo.git(&["count-objects"]),
        repo.path().join(".git/TAG_EDITMSG").exists(),
    )
}

/// The one line a refusal prints: `relhook: release refused: …`; it must be the only one.
fn refusal_line(out: &Output) -> String {
    let err = stderr(out);
    let lines: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("refused") || l.starts_with("next:") || l.contains("error"))
        .collect();
    assert_eq!(lines.len(), 1, "one line:\n{}", text(out));
    assert!(
        lines[0].starts_with("relhook: release refused: "),
        "{}",
        text(out)
    );
    lines[0].to_owned()
}

/// `relhook release --dry-run ARGS` and `relhook release ARGS` are refused alike (exit 1,
/// the same one line, holding every one of `says`), and leave everything as it was.
fn refused_alike(repo: &Repo, args: &[&str], env: &[(&str, &Path)], says: &[&str]) -> String {
    let before = state(repo);
    let mut dry = vec!["--dry-run"];
    dry.extend_from_slice(args);
    let planned = release_with(repo, &dry, env);
    assert_eq!(planned.status.code(), Some(1), "{}", text(&planned));
    let line = refusal_line(&planned);
    for s in says {
        assert!(line.contains(s), "{s:?} not in: {line}");
    }
    assert_eq!(state(repo), before, "the dry run wrote nothing");
    let real = release_with(repo, args, env);
    assert_eq!(real.status.code(), Some(1), "{}", text(&real));
    assert_eq!(
        refusal_line(&real),
        line,
        "the release says what its dry run said"
    );
    assert!(!stderr(&real).contains("releasing"), "{}", text(&real));
    assert_eq!(state(repo), before, "nothing was made");
    line
}

/// A program in `dir`, a shell script (stand-ins for gpg).
fn script(dir: &Path, name: &str, body: &str) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}")).unwrap();
    make_executable(&path);
    path
}

/// A stand-in gpg that finds no secret key for what it is asked to sign as, as gpg says it
/// (after noting each call in `calls`).
fn gpg_without_keys(repo: &Repo) -> (PathBuf, PathBuf) {
    let dir = repo.scratch("fake-gpg");
    let calls = dir.join("calls");
    let gpg = script(
        &dir,
        "gpg",
        &format!(
            "echo \"$@\" >> '{}'\ncat >/dev/null\nkey=\"$4\"\necho \"gpg: skipped \\\"$key\\\": No secret key\" >&2\necho \"[GNUPG:] INV_SGNR 9 $key\" >&2\necho '[GNUPG:] FAILURE sign 17' >&2\necho 'gpg: signing failed: No secret key' >&2\nexit 2\n",
            calls.display()
        ),
    );
    (gpg, calls)
}

/// Whether `program` runs here; when it does not, the test that needs it says so.
fn have(program: &str, arg: &str) -> bool {
    let found = Command::new(program)
        .arg(arg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok();
    if !found {
        eprintln!("{program} is not installed: signing with it is not tested here");
    }
    found
}

#[test]
fn a_signing_dry_run_without_an_ssh_key_is_refused_as_the_release_is() {
    let repo = repo();
    repo.git(&["config", "gpg.format", "ssh"]);
    let line = refused_alike(
        &repo,
        &["--sign"],
        &[],
        &[
            "`--sign`",
            "`user.signingkey`",
            "`git config user.signingkey ",
        ],
    );
    assert!(line.contains("SSH"), "{line}");
    // With the release unsigned, the same setup is no obstacle: nothing is checked.
    let out = release(&repo, &["--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        stdout(&out).contains("tag: annotated v0.1.0"),
        "{}",
        text(&out)
    );
}

#[test]
fn an_ssh_key_file_that_is_not_there_is_named_under_tag_gpgsign() {
    let repo = repo();
    let missing = repo.scratch("keys").join("id_missing.pub");
    repo.git(&["config", "gpg.format", "ssh"]);
    repo.git(&["config", "user.signingkey", missing.to_str().unwrap()]);
    // No --sign: git signs every annotated tag under `tag.gpgSign`, and so does the release.
    repo.git(&["config", "tag.gpgSign", "true"]);
    refused_alike(
        &repo,
        &[],
        &[],
        &[
            "`tag.gpgSign`",
            &format!("`{}`", missing.display()),
            "does not exist",
            "`git config user.signingkey ",
        ],
    );
}

#[test]
fn a_signing_program_that_is_not_installed_is_named_under_release_sign() {
    let repo = crate::support::configured_with_a_feature(|_| "[release]\nsign = true\n".into());
    let gpg = repo.scratch("bin").join("no-such-gpg");
    repo.git(&["config", "gpg.program", gpg.to_str().unwrap()]);
    refused_alike(
        &repo,
        &[],
        &[],
        &[
            "`[release] sign = true`",
            &format!("`{}`", gpg.display()),
            "`git config gpg.program ",
        ],
    );
}

#[test]
fn commit_gpgsign_signs_the_release_commit_and_is_checked_too() {
    let repo = repo();
    repo.git(&["config", "gpg.format", "ssh"]);
    repo.git(&["config", "commit.gpgSign", "true"]);
    refused_alike(
        &repo,
        &[],
        &[],
        &["`commit.gpgSign`", "`git config user.signingkey "],
    );
}

#[test]
fn an_openpgp_key_gpg_cannot_use_is_refused_with_the_setting_to_change() {
    let repo = repo();
    let (gpg, calls) = gpg_without_keys(&repo);
    repo.git(&["config", "gpg.program", gpg.to_str().unwrap()]);
    // No `user.signingkey`: git asks gpg to sign as the committer.
    let line = refused_alike(
        &repo,
        &["--sign"],
        &[],
        &[
            "`user.signingkey` is not set",
            "No secret key",
            "`git config user.signingkey <key id>`",
        ],
    );
    assert!(!line.contains("[GNUPG:]"), "{line}");
    // The check ran the configured program, as git will for the tag.
    assert!(std::fs::read_to_string(&calls).unwrap().contains("-bsau"));
    repo.git(&["config", "user.signingkey", "DEADBEEF"]);
    refused_alike(
        &repo,
        &["--sign"],
        &[],
        &[
            "`DEADBEEF`",
            "No secret key",
            "`git config user.signingkey ",
        ],
    );
}

/// A release that does not sign starts no signing program: the check costs nothing there,
/// however broken the signing setup is.
#[test]
fn a_release_that_does_not_sign_runs_no_signing_program() {
    let repo = repo();
    let (gpg, calls) = gpg_without_keys(&repo);
    repo.git(&["config", "gpg.program", gpg.to_str().unwrap()]);
    let out = release(&repo, &["--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let out = release(&repo, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "--list"]), "v0.1.0");
    assert!(!calls.exists(), "gpg was started");
    // Nor does a commit through the hooks.
    repo.commit_hooked("fix: two");
    assert!(!calls.exists(), "gpg was started");
}

#[test]
fn a_monorepo_release_that_signs_is_checked_alike() {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        "[packages.a]\npath = \"a\"\n\n[packages.b]\npath = \"b\"\n",
    );
    for p in ["a", "b"] {
        repo.write(&format!("{p}/CHANGELOG.md"), crate::support::SKELETON);
    }
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.write("a/one.txt", "1\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "feat(a): one"]);
    let out = release(&repo, &["--all", "--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.git(&["config", "gpg.format", "ssh"]);
    refused_alike(
        &repo,
        &["--all", "--sign"],
        &[],
        &["`--sign`", "`git config user.signingkey "],
    );
    // Its `--resume` (the tags missing, as a kill leaves them) is refused before it tags.
    let out = release(&repo, &["--all"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.git(&["tag", "-d", "a-v0.1.0"]);
    repo.git(&["config", "tag.gpgSign", "true"]);
    let out = release(&repo, &["--resume"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let line = refusal_line(&out);
    assert!(
        line.contains("`tag.gpgSign`") && line.contains("`relhook release --resume`"),
        "{line}"
    );
    assert!(!stderr(&out).contains("finishing"), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "--list"]), "");
    repo.git(&["config", "--unset", "tag.gpgSign"]);
    let out = release(&repo, &["--resume"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "--list"]), "a-v0.1.0");
}

/// `--resume` signs the tag it makes: refused before the tests run, the release commit
/// left for a resume once git can sign.
#[test]
fn a_resume_that_signs_is_checked_before_its_tests_run() {
    let repo = crate::support::configured_with_a_feature(|_| {
        "[checks]\ntest = [\"sh\", \"-c\", \"echo ran >> ../tests-ran\"]\n".into()
    });
    repo.relhook_killed_at("release-committed", &["release"]);
    let ran = repo.dir.path().join("tests-ran");
    let _ = std::fs::remove_file(&ran);
    let head = repo.git(&["rev-parse", "HEAD"]);
    repo.git(&["config", "gpg.format", "ssh"]);
    repo.git(&["config", "tag.gpgSign", "true"]);
    let out = release(&repo, &["--resume"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let line = refusal_line(&out);
    assert!(
        line.contains("`git config user.signingkey ")
            && line.contains("`relhook release --resume`"),
        "{line}"
    );
    assert!(!ran.exists(), "the tests ran");
    assert!(!stderr(&out).contains("finishing"), "{}", text(&out));
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert_eq!(repo.git(&["tag", "--list"]), "");
    repo.git(&["config", "--unset", "tag.gpgSign"]);
    let out = release(&repo, &["--resume"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "--list"]), "v0.1.0");
}

/// An ed25519 key pair without passphrase at `dir/name`; returns the private key's path.
fn ssh_key(dir: &Path, name: &str) -> PathBuf {
    let key = dir.join(name);
    let out = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", name, "-f"])
        .arg(&key)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    key
}

/// Signing with a new SSH key in `repo` (`gpg.format ssh`), whose signatures git verifies.
fn ssh_signing(repo: &Repo) {
    let keys = repo.scratch("keys");
    let key = ssh_key(&keys, "k1");
    let public = std::fs::read_to_string(key.with_extension("pub")).unwrap();
    let allowed = keys.join("allowed");
    std::fs::write(&allowed, format!("committer@example.com {public}")).unwrap();
    repo.git(&["config", "gpg.format", "ssh"]);
    let public_path = key.with_extension("pub");
    repo.git(&["config", "user.signingkey", public_path.to_str().unwrap()]);
    repo.git(&[
        "config",
        "gpg.ssh.allowedSignersFile",
        allowed.to_str().unwrap(),
    ]);
}

#[test]
fn with_ssh_keygen_a_working_ssh_key_passes_the_dry_run_and_signs_commit_and_tag() {
    if !have("ssh-keygen", "-?") {
        return;
    }
    let repo = repo();
    ssh_signing(&repo);
    repo.git(&["config", "commit.gpgSign", "true"]);
    let before = state(&repo);
    let out = release(&repo, &["--dry-run", "--sign"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        stdout(&out).contains("tag: signed annotated v0.1.0"),
        "{}",
        text(&out)
    );
    assert_eq!(state(&repo), before, "the check wrote nothing here");
    let out = release(&repo, &["--sign"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "--list"]), "v0.1.0");
    let verified = repo.git_output(&["verify-tag", "v0.1.0"]);
    assert!(verified.status.success(), "{}", text(&verified));
    let verified = repo.git_output(&["verify-commit", "v0.1.0^{commit}"]);
    assert!(verified.status.success(), "{}", text(&verified));
}

/// A GNUPGHOME of its own under the test's directory; its agent is stopped on drop.
struct GnupgHome(PathBuf);

impl GnupgHome {
    fn new(repo: &Repo) -> GnupgHome {
        let home = repo.scratch("gnupg");
        crate::support::chmod(&home, 0o700);
        GnupgHome(home)
    }

    fn gpg(&self, args: &[&str]) -> Output {
        Command::new("gpg")
            .env("GNUPGHOME", &self.0)
            .args(args)
            .output()
            .unwrap()
    }
}

impl Drop for GnupgHome {
    fn drop(&mut self) {
        let _ = Command::new("gpgconf")
            .env("GNUPGHOME", &self.0)
            .args(["--kill", "all"])
            .status();
    }
}

#[test]
fn with_gpg_an_empty_keyring_is_refused_and_a_key_signs_the_tag() {
    if !have("gpg", "--version") {
        return;
    }
    let repo = repo();
    let home = GnupgHome::new(&repo);
    let env = [("GNUPGHOME", home.0.as_path())];
    refused_alike(
        &repo,
        &["--sign"],
        &env,
        &[
            "`user.signingkey` is not set",
            "`git config user.signingkey <key id>`",
        ],
    );
    let out = home.gpg(&[
        "--batch",
        "--passphrase",
        "",
        "--quick-gen-key",
        "Release <release@example.com>",
        "ed25519",
        "sign",
        "never",
    ]);
    assert!(out.status.success(), "{}", text(&out));
    repo.git(&["config", "user.signingkey", "release@example.com"]);
    let out = release_with(&repo, &["--dry-run", "--sign"], &env);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let out = release_with(&repo, &["--sign"], &env);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let tag = repo.git(&["cat-file", "tag", "v0.1.0"]);
    assert!(tag.contains("-----BEGIN PGP SIGNATURE-----"), "{tag}");
}

/// A signed release tag left on its release commit as it was before an amend is made again
/// signed by `relhook release --resume` (a review found the new tag silently unsigned).
#[test]
fn with_ssh_keygen_a_rewritten_release_commits_signed_tag_is_made_again_signed() {
    if !have("ssh-keygen", "-?") {
        return;
    }
    let repo = repo();
    ssh_signing(&repo);
    let out = release(&repo, &["--sign"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let out = repo.git_output(&["commit", "-q", "--amend", "-m", "chore: release 0.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = release(&repo, &["--resume"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        repo.git(&["rev-parse", "v0.1.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD"])
    );
    let verified = repo.git_output(&["verify-tag", "v0.1.0"]);
    assert!(verified.status.success(), "{}", text(&verified));
}
