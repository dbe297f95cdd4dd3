//! post-commit on signed commits, with real gpg and ssh-keygen: the amended commit is signed
//! by the key that signed git's commit, not the default one, and keeps everything else byte
//! for byte; when that cannot be done, HEAD stays as git made it and the user hears why.
//! Each test has its own GNUPGHOME or keys under its temporary directory; a test whose tool
//! is missing says so and passes.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

use crate::support::hooked_changelog_repo as setup;
use crate::support::{Repo, stderr, stdout, text};

/// Whether `program` runs here.
fn have(program: &str, arg: &str) -> bool {
    let found = Command::new(program)
        .arg(arg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok();
    if !found {
        eprintln!("{program} not available: signing with it not tested");
    }
    found
}

/// git with extra environment whose values may be any bytes.
fn git_with(repo: &Repo, args: &[&str], env: &[(&str, &OsStr)]) -> Output {
    let mut cmd = repo.command_in("git", &repo.path());
    cmd.args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run git")
}

/// A commit object without its tree and signature: what an amend must keep byte for byte.
fn kept(repo: &Repo, commit: &str) -> Vec<u8> {
    let raw = repo.git_output(&["cat-file", "commit", commit]).stdout;
    let mut out = Vec::new();
    let mut in_sig = false;
    let mut in_headers = true;
    for line in raw.split_inclusive(|&b| b == b'\n') {
        if in_headers {
            if line == b"\n" {
                in_headers = false;
            } else if line.starts_with(b" ") && in_sig {
                continue;
            } else {
                in_sig = line.starts_with(b"gpgsig ");
                if in_sig || line.starts_with(b"tree ") {
                    continue;
                }
            }
        }
        out.extend_from_slice(line);
    }
    out
}

/// A GNUPGHOME of its own with two signing keys; its agent is stopped on drop.
struct Gpg {
    home: PathBuf,
}

impl Gpg {
    fn new(dir: &Path) -> Gpg {
        let home = dir.join("gnupg");
        std::fs::create_dir_all(&home).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&home, std::fs::Permissions::from_mode(0o700)).unwrap();
        }
        let gpg = Gpg { home };
        for uid in ["Default <default@example.com>", "Other <other@example.com>"] {
            let out = gpg
                .cmd()
                .args(["--batch", "--passphrase", "", "--quick-gen-key", uid])
                .args(["ed25519", "sign", "never"])
                .output()
                .unwrap();
            assert!(out.status.success(), "{}", text(&out));
        }
        gpg
    }

    fn cmd(&self) -> Command {
        let mut cmd = Command::new("gpg");
        cmd.env("GNUPGHOME", &self.home);
        cmd
    }

    /// The fingerprint of the key of `email`.
    fn fingerprint(&self, email: &str) -> String {
        let out = self
            .cmd()
            .args(["--with-colons", "--list-secret-keys", email])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .find_map(|l| l.strip_prefix("fpr:"))
            .map(|l| l.trim_matches(':').to_owned())
            .expect("a fingerprint")
    }
}

impl Drop for Gpg {
    fn drop(&mut self) {
        let _ = Command::new("gpgconf")
            .env("GNUPGHOME", &self.home)
            .args(["--kill", "all"])
            .status();
    }
}

/// An ed25519 key pair without passphrase at `dir/name`; its public line.
fn ssh_key(dir: &Path, name: &str) -> String {
    let key = dir.join(name);
    let out = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", name, "-f"])
        .arg(&key)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    std::fs::read_to_string(key.with_extension("pub")).unwrap()
}

/// SSH signing with `k1` as `user.signingkey`, and an allowed-signers file so that git can
/// name the signer (`%GS`) of every key made here.
fn ssh_repo() -> (Repo, PathBuf) {
    let repo = setup();
    let keys = repo.scratch("keys");
    let mut allowed = String::new();
    for name in ["k1", "k2"] {
        allowed.push_str(&format!("{name}@example.com {}", ssh_key(&keys, name)));
    }
    std::fs::write(keys.join("allowed"), allowed).unwrap();
    repo.git(&["config", "gpg.format", "ssh"]);
    repo.git(&[
        "config",
        "user.signingkey",
        keys.join("k1").to_str().unwrap(),
    ]);
    let allowed = keys.join("allowed");
    repo.git(&[
        "config",
        "gpg.ssh.allowedSignersFile",
        allowed.to_str().unwrap(),
    ]);
    (repo, keys)
}

