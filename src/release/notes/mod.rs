//! Release notes: one version's changelog section as Markdown, for the tag message and for
//! `gh release create --notes-file -`. When the changelog has no section for the version,
//! the notes are built from the commits of the release instead (and the caller says so).

mod fault;
mod publish;
mod section;

pub use fault::{Fault, FaultKind, fault_at};

pub use publish::{
    Unpublishable, conflict_in, conflict_in_section, release_notes, unpublishable,
    unpublishable_refusal, write_by_hand,
};
pub use section::{Section, section, section_in};

use crate::Result;
use crate::config::Config;
use crate::git::{Range, Repo};
use crate::history::changelog::Changelog;
use crate::history::changelog::entry::{NewEntry, RevertKey, revert_key, revert_pairs};

/// The notes for `version` from a changelog's text: its section as written (see
/// [`section()`]), or `None` when the text has no section that is surely the version's.
pub fn from_changelog_text(text: &str, version: &str) -> Option<String> {
    match section(text, version) {
        Section::Found { text, .. } => Some(text),
        Section::Missing { .. } | Section::Ambiguous(_) => None,
    }
}

/// The notes of release tag `tag` built from history: the entries of the commits since the
/// previous release (the previous *stable* release for a stable tag, so that it carries what
/// its pre-releases shipped). Returns the notes and what they were built since.
pub fn from_history(repo: &Repo, config: &Config, tag: &str) -> Result<(String, String)> {
    let prefix = &config.version.tag_prefix;
    let commit = repo.revparse_commit(&format!("refs/tags/{tag}^{{commit}}"))?;
    let version = tag
        .strip_prefix(prefix.as_str())
        .and_then(|v| semver::Version::parse(v).ok());
    let held = repo.release_tags(commit, prefix)?;
    let below = |t: &&crate::git::ReleaseTag| {
        t.name != tag
            && version
                .as_ref()
                .is_none_or(|v| t.version.cmp_precedence(v) == std::cmp::Ordering::Less)
    };
    let previous = held.iter().filter(below).rfind(|t| match &version {
        Some(v) => !v.pre.is_empty() || t.version.pre.is_empty(),
        None => true,
    });
    // A pre-release's notes leave out the last stable release below it too: a stable line
    // merged into the pre-release branch shipped its commits already.
    let stable = version
        .as_ref()
        .filter(|v| !v.pre.is_empty())
        .and_then(|_| {
            held.iter()
                .filter(below)
                .rfind(|t| t.version.pre.is_empty())
        });
    let hidden: Vec<git2::Oid> = previous
        .iter()
        .chain(stable.iter())
        .map(|t| t.commit)
        .collect();
    let forge = crate::history::sync::forge(repo);
    let mut walked: Vec<(git2::Oid, RevertKey, Vec<NewEntry>)> = Vec::new();
    let mut failed = None;
    let mut filter = crate::history::packages::Filter::new(repo, config);
    let mut in_range = std::collections::HashSet::new();
    let mut merge_reverts = crate::history::reverts::MergeReverts::default();
    let mut merge_undone = Vec::new();
    let mut merge_redone = Vec::new();
    // A shallow clone's boundary met inside the range: commits of the release are missing.
    let cuts = repo.shallow_cuts();
    let mut cut = None;
    repo.walk(
        &Range {
            tips: vec![commit],
            hidden,
            ..Range::default()
        },
        |c| {
            if cuts.contains_key(&c.id) {
                cut = Some(c.id);
                return false;
            }
            in_range.insert(c.id);
            if c.parents < 2 {
                let message = c.text();
                merge_reverts.note(c.id, &message);
                let e = crate::history::reverts::commit_entry(
                    repo,
                    &message,
                    &config.changelog,
                    forge.as_ref(),
                );
                // In a monorepo, the commits of the package in view (or of no package).
                let e =
                    match e.map(|e| filter.counts(c.id, &message).map(|n| Some(e).filter(|_| n))) {
                        Some(Ok(e)) => e,
                        Some(Err(err)) => {
                            failed = Some(err);
                            return false;
                        }
                        None => None,
                    };
                // A merge reverted after its release, or that revert reapplied after its own:
                // the entries are read once the range is known.
                if e.is_none() {
                    use crate::history::reverts::{merge_revert, reapplied_merge_revert};
                    match merge_revert(c.id, &message) {
                        Some(m) => merge_undone
                            .push((walked.len(), crate::history::reverts::in_history(repo, m))),
                        None => merge_redone.extend(
                            reapplied_merge_revert(repo, &message).map(|m| (walked.len(), m)),
                        ),
                    }
                }
                walked.push((
                    c.id,
                    revert_key(&crate::history::reverts::untruncated(repo, &message)),
                    e.into_iter().collect(),
                ));
            }
            true
        },
    )?;
    if let Some(e) = failed {
        return Err(e);
    }
    if let Some(id) = cut {
        return Err(shallow(tag, previous.as_ref().map(|t| t.name.as_str()), id));
    }
    // A merge history does not hold (a rebase made its branch a line) was released in no form.
    for (i, m) in merge_undone {
        let released = !in_range.contains(&m.merge) && repo.reaches(m.revert, m.merge);
        if released && filter.counts(m.revert, "")? {
            walked[i].2 = crate::history::reverts::branch_revert_entry(repo, &m, config)?
                .into_iter()
                .collect();
        }
    }
    for (i, m) in merge_redone {
        let id = walked[i].0;
        if !in_range.contains(&m.revert) && filter.counts(id, "")? {
            walked[i].2 = crate::history::reverts::branch_entries(repo, &m, config)?;
        }
    }
    // A change reverted within the same release never shipped.
    let mut pairs: Vec<(git2::Oid, RevertKey)> =
        walked.iter().map(|(id, r, _)| (*id, r.clone())).collect();
    crate::history::reverts::paired_keys(repo, config, &mut pairs);
    let mut cancelled = revert_pairs(&pairs);
    cancelled.extend(
        merge_reverts
            .cancelled(repo, config, &in_range)?
            .into_keys(),
    );
    let mut entries: Vec<NewEntry> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (id, _, es) in walked.into_iter().rev() {
        for e in es.into_iter().filter(|_| !cancelled.contains(&id)) {
            if seen.insert(crate::history::changelog::normalize(&e.text)) {
                entries.push(e);
            }
        }
    }
    let since = previous.map_or("the first commit".to_owned(), |t| t.name.clone());
    Ok((render(&entries, &config.changelog.order), since))
}

