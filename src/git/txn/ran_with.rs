//! The configuration a release ran with, as its journal records it (`config PATH`, the
//! `--config` file made absolute, or `config -` for the repository's .relconfig.toml): a
//! command that advises the resume of a killed release repeats that file, not the one it was
//! given itself, so that pasted, the resume makes the tag and runs the tests that release's
//! configuration names.

use std::path::{Path, PathBuf};

use super::journal::{JOURNAL, Journal, parse_journal};
use super::writer::is_writer;
use crate::git::Repo;

/// The journal line of a transaction `what`: a release's names the `--config` file given.
/// A path no journal line can hold (a newline, not UTF-8) is left out: the advice then
/// repeats what the reader was given, as before journals named it.
pub(super) fn line(what: &str) -> String {
    if what != "release" {
        return String::new();
    }
    match crate::resume_advice::config_path() {
        None => "config -\n".to_owned(),
        Some(path) => match path.to_str().filter(|p| !p.contains('\n')) {
            Some(p) => format!("config {p}\n"),
            None => String::new(),
        },
    }
}

/// A `config` line's value: `Some(None)` for `-`.
pub(super) fn parse(rest: &str) -> Option<Option<PathBuf>> {
    match rest {
        "" => None,
        "-" => Some(None),
        path => Some(Some(PathBuf::from(path))),
    }
}

impl Journal {
    /// Runs `f` with the advice it forms repeating the configuration this run was given
    /// (see [`crate::resume_advice::under`]); a journal that names none, as given.
    pub(super) fn advised<T>(&self, f: impl FnOnce() -> T) -> T {
        advised(self.config.as_ref(), f)
    }
}

/// [`Journal::advised`] for a run whose recorded configuration is `ran_with`.
pub fn advised<T>(ran_with: Option<&Option<PathBuf>>, f: impl FnOnce() -> T) -> T {
    match ran_with {
        Some(config) => crate::resume_advice::under(config.as_deref(), f),
        None => f(),
    }
}

/// The configuration a killed release ran with (`Some(None)`: the repository's own), when
/// its journal is here and records one; `None` for any other journal, or a release still
/// running.
pub fn killed_release_config(repo: &Repo) -> Option<Option<PathBuf>> {
    let bytes = std::fs::read(repo.git_dir().join(JOURNAL)).ok()?;
    let j = parse_journal(&String::from_utf8_lossy(&bytes));
    if j.pid == 0 || j.what != "release" || is_writer(j.pid, j.started) {
        return None;
    }
    j.config
}

/// Whether two configurations given (absolute, `None`: the repository's) are one file.
pub fn same_config(a: Option<&Path>, b: Option<&Path>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => {
            a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(a), Ok(b)) if a == b)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_release_journal_names_its_config_and_nothing_else_does() {
        assert_eq!(line("post-commit"), "");
        assert!(line("release").starts_with("config "));
        assert_eq!(parse("-"), Some(None));
        assert_eq!(
            parse("/r/ci conf.toml"),
            Some(Some("/r/ci conf.toml".into()))
        );
        let j = parse_journal("pid 7\nwhat release\nconfig /r/other.toml\n");
        assert_eq!(j.config, Some(Some(PathBuf::from("/r/other.toml"))));
        assert!(same_config(None, None));
        assert!(!same_config(Some(Path::new("/r/a")), None));
    }
}
