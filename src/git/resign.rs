//! A signed HEAD amended with a new tree: signed again by the key that signed it, or not at
//! all. git2 cannot sign, so `git commit-tree -S<key>` writes the commit, fed the original's
//! message, identities, dates and encoding. It signs with the key the signature names (the
//! OpenPGP issuer, the SSH public key), never with whatever key is the default; when git
//! cannot use that key, or cannot write the commit back as it was (a `mergetag` header, an
//! identity or date it would write differently), the answer is a refusal, and HEAD stays.

use std::ffi::OsString;
use std::path::Path;

use git2::Oid;

use super::run::Git;
use super::signature::{self, Signer};
use super::{Repo, is_utf8_name};
use crate::{Error, Result};

/// What became of an amended HEAD.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Amended {
    /// The new commit (HEAD itself has not moved).
    Commit(Oid),
    /// It cannot be written as HEAD was, and why (a fragment: "HEAD carries …").
    Refused(String),
}

/// The headers `git commit-tree` writes itself; a signed HEAD with any other cannot be
/// written back.
const WRITABLE: &[&[u8]] = &[
    b"tree",
    b"parent",
    b"author",
    b"committer",
    b"encoding",
    b"gpgsig",
    b"gpgsig-sha256",
];

/// A commit object: its headers in order (a continuation line joined to its header with
/// `\n`, its leading space dropped) and the message, bytes as stored.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct RawCommit<'a> {
    pub(super) headers: Vec<(&'a [u8], Vec<u8>)>,
    pub(super) message: &'a [u8],
}

impl<'a> RawCommit<'a> {
    /// `None` when there is no blank line after the headers, or a header starts with a
    /// continuation line.
    pub(super) fn parse(data: &'a [u8]) -> Option<RawCommit<'a>> {
        let mut headers: Vec<(&[u8], Vec<u8>)> = Vec::new();
        let mut rest = data;
        loop {
            let nl = memchr::memchr(b'\n', rest)?;
            let line = &rest[..nl];
            rest = &rest[nl + 1..];
            if line.is_empty() {
                return Some(RawCommit {
                    headers,
                    message: rest,
                });
            }
            if let Some(more) = line.strip_prefix(b" ") {
                let (_, value) = headers.last_mut()?;
                value.push(b'\n');
                value.extend_from_slice(more);
            } else {
                let (name, value) = match memchr::memchr(b' ', line) {
                    Some(sp) => (&line[..sp], &line[sp + 1..]),
                    None => (line, &b""[..]),
                };
                headers.push((name, value.to_vec()));
            }
        }
    }

    fn get(&self, name: &str) -> Option<&[u8]> {
        self.headers
            .iter()
            .find(|(n, _)| *n == name.as_bytes())
            .map(|(_, v)| v.as_slice())
    }

    /// The signature headers (`gpgsig`, `gpgsig-sha256`).
    pub(super) fn signatures(&self) -> Vec<&[u8]> {
        self.headers
            .iter()
            .filter(|(n, _)| *n == b"gpgsig" || *n == b"gpgsig-sha256")
            .map(|(_, v)| v.as_slice())
            .collect()
    }

    /// What must survive the rewrite: every header but the tree and the signature, and the
    /// message.
    fn kept(&self) -> Vec<(&[u8], &[u8])> {
        self.headers
            .iter()
            .filter(|(n, _)| !matches!(*n, b"tree" | b"gpgsig" | b"gpgsig-sha256"))
            .map(|(n, v)| (*n, v.as_slice()))
            .chain([(&b""[..], self.message)])
            .collect()
    }
}

/// How `git commit-tree` is to sign.
struct Plan {
    /// `gpg.format` for this one command.
    format: &'static str,
    /// `-S`, `-S<fingerprint>!` or `-Skey::<public key>`.
    key: String,
    /// The key, for the refusal when git cannot sign with it (an SSH key only ssh-agent can
    /// hold); `None` when a failure is an error like any other.
    agent_key: Option<String>,
}

impl Repo {
    /// HEAD (`raw`, a signed commit) with `tree` for its tree, signed by the same key.
    pub(super) fn resign(&self, raw: &[u8], tree: Oid) -> Result<Amended> {
        let refuse = |why: String| Ok(Amended::Refused(why));
        let Some(head) = RawCommit::parse(raw) else {
            return refuse("relhook cannot read HEAD's commit object".into());
        };
        let signatures = head.signatures();
        let [sig] = signatures.as_slice() else {
            return refuse(format!("HEAD carries {} signatures", signatures.len()));
        };
        if let Some((name, _)) = head.headers.iter().find(|(n, _)| !WRITABLE.contains(n)) {
            return refuse(format!(
                "HEAD carries a `{}` header, which `git commit-tree` cannot write again",
                String::from_utf8_lossy(name)
            ));
        }
        // git re-encodes a commit that claims UTF-8 and is not (as Latin-1).
        let encoding = head.get("encoding").map(|e| String::from_utf8_lossy(e));
        let utf8 = encoding.as_deref().is_none_or(is_utf8_name);
        let kept = head.kept();
        if utf8 && kept.iter().any(|(_, v)| std::str::from_utf8(v).is_err()) {
            return refuse(
                "HEAD is not UTF-8 and names no other encoding, so git would re-encode it".into(),
            );
        }
        let Some(signer) = signature::signer(sig) else {
            return refuse("relhook cannot tell which key signed HEAD".into());
        };
        let cwd = self
            .work_tree()
            .unwrap_or_else(|| self.git_dir().to_owned());
        let plan = match self.signing_plan(&cwd, &signer)? {
            Ok(plan) => plan,
            Err(why) => return refuse(why),
        };
        let mut args: Vec<OsString> = vec![
            "-c".into(),
            format!(
                "i18n.commitEncoding={}",
                encoding.as_deref().unwrap_or("UTF-8")
            )
            .into(),
            "-c".into(),
            format!("gpg.format={}", plan.format).into(),
            "commit-tree".into(),
            plan.key.into(),
            tree.to_string().into(),
        ];
        for (name, value) in &head.headers {
            if *name == b"parent" {
                args.push("-p".into());
                args.push(os(value));
            }
        }
        let mut git = Git::new(&cwd, &args).stdin(head.message);
        for (who, header) in [("AUTHOR", "author"), ("COMMITTER", "committer")] {
            let Some((name, email, date)) = head.get(header).and_then(split_ident) else {
                return refuse(format!("relhook cannot read HEAD's {header}"));
            };
            let mut at = OsString::from("@");
            at.push(os(date));
            git = git
                .env(format!("GIT_{who}_NAME"), os(name))
                .env(format!("GIT_{who}_EMAIL"), os(email))
                .env(format!("GIT_{who}_DATE"), at);
        }
        let out = git.output()?;
        if !out.success() {
            if let Some(key) = plan.agent_key {
                let said = out.stderr.lines().next().unwrap_or("").trim().to_owned();
                return refuse(format!(
                    "HEAD is signed with the SSH key `{key}`, which git cannot sign with here (neither `user.signingkey` nor held by ssh-agent: {said})"
                ));
            }
            return Err(self
                .signing_failed(&out.stderr)
                .unwrap_or_else(|| out.into_error()));
        }
        let id = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        let id =
            Oid::from_str(&id).map_err(|e| Error::git("read the id git commit-tree printed", e))?;
        let odb = self
            .inner
            .odb()
            .map_err(|e| Error::git("open the object store", e))?;
        let written = odb
            .read(id)
            .map_err(|e| Error::git("read the amended commit", e))?;
        Ok(match compare(&head, &signer, written.data()) {
            None => Amended::Commit(id),
            Some(why) => Amended::Refused(why),
        })
    }

