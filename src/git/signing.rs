//! Whether git can sign here, asked of git itself: `git commit-tree -S` signs a throwaway
//! commit with the program, format and key git uses for a release's commit and its tag alike
//! (`gpg.format`, `gpg.program` and its kin, `user.signingkey`), written into a temporary
//! object directory so that nothing lands in the repository. When git cannot, what is missing
//! and the command that fixes it, told from the configuration and what git said.

use std::path::Path;

use super::Repo;
use super::run::Git;
use crate::shellword::quote;
use crate::{Error, Result};

/// The empty tree, which git knows without storing it (SHA-1, SHA-256).
const EMPTY_TREE: [&str; 2] = [
    "4b825dc642cb6eb9a060e54bf8d69288fbee4904",
    "6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321",
];

/// Why git cannot sign here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CannotSign {
    /// What is missing or failing (a clause: "the SSH key `…` … does not exist").
    pub what: String,
    /// The command that fixes it.
    pub fix: String,
}

/// The signing setup as git reads it.
#[derive(Debug, Default)]
pub(super) struct Setup {
    /// `gpg.format` (unset: `openpgp`).
    pub(super) format: Option<String>,
    /// The signing program, when one is configured.
    pub(super) program: Option<String>,
    /// `user.signingkey`.
    pub(super) key: Option<String>,
    /// `gpg.ssh.defaultKeyCommand`.
    pub(super) default_key_command: Option<String>,
    /// `user.signingkey` is set, to an empty value: git asks the program for that key, not
    /// for the committer's.
    pub(super) empty_key: bool,
}

impl Repo {
    /// `None` when git can sign here: a commit git signed as it signs the release's (`git
    /// commit-tree -S`, no key named) was written, into a temporary object directory deleted
    /// afterwards. Otherwise what stops it. The signing program runs (a passphrase it asks
    /// for is asked for, as the release itself would).
    pub fn cannot_sign(&self) -> Result<Option<CannotSign>> {
        let cwd = self
            .work_tree()
            .unwrap_or_else(|| self.git_dir().to_owned());
        let objects = tempfile::Builder::new()
            .prefix(crate::fsx::TMP_PREFIX)
            .tempdir()
            .map_err(|e| Error::io("create", std::env::temp_dir(), e))?;
        let sha256 = self
            .config_string("extensions.objectformat")
            .is_some_and(|f| f.eq_ignore_ascii_case("sha256"));
        let tree = EMPTY_TREE[usize::from(sha256)];
        let out = Git::new(&cwd, &["commit-tree", "-S", tree])
            .env("GIT_OBJECT_DIRECTORY", objects.path())
            .stdin(b"relhook: can git sign here?\n")
            .output()?;
        if out.success() {
            return Ok(None);
        }
        let setup = self.signing_setup();
        let missing = match (&setup.format, &setup.key) {
            (Some(f), Some(key)) if f == "ssh" && !is_literal_ssh_key(key) => {
                missing_key_file(&cwd, key)
            }
            _ => None,
        };
        Ok(Some(diagnose(&setup, missing.as_deref(), &out.stderr)))
    }

    /// The error for a signing `git commit-tree -S` that failed (`stderr`: what git said) at
    /// its signing program, [`Error::SigningFailed`]: the program, and the first line it
    /// said. `None` for a failure of git's own (`fatal: …`).
    pub(super) fn signing_failed(&self, stderr: &str) -> Option<Error> {
        let setup = self.signing_setup();
        let format = setup.format.as_deref().unwrap_or("openpgp");
        // git marks gpg's and gpgsm's failure; ssh-keygen's it says as it is (`error: …`).
        let signing = stderr.contains("failed to sign the data")
            || (format == "ssh" && !stderr.lines().any(|l| l.starts_with("fatal:")));
        if !signing {
            return None;
        }
        let default = match format {
            "x509" => "gpgsm",
            "ssh" => "ssh-keygen",
            _ => "gpg",
        };
        Some(Error::SigningFailed {
            program: setup.program.unwrap_or_else(|| default.to_owned()),
            said: said(stderr, false),
        })
    }

