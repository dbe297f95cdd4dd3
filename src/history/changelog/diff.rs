//! Which entries one version of a changelog adds to the previous one, at the cost of the
//! change rather than of the file: the common start and end are skipped with a byte
//! comparison, and only the lines between (widened to whole entries) are read as entries.
//! `sync` asks this of every commit since the last release that touched the changelog, so
//! its cost stays proportional to those commits plus the file size, never their product.

use std::collections::HashSet;

use super::normalize;
use super::parse::bullet_body;

/// How much work [`added_entries`] did: lines read as entries, on both sides.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DiffWork {
    /// Lines of the changed region (before and after) that were split and classified.
    pub lines_read: usize,
}

/// The normalised texts of the entries `after` has in its changed region that `before` lacks
/// there: what the change added (a moved or unchanged entry is not added; a reworded one is).
/// Bullets are recognised as the parser recognises them (`- `, `* `; indented lines continue).
pub fn added_entries(before: &str, after: &str, work: &mut DiffWork) -> HashSet<String> {
    changed_entries(before, after, work).added
}

/// The entries a change wrote and took out, normalised (see [`added_entries`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changed {
    /// What `after` has in the changed region that `before` lacks there.
    pub added: HashSet<String>,
    /// What `before` has in the changed region that `after` lacks there: the entries the
    /// change took out, or replaced with the lines it wrote (a reword).
    pub removed: HashSet<String>,
}

/// [`added_entries`], with the entries the change took out beside them.
pub fn changed_entries(before: &str, after: &str, work: &mut DiffWork) -> Changed {
    let (b, a) = changed_region(before, after);
    let mut removed = entries(b, work);
    let mut added = entries(a, work);
    let both: HashSet<String> = added.intersection(&removed).cloned().collect();
    added.retain(|t| !both.contains(t));
    removed.retain(|t| !both.contains(t));
    Changed { added, removed }
}

/// The changed lines of both texts, widened to whole entries: the bullet line an edited
/// continuation line belongs to, and the continuation lines after a changed bullet.
fn changed_region<'a>(before: &'a str, after: &'a str) -> (&'a str, &'a str) {
    let (bb, ab) = (before.as_bytes(), after.as_bytes());
    let common = bb.len().min(ab.len());
    let mut start = first_difference(&bb[..common], &ab[..common]);
    // The suffix must not overlap the prefix in either text.
    let max_suffix = common - start;
    let suffix = first_difference_rev(&bb[bb.len() - max_suffix..], &ab[ab.len() - max_suffix..]);
    // Back to the start of the line holding the first difference.
    start = line_start(bb, start);
    // Widen back over continuation lines to the bullet they belong to.
    while start > 0 {
        let prev = line_start(bb, start - 1);
        if !is_continuation(&before[prev..start]) {
            if bullet_body(before[prev..start].trim_end_matches(['\n', '\r'])).is_some() {
                start = prev;
            }
            break;
        }
        start = prev;
    }
    // The common suffix starts at a line start in both texts (the texts agree there).
    let mut b_end = bb.len() - suffix;
    let mut a_end = ab.len() - suffix;
    while b_end > start && a_end > start && !at_line_start(bb, b_end) {
        b_end += 1;
        a_end += 1;
        if b_end >= bb.len() {
            break;
        }
    }
    // Widen forward over continuation lines of a changed entry.
    while b_end < bb.len() {
        let next = line_end(bb, b_end);
        if !is_continuation(&before[b_end..next]) {
            break;
        }
        a_end += next - b_end;
        b_end = next;
    }
    (
        &before[start..b_end.min(bb.len())],
        &after[start..a_end.min(ab.len())],
    )
}

fn first_difference(a: &[u8], b: &[u8]) -> usize {
    // Compare in chunks so the common case (long equal runs) is a memcmp.
    let mut at = 0;
    for (x, y) in a.chunks(4096).zip(b.chunks(4096)) {
        if x == y {
            at += x.len();
            continue;
        }
        return at + x.iter().zip(y).take_while(|(p, q)| p == q).count();
    }
    at
}

fn first_difference_rev(a: &[u8], b: &[u8]) -> usize {
    let mut n = 0;
    for (x, y) in a.rchunks(4096).zip(b.rchunks(4096)) {
        if x == y {
            n += x.len();
            continue;
        }
        return n + x
            .iter()
            .rev()
            .zip(y.iter().rev())
            .take_while(|(p, q)| p == q)
            .count();
    }
    n
}

fn line_start(text: &[u8], at: usize) -> usize {
    text[..at]
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1)
}

fn line_end(text: &[u8], at: usize) -> usize {
    text[at..]
        .iter()
        .position(|b| *b == b'\n')
        .map_or(text.len(), |i| at + i + 1)
}

fn at_line_start(text: &[u8], at: usize) -> bool {
    at == 0 || at >= text.len() || text[at - 1] == b'\n'
}

/// An indented, non-blank line: it continues the entry above it.
fn is_continuation(line: &str) -> bool {
    line.starts_with([' ', '\t']) && !line.trim().is_empty()
}