    /// The key argument that makes git sign with `signer`'s key, or why none can.
    fn signing_plan(
        &self,
        cwd: &Path,
        signer: &Signer,
    ) -> Result<std::result::Result<Plan, String>> {
        Ok(Ok(match signer {
            // `!`: exactly this (sub)key, not the key it belongs to or its newest subkey.
            Signer::OpenPgp(fpr) => Plan {
                format: "openpgp",
                key: format!("-S{fpr}!"),
                agent_key: None,
            },
            Signer::Ssh(blob) if self.configured_ssh_key(cwd)?.as_ref() == Some(blob) => Plan {
                format: "ssh",
                key: "-S".into(),
                agent_key: None,
            },
            // A literal key: git signs through ssh-agent, which holds it or refuses.
            Signer::Ssh(blob) => {
                let text = signature::ssh_key_text(blob);
                Plan {
                    format: "ssh",
                    key: format!("-Skey::{text}"),
                    agent_key: Some(shorten(&text)),
                }
            }
            Signer::X509 => {
                if config(cwd, "gpg.format")?.as_deref() != Some("x509") {
                    return Ok(Err(
                        "HEAD is signed with an X.509 certificate but `gpg.format` is not `x509`"
                            .into(),
                    ));
                }
                Plan {
                    format: "x509",
                    key: "-S".into(),
                    agent_key: None,
                }
            }
        }))
    }

