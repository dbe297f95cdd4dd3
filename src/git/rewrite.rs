//! Reading one file across history, and rewriting HEAD so that it carries a changed file
//! (post-commit's "amend", done through git2 so no hook runs again and nothing loops).

use std::path::Path;

use git2::{Oid, Signature};

use super::Repo;
use crate::{Error, Result};

/// A file as stored in a commit.
#[derive(Debug, Clone)]
pub struct StoredFile {
    /// The blob.
    pub blob: Oid,
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// Its mode (kept when the file is replaced).
    pub mode: i32,
}

/// The newest entry of HEAD's reflog.
#[derive(Debug, Clone)]
pub struct ReflogTop {
    /// `commit: …`, `commit (amend): …`, `rebase (pick): …`.
    pub message: String,
    /// HEAD before.
    pub old: Oid,
    /// HEAD after.
    pub new: Oid,
}

/// The newest entry of the reflog at `path`, read from the end of the file: a window that
/// doubles until it holds the whole last line. `None` when the file cannot be read or its last
/// line is not `<old> <new> <signature>[\t<message>]`.
fn read_reflog_tail(path: &Path) -> Option<ReflogTop> {
    use std::io::{Read, Seek, SeekFrom};
    let mut file = std::fs::File::open(path).ok()?;
    let len = file.metadata().ok()?.len();
    let mut window: u64 = 4096;
    loop {
        let start = len.saturating_sub(window);
        file.seek(SeekFrom::Start(start)).ok()?;
        let mut tail = Vec::with_capacity((len - start) as usize);
        file.by_ref()
            .take(len - start)
            .read_to_end(&mut tail)
            .ok()?;
        let end = tail.iter().rposition(|&b| b != b'\n')? + 1;
        match tail[..end].iter().rposition(|&b| b == b'\n') {
            Some(nl) => return parse_reflog_line(&tail[nl + 1..end]),
            None if start == 0 => return parse_reflog_line(&tail[..end]),
            None => window = window.saturating_mul(2),
        }
    }
}

/// One reflog line as libgit2 reads it: two object ids, the signature, then the message after
/// the first tab (none without a tab; `""` when it is not UTF-8, as git2 gives it).
fn parse_reflog_line(line: &[u8]) -> Option<ReflogTop> {
    let oid = |b: &[u8]| Oid::from_str(std::str::from_utf8(b).ok()?).ok();
    let mut parts = line.splitn(3, |&b| b == b' ');
    let (old, new, rest) = (parts.next()?, parts.next()?, parts.next()?);
    if !matches!(old.len(), 40 | 64) || old.len() != new.len() {
        return None;
    }
    let (old, new) = (oid(old)?, oid(new)?);
    let signature = rest.split(|&b| b == b'\t').next().unwrap_or(rest);
    if !signature.contains(&b'<') || !signature.contains(&b'>') {
        return None;
    }
    let message = match rest.iter().position(|&b| b == b'\t') {
        Some(tab) => String::from_utf8(rest[tab + 1..].to_vec()).unwrap_or_default(),
        None => String::new(),
    };
    Some(ReflogTop { message, old, new })
}

impl Repo {
    /// HEAD's last reflog entry (what git just did).
    /// Only the end of `logs/HEAD` is read, so the cost does not grow with the reflog; an
    /// entry that does not parse there (or a reflog that is not a file) is read by git2.
    pub fn reflog_top(&self) -> Option<ReflogTop> {
        if let Some(top) = read_reflog_tail(&self.git2().path().join("logs").join("HEAD")) {
            return Some(top);
        }
        let log = self.git2().reflog("HEAD").ok()?;
        let e = log.get(0)?;
        Some(ReflogTop {
            message: e.message().unwrap_or("").to_owned(),
            old: e.id_old(),
            new: e.id_new(),
        })
    }

