//! Bumping a version file: `old` replaced by `new` at every place its locator finds, each of
//! which must hold `old`; computed without writing.

use std::ops::Range;
use std::path::Path;

use super::{
    Edit, Locator, Result, VersionFile, VersionFileError, agreed_version, is_version_text, locate,
    read_text,
};

/// Computes the file's contents with `old` replaced by `new` at the located
/// spans, without writing. Fails if the file holds anything but `old`.
pub fn plan_bump(root: &Path, file: &VersionFile, old: &str, new: &str) -> Result<Edit> {
    plan_bumps(root, &file.path, &[(&file.locator, old)], new)
}

/// [`plan_bump`] on `text`, the file as planned so far rather than on disk: `text` with `new`
/// at every place `locator` finds, which must all hold `old`.
pub fn bump_text(
    path: &Path,
    text: &str,
    locator: &Locator,
    old: &str,
    new: &str,
) -> Result<String> {
    let spans = locate(path, text, locator)?;
    let found = agreed_version(path, locator, text, &spans)?;
    if found != old {
        return Err(VersionFileError::Mismatch {
            path: path.to_path_buf(),
            locator: locator.clone(),
            expected: old.to_owned(),
            found,
        });
    }
    Ok(splice(text, &spans, new))
}

/// [`plan_bump`] for several entries of one file, each with the version it holds: one edit
/// with `new` at every place they find (a place two of them find is one place). Fails if an
/// entry finds anything but its version, or two entries find places that overlap otherwise.
pub fn plan_bumps(
    root: &Path,
    path: &Path,
    entries: &[(&Locator, &str)],
    new: &str,
) -> Result<Edit> {
    if !is_version_text(new) && !super::pep440::is_spelling(new) {
        return Err(VersionFileError::BadNewVersion {
            new: new.to_owned(),
        });
    }
    let text = read_text(root, path)?;
    let mut spans: Vec<(Range<usize>, &Locator)> = Vec::new();
    for (locator, old) in entries {
        let found_spans = locate(path, &text, locator)?;
        let found = agreed_version(path, locator, &text, &found_spans)?;
        if found != *old {
            return Err(VersionFileError::Mismatch {
                path: path.to_path_buf(),
                locator: (*locator).clone(),
                expected: (*old).to_owned(),
                found,
            });
        }
        spans.extend(found_spans.into_iter().map(|s| (s, *locator)));
    }
    spans.sort_by_key(|(s, _)| (s.start, s.end));
    spans.dedup_by(|b, a| a.0 == b.0);
    if let Some(w) = spans.windows(2).find(|w| w[1].0.start < w[0].0.end) {
        return Err(VersionFileError::Inconsistent {
            path: path.to_path_buf(),
            locator: w[1].1.clone(),
            versions: w.iter().map(|(s, _)| text[s.clone()].to_owned()).collect(),
        });
    }
    let spans: Vec<Range<usize>> = spans.into_iter().map(|(s, _)| s).collect();
    Ok(Edit {
        path: path.to_path_buf(),
        after: splice(&text, &spans, new).into_bytes(),
        before: text.into_bytes(),
        committed: None,
    })
}

/// Replaces each span (sorted, disjoint) with `new`.
pub(super) fn splice(text: &str, spans: &[Range<usize>], new: &str) -> String {
    let mut out = String::with_capacity(text.len() + spans.len() * new.len());
    let mut at = 0;
    for span in spans {
        out.push_str(&text[at..span.start]);
        out.push_str(new);
        at = span.end;
    }
    out.push_str(&text[at..]);
    out
}