    pub(super) fn signing_setup(&self) -> Setup {
        let format = self.git_string("gpg.format");
        let program = match format.as_deref().unwrap_or("openpgp") {
            "openpgp" => self
                .git_string("gpg.openpgp.program")
                .or_else(|| self.git_string("gpg.program")),
            "ssh" => self.git_string("gpg.ssh.program"),
            "x509" => self.git_string("gpg.x509.program"),
            _ => None,
        };
        let key = self.git_string("user.signingkey");
        Setup {
            format,
            program,
            empty_key: key.as_deref() == Some(""),
            key: key.filter(|k| !k.is_empty()),
            default_key_command: self
                .git_string("gpg.ssh.defaultKeyCommand")
                .filter(|k| !k.is_empty()),
        }
    }
}

/// git's test for an SSH key given as text rather than as a file (`key::…`, or the older
/// bare `ssh-…`).
pub(super) fn is_literal_ssh_key(key: &str) -> bool {
    key.starts_with("key::") || key.starts_with("ssh-")
}

/// The path of the key file `user.signingkey` names, as git expands it (`~/`), when no file
/// is there; relative to the work tree, where git runs.
pub(super) fn missing_key_file(cwd: &Path, raw: &str) -> Option<String> {
    let out = Git::new(cwd, &["config", "--type=path", "--get", "user.signingkey"])
        .output()
        .ok()
        .filter(|o| o.success());
    let expanded = out.map_or_else(
        || raw.to_owned(),
        |o| String::from_utf8_lossy(&o.stdout).trim_end().to_owned(),
    );
    let expanded = if expanded.is_empty() {
        raw.to_owned()
    } else {
        expanded
    };
    (!cwd.join(&expanded).exists()).then_some(expanded)
}

/// What stops git from signing, from its `setup`, the key file found `missing` and what git
/// said on `stderr`.
pub(super) fn diagnose(setup: &Setup, missing: Option<&str>, stderr: &str) -> CannotSign {
    let said = gist(stderr);
    let format = setup.format.as_deref().unwrap_or("openpgp");
    // The options that list the keys the program can sign with (none for ssh-keygen).
    let (default, program_key, list) = match format {
        "openpgp" => (
            "gpg",
            "gpg.program",
            " --list-secret-keys --keyid-format=long",
        ),
        "x509" => ("gpgsm", "gpg.x509.program", " --list-secret-keys"),
        "ssh" => ("ssh-keygen", "gpg.ssh.program", ""),
        other => {
            return CannotSign {
                what: format!("`gpg.format` is `{other}`, which git cannot sign with"),
                fix: "`git config gpg.format openpgp` (or `ssh`, `x509`)".into(),
            };
        }
    };
    let program = setup.program.as_deref().unwrap_or(default);
    let ssh_key_fix = "`git config user.signingkey <path of an SSH key you hold>` (its private key beside it, or added to ssh-agent with `ssh-add`)";
    let (what, fix) = match (format, &setup.key, missing) {
        // Without a key named, gpg signs as the committer: git must know who that is.
        _ if stderr.contains("auto-detect email address") || stderr.contains("empty ident name") => (
            format!("git does not know who signs ({said})"),
            "`git config --global user.name \"Your Name\" && git config --global user.email you@example.com` (without --global: this repository only)".to_owned(),
        ),
        ("ssh", None, _) if setup.default_key_command.is_none() => (
            "git has no SSH key to sign with (`gpg.format` is `ssh`, and neither `user.signingkey` nor `gpg.ssh.defaultKeyCommand` is set)".to_owned(),
            "`git config user.signingkey ~/.ssh/id_ed25519.pub` (the path of your SSH public key)".to_owned(),
        ),
        ("ssh", Some(_), Some(path)) => (
            format!("the SSH key `{path}` that `user.signingkey` names does not exist"),
            format!(
                "`git config user.signingkey <path of your SSH public key>`, or make that key: `ssh-keygen -t ed25519 -f {}`",
                quote(path.strip_suffix(".pub").unwrap_or(path))
            ),
        ),
        _ if stderr.contains("cannot run ") || stderr.contains("cannot exec ") => (
            format!(
                "git cannot start `{program}`, which signs for it{}",
                start_error(stderr).map_or_else(String::new, |e| format!(" ({e})"))
            ),
            format!(
                "install {}, or tell git where it is: `git config {program_key} <path of {default}>`",
                match format {
                    "openpgp" => "GnuPG",
                    "x509" => "gpgsm",
                    _ => "OpenSSH's ssh-keygen",
                }
            ),
        ),
        ("ssh", Some(key), None) => (
            format!(
                "`{program}` cannot sign with the SSH key `{}` (`user.signingkey`): {said}",
                shorten(key)
            ),
            ssh_key_fix.to_owned(),
        ),
        ("ssh", None, _) => (
            format!(
                "`{program}` cannot sign with the SSH key `gpg.ssh.defaultKeyCommand` gives: {said}"
            ),
            ssh_key_fix.to_owned(),
        ),
        (_, None, _) if setup.empty_key => (
            format!(
                "`user.signingkey` is set to an empty value, which `{program}` cannot sign with: {said}"
            ),
            "`git config --unset user.signingkey` (git then signs as the committer)".to_owned(),
        ),
        (_, key, _) => {
            let what = match key {
                None => format!(
                    "`user.signingkey` is not set, and `{program}` cannot sign as the committer: {said}"
                ),
                Some(k) => {
                    format!("`{program}` cannot sign with `{k}` (`user.signingkey`): {said}")
                }
            };
            (
                what,
                format!(
                    "`git config user.signingkey <key id>` (`{}{list}` lists the keys it can sign with)",
                    quote(program)
                ),
            )
        }
    };
    CannotSign { what, fix }
}

