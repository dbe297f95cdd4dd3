//! The releases the file `--rebuild` replaces accounts for without a section of their own, on
//! purpose: folded into a later release's section whose compare link spans them (git-cliff's
//! `ignore_tags`: `## [2.1.2](…/compare/v2.0.4..v2.1.2)` over v2.1.0 and v2.1.1), or kept in
//! an older changelog the file links to (Vue's `changelogs/CHANGELOG-3.4.md`, under
//! `## Previous Changelogs`). A section written for one would repeat entries already there.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use git2::Oid;
use semver::Version;

use crate::git::{ReleaseTag, Repo};
use crate::history::changelog::segments::{Segment, link_label, link_target};
use crate::history::changelog::{Changelog, release_version};

/// At most this many linked files are read: a changelog links to a few older ones.
const LINKED_FILES: usize = 50;

/// Why a release has no section of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Why {
    /// The section of `holder` compares `from..to`, over it.
    Folded {
        holder: String,
        from: String,
        to: String,
    },
    /// This linked file (from the top of the work tree) has its section.
    Linked(String),
}

/// The releases accounted for, and the sections that fold others.
#[derive(Debug, Default)]
pub(super) struct Accounted {
    why: HashMap<Version, Why>,
    /// The release sections whose compare link spans releases left out: kept as written, as
    /// history gives each release only its own commits.
    pub holders: HashSet<Version>,
}

impl Accounted {
    /// Whether release `v` gets no section of its own.
    pub(super) fn covers(&self, v: &Version) -> bool {
        self.why.contains_key(v)
    }

    /// Why `left` (each [`covers`](Self::covers)ed) got no section: "the section of 2.1.2
    /// spans v2.0.4..v2.1.2", "changelogs/CHANGELOG-3.4.md, which it links to, has their
    /// sections", joined by `; `.
    pub(super) fn why(&self, left: &[Version]) -> String {
        let mut folds: Vec<(&str, &str, &str)> = Vec::new();
        let mut files: Vec<&str> = Vec::new();
        for v in left {
            match self.why.get(v) {
                Some(Why::Folded { holder, from, to }) => {
                    let f = (holder.as_str(), from.as_str(), to.as_str());
                    if !folds.contains(&f) {
                        folds.push(f);
                    }
                }
                Some(Why::Linked(file)) if !files.contains(&file.as_str()) => files.push(file),
                _ => {}
            }
        }
        let mut parts = Vec::new();
        if let Some((holder, from, to)) = folds.first() {
            let more = match folds.len() {
                1 => String::new(),
                n => format!(", and {} more sections span others", n - 1),
            };
            parts.push(format!("the section of {holder} spans {from}..{to}{more}"));
        }
        if let Some(file) = files.first() {
            let theirs = if left.len() == 1 {
                "its section"
            } else {
                "their sections"
            };
            parts.push(match files.len() {
                1 => format!("{file}, which it links to, has {theirs}"),
                n => format!("{file} and {} more files it links to have {theirs}", n - 1),
            });
        }
        parts.join("; ")
    }
}

/// What `current` (the file at `path`, from the top) accounts for of `tags` (the release tags
/// HEAD reaches) without a section of its own; `reaches(d, a)`: whether commit `d` reaches `a`.
pub(super) fn of(
    repo: &Repo,
    path: &Path,
    current: &str,
    tags: &[ReleaseTag],
    reaches: &dyn Fn(Oid, Oid) -> bool,
) -> Accounted {
    let mut out = Accounted::default();
    let Some(segments) = Changelog::parse(current).ok().and_then(|l| l.segments()) else {
        return out;
    };
    let version = |s: &Segment| s.version.as_deref().and_then(release_version);
    let sectioned: HashSet<Version> = segments.sections.iter().filter_map(version).collect();
    // A pre-release whose release has a section is in it already (`kept`'s folding).
    let core = |v: &Version| Version::new(v.major, v.minor, v.patch);
    let unsectioned = || {
        tags.iter().filter(|t| {
            let v = &t.version;
            !sectioned.contains(v) && (v.pre.is_empty() || !sectioned.contains(&core(v)))
        })
    };
    // Folded: a release section compares over releases between its tag and the one it names.
    let definitions: Vec<&String> = (segments.sections.iter().flat_map(|s| &s.tail))
        .chain(&segments.trailer)
        .collect();
    for s in &segments.sections {
        let (Some(label), Some(holder)) = (s.version.as_deref(), version(s)) else {
            continue;
        };
        let defined = definitions
            .iter()
            .copied()
            .filter(|l| link_label(l).is_some_and(|l| l.eq_ignore_ascii_case(label)));
        let Some((from, to)) = s.head.iter().chain(defined).find_map(|l| compared(l)) else {
            continue;
        };
        let tag = |name: &str| tags.iter().find(|t| t.name == name);
        let (Some(a), Some(b)) = (tag(from), tag(to)) else {
            continue;
        };
        if a.commit == b.commit || !reaches(b.commit, a.commit) {
            continue;
        }
        let inside = unsectioned().filter(|t| {
            t.name != b.name
                && t.version < holder
                && reaches(b.commit, t.commit)
                && !reaches(a.commit, t.commit)
        });
        for t in inside {
            out.holders.insert(holder.clone());
            out.why.entry(t.version.clone()).or_insert(Why::Folded {
                holder: label.to_owned(),
                from: a.name.clone(),
                to: b.name.clone(),
            });
        }
    }
    // Linked: an older changelog the file links to holds the release's section.
    let Some(head) = repo.head() else {
        return out;
    };
    let dir = path.parent().unwrap_or(Path::new(""));
    let mut files: Vec<PathBuf> = Vec::new();
    for line in current.lines() {
        for target in targets(line) {
            match linked_file(dir, target) {
                Some(f) if f != path && !files.contains(&f) => files.push(f),
                _ => {}
            }
        }
    }
    for file in files.into_iter().take(LINKED_FILES) {
        let Ok(Some(stored)) = repo.file_at(head, &file) else {
            continue;
        };
        let text = String::from_utf8_lossy(&stored.bytes);
        let Ok(log) = Changelog::parse(&text) else {
            continue;
        };
        let held: HashSet<Version> = (log.versions().iter())
            .filter_map(|v| release_version(v))
            .collect();
        let named = file.to_string_lossy().replace('\\', "/");
        for t in unsectioned().filter(|t| held.contains(&t.version)) {
            (out.why.entry(t.version.clone())).or_insert_with(|| Why::Linked(named.clone()));
        }
    }
    out
}

