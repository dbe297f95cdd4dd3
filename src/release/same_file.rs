//! One file edited twice by a release: the changelog that is a version file too (`Current
//! version: 1.2.3` in CHANGELOG.md, or a README that holds both). Each edit is planned from
//! the file as it is; written one after the other, the second (the version line) undid the
//! first (the new section), and the tag went on a commit without its section. The two are
//! merged line by line when they change different lines, and the release is refused when
//! they touch the same ones.

use similar::{DiffOp, TextDiff};

use crate::error::{Reason, Refusal};
use crate::history::version::files::Edit;
use crate::{Error, Result};

/// A changed range of the original lines, `[start, end)` (empty: an insertion before
/// `start`), and the lines that take its place.
struct Hunk<'a> {
    start: usize,
    end: usize,
    lines: Vec<&'a str>,
}

fn hunks<'a>(before: &str, after: &'a str) -> Vec<Hunk<'a>> {
    let new: Vec<&str> = after.split_inclusive('\n').collect();
    let diff = TextDiff::from_lines(before, after);
    diff.ops()
        .iter()
        .filter_map(|op| {
            let (start, end, from, to) = match *op {
                DiffOp::Equal { .. } => return None,
                DiffOp::Delete {
                    old_index,
                    old_len,
                    new_index,
                } => (old_index, old_index + old_len, new_index, new_index),
                DiffOp::Insert {
                    old_index,
                    new_index,
                    new_len,
                } => (old_index, old_index, new_index, new_index + new_len),
                DiffOp::Replace {
                    old_index,
                    old_len,
                    new_index,
                    new_len,
                } => (
                    old_index,
                    old_index + old_len,
                    new_index,
                    new_index + new_len,
                ),
            };
            Some(Hunk {
                start,
                end,
                lines: new[from..to].to_vec(),
            })
        })
        .collect()
}

/// Whether two hunks touch the same lines (two insertions at one place count: their order
/// would be a guess).
fn clash(a: &Hunk<'_>, b: &Hunk<'_>) -> bool {
    let inside = |p: usize, h: &Hunk<'_>| h.start < p && p < h.end;
    a.start.max(b.start) < a.end.min(b.end)
        || a.start == b.start
        || (a.start == a.end && inside(a.start, b))
        || (b.start == b.end && inside(b.start, a))
}

/// `before` with the changes of both `a` and `b`, when they change different lines.
fn merge(before: &str, a: &str, b: &str) -> Option<String> {
    let mut all = hunks(before, a);
    // The same change made by both (a compare link the section's edit and the version
    // pattern both move) is made once.
    let same =
        |x: &Hunk<'_>, y: &Hunk<'_>| (x.start, x.end, &x.lines) == (y.start, y.end, &y.lines);
    let theirs: Vec<Hunk<'_>> = hunks(before, b)
        .into_iter()
        .filter(|y| !all.iter().any(|x| same(x, y)))
        .collect();
    if all.iter().any(|x| theirs.iter().any(|y| clash(x, y))) {
        return None;
    }
    all.extend(theirs);
    all.sort_by_key(|h| (h.start, h.end));
    let old: Vec<&str> = before.split_inclusive('\n').collect();
    let mut out = String::with_capacity(a.len().max(b.len()) + 64);
    let mut at = 0;
    for h in &all {
        old[at..h.start].iter().for_each(|l| out.push_str(l));
        h.lines.iter().for_each(|l| out.push_str(l));
        at = h.end;
    }
    old[at..].iter().for_each(|l| out.push_str(l));
    Some(out)
}

/// `now` (the file as it is) without the release's edit (`before` → `after`): `before` with
/// the changes made since the release wrote `after`, when they are on other lines.
pub(super) fn take_out(after: &[u8], now: &[u8], before: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8;
    merge(text(after).ok()?, text(now).ok()?, text(before).ok()?).map(String::into_bytes)
}

