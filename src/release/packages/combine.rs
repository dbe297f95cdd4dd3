//! Two packages' edits of one file (a dependent's manifest gets a new requirement and its own
//! version; `Cargo.lock` gets several versions), computed from the same contents, combined into
//! one edit, or refused when they change the same thing.

use crate::error::{Reason, Refusal};
use crate::history::version::files::Edit;
use crate::{Error, Result};

/// Adds `edit` to `edits`; a second edit of the same file is merged line by line with the
/// first (both were computed from the same contents and each replaces whole lines without
/// adding or removing any: version strings, `Cargo.lock` entries, requirements).
pub(super) fn merge(
    edits: &mut Vec<Edit>,
    edit: Edit,
    rules: &crate::config::CommitConfig,
) -> Result<()> {
    let Some(first) = edits.iter_mut().find(|e| e.path == edit.path) else {
        edits.push(edit);
        return Ok(());
    };
    let conflict = || {
        Error::Refused(Refusal::new(
            Reason::VersionFile,
            format!(
                "{}: two packages' releases change it in ways relhook cannot combine",
                edit.path.display()
            ),
            "release them one at a time (`relhook release --package NAME`)",
        ))
    };
    // A changelog made from HEAD's version beside uncommitted changes (--allow-dirty).
    if first.committed.is_some() || edit.committed.is_some() {
        return Err(crate::release::not_carried(&edit.path, rules));
    }
    if first.before != edit.before {
        // Computed on top of the first edit (the requirements): take it whole.
        if first.after == edit.before {
            first.after = edit.after;
            return Ok(());
        }
        return Err(conflict());
    }
    let base: Vec<&[u8]> = first.before.split_inclusive(|b| *b == b'\n').collect();
    let mine: Vec<&[u8]> = first.after.split_inclusive(|b| *b == b'\n').collect();
    let theirs: Vec<&[u8]> = edit.after.split_inclusive(|b| *b == b'\n').collect();
    if base.len() != mine.len() || base.len() != theirs.len() {
        return Err(conflict());
    }
    let mut out = Vec::with_capacity(first.after.len());
    for ((b, m), t) in base.iter().zip(&mine).zip(&theirs) {
        let line = match (m == b, t == b) {
            (_, true) => m,
            (true, false) => t,
            (false, false) if m == t => m,
            // Both changed the line (a one-line `package.json`: its version and a
            // requirement): combined when their changes lie apart within it.
            (false, false) => match merge_line(b, m, t) {
                Some(line) => {
                    out.extend_from_slice(&line);
                    continue;
                }
                None => return Err(conflict()),
            },
        };
        out.extend_from_slice(line);
    }
    first.after = out;
    Ok(())
}

/// A three-way merge of one line changed on both sides, token by token (a token is a run of
/// characters other than quotes, spaces and `,:={}[]`, so a version or a requirement is one):
/// each side's changes are replacements of ranges of `base`'s tokens; they combine when no two
/// of them overlap or touch (identical changes count once). `None` when they do, or a side is
/// not UTF-8.
fn merge_line(base: &[u8], mine: &[u8], theirs: &[u8]) -> Option<Vec<u8>> {
    fn tokens(b: &[u8]) -> Option<Vec<&str>> {
        let s = std::str::from_utf8(b).ok()?;
        let apart = |c: char| c.is_whitespace() || "\"',:={}[]".contains(c);
        let mut out = Vec::new();
        let mut start = 0;
        for (i, c) in s.char_indices() {
            if apart(c) {
                if start < i {
                    out.push(&s[start..i]);
                }
                out.push(&s[i..i + c.len_utf8()]);
                start = i + c.len_utf8();
            }
        }
        if start < s.len() {
            out.push(&s[start..]);
        }
        Some(out)
    }
    let (base, mine, theirs) = (tokens(base)?, tokens(mine)?, tokens(theirs)?);
    let hunks = |new: &[&str]| {
        similar::capture_diff_slices(similar::Algorithm::Myers, &base, new)
            .into_iter()
            .filter(|op| op.tag() != similar::DiffTag::Equal)
            .map(|op| (op.old_range(), new[op.new_range()].concat()))
            .collect::<Vec<_>>()
    };
    let mut all = hunks(&mine);
    all.extend(hunks(&theirs));
    all.sort_by_key(|(range, _)| (range.start, range.end));
    all.dedup();
    let mut out = String::new();
    let mut at = 0;
    let mut first = true;
    for (range, text) in all {
        if !first && range.start <= at {
            return None;
        }
        first = false;
        out.extend(base[at..range.start].iter().copied());
        out.push_str(&text);
        at = range.end;
    }
    out.extend(base[at..].iter().copied());
    Some(out.into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn merge(edits: &mut Vec<Edit>, edit: Edit) -> Result<()> {
        super::merge(edits, edit, &crate::config::Config::default().commit)
    }

    fn edit(path: &str, before: &str, after: &str) -> Edit {
        Edit {
            path: path.into(),
            before: before.as_bytes().to_vec(),
            after: after.as_bytes().to_vec(),
            committed: None,
        }
    }

    #[test]
    fn edits_of_one_file_merge_by_line() {
        let lock = "[[package]]\nname = \"a\"\nversion = \"1.0.0\"\n\n[[package]]\nname = \"b\"\nversion = \"2.0.0\"\n";
        let mut edits = vec![edit("Cargo.lock", lock, &lock.replace("1.0.0", "1.1.0"))];
        merge(
            &mut edits,
            edit("Cargo.lock", lock, &lock.replace("2.0.0", "2.0.1")),
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(edits[0].after.clone()).unwrap(),
            lock.replace("1.0.0", "1.1.0").replace("2.0.0", "2.0.1")
        );
        // The same line changed two ways: refused, naming the file.
        let e = merge(
            &mut edits,
            edit("Cargo.lock", lock, &lock.replace("1.0.0", "9.0.0")),
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("Cargo.lock"), "{e}");
        // An edit made on top of the first one's result replaces it.
        let on_top = String::from_utf8(edits[0].after.clone()).unwrap();
        merge(
            &mut edits,
            edit("Cargo.lock", &on_top, &(on_top.clone() + "\n")),
        )
        .unwrap();
        assert!(edits[0].after.ends_with(b"\n\n"));
        assert_eq!(edits.len(), 1);
    }

    #[test]
    fn one_line_changed_apart_on_both_sides_combines() {
        let base = "{\"version\":\"0.4.0\",\"dependencies\":{\"ui\":\"^1.0.0\"}}";
        let mut edits = vec![edit("p.json", base, &base.replace("^1.0.0", "^1.1.0"))];
        merge(
            &mut edits,
            edit("p.json", base, &base.replace("0.4.0", "0.4.1")),
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(edits[0].after.clone()).unwrap(),
            "{\"version\":\"0.4.1\",\"dependencies\":{\"ui\":\"^1.1.0\"}}"
        );
        // The same characters changed two ways: refused, as before.
        let mut edits = vec![edit("p.json", "v=1.0.0", "v=1.1.0")];
        assert!(merge(&mut edits, edit("p.json", "v=1.0.0", "v=1.2.0")).is_err());
        // One token (a version) changed two ways, or changes that touch: refused.
        assert!(merge_line(b"v=1.0.0", b"v=1.1.0", b"v=9.0.0").is_none());
        assert!(merge_line(b"a=1", b"b=1", b"a:1").is_none());
        assert_eq!(
            merge_line(b"a=1,b=2", b"a=3,b=2", b"a=1,b=4").unwrap(),
            b"a=3,b=4"
        );
    }
}