    /// The multi-commit operation under way (rebase, cherry-pick, revert, am, merge), if any.
    /// Directories and heads are tested rather than REBASE_HEAD, which can outlive a rebase.
    pub fn operation_in_progress(&self) -> Option<&'static str> {
        let dir = self.git2().path();
        let markers = [
            ("rebase-merge", "a rebase"),
            ("rebase-apply", "a rebase or am"),
            ("sequencer", "a cherry-pick or revert sequence"),
            ("CHERRY_PICK_HEAD", "a cherry-pick"),
            ("REVERT_HEAD", "a revert"),
            ("MERGE_HEAD", "a merge"),
        ];
        markers
            .iter()
            .find(|(m, _)| dir.join(m).exists())
            .map(|(_, what)| *what)
    }

    /// `path` as stored in `commit`, or `None` when the commit has no such file.
    pub fn file_at(&self, commit: Oid, path: &Path) -> Result<Option<StoredFile>> {
        let c = self
            .git2()
            .find_commit(commit)
            .map_err(|e| Error::git(format!("read commit {commit}"), e))?;
        let tree = c.tree().map_err(|e| Error::git("read a tree", e))?;
        let Ok(entry) = tree.get_path(path) else {
            return Ok(None);
        };
        let Ok(blob) = self.git2().find_blob(entry.id()) else {
            return Ok(None);
        };
        Ok(Some(StoredFile {
            blob: entry.id(),
            bytes: blob.content().to_vec(),
            mode: entry.filemode(),
        }))
    }

    /// The blob id of `path` in `commit` (no content read).
    pub fn blob_id(&self, commit: &git2::Commit<'_>, path: &Path) -> Option<Oid> {
        commit.tree().ok()?.get_path(path).ok().map(|e| e.id())
    }

    /// Whether `commit` changed `path` relative to its first parent.
    pub fn changes_path(&self, commit: Oid, path: &Path) -> bool {
        let Ok(c) = self.git2().find_commit(commit) else {
            return false;
        };
        let mine = self.blob_id(&c, path);
        let parent = c.parent(0).ok().and_then(|p| self.blob_id(&p, path));
        mine != parent
    }

    /// The URL of `origin`, else of the only remote.
    pub fn remote_url(&self) -> Option<String> {
        let repo = self.git2();
        if let Ok(r) = repo.find_remote("origin") {
            return r.url().map(str::to_owned);
        }
        let names = repo.remotes().ok()?;
        let name = names.iter().flatten().next()?.to_owned();
        repo.find_remote(&name).ok()?.url().map(str::to_owned)
    }

    /// Replaces HEAD by a commit identical but for `path`, whose content becomes `blob`:
    /// same parents, author, committer and message, re-signed when HEAD was signed.
    /// Fails, changing nothing, if HEAD moved from `expected`.
    pub fn rewrite_head_with(
        &self,
        expected: Oid,
        path: &Path,
        blob: Oid,
        mode: i32,
    ) -> Result<Oid> {
        let repo = self.git2();
        let head = repo
            .find_commit(expected)
            .map_err(|e| Error::git("read HEAD", e))?;
        let tree = head.tree().map_err(|e| Error::git("read HEAD's tree", e))?;
        let mode = if mode == 0 {
            i32::from(git2::FileMode::Blob)
        } else {
            mode
        };
        let new_tree = git2::build::TreeUpdateBuilder::new()
            .upsert(path, blob, file_mode(mode))
            .create_updated(repo, &tree)
            .map_err(|e| Error::git("write the new tree", e))?;
        let signed = repo.extract_signature(&expected, None).is_ok();
        let new = if signed {
            self.commit_tree_signed(&head, new_tree)?
        } else {
            let parents: Vec<git2::Commit<'_>> = head.parents().collect();
            let parent_refs: Vec<&git2::Commit<'_>> = parents.iter().collect();
            let tree = repo
                .find_tree(new_tree)
                .map_err(|e| Error::git("read the new tree", e))?;
            let buf = repo
                .commit_create_buffer(
                    &head.author(),
                    &head.committer(),
                    &message_of(&head),
                    &tree,
                    &parent_refs,
                )
                .map_err(|e| Error::git("build the commit", e))?;
            let odb = repo
                .odb()
                .map_err(|e| Error::git("open the object database", e))?;
            odb.write(git2::ObjectType::Commit, &buf)
                .map_err(|e| Error::git("write the commit", e))?
        };
        self.move_head(expected, new)?;
        Ok(new)
    }

    /// `git commit-tree -S`: git2 cannot sign, and git knows the user's gpg/ssh setup.
    fn commit_tree_signed(&self, head: &git2::Commit<'_>, tree: Oid) -> Result<Oid> {
        let cwd = self
            .work_tree()
            .unwrap_or_else(|| self.git2().path().to_owned());
        let mut cmd = std::process::Command::new("git");
        cmd.current_dir(cwd)
            .arg("commit-tree")
            .arg("-S")
            .arg(tree.to_string());
        for p in head.parent_ids() {
            cmd.arg("-p").arg(p.to_string());
        }
        set_identity(&mut cmd, "AUTHOR", &head.author());
        set_identity(&mut cmd, "COMMITTER", &head.committer());
        cmd.stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let io = |e| Error::io("run", "git commit-tree", e);
        let mut child = cmd.spawn().map_err(io)?;
        if let Some(mut stdin) = child.stdin.take() {
            use std::io::Write;
            stdin.write_all(head.message_bytes()).map_err(io)?;
        }
        let out = child.wait_with_output().map_err(io)?;
        let text = String::from_utf8_lossy(&out.stdout);
        match (out.status.success(), Oid::from_str(text.trim())) {
            (true, Ok(oid)) => Ok(oid),
            _ => Err(Error::Usage(format!(
                "could not re-sign the commit (git commit-tree -S): {}",
                String::from_utf8_lossy(&out.stderr).trim()
            ))),
        }
    }

    /// Moves HEAD (or the branch it names) from `old` to `new`, refusing if it moved.
    fn move_head(&self, old: Oid, new: Oid) -> Result<()> {
        let repo = self.git2();
        let head = repo
            .find_reference("HEAD")
            .map_err(|e| Error::git("read HEAD", e))?;
        let msg = "relhook: add the changelog entry to the commit";
        match head.symbolic_target() {
            Some(branch) => {
                repo.reference_matching(branch, new, true, old, msg)
                    .map_err(|e| Error::git(format!("update {branch}"), e))?;
            }
            None => {
                if head.target() != Some(old) {
                    return Err(Error::Usage(
                        "HEAD moved while relhook was updating it".into(),
                    ));
                }
                repo.set_head_detached(new)
                    .map_err(|e| Error::git("update HEAD", e))?;
            }
        }
        Ok(())
    }

    /// Points the index entry of `path` at `new` when it still holds `old` (the user's other
    /// staged changes, and a partial commit's untouched index, stay as they were).
    pub fn update_index_entry(
        &self,
        path: &Path,
        old: Option<Oid>,
        new: Oid,
        mode: i32,
    ) -> Result<bool> {
        let mut index = self
            .git2()
            .index()
            .map_err(|e| Error::git("open the index", e))?;
        index
            .read(false)
            .map_err(|e| Error::git("read the index", e))?;
        let current = index.get_path(path, 0);
        let matches = match (&current, old) {
            (Some(e), Some(o)) => e.id == o,
            (None, None) => true,
            _ => false,
        };
        if !matches {
            return Ok(false);
        }
        let entry = match current {
            Some(mut e) => {
                e.id = new;
                e.file_size = 0;
                e
            }
            None => git2::IndexEntry {
                ctime: git2::IndexTime::new(0, 0),
                mtime: git2::IndexTime::new(0, 0),
                dev: 0,
                ino: 0,
                mode: mode as u32,
                uid: 0,
                gid: 0,
                file_size: 0,
                id: new,
                flags: 0,
                flags_extended: 0,
                path: path.to_string_lossy().as_bytes().to_vec(),
            },
        };
        index
            .add(&entry)
            .map_err(|e| Error::git("stage the file", e))?;
        index
            .write()
            .map_err(|e| Error::git("write the index", e))?;
        Ok(true)
    }

    /// Writes bytes as a blob.
    pub fn write_blob(&self, bytes: &[u8]) -> Result<Oid> {
        self.git2()
            .blob(bytes)
            .map_err(|e| Error::git("write a blob", e))
    }
}

