//! The command that commits what `relhook changelog` wrote.

use std::path::{Path, PathBuf};

use crate::git::Repo;

/// A changelog just written, and whether it held edits not staged before relhook wrote it.
pub(in crate::cli) struct Written {
    pub rel: PathBuf,
    pub edited: bool,
}

impl Written {
    /// A changelog to commit as it is: whose edits it holds is not known (doctor's advice).
    pub(in crate::cli) fn whole(rel: &Path) -> Written {
        Written {
            rel: rel.to_path_buf(),
            edited: false,
        }
    }
}

/// The command that commits the changelog just written. `:/` names the file from the top,
/// whichever directory this ran in; a `docs` commit gets no entry of its own (another type
/// where the project's changelog lists `docs`). A file git does not track yet is added
/// first: `git commit -- <path>` knows only tracked paths. The message passes the
/// repository's commit rules.
pub(in crate::cli) fn commit_command(
    repo: &Repo,
    written: &[Written],
    rebuilt: bool,
    config: &crate::config::Config,
) -> String {
    let file = |rel: &Path| crate::shellword::from_top(rel);
    let what = if rebuilt { "rebuild from" } else { "sync with" };
    let text = format!("{what} history");
    let advised = ("docs", Some("changelog"));
    let commit = crate::history::changelog::cliff_parsed::unlisted(config, advised, &[&text]);
    if written.iter().any(|w| w.edited) {
        return picking_entries(repo, written, &commit);
    }
    let files: Vec<String> = written.iter().map(|w| file(&w.rel)).collect();
    let untracked: Vec<String> = written
        .iter()
        .filter(|w| repo.staged_blob(&w.rel).is_none())
        .map(|w| file(&w.rel))
        .collect();
    let add = match untracked.is_empty() {
        true => String::new(),
        false => format!("git add {} && ", untracked.join(" ")),
    };
    format!("{add}{commit} -- {}", files.join(" "))
}

/// With edits of the user's own not staged in a written file, `git commit -- <path>` would
/// commit them with the entries: `git add -p` stages the entries alone, and the commit takes
/// the index. What else is staged already goes with it, and is named.
fn picking_entries(repo: &Repo, written: &[Written], commit: &str) -> String {
    let file = |w: &&Written| crate::shellword::from_top(&w.rel);
    let edited: Vec<&Written> = written.iter().filter(|w| w.edited).collect();
    let rest: Vec<String> = written
        .iter()
        .filter(|w| !w.edited)
        .map(|w| file(&w))
        .collect();
    let picked: Vec<String> = edited.iter().map(file).collect();
    let mut line = format!("git add -p {}", picked.join(" "));
    if !rest.is_empty() {
        line.push_str(&format!(" && git add {}", rest.join(" ")));
    }
    let names: Vec<String> = edited.iter().map(|w| w.rel.display().to_string()).collect();
    let paths: Vec<String> = written
        .iter()
        .map(|w| w.rel.display().to_string())
        .collect();
    let others: Vec<String> = repo
        .staged_paths(usize::MAX)
        .unwrap_or_default()
        .into_iter()
        .filter(|p| !paths.contains(p))
        .collect();
    let also = match others.len() {
        0 => String::new(),
        n => format!(
            "; the commit also takes what is already staged: {}{}",
            others[..n.min(3)].join(", "),
            if n > 3 { ", …" } else { "" }
        ),
    };
    format!(
        "{line} && {commit}   ({} held edits not staged before this sync, which `git commit -- {}` would commit too: at `git add -p`, answer `y` to the new entries and `n` to those edits{also})",
        names.join(", "),
        picked.join(" ")
    )
}
