//! Temporary files a killed relhook left in the git dir (`relhook-tmp-<pid>-…`: a `relhook
//! release` killed as it replaced the changelog, before its journal could name them), which
//! no running relhook owns: named with the `rm` that removes them, not "all is well" beside
//! them. The next `relhook release` or `relhook changelog` removes them too.

use crate::git::Repo;
use crate::hooks::doctor::{Check, Status};

/// The row for the leftovers in `repo`'s git dir, if any.
pub(super) fn leftovers(repo: &Repo) -> Option<Check> {
    // A transaction left half done has its own row: its recovery reads what it left, and
    // removes the rest.
    if crate::git::txn::pending(repo).is_some() {
        return None;
    }
    let paths = crate::git::txn::leftovers(repo);
    if paths.is_empty() {
        return None;
    }
    let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let quoted: Vec<String> = shown.iter().map(|p| crate::shellword::quote(p)).collect();
    let (n, them) = match shown.len() {
        1 => ("a temporary file".to_owned(), "it"),
        n => (format!("{n} temporary files"), "them"),
    };
    Some(Check {
        subject: "temporary files".into(),
        status: Status::Warning,
        detail: format!(
            "{n} a killed relhook left in the git dir, which no running relhook owns ({}): nothing reads {them}; remove {them}",
            shown.join(", ")
        ),
        fix: Some(format!("rm -- {}", quoted.join(" "))),
    })
}