/// `git commit -S<key>` with the non-default OpenPGP key: the amended commit is signed by
/// that key (fingerprint `!`-pinned), not by `user.signingkey`.
#[test]
fn gpg_amend_signs_with_the_key_that_signed_the_commit() {
    if !have("gpg", "--version") {
        return;
    }
    let repo = setup();
    let gpg = Gpg::new(repo.dir.path());
    let (default, other) = (
        gpg.fingerprint("default@example.com"),
        gpg.fingerprint("other@example.com"),
    );
    repo.git(&["config", "user.signingkey", &default]);
    repo.write("s.txt", "s");
    repo.git(&["add", "s.txt"]);
    let home = gpg.home.as_os_str();
    let out = git_with(
        &repo,
        &[
            "commit",
            "-q",
            &format!("-S{other}"),
            "-m",
            "feat: signed by the other key",
        ],
        &[("GNUPGHOME", home)],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains("the commit is now"), "{}", text(&out));
    let show = git_with(
        &repo,
        &["log", "-1", "--format=%G?%n%GF"],
        &[("GNUPGHOME", home)],
    );
    assert_eq!(
        String::from_utf8_lossy(&show.stdout).trim(),
        format!("G\n{other}")
    );
    assert!(
        repo.git(&["show", "HEAD:CHANGELOG.md"])
            .contains("- signed by the other key")
    );
    assert_eq!(kept(&repo, "HEAD"), kept(&repo, "HEAD@{1}"));
    assert!(repo.is_clean());
}

/// With the configured SSH key: the amend keeps a Latin-1 author name, the `encoding`
/// header, odd time zones and a verbatim message (Latin-1, blank lines at the end, no
/// newline at all) byte for byte, and the signature verifies. (`--no-verify`: the linter
/// asks for UTF-8 messages; post-commit still runs.)
#[test]
fn ssh_amend_keeps_identity_dates_encoding_and_message_bytes() {
    if !have("ssh-keygen", "-?") {
        return;
    }
    let (repo, _keys) = ssh_repo();
    repo.git(&["config", "i18n.commitEncoding", "ISO-8859-1"]);
    #[cfg(unix)]
    let name = {
        use std::os::unix::ffi::OsStrExt;
        OsStr::from_bytes(b"Jos\xe9 Ni\xf1o").to_owned()
    };
    #[cfg(not(unix))]
    let name = OsStr::new("Jose Nino").to_owned();
    let messages: [&[u8]; 2] = [
        b"feat: caf\xe9 au lait\n\nbody  \n\n\n",
        b"fix: no newline at the end",
    ];
    for (i, message) in messages.iter().enumerate() {
        let file = repo.scratch("msg").join(format!("m{i}"));
        std::fs::write(&file, message).unwrap();
        repo.write(&format!("s{i}.txt"), "s");
        repo.git(&["add", "."]);
        let out = git_with(
            &repo,
            &[
                "commit",
                "-q",
                "--no-verify",
                "-S",
                "--cleanup=verbatim",
                "-F",
                file.to_str().unwrap(),
            ],
            &[
                ("GIT_AUTHOR_NAME", &name),
                ("GIT_AUTHOR_DATE", OsStr::new("1767268800 +0530")),
                ("GIT_COMMITTER_DATE", OsStr::new("1767268801 -0945")),
            ],
        );
        assert!(out.status.success(), "{}", text(&out));
        assert!(stderr(&out).contains("the commit is now"), "{}", text(&out));
        let before = kept(&repo, "HEAD@{1}");
        assert!(before.windows(9).any(|w| w == b"Jos\xe9 Ni\xf1o"));
        assert!(before.windows(20).any(|w| w == b"encoding ISO-8859-1\n"));
        assert!(before.ends_with(message));
        assert_eq!(kept(&repo, "HEAD"), before);
        assert_ne!(
            repo.git(&["rev-parse", "HEAD"]),
            repo.git(&["rev-parse", "HEAD@{1}"])
        );
        assert_eq!(
            repo.git(&["log", "-1", "--format=%G?%n%GS"]),
            "G\nk1@example.com"
        );
    }
    let log = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert!(
        log.contains("- café au lait") && log.contains("- no newline at the end"),
        "{log}"
    );
}