/// The line of git's and the signing program's output that says why, without git's own
/// "failed to sign" lines and gpg's machine-readable status lines: the last.
fn gist(stderr: &str) -> String {
    said(stderr, true)
}

/// [`gist`]: the first such line, or (`last`) the last.
fn said(stderr: &str, last: bool) -> String {
    let noise = |l: &str| {
        l.is_empty()
            || l.starts_with("[GNUPG:]")
            || l == "(no gpg output)"
            || l.contains("failed to sign the data")
            || l.contains("failed to write commit object")
    };
    let mut lines = stderr.lines().map(|l| {
        let l = l.trim();
        l.strip_prefix("error:")
            .or_else(|| l.strip_prefix("fatal:"))
            .unwrap_or(l)
            .trim()
    });
    let found = match last {
        true => lines.rfind(|l| !noise(l)),
        false => lines.find(|l| !noise(l)),
    };
    found.map_or_else(|| "it said nothing".to_owned(), str::to_owned)
}

/// The OS's reason on git's "cannot exec"/"cannot run" line, if it gave one: git may
/// follow that line with others (an empty `error:`), so the last line says nothing.
fn start_error(stderr: &str) -> Option<&str> {
    let line = stderr.lines().find_map(|l| {
        let (_, rest) = l
            .split_once("cannot exec ")
            .or_else(|| l.split_once("cannot run "))?;
        Some(rest)
    })?;
    // The program is quoted (`cannot exec '…'`) or not (`cannot run …`); its path may hold ": ".
    let sep = if line.starts_with('\'') { "': " } else { ": " };
    let (_, reason) = line.rsplit_once(sep)?;
    Some(reason.trim()).filter(|r| !r.is_empty())
}

