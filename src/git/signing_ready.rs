//! Whether git could sign here, told from its configuration alone, for a health check: the
//! program git would start is looked up as git looks it up and the key as git would take it,
//! but nothing is signed and the program is not started (it may ask for a passphrase, start
//! pinentry, or hang). `Repo::cannot_sign` (the release's check) is the one that signs.

use std::path::{Path, PathBuf};

use super::Repo;
use super::run::Git;
use super::signing::{CannotSign, diagnose, is_literal_ssh_key, missing_key_file};

impl Repo {
    /// What git would sign with here (`` `gpg` (/usr/bin/gpg) with the key `…` ``), or what
    /// stops it, with the fix. Starts no signing program; only `git config`/`git var` run.
    pub fn signing_looks_ready(&self) -> Result<String, CannotSign> {
        let cwd = self
            .work_tree()
            .unwrap_or_else(|| self.git_dir().to_owned());
        let setup = self.signing_setup();
        let format = setup.format.as_deref().unwrap_or("openpgp");
        let (default, key) = match format {
            "openpgp" => ("gpg", "gpg.openpgp.program"),
            "x509" => ("gpgsm", "gpg.x509.program"),
            "ssh" => ("ssh-keygen", "gpg.ssh.program"),
            _ => return Err(diagnose(&setup, None, "")),
        };
        // git reads the program as a path (`~/` expanded) and starts it without a shell.
        let program = match &setup.program {
            Some(p) if p.starts_with('~') => {
                let key = if self.git_string(key).is_some() {
                    key
                } else {
                    "gpg.program"
                };
                expanded(&cwd, key).unwrap_or_else(|| p.clone())
            }
            Some(p) => p.clone(),
            None => default.to_owned(),
        };
        let Some(found) = locate(&cwd, &program) else {
            let said = format!("cannot run {program}: No such file or directory");
            return Err(diagnose(&setup, None, &said));
        };
        let at = if found.as_os_str() == program.as_str() {
            format!("`{program}`")
        } else {
            format!("`{program}` ({})", found.display())
        };
        let with = match (format, &setup.key) {
            ("ssh", Some(k)) if is_literal_ssh_key(k) => {
                "the SSH key given in `user.signingkey`".to_owned()
            }
            ("ssh", Some(k)) => match missing_key_file(&cwd, k) {
                Some(path) => return Err(diagnose(&setup, Some(&path), "")),
                None => format!("the SSH key `{k}` (`user.signingkey`)"),
            },
            ("ssh", None) if setup.default_key_command.is_some() => {
                "the SSH key `gpg.ssh.defaultKeyCommand` gives".to_owned()
            }
            ("ssh", None) => return Err(diagnose(&setup, None, "")),
            (_, Some(k)) => format!("the key `{k}` (`user.signingkey`)"),
            (_, None) if setup.empty_key => {
                return Err(CannotSign {
                    what: format!(
                        "`user.signingkey` is set to an empty value, which `{program}` cannot sign with"
                    ),
                    fix: "`git config --unset user.signingkey` (git then signs as the committer)"
                        .into(),
                });
            }
            (_, None) => match self.identity_unknown() {
                Some(why) => return Err(diagnose(&setup, None, &format!("fatal: {why}"))),
                None => "the committer's key (`user.signingkey` is not set)".to_owned(),
            },
        };
        Ok(format!("git signs with {at} and {with}"))
    }
}

/// `key` as git reads a path (`git config --type=path`), when git can say.
fn expanded(cwd: &Path, key: &str) -> Option<String> {
    let out = Git::new(cwd, &["config", "--type=path", "--get", key])
        .output()
        .ok()
        .filter(|o| o.success())?;
    let path = String::from_utf8_lossy(&out.stdout).trim_end().to_owned();
    (!path.is_empty()).then_some(path)
}

/// Where `program` is as git would start it: a name with a slash from git's folder (the work
/// tree's top), any other the first executable file of that name on `PATH`.
fn locate(cwd: &Path, program: &str) -> Option<PathBuf> {
    if program.contains('/') {
        let path = cwd.join(program);
        return executable(&path).then(|| PathBuf::from(program));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| {
            // An empty entry is the current folder, as for execvp.
            let dir = if dir.as_os_str().is_empty() {
                cwd.to_owned()
            } else {
                dir
            };
            dir.join(program)
        })
        .find(|p| executable(p))
}

/// A file git could execute.
fn executable(path: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.is_file() && meta.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        meta.is_file()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_program_is_found_on_path_or_by_its_path() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            locate(dir.path(), "sh").map(|p| p.is_absolute()),
            Some(true)
        );
        assert_eq!(locate(dir.path(), "relhook-no-such-program"), None);
        assert_eq!(locate(dir.path(), "./nothing-here"), None);
        std::fs::write(dir.path().join("plain"), "").unwrap();
        assert_eq!(locate(dir.path(), "./plain"), None, "not executable");
    }
}
