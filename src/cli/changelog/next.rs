//! The command that commits what `relhook changelog` wrote.

use std::path::{Path, PathBuf};

use crate::git::Repo;

/// The command that commits the changelog just written. `:/` names the file from the top,
/// whichever directory this ran in; a `docs` commit gets no entry of its own. A file git
/// does not track yet is added first: `git commit -- <path>` knows only tracked paths. The
/// message passes the repository's commit `rules`.
pub(in crate::cli) fn commit_command(
    repo: &Repo,
    written: &[PathBuf],
    rebuilt: bool,
    rules: &crate::config::CommitConfig,
) -> String {
    let file = |rel: &Path| crate::shellword::from_top(rel);
    let files: Vec<String> = written.iter().map(|r| file(r)).collect();
    let untracked: Vec<String> = written
        .iter()
        .filter(|r| repo.staged_blob(r).is_none())
        .map(|r| file(r))
        .collect();
    let add = match untracked.is_empty() {
        true => String::new(),
        false => format!("git add {} && ", untracked.join(" ")),
    };
    let what = if rebuilt { "rebuild from" } else { "sync with" };
    let text = format!("{what} history");
    let commit = crate::commit::advised::commit(rules, "docs", Some("changelog"), &text);
    format!("{add}{commit} -- {}", files.join(" "))
}