/// `git commit -S<other key file>`, a key relhook can only name (ssh-agent does not hold it):
/// HEAD stays as git made it, one line says why, and `changelog --sync` adds the entry.
#[test]
fn ssh_amend_refuses_a_key_it_cannot_sign_with() {
    if !have("ssh-keygen", "-?") {
        return;
    }
    let (repo, keys) = ssh_repo();
    repo.write("s.txt", "s");
    repo.git(&["add", "s.txt"]);
    let other = format!("-S{}", keys.join("k2").display());
    let out = repo.git_output(&["commit", "-q", &other, "-m", "feat: signed by k2"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    let k2 = std::fs::read_to_string(keys.join("k2.pub")).unwrap();
    let k2 = k2.rsplit_once(' ').unwrap().0;
    assert!(
        said.contains(&format!(
            "relhook: warning: no entry added to CHANGELOG.md: HEAD is signed with the SSH key `{k2}`, which git cannot sign with here"
        )),
        "{said}"
    );
    assert!(
        said.contains("`relhook changelog --sync` writes the entry into the file"),
        "{said}"
    );
    assert_eq!(said.matches("relhook:").count(), 1, "{said}");
    assert!(
        repo.git(&["reflog", "-1", "--format=%gs"])
            .starts_with("commit: ")
    );
    assert_eq!(
        repo.git(&["log", "-1", "--format=%G?%n%GS"]),
        "G\nk2@example.com"
    );
    assert!(repo.is_clean());
    let sync = repo.relhook(&["changelog", "--sync"]);
    assert!(sync.status.success(), "{}", text(&sync));
    assert!(repo.read("CHANGELOG.md").contains("- signed by k2"));
}

/// The same refusal for an `--amend` that rewords the commit: the file still has the old
/// entry, which `--sync` would not replace (the commit's own change to the file stands for
/// its entry), so the line names the hand edit instead.
#[test]
fn ssh_amend_refused_names_the_hand_edit_of_the_old_entry() {
    if !have("ssh-keygen", "-?") {
        return;
    }
    let (repo, keys) = ssh_repo();
    repo.write("s.txt", "s");
    repo.git(&["add", "s.txt"]);
    let out = repo.git_output(&["commit", "-q", "-S", "-m", "feat: will be amended"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.read("CHANGELOG.md").contains("- will be amended"));
    let other = format!("-S{}", keys.join("k2").display());
    let out = repo.git_output(&["commit", "-q", "--amend", &other, "-m", "fix: amended"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert_eq!(said.matches("relhook:").count(), 1, "{said}");
    assert!(
        said.contains("CHANGELOG.md still reads `- will be amended` for amended commit")
            && said.contains("which git cannot sign with here")
            && said.contains("change it by hand to `- amended` under Fixed")
            && !said.contains("--sync"),
        "{said}"
    );
    assert!(repo.is_clean());
}

/// An ssh-agent of its own, stopped on drop.
struct Agent {
    child: Child,
    sock: PathBuf,
}

impl Agent {
    fn start(dir: &Path) -> Option<Agent> {
        let sock = dir.join("agent.sock");
        let child = Command::new("ssh-agent")
            .arg("-D")
            .arg("-a")
            .arg(&sock)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        let agent = Agent { child, sock };
        for _ in 0..200 {
            if agent.sock.exists() {
                return Some(agent);
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        None
    }
}

impl Drop for Agent {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The same commit, with the other key held by ssh-agent: the amend is signed by it.
#[test]
fn ssh_amend_signs_with_an_agent_key_other_than_the_default() {
    if !have("ssh-keygen", "-?") || !have("ssh-agent", "-?") {
        return;
    }
    let (repo, keys) = ssh_repo();
    let Some(agent) = Agent::start(&keys) else {
        eprintln!("ssh-agent did not start: not tested");
        return;
    };
    let sock = agent.sock.as_os_str();
    let add = Command::new("ssh-add")
        .arg("-q")
        .arg(keys.join("k2"))
        .env("SSH_AUTH_SOCK", sock)
        .output()
        .unwrap();
    assert!(add.status.success(), "{}", text(&add));
    repo.write("s.txt", "s");
    repo.git(&["add", "s.txt"]);
    let other = format!("-S{}", keys.join("k2").display());
    let out = git_with(
        &repo,
        &["commit", "-q", &other, "-m", "feat: signed by k2"],
        &[("SSH_AUTH_SOCK", sock)],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains("the commit is now"), "{}", text(&out));
    assert_eq!(
        repo.git(&["log", "-1", "--format=%G?%n%GS"]),
        "G\nk2@example.com"
    );
    assert!(
        repo.git(&["show", "HEAD:CHANGELOG.md"])
            .contains("- signed by k2")
    );
    assert_eq!(kept(&repo, "HEAD"), kept(&repo, "HEAD@{1}"));
}

/// `git commit --amend -S` of a signed merge of a signed tag keeps its `mergetag` header:
/// an amended merge carries no entry of its own, so relhook leaves it alone and says so.
#[test]
fn a_signed_merge_with_a_mergetag_is_not_rewritten() {
    if !have("ssh-keygen", "-?") {
        return;
    }
    let (repo, _keys) = ssh_repo();
    repo.git(&["checkout", "-q", "-b", "side"]);
    repo.commit("fix: on the side");
    repo.git(&["tag", "-s", "-m", "side", "side-tag"]);
    repo.git(&["checkout", "-q", "main"]);
    repo.commit("chore: on main");
    let merge = repo.git_output(&[
        "merge",
        "-q",
        "-S",
        "--no-ff",
        "-m",
        "Merge side",
        "side-tag",
    ]);
    assert!(merge.status.success(), "{}", text(&merge));
    let amend = repo.git_output(&[
        "commit",
        "-q",
        "--amend",
        "-S",
        "-m",
        "feat: merge the side",
    ]);
    assert!(amend.status.success(), "{}", text(&amend));
    let said = stderr(&amend);
    assert!(
        said.contains("no entry added: a merge commit carries no entry of its own"),
        "{said}"
    );
    let raw = repo.git(&["cat-file", "commit", "HEAD"]);
    assert!(raw.contains("\nmergetag object "), "{raw}");
    assert!(raw.contains("\ngpgsig "), "{raw}");
    assert!(
        repo.git(&["reflog", "-1", "--format=%gs"])
            .starts_with("commit (amend): ")
    );
}

/// Under `tag.gpgSign` git signs the release tag whether or not relhook asks: the plan and
/// the JSON report say it is signed, as it is.
#[test]
fn a_tag_signed_by_tag_gpgsign_is_reported_signed() {
    if !have("ssh-keygen", "-?") {
        return;
    }
    let (repo, _keys) = ssh_repo();
    repo.git(&["config", "tag.gpgSign", "true"]);
    repo.commit_hooked("fix: a thing");
    let dry = repo.relhook(&["release", "--dry-run", "--no-test"]);
    assert!(
        stdout(&dry).contains("tag: signed annotated v"),
        "{}",
        text(&dry)
    );
    let out = repo.relhook(&["release", "--no-test", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let tag = j["tag"].as_str().unwrap();
    assert_eq!(j["signed"], true, "{j}");
    let raw = repo.git(&["cat-file", "-p", tag]);
    assert!(raw.contains("BEGIN SSH SIGNATURE"), "{raw}");
}