/// The tags a compare link on `line` names, `from` and `to` (`…/compare/v1.0.0...v1.1.0`,
/// or with git-cliff's two dots).
fn compared(line: &str) -> Option<(&str, &str)> {
    let (_, rest) = line.split_once("/compare/")?;
    let end = rest
        .find(|c: char| c == ')' || c == '>' || c == '#' || c == '?' || c.is_whitespace())
        .unwrap_or(rest.len());
    let range = &rest[..end];
    let (from, to) = range.split_once("...").or_else(|| range.split_once(".."))?;
    (!from.is_empty() && !to.is_empty()).then_some((from, to))
}

/// The link targets on `line`: inline (`[text](target)`) and a definition's.
fn targets(line: &str) -> Vec<&str> {
    let mut out: Vec<&str> = link_target(line.trim_start()).into_iter().collect();
    let mut rest = line;
    while let Some(i) = rest.find("](") {
        let after = &rest[i + 2..];
        let end = after
            .find(|c: char| c == ')' || c.is_whitespace())
            .unwrap_or(after.len());
        out.push(&after[..end]);
        rest = &after[end..];
    }
    out.into_iter()
        .map(|t| t.trim_start_matches('<').trim_end_matches('>'))
        .collect()
}

/// The Markdown file of the work tree that link `target`, in a file in folder `dir` (from
/// the top), names: a relative path (`./changelogs/CHANGELOG-3.4.md`), or one from the top
/// (`/CHANGELOG-1.md`); `None` for a URL, an anchor, another kind of file, or a path that
/// leaves the work tree.
fn linked_file(dir: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['#', '?']).next()?;
    if path.is_empty() || path.contains(':') || path.starts_with("//") {
        return None;
    }
    let lower = path.to_ascii_lowercase();
    if !(lower.ends_with(".md") || lower.ends_with(".markdown")) {
        return None;
    }
    let (mut out, path) = match path.strip_prefix('/') {
        Some(rest) => (PathBuf::new(), rest),
        None => (dir.to_path_buf(), path),
    };
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if !out.pop() {
                    return None;
                }
            }
            p => out.push(p),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compare_links_name_their_tags() {
        let url = "https://github.com/o/r/compare";
        assert_eq!(
            compared(&format!("## [2.1.2]({url}/v2.0.4..v2.1.2) - 2024-03-03")),
            Some(("v2.0.4", "v2.1.2"))
        );
        assert_eq!(
            compared(&format!("[1.1.0]: {url}/v1.0.0...v1.1.0")),
            Some(("v1.0.0", "v1.1.0"))
        );
        assert_eq!(compared("## [1.0.0] - 2024-01-01"), None);
        assert_eq!(compared(&format!("[x]: {url}/v1.0.0")), None);
    }

    #[test]
    fn links_name_files_inside_the_work_tree() {
        let dir = Path::new("docs");
        assert_eq!(
            targets("See [3.4 changelog](./changelogs/CHANGELOG-3.4.md) and [x](<b.md>)"),
            vec!["./changelogs/CHANGELOG-3.4.md", "b.md"]
        );
        assert_eq!(targets("[old]: ./OLD.md"), vec!["./OLD.md"]);
        let file = |t: &str| linked_file(dir, t);
        assert_eq!(
            file("./old/CHANGELOG-1.md#top"),
            Some(PathBuf::from("docs/old/CHANGELOG-1.md"))
        );
        assert_eq!(file("../HISTORY.md"), Some(PathBuf::from("HISTORY.md")));
        assert_eq!(file("/HISTORY.md"), Some(PathBuf::from("HISTORY.md")));
        assert_eq!(file("../../HISTORY.md"), None);
        assert_eq!(file("https://x.org/CHANGELOG.md"), None);
        assert_eq!(file("#anchor"), None);
        assert_eq!(file("./picture.png"), None);
    }
}