    /// The public key of `user.signingkey` as git reads it for SSH: a `key::` literal, a
    /// public key file, or a private key file (its clear public half, else its `.pub`).
    fn configured_ssh_key(&self, cwd: &Path) -> Result<Option<Vec<u8>>> {
        let Some(value) = config(cwd, "--type=path user.signingkey")? else {
            return Ok(None);
        };
        if let Some(literal) = value.strip_prefix("key::") {
            return Ok(signature::ssh_public_key(literal));
        }
        if value.starts_with("ssh-") {
            return Ok(signature::ssh_public_key(&value));
        }
        let path = cwd.join(&value);
        let from_file = read_small(&path).and_then(|text| {
            signature::ssh_public_key(&text)
                .or_else(|| signature::openssh_private_key_public_half(&text))
        });
        let mut public = path.into_os_string();
        public.push(".pub");
        Ok(from_file
            .or_else(|| read_small(Path::new(&public)).and_then(|t| signature::ssh_public_key(&t))))
    }
}

/// Why the written commit is not HEAD with a new tree and the same signer, if it is not.
fn compare(head: &RawCommit<'_>, signer: &Signer, written: &[u8]) -> Option<String> {
    let Some(new) = RawCommit::parse(written) else {
        return Some("git wrote a commit relhook cannot read".into());
    };
    let (before, after) = (head.kept(), new.kept());
    if before != after {
        let what =
            before
                .iter()
                .zip(&after)
                .find(|(a, b)| a != b)
                .map_or("headers", |((n, _), _)| {
                    if n.is_empty() {
                        "message"
                    } else {
                        std::str::from_utf8(n).unwrap_or("headers")
                    }
                });
        return Some(format!(
            "git would write HEAD's {what} differently than HEAD has it"
        ));
    }
    if *signer != Signer::X509 {
        let new_signer = new.signatures().first().and_then(|s| signature::signer(s));
        if !new_signer.is_some_and(|s| s.same_key(signer)) {
            return Some("git signed with another key than the one that signed HEAD".into());
        }
    }
    None
}

/// `git config --get KEY` (with `args` before the key): `None` when unset.
fn config(cwd: &Path, args: &str) -> Result<Option<String>> {
    let mut all = vec!["config", "--get"];
    all.extend(args.split(' '));
    let out = Git::new(cwd, &all).output()?;
    match out.status {
        Some(0) => Ok(Some(
            String::from_utf8_lossy(&out.stdout).trim_end().to_owned(),
        )),
        Some(1) => Ok(None),
        _ => Err(out.into_error()),
    }
}

/// A key file's text: only a regular file (a FIFO would block), only its first 64 KiB.
fn read_small(path: &Path) -> Option<String> {
    use std::io::Read;
    if !path.metadata().ok()?.is_file() {
        return None;
    }
    let mut text = String::new();
    std::fs::File::open(path)
        .ok()?
        .take(64 << 10)
        .read_to_string(&mut text)
        .ok()?;
    Some(text)
}

/// `name <email> date` (as in an `author` header) split, without the separating spaces.
fn split_ident(value: &[u8]) -> Option<(&[u8], &[u8], &[u8])> {
    let lt = memchr::memchr(b'<', value)?;
    let gt = memchr::memrchr(b'>', value)?;
    if gt < lt {
        return None;
    }
    let name = &value[..lt];
    let name = name.strip_suffix(b" ").unwrap_or(name);
    let date = value.get(gt + 1..)?;
    Some((
        name,
        &value[lt + 1..gt],
        date.strip_prefix(b" ").unwrap_or(date),
    ))
}

/// Header bytes for git's arguments and environment: as they are (a Latin-1 name stays
/// Latin-1), where the platform allows.
#[cfg(unix)]
fn os(bytes: &[u8]) -> OsString {
    use std::os::unix::ffi::OsStrExt;
    std::ffi::OsStr::from_bytes(bytes).to_owned()
}

#[cfg(not(unix))]
fn os(bytes: &[u8]) -> OsString {
    String::from_utf8_lossy(bytes).into_owned().into()
}

/// A public key short enough for one line (an RSA key is some 370 characters).
fn shorten(text: &str) -> String {
    if text.len() <= 90 || !text.is_ascii() {
        return text.to_owned();
    }
    format!("{}…{}", &text[..40], &text[text.len() - 20..])
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIGNED: &[u8] = b"tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904
parent 0000000000000000000000000000000000000001
parent 0000000000000000000000000000000000000002
author A U Thor <a@example.com> 1700000000 +0100
committer C O Mitter <c@example.com> 1700000001 -0530
mergetag object 0000000000000000000000000000000000000002
 type commit
 tag v1
 
 -----BEGIN PGP SIGNATURE-----
gpgsig -----BEGIN SSH SIGNATURE-----
 AAAA
 -----END SSH SIGNATURE-----

feat: x


";

    #[test]
    fn a_commit_splits_into_headers_and_message() {
        let c = RawCommit::parse(SIGNED).unwrap();
        let names: Vec<&[u8]> = c.headers.iter().map(|(n, _)| *n).collect();
        assert_eq!(
            names,
            [
                &b"tree"[..],
                b"parent",
                b"parent",
                b"author",
                b"committer",
                b"mergetag",
                b"gpgsig"
            ]
        );
        assert_eq!(
            c.get("mergetag").unwrap(),
            b"object 0000000000000000000000000000000000000002\ntype commit\ntag v1\n\n-----BEGIN PGP SIGNATURE-----"
        );
        assert_eq!(c.message, b"feat: x\n\n\n");
        assert_eq!(c.signatures().len(), 1);
        assert_eq!(RawCommit::parse(b"tree x\n").map(|c| c.message), None);
        assert_eq!(RawCommit::parse(b" x\n\n"), None);
        assert_eq!(RawCommit::parse(b"tree x\n\n").unwrap().message, b"");
    }

    #[test]
    fn what_must_survive_leaves_out_tree_and_signature_only() {
        let c = RawCommit::parse(SIGNED).unwrap();
        let kept: Vec<&[u8]> = c.kept().iter().map(|(n, _)| *n).collect();
        assert_eq!(
            kept,
            [
                &b"parent"[..],
                b"parent",
                b"author",
                b"committer",
                b"mergetag",
                b""
            ]
        );
    }

    /// A signed merge keeps its `mergetag` only if relhook refuses to run commit-tree.
    #[test]
    fn a_signed_commit_with_a_mergetag_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        git2::Repository::init(dir.path()).unwrap();
        let repo = Repo::open(dir.path()).unwrap();
        let tree = Oid::from_str("4b825dc642cb6eb9a060e54bf8d69288fbee4904").unwrap();
        let answer = repo.resign(SIGNED, tree).unwrap();
        assert_eq!(
            answer,
            Amended::Refused(
                "HEAD carries a `mergetag` header, which `git commit-tree` cannot write again"
                    .into()
            )
        );
        let unsigned_latin1 = b"tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nauthor Jos\xe9 <a@b> 1 +0000\ncommitter a <a@b> 1 +0000\ngpgsig x\n\nfeat: x\n";
        assert!(matches!(
            repo.resign(unsigned_latin1, tree).unwrap(),
            Amended::Refused(why) if why.contains("re-encode")
        ));
        let unknown = b"tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nauthor a <a@b> 1 +0000\ncommitter a <a@b> 1 +0000\ngpgsig not armored\n\nfeat: x\n";
        assert_eq!(
            repo.resign(unknown, tree).unwrap(),
            Amended::Refused("relhook cannot tell which key signed HEAD".into())
        );
    }