fn file_mode(mode: i32) -> git2::FileMode {
    if mode == i32::from(git2::FileMode::BlobExecutable) {
        git2::FileMode::BlobExecutable
    } else {
        git2::FileMode::Blob
    }
}

fn message_of(c: &git2::Commit<'_>) -> String {
    String::from_utf8_lossy(c.message_bytes()).into_owned()
}

fn set_identity(cmd: &mut std::process::Command, who: &str, sig: &Signature<'_>) {
    let when = sig.when();
    let offset = when.offset_minutes();
    let sign = if offset < 0 { '-' } else { '+' };
    let date = format!(
        "@{} {sign}{:02}{:02}",
        when.seconds(),
        offset.abs() / 60,
        offset.abs() % 60
    );
    cmd.env(
        format!("GIT_{who}_NAME"),
        String::from_utf8_lossy(sig.name_bytes()).as_ref(),
    )
    .env(
        format!("GIT_{who}_EMAIL"),
        String::from_utf8_lossy(sig.email_bytes()).as_ref(),
    )
    .env(format!("GIT_{who}_DATE"), date);
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "672fe44a0d1c2b3e4f5a6b7c8d9e0f1a2b3c4d5e";
    const B: &str = "cbcf45f0a1b2c3d4e5f60718293a4b5c6d7e8f90";

    fn line(old: &str, new: &str, message: &str) -> String {
        format!("{old} {new} A U Thor <a@example.com> 1700000000 +0100\t{message}\n")
    }

    /// What git2 reads as the newest entry of a reflog with these bytes.
    fn git2_top(bytes: &[u8]) -> Option<(String, Oid, Oid)> {
        let dir = tempfile::tempdir().unwrap();
        let repo = git2::Repository::init(dir.path()).unwrap();
        std::fs::create_dir_all(dir.path().join(".git/logs")).unwrap();
        std::fs::write(dir.path().join(".git/logs/HEAD"), bytes).unwrap();
        let log = repo.reflog("HEAD").ok()?;
        let e = log.get(0)?;
        Some((e.message().unwrap_or("").to_owned(), e.id_old(), e.id_new()))
    }

    fn tail_top(bytes: &[u8]) -> Option<(String, Oid, Oid)> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("HEAD");
        std::fs::write(&path, bytes).unwrap();
        read_reflog_tail(&path).map(|t| (t.message, t.old, t.new))
    }

    #[test]
    fn the_reflog_tail_reads_what_git2_reads() {
        let zero = "0".repeat(40);
        let long = format!("commit: feat: {}", "x".repeat(10_000));
        let many: String = (0..3000)
            .map(|i| line(A, B, &format!("commit: {i}")))
            .collect();
        let cases: Vec<Vec<u8>> = vec![
            line(&zero, A, "commit (initial): feat: start").into_bytes(),
            format!(
                "{}{}",
                line(&zero, A, "commit (initial): x"),
                line(A, B, "commit (amend): y")
            )
            .into_bytes(),
            format!("{}{}", line(&zero, A, "x"), line(A, B, &long)).into_bytes(),
            format!("{many}{}\n\n", line(B, A, "rebase (pick): feat: c1")).into_bytes(),
            line(A, B, "commit: no newline at the end")
                .trim_end()
                .as_bytes()
                .to_vec(),
            line(A, B, "commit: a\tsecond tab").into_bytes(),
            format!("{A} {B} A U Thor <a@example.com> 1700000000 +0100\n").into_bytes(),
            [line(A, B, "commit: ").trim_end().as_bytes(), b"\xff\xfe\n"].concat(),
            line(A, B, "commit: crlf\r").into_bytes(),
        ];
        for bytes in &cases {
            let expected = git2_top(bytes);
            assert!(expected.is_some(), "{:?}", String::from_utf8_lossy(bytes));
            assert_eq!(
                tail_top(bytes),
                expected,
                "{:?}",
                String::from_utf8_lossy(bytes)
            );
        }
    }

    #[test]
    fn a_reflog_tail_that_does_not_parse_is_left_to_git2() {
        for bytes in [
            &b""[..],
            b"\n\n",
            b"not a reflog line\n",
            format!("{A} {B}\tcommit: no signature\n").as_bytes(),
            format!("{A} zz{} A <a> 1 +0000\tcommit: x\n", &B[2..]).as_bytes(),
        ] {
            assert_eq!(
                tail_top(bytes),
                None,
                "{:?}",
                String::from_utf8_lossy(bytes)
            );
        }
        assert!(read_reflog_tail(Path::new("/nonexistent/logs/HEAD")).is_none());
    }
}