/// The normalised texts of the bullet entries in `region` (whole lines).
fn entries(region: &str, work: &mut DiffWork) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut current: Option<String> = None;
    for line in region.split('\n') {
        work.lines_read += 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if let Some(body) = bullet_body(line) {
            out.extend(current.take().map(|t| normalize(&t)));
            current = Some(body.to_owned());
        } else if is_continuation(line) {
            if let Some(t) = current.as_mut() {
                t.push(' ');
                t.push_str(line.trim());
            }
        } else {
            out.extend(current.take().map(|t| normalize(&t)));
        }
    }
    out.extend(current.map(|t| normalize(&t)));
    out.remove("");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::changelog::Changelog;
    use proptest::prelude::*;

    fn added(before: &str, after: &str) -> Vec<String> {
        let mut v: Vec<String> = added_entries(before, after, &mut DiffWork::default())
            .into_iter()
            .collect();
        v.sort();
        v
    }

    const BASE: &str = "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- one\n- two\n  more\n\n## [1.0.0] - 2026-01-01\n\n- old\n";

    #[test]
    fn an_added_entry_is_found_and_nothing_else() {
        let after = BASE.replace("- two\n  more\n", "- two\n  more\n- three\n");
        assert_eq!(added(BASE, &after), ["three"]);
        assert!(added(BASE, BASE).is_empty());
    }

    #[test]
    fn a_reworded_continuation_line_yields_the_whole_new_entry() {
        let after = BASE.replace("  more\n", "  and more\n");
        assert_eq!(added(BASE, &after), ["two and more"]);
    }

    #[test]
    fn a_continuation_added_to_a_bullet_yields_the_whole_entry() {
        let after = BASE.replace("- one\n", "- one\n  extended\n");
        assert_eq!(added(BASE, &after), ["one extended"]);
    }

    #[test]
    fn a_reworded_entry_is_added_and_its_old_words_removed() {
        let after = BASE.replace("- one\n", "- one (better)\n");
        let got = changed_entries(BASE, &after, &mut DiffWork::default());
        assert_eq!(got.added, HashSet::from(["one (better)".to_string()]));
        assert_eq!(got.removed, HashSet::from(["one".to_string()]));
        let moved = BASE.replace("- one\n- two\n  more\n", "- two\n  more\n- one\n");
        assert_eq!(
            changed_entries(BASE, &moved, &mut DiffWork::default()),
            Changed::default()
        );
    }

    #[test]
    fn moved_and_removed_entries_are_not_added() {
        let moved = BASE.replace("- one\n- two\n  more\n", "- two\n  more\n- one\n");
        assert!(added(BASE, &moved).is_empty());
        let removed = BASE.replace("- one\n", "");
        assert!(added(BASE, &removed).is_empty());
    }

    #[test]
    fn entries_of_a_new_file_and_crlf_files() {
        assert_eq!(added("", BASE), ["old", "one", "two more"]);
        let crlf = BASE.replace('\n', "\r\n");
        let after = crlf.replace("- one\r\n", "- one\r\n- new\r\n");
        assert_eq!(added(&crlf, &after), ["new"]);
    }

    #[test]
    fn work_is_the_change_not_the_file() {
        let mut big = String::from("# Changelog\n\n## [Unreleased]\n\n### Added\n\n- first\n\n");
        for i in 0..10_000 {
            big.push_str(&format!("## [0.{i}.0] - 2026-01-01\n\n- entry {i}\n\n"));
        }
        let after = big.replace("- first\n", "- first\n- second\n");
        let mut work = DiffWork::default();
        let got = added_entries(&big, &after, &mut work);
        assert_eq!(got, HashSet::from(["second".to_string()]));
        assert!(work.lines_read < 10, "{work:?}");
    }

    fn all(text: &str) -> HashSet<String> {
        Changelog::parse(text).map_or_else(|_| HashSet::new(), |log| log.all_entry_texts())
    }

    proptest! {
        /// On edits the way relhook and people make them (entries added, reworded, removed,
        /// moved within a valid changelog), the region diff finds what a whole-file comparison
        /// finds, whenever the added text was not already elsewhere in the file.
        #[test]
        fn region_diff_agrees_with_whole_file_comparison(
            entries in prop::collection::vec("[a-e]{1,3}( [a-e]{1,3})?", 1..8),
            edits in prop::collection::vec((0usize..8, 0u8..4, "[a-e]{1,3}"), 1..4),
        ) {
            let render = |es: &[String]| {
                let mut t = String::from("# Changelog\n\n## [Unreleased]\n\n### Added\n\n");
                for e in es {
                    match e.split_once(' ') {
                        Some((a, b)) => t.push_str(&format!("- {a}\n  {b}\n")),
                        None => t.push_str(&format!("- {e}\n")),
                    }
                }
                t.push_str("\n## [1.0.0] - 2026-01-01\n\n- zz\n");
                t
            };
            let before = render(&entries);
            let mut es = entries.clone();
            for (i, op, text) in edits {
                let i = i % (es.len() + 1);
                match op {
                    0 => es.insert(i, text),
                    1 if i < es.len() => es[i] = text,
                    2 if i < es.len() => { es.remove(i); }
                    3 if i < es.len() => { let e = es.remove(i); es.insert(i / 2, e); }
                    _ => es.push(text),
                }
            }
            let after = render(&es);
            let whole: HashSet<String> = all(&after).difference(&all(&before)).cloned().collect();
            let region = added_entries(&before, &after, &mut DiffWork::default());
            // Whatever the whole-file view calls added, the region view does too; the region
            // view may also report a text that exists elsewhere (e.g. added twice).
            prop_assert!(whole.is_subset(&region), "{whole:?} ⊄ {region:?}");
            for t in region.difference(&whole) {
                prop_assert!(all(&before).contains(t), "{t} reported added but is new to neither");
            }
        }
    }
}