/// A literal key, long as it is, cut to what tells it apart in a message.
fn shorten(key: &str) -> String {
    match key.char_indices().nth(40) {
        Some((at, _)) => format!("{}…", &key[..at]),
        None => key.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup(format: Option<&str>, key: Option<&str>) -> Setup {
        Setup {
            format: format.map(str::to_owned),
            key: key.map(str::to_owned),
            ..Setup::default()
        }
    }

    #[test]
    fn gpg_without_a_secret_key_says_gpgs_last_word() {
        let err = "error: gpg failed to sign the data:\ngpg: skipped \"A <a@b.c>\": No secret key\n[GNUPG:] INV_SGNR 9 A <a@b.c>\n[GNUPG:] FAILURE sign 17\ngpg: signing failed: No secret key\n";
        let no = diagnose(&setup(None, None), None, err);
        assert_eq!(
            no.what,
            "`user.signingkey` is not set, and `gpg` cannot sign as the committer: gpg: signing failed: No secret key"
        );
        assert!(no.fix.starts_with("`git config user.signingkey <key id>`"));
        let no = diagnose(&setup(Some("openpgp"), Some("ABCD")), None, err);
        assert!(
            no.what.starts_with("`gpg` cannot sign with `ABCD`"),
            "{no:?}"
        );
    }

    #[test]
    fn an_empty_signing_key_is_said_as_one_with_the_unset_that_fixes_it() {
        let err = "error: gpg failed to sign the data:\ngpg: skipped \"\": Invalid user ID\ngpg: signing failed: Invalid user ID\n";
        let s = Setup {
            empty_key: true,
            ..Setup::default()
        };
        let no = diagnose(&s, None, err);
        assert!(
            no.what
                .starts_with("`user.signingkey` is set to an empty value"),
            "{no:?}"
        );
        assert!(no.fix.starts_with("`git config --unset user.signingkey`"));
    }

    #[test]
    fn a_program_git_cannot_start_is_named_with_its_setting() {
        let s = Setup {
            program: Some("/opt/gpg2".into()),
            ..Setup::default()
        };
        let err = "fatal: cannot exec '/opt/gpg2': No such file or directory\nerror: gpg failed to sign the data:\n(no gpg output)\n";
        let no = diagnose(&s, None, err);
        assert_eq!(
            no.what,
            "git cannot start `/opt/gpg2`, which signs for it (No such file or directory)"
        );
        assert!(no.fix.contains("`git config gpg.program <path of gpg>`"));
        let no = diagnose(
            &setup(Some("ssh"), Some("/k")),
            None,
            "error: cannot run ssh-keygen: No such file or directory",
        );
        assert!(no.fix.contains("`git config gpg.ssh.program"), "{no:?}");
        // git 2.47 follows the exec failure with a bare `error:` line.
        let s = Setup {
            format: Some("ssh".into()),
            key: Some("/k.pub".into()),
            program: Some("/x/ssh-keygen".into()),
            ..Setup::default()
        };
        let err = "fatal: cannot exec '/x/ssh-keygen': No such file or directory\nerror: \nerror: unable to sign the tag\n";
        let no = diagnose(&s, None, err);
        assert_eq!(
            no.what,
            "git cannot start `/x/ssh-keygen`, which signs for it (No such file or directory)"
        );
        let no = diagnose(&s, None, "fatal: cannot exec '/x/ssh-keygen'\nerror: \n");
        assert_eq!(
            no.what,
            "git cannot start `/x/ssh-keygen`, which signs for it"
        );
    }

    #[test]
    fn ssh_keys_missing_or_unusable() {
        let fatal =
            "fatal: either user.signingkey or gpg.ssh.defaultKeyCommand needs to be configured";
        let no = diagnose(&setup(Some("ssh"), None), None, fatal);
        assert!(no.what.contains("no SSH key"), "{no:?}");
        assert!(no.fix.starts_with("`git config user.signingkey ~/.ssh/"));
        let no = diagnose(
            &setup(Some("ssh"), Some("~/k.pub")),
            Some("/home/u/k.pub"),
            "",
        );
        assert!(no.what.contains("`/home/u/k.pub`"), "{no:?}");
        assert!(
            no.fix.ends_with("`ssh-keygen -t ed25519 -f /home/u/k`"),
            "{no:?}"
        );
        let literal = "key::ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOkv7A4tDQh3kbxbTgR47Vq3";
        let no = diagnose(
            &setup(Some("ssh"), Some(literal)),
            None,
            "error: Couldn't get agent socket?\n\n",
        );
        assert!(no.what.ends_with(": Couldn't get agent socket?"), "{no:?}");
        assert!(no.what.contains('…') && !no.what.contains("Vq3"), "{no:?}");
    }

    #[test]
    fn a_format_git_does_not_know() {
        let no = diagnose(
            &setup(Some("pgp"), None),
            None,
            "error: invalid value for 'gpg.format': 'pgp'",
        );
        assert_eq!(no.what, "`gpg.format` is `pgp`, which git cannot sign with");
    }

    #[test]
    fn an_unknown_identity_is_named_as_such() {
        let err = "*** Please tell me who you are.\n\nfatal: unable to auto-detect email address (got 'u@h.(none)')";
        let no = diagnose(&setup(None, None), None, err);
        assert_eq!(
            no.what,
            "git does not know who signs (unable to auto-detect email address (got 'u@h.(none)'))"
        );
        assert!(no.fix.contains("git config --global user.email"), "{no:?}");
    }

    #[test]
    fn a_failure_that_says_nothing() {
        assert_eq!(
            gist("error: gpg failed to sign the data:\n(no gpg output)\n"),
            "it said nothing"
        );
    }
}
