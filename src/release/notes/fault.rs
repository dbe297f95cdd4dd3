//! A release section written by hand that no release passes: unresolved conflict markers in
//! it, or nothing at all. The hand tag, pre-push and `relhook release` name it alike, with the
//! commands that fix it, which differ by whether the tag is there already.

use git2::Oid;
use semver::Version;

use super::{Section, conflict_in_section, section_in};
use crate::config::Config;
use crate::git::Repo;

/// What is wrong with the section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaultKind {
    /// Unresolved conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`).
    Conflict,
    /// Nothing in it: a release never has empty notes.
    Empty,
}

/// A faulty section of the changelog at a commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    /// Which fault.
    pub kind: FaultKind,
    /// The 1-based line said: the first conflict marker's, or the empty section's heading's.
    pub line: usize,
    /// The section's heading, quoted as the file writes it (`## [1.2.0]`).
    pub heading: String,
    /// Whether Unreleased lists entries: taken out, an empty section is written from them.
    pub unreleased: bool,
}

/// The fault of `version`'s section in the changelog at `commit`, if it has one.
pub fn fault_at(repo: &Repo, config: &Config, version: &Version, commit: Oid) -> Option<Fault> {
    let stored = crate::history::sync::stored_at(repo, commit, &config.changelog.path)?;
    let log = stored.log.as_deref();
    let v = version.to_string();
    let heading = crate::history::changelog::quoted_heading(log, &v);
    let found = section_in(&stored.text, log, &v);
    let unreleased = log.is_some_and(|l| !l.unreleased_entries().is_empty());
    if let Some(line) = conflict_in_section(&stored.text, &found) {
        let kind = FaultKind::Conflict;
        return Some(Fault {
            kind,
            line,
            heading,
            unreleased,
        });
    }
    match found {
        Section::Found { line, text } if text.trim().is_empty() => Some(Fault {
            kind: FaultKind::Empty,
            line,
            heading,
            unreleased,
        }),
        _ => None,
    }
}

impl Fault {
    /// The problem, as `CHANGELOG.md:14 at `v1.2.0`: the `## [1.2.0]` section is empty, …`.
    pub fn problem(&self, config: &Config, name: &str) -> String {
        let path = config.changelog.path.display();
        let (line, heading) = (self.line, &self.heading);
        match self.kind {
            FaultKind::Conflict => format!(
                "{path}:{line} at `{name}` has unresolved conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`) in the `{heading}` section"
            ),
            FaultKind::Empty => format!(
                "{path}:{line} at `{name}`: the `{heading}` section is empty, and a release never has empty notes"
            ),
        }
    }

    /// The steps that release `version` under tag `name` once the section is fixed: the tag
    /// deleted first when it is `made` already (`git tag -a` of its name would fail), the fix
    /// committed, then the tag made on the new commit (the hook checks it, and makes no release
    /// commit: the section is there). An empty section may go instead, for a release to write
    /// it from Unreleased, when Unreleased lists entries.
    pub fn fix(&self, config: &Config, name: &str, version: &Version, made: bool) -> String {
        let q = crate::shellword::quote(name);
        let tag = format!("`git tag -a {q} -m \"release {version}\"`");
        let delete = match made {
            true => format!("delete the tag (`git tag -d {q}`); "),
            false => String::new(),
        };
        match self.kind {
            FaultKind::Conflict => {
                format!("{delete}resolve them and commit, then tag the new commit: {tag}")
            }
            FaultKind::Empty => {
                let or = match self.unreleased {
                    true => format!(
                        "; or take the empty heading out and commit, then `{} {version}` writes the section from Unreleased",
                        config.release_command()
                    ),
                    false => String::new(),
                };
                format!(
                    "{delete}write what it changes there and commit, then tag the new commit: {tag}{or}"
                )
            }
        }
    }

    /// What `relhook release` says of the section, written by hand and untagged, that it
    /// leaves to a hand tag: why that tag is refused, and the fix (the tag is not made yet).
    pub fn unreleasable(&self, config: &Config, name: &str, version: &Version) -> String {
        let what = match self.kind {
            FaultKind::Conflict => format!(
                "it has unresolved conflict markers ({}:{})",
                config.changelog.path.display(),
                self.line
            ),
            FaultKind::Empty => "it is empty, and a release never has empty notes".to_owned(),
        };
        format!("{what}: {}", self.fix(config, name, version, false))
    }
}