/// The refusal for notes built in a shallow clone whose walk from `tag` met the boundary at
/// `cut` before the previous release tag (`previous`): the notes would miss what lies below.
fn shallow(tag: &str, previous: Option<&str>, cut: git2::Oid) -> crate::Error {
    let stops = match previous {
        Some(p) => format!(
            "its history stops at commit {} before reaching {p}",
            crate::git::short_id(cut)
        ),
        None => format!("no release tag before {tag} is within it"),
    };
    crate::Error::IncompleteHistory {
        message: format!(
            "this clone is shallow and {stops}, so the commits {tag} released are not all here"
        ),
        fix: crate::history::tags::UNSHALLOW_FIX.into(),
    }
}

/// Entries as sub-sections in the configured `order` (`[changelog] order`), then Keep a
/// Changelog's, breaking changes first in each.
pub fn render(entries: &[NewEntry], order: &[String]) -> String {
    let names = Changelog::subsection_order(entries, order);
    let mut out = String::new();
    for name in names {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&format!("### {name}\n\n"));
        let (breaking, rest): (Vec<_>, Vec<_>) = entries
            .iter()
            .filter(|e| e.section == name)
            .partition(|e| e.breaking);
        for e in breaking.into_iter().chain(rest) {
            out.push_str(&format!("- {}\n", e.text.replace('\n', "\n  ")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_of_one_version() {
        let text = "# Changelog\n\n## [Unreleased]\n\n## [1.1.0] - 2026-01-02\n\n### Added\n\n- a\n- b\n\n### Fixed\n\n- c\n\n## [1.0.0] - 2026-01-01\n\n### Added\n\n- old\n";
        assert_eq!(
            from_changelog_text(text, "1.1.0").unwrap(),
            "### Added\n\n- a\n- b\n\n### Fixed\n\n- c\n"
        );
        assert_eq!(
            from_changelog_text(text, "v1.0.0").unwrap(),
            "### Added\n\n- old\n"
        );
        assert!(from_changelog_text(text, "2.0.0").is_none());
    }

    #[test]
    fn notes_from_linked_and_conventional_changelog_headings() {
        let kac = "# Changelog\n\n## [2.13.0](https://github.com/o/r/compare/v2.12.0...v2.13.0) - 2024-03-01\n\n### Added\n\n- a\n";
        assert_eq!(
            from_changelog_text(kac, "2.13.0").unwrap(),
            "### Added\n\n- a\n"
        );
        let cc = "# [3.4.0](https://github.com/o/r/compare/v3.3.0...v3.4.0) (2023-12-29)\n\n### Features\n\n* **core:** x ([abc](https://x))\n\n## [3.3.13](https://github.com/o/r/compare/v3.3.12...v3.3.13) (2023-12-19)\n\n### Bug Fixes\n\n* y\n\n# 3.3.0\n\n* z\n";
        assert_eq!(
            from_changelog_text(cc, "3.3.13").unwrap(),
            "### Bug Fixes\n\n* y\n"
        );
        assert_eq!(
            from_changelog_text(cc, "3.4.0").unwrap(),
            "### Features\n\n* **core:** x ([abc](https://x))\n"
        );
        assert!(from_changelog_text(cc, "3.3.1").is_none());
    }
}