/// Folds the edits of one file into the first of them: each later edit's changes are merged
/// into it, or the release is refused, naming the file, when they overlap.
pub(super) fn fold(edits: &mut Vec<Edit>, rules: &crate::config::CommitConfig) -> Result<()> {
    let mut i = 0;
    while i < edits.len() {
        let Some(j) = (i + 1..edits.len()).find(|&j| edits[j].path == edits[i].path) else {
            i += 1;
            continue;
        };
        let later = edits.remove(j);
        let first = &mut edits[i];
        let text = |b: &[u8]| std::str::from_utf8(b).ok().map(str::to_owned);
        let merged = match (text(&first.before), text(&first.after), text(&later.after)) {
            (Some(before), Some(a), Some(b)) if first.before == later.before => {
                merge(&before, &a, &b)
            }
            _ => None,
        };
        let Some(merged) = merged else {
            return Err(Error::Refused(Refusal::new(
                Reason::VersionFile,
                format!(
                    "{} is both the changelog and a version file, and the release's two edits of it touch the same lines",
                    first.path.display()
                ),
                "keep the version line away from the Unreleased section (or out of the changelog), then release again",
            )));
        };
        // A changelog made from HEAD's version (--allow-dirty) gets the version line too.
        if let Some(own) = first.committed.take() {
            let carried = match (text(&later.before), text(&later.after), text(&own)) {
                (Some(before), Some(a), Some(own)) => merge(&before, &a, &own),
                _ => None,
            };
            let carried = carried.ok_or_else(|| super::dirty::not_carried(&first.path, rules))?;
            first.committed = Some(carried.into_bytes());
        }
        first.after = merged.into_bytes();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_of_different_lines_both_land() {
        let before = "# Changelog\n\nCurrent version: 0.1.0\n\n## [Unreleased]\n\n- a\n\n[Unreleased]: x/v0.1.0...HEAD\n";
        let section = "# Changelog\n\nCurrent version: 0.1.0\n\n## [Unreleased]\n\n## [0.2.0] - 2026-01-01\n\n- a\n\n[Unreleased]: x/v0.2.0...HEAD\n[0.2.0]: x/v0.1.0...v0.2.0\n";
        let version = before.replace("0.1.0\n\n##", "0.2.0\n\n##");
        assert_eq!(
            merge(before, section, &version).as_deref(),
            Some(section.replace("version: 0.1.0", "version: 0.2.0").as_str())
        );
        // The same lines changed both ways: no guess.
        let other = before.replace("v0.1.0...HEAD", "v0.1.0...main");
        assert_eq!(merge(before, section, &other), None);
        assert_eq!(
            merge("a\n", "a\nb\n", "a\nc\n"),
            None,
            "two insertions at one place"
        );
        assert_eq!(merge("a\nb", "A\nb", "a\nB").as_deref(), Some("A\nB"));
        assert_eq!(
            merge("a\nb\n", "A\nb\n", "A\nb\nc\n").as_deref(),
            Some("A\nb\nc\n")
        );
    }

    #[test]
    fn fold_merges_edits_of_one_path_and_leaves_others() {
        let edit = |p: &str, before: &str, after: &str| Edit {
            path: p.into(),
            before: before.into(),
            after: after.into(),
            committed: None,
        };
        let mut edits = vec![
            edit("CHANGELOG.md", "v 1\nx\n", "v 1\nx\ny\n"),
            edit("Cargo.toml", "1", "2"),
            edit("CHANGELOG.md", "v 1\nx\n", "v 2\nx\n"),
        ];
        fold(&mut edits, &crate::config::Config::default().commit).unwrap();
        assert_eq!(edits.len(), 2);
        assert_eq!(edits[0].after, b"v 2\nx\ny\n");
        assert_eq!(edits[1].path.to_str(), Some("Cargo.toml"));
        let mut clashing = vec![
            edit("CHANGELOG.md", "v 1\n", "v 1 x\n"),
            edit("CHANGELOG.md", "v 1\n", "v 2\n"),
        ];
        let err = fold(&mut clashing, &crate::config::Config::default().commit)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("both the changelog and a version file"),
            "{err}"
        );
    }

    #[test]
    fn a_changelog_made_from_heads_version_gets_the_version_line_too() {
        // The work tree has `draft` (uncommitted); the commit is HEAD's file with the section.
        let mut edits = vec![
            Edit {
                path: "CHANGELOG.md".into(),
                before: b"v 1\nx\ndraft\n".to_vec(),
                after: b"v 1\nx\ny\ndraft\n".to_vec(),
                committed: Some(b"v 1\nx\ny\n".to_vec()),
            },
            Edit {
                path: "CHANGELOG.md".into(),
                before: b"v 1\nx\ndraft\n".to_vec(),
                after: b"v 2\nx\ndraft\n".to_vec(),
                committed: None,
            },
        ];
        fold(&mut edits, &crate::config::Config::default().commit).unwrap();
        assert_eq!(edits[0].after, b"v 2\nx\ny\ndraft\n");
        assert_eq!(edits[0].committed.as_deref(), Some(&b"v 2\nx\ny\n"[..]));
    }
}