    /// X.509 is signed again only with `gpg.format = x509` (plain `-S`, nothing more).
    #[test]
    fn an_x509_signature_needs_x509_configured() {
        let dir = tempfile::tempdir().unwrap();
        git2::Repository::init(dir.path()).unwrap();
        crate::git::testing::git(dir.path(), &["config", "gpg.format", "ssh"]);
        let repo = Repo::open(dir.path()).unwrap();
        let tree = Oid::from_str("4b825dc642cb6eb9a060e54bf8d69288fbee4904").unwrap();
        let raw = b"tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nauthor a <a@b> 1 +0000\ncommitter a <a@b> 1 +0000\ngpgsig -----BEGIN SIGNED MESSAGE-----\n MIAGCSqGSIb3DQEHAqCAMIACAQExDTALBglghkgBZQMEAgEwgAYJKoZIhvcNAQcB\n -----END SIGNED MESSAGE-----\n\nfeat: x\n";
        assert_eq!(
            repo.resign(raw, tree).unwrap(),
            Amended::Refused(
                "HEAD is signed with an X.509 certificate but `gpg.format` is not `x509`".into()
            )
        );
    }

    #[test]
    fn identities_split_as_git_writes_them() {
        assert_eq!(
            split_ident(b"Jos\xe9 Q <j@x> 1700000000 -0000"),
            Some((&b"Jos\xe9 Q"[..], &b"j@x"[..], &b"1700000000 -0000"[..]))
        );
        assert_eq!(
            split_ident(b"<j@x> 1 +0000"),
            Some((&b""[..], &b"j@x"[..], &b"1 +0000"[..]))
        );
        assert_eq!(split_ident(b"no email 1 +0000"), None);
        assert_eq!(split_ident(b"a >b< 1"), None);
    }

    #[test]
    fn long_keys_are_shortened_for_one_line() {
        let rsa = format!("ssh-rsa {}", "A".repeat(370));
        assert_eq!(shorten(&rsa).chars().count(), 61);
        assert_eq!(shorten("ssh-ed25519 AAAA"), "ssh-ed25519 AAAA");
    }
}
