//! Files under a git `filter` attribute (git-lfs): what the release commit stores for them is
//! git's own conversion, and a filter git cannot run here refuses the release.

use std::path::Path;

use git2::Oid;

use crate::error::{Reason, Refusal};
use crate::git::{FilterFailure, Repo};
use crate::history::version::files;

/// Refuses a release that writes a file under a `filter` attribute (git-lfs) git cannot run
/// here: its blob would be the raw file where `git add` stores the filter's output (a
/// pointer). Judged on the file as it is, before anything is written; a file under no filter
/// costs an attribute lookup, no `git` process.
pub fn check_filters<'a>(
    repo: &Repo,
    root: &Path,
    paths: impl IntoIterator<Item = &'a Path>,
) -> crate::Result<()> {
    for path in paths {
        let Some(driver) = repo.filter_driver(path) else {
            continue;
        };
        let now = crate::fsx::read_optional(&root.join(path))?.unwrap_or_default();
        repo.filtered_blob(path, &driver, &now, false)?
            .map_err(|why| filter_refusal(path, &driver, &why))?;
    }
    Ok(())
}

/// The blob the release commit stores for `edit`, written into the object store: what `git
/// add` stores. Under a filter attribute, git's own conversion (`git hash-object`); else the
/// bytes hashed in-process, with git's CRLF conversion undone where the committed file at
/// `head` has none (`core.autocrlf`, `eol=crlf`).
pub fn stored_blob(repo: &Repo, head: Oid, edit: &files::Edit) -> crate::Result<Oid> {
    if let Some(driver) = repo.filter_driver(&edit.path) {
        return repo
            .filtered_blob(&edit.path, &driver, &edit.after, true)?
            .map_err(|why| filter_refusal(&edit.path, &driver, &why));
    }
    let committed = repo.file_at(head, &edit.path)?;
    // The bytes `head` stores there already (a file the release leaves as committed, or the
    // work tree's copy compared with HEAD's): that blob, neither hashed nor looked up again.
    if let Some(f) = &committed
        && f.bytes == edit.after
    {
        return Ok(f.blob);
    }
    let committed_lf = committed.is_some_and(|f| !f.bytes.contains(&b'\r'));
    if committed_lf && crlf(&edit.after) {
        let lf = String::from_utf8_lossy(&edit.after).replace("\r\n", "\n");
        return repo.write_blob(lf.as_bytes());
    }
    repo.write_blob(&edit.after)
}

/// Whether `bytes` hold a CRLF line ending: looked for only past a `\r`, which most files lack.
fn crlf(bytes: &[u8]) -> bool {
    bytes.contains(&b'\r') && bytes.windows(2).any(|w| w == b"\r\n")
}

/// A file under filter `driver` git cannot run, refused with what makes it run.
fn filter_refusal(path: &Path, driver: &str, why: &FilterFailure) -> crate::Error {
    let path = path.display();
    let why = match why {
        FilterFailure::Undefined => format!(
            "git has no `filter.{driver}.clean` (nor `.process`) here, so its blob would be the raw file"
        ),
        FilterFailure::Failed(said) => format!("the filter failed (`{said}`)"),
    };
    let fix = if driver == "lfs" {
        "install git-lfs and run `git lfs install`".to_owned()
    } else {
        format!("set `filter.{driver}.clean` to a command that works (`git config`)")
    };
    crate::Error::Refused(Refusal::new(
        Reason::Filter,
        format!("{path} is under git's `{driver}` filter (set in gitattributes), and {why}"),
        fix,
    ))
}
