//! What a release ran with, as its journal records it (`config PATH`, the `--config` file
//! made absolute, or `config -` for the repository's .relconfig.toml; `flags --allow-dirty
//! …`, those a resume honours): a command that advises the resume of a killed release
//! repeats those, not what it was given itself, so that pasted, the resume makes the tag and
//! runs the tests that release's configuration names, and is not refused (a dirty tree) or
//! made otherwise (unsigned, tested). The journal is gone once the release commit is made:
//! the same lines stay beside it (`relhook-release-given`, naming that commit) until the
//! commit is tagged.

use std::path::{Path, PathBuf};

use git2::Oid;

use super::journal::{JOURNAL, Journal, parse_journal};
use super::writer::is_writer;
use crate::git::Repo;

/// The file in the git dir that keeps what a release commit's resume needs.
const GIVEN: &str = "relhook-release-given";

/// What a release ran with, as recorded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RanWith {
    /// Its `--config` file (`Some(None)`: none given); `None` when not recorded (another
    /// transaction's journal, an older relhook's, or a path no line can hold).
    pub config: Option<Option<PathBuf>>,
    /// The flags it was given that a resume honours.
    pub flags: Vec<&'static str>,
    /// The release commit the record beside the journal names (`None` from a journal).
    pub commit: Option<Oid>,
    /// What the release was asked for, after `release` (`0.2.0 --no-test`, or empty for a
    /// plain `relhook release`); `None` when not recorded (an older relhook's journal).
    pub asked: Option<String>,
}

impl RanWith {
    /// Takes a recorded line (`key rest`); whether it was one of these.
    pub(super) fn take(&mut self, key: &str, rest: &str) -> bool {
        match key {
            "config" => self.config = parse(rest),
            "flags" => self.flags = crate::resume_advice::resume_flags_in(rest),
            "asked" => self.asked = Some(rest.to_owned()),
            _ => return false,
        }
        true
    }
}

/// The journal lines of a transaction `what`: a release's name the `--config` file and the
/// flags given. A path no journal line can hold (a newline, not UTF-8) is left out: the
/// advice then repeats what the reader was given, as before journals named it.
pub(super) fn line(what: &str) -> String {
    if what != "release" {
        return String::new();
    }
    let config = match crate::resume_advice::config_path() {
        None => "config -\n".to_owned(),
        Some(path) => match path.to_str().filter(|p| !p.contains('\n')) {
            Some(p) => format!("config {p}\n"),
            None => String::new(),
        },
    };
    let flags = crate::resume_advice::flags();
    let flags = match flags.is_empty() {
        true => config,
        false => format!("{config}flags {}\n", flags.join(" ")),
    };
    // Words no journal line can hold are left out: the advice then says it cannot tell.
    match crate::resume_advice::asked().filter(|a| !a.contains(['\n', '\r'])) {
        Some(asked) => format!("{flags}asked {asked}\n"),
        None => flags,
    }
}

/// A `config` line's value: `Some(None)` for `-`.
fn parse(rest: &str) -> Option<Option<PathBuf>> {
    match rest {
        "" => None,
        "-" => Some(None),
        path => Some(Some(PathBuf::from(path))),
    }
}

impl Journal {
    /// Runs `f` with the advice it forms repeating what this run was given (see
    /// [`crate::resume_advice::under`]).
    pub(super) fn advised<T>(&self, f: impl FnOnce() -> T) -> T {
        advised(Some(&self.ran_with), f)
    }
}

/// [`Journal::advised`] for a run recorded as `ran_with`.
pub fn advised<T>(ran_with: Option<&RanWith>, f: impl FnOnce() -> T) -> T {
    match ran_with {
        Some(r) => {
            let config = r.config.as_ref().map(Option::as_deref);
            crate::resume_advice::under(config, &r.flags, f)
        }
        None => f(),
    }
}

/// What the killed release whose resume is due ran with: its journal's, when a killed
/// release's journal is here, else the record kept beside it when HEAD is the release
/// commit it names. `None` when neither is (or that release is still running).
pub fn killed_release(repo: &Repo) -> Option<RanWith> {
    let journal = std::fs::read(repo.git_dir().join(JOURNAL)).ok();
    let journal = journal.map(|bytes| parse_journal(&String::from_utf8_lossy(&bytes)));
    if let Some(j) = journal.filter(|j| j.pid != 0 && j.what == "release") {
        return (!is_writer(j.pid, j.started)).then_some(j.ran_with);
    }
    left(repo).filter(|r| r.commit.is_some() && r.commit == repo.head())
}

/// The record beside the journal, whichever commit it names.
fn left(repo: &Repo) -> Option<RanWith> {
    let text = std::fs::read_to_string(repo.git_dir().join(GIVEN)).ok()?;
    let mut ran = RanWith::default();
    for line in text.lines() {
        let (key, rest) = line.split_once(' ').unwrap_or((line, ""));
        if key == "commit" {
            ran.commit = Oid::from_str(rest).ok();
        } else {
            ran.take(key, rest);
        }
    }
    Some(ran)
}

impl Repo {
    /// Keeps what this release was given beside the journal for its release commit
    /// `commit`, before HEAD moves to it. Best effort: a git dir that takes no file only
    /// loses the flags a later command's advice repeats. Not synced, as the journal it
    /// follows is not (it guards against a killed process, whose writes the kernel keeps in
    /// order): a sync here was the one disk flush of a hand tag, a third of its time.
    pub fn note_release_given(&self, commit: Oid) {
        let path = self.git_dir().join(GIVEN);
        let text = format!("commit {commit}\n{}", line("release"));
        let _ = crate::fsx::write_atomic_unsynced_via(
            self.git_dir(),
            &path,
            &[text.as_bytes()],
            None,
            None,
        );
    }

    /// Drops the record once `commit`, the release commit it names, is tagged.
    pub(crate) fn release_given_tagged(&self, commit: Oid) {
        if left(self).is_some_and(|r| r.commit == Some(commit)) {
            let _ = std::fs::remove_file(self.git_dir().join(GIVEN));
        }
    }
}

/// Removes a record whose release commit HEAD is no longer (undone, or moved past).
pub(super) fn sweep_stale(repo: &Repo) {
    if left(repo).is_some_and(|r| r.commit != repo.head()) {
        let _ = std::fs::remove_file(repo.git_dir().join(GIVEN));
    }
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
        assert_eq!(
            j.ran_with.config,
            Some(Some(PathBuf::from("/r/other.toml")))
        );
        assert!(same_config(None, None));
        assert!(!same_config(Some(Path::new("/r/a")), None));
    }

    #[test]
    fn a_journal_keeps_only_the_flags_a_resume_honours() {
        let j = parse_journal("pid 7\nwhat release\nflags --sign --allow-branch --allow-dirty\n");
        assert_eq!(j.ran_with.flags, ["--allow-dirty", "--sign"]);
        assert_eq!(j.ran_with.config, None);
    }

    /// QA52: what a release asked for, recorded; an older journal's lack of it is `None`,
    /// and a plain release's empty line is known, not missing.
    #[test]
    fn a_journal_keeps_what_its_release_asked_for() {
        let j = parse_journal("pid 7\nwhat release\nasked 0.3.0 --package api\n");
        assert_eq!(j.ran_with.asked.as_deref(), Some("0.3.0 --package api"));
        let plain = parse_journal("pid 7\nwhat release\nasked \n");
        assert_eq!(plain.ran_with.asked.as_deref(), Some(""));
        assert_eq!(parse_journal("pid 7\nwhat release\n").ran_with.asked, None);
    }
}
