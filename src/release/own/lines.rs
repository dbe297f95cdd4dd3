//! A version file or lock file as a release changes it: its version numbers alone, each
//! changed line the same but for one version (`version = "0.1.0"` → `version = "0.2.0"`).
//! A line edited otherwise, one added or one taken out, is the user's writing.

use similar::{DiffOp, TextDiff};

/// Whether `after` is `before` with version numbers changed and nothing else.
pub(super) fn only_versions_changed(before: &str, after: &str) -> bool {
    let diff = TextDiff::from_lines(before, after);
    let (old, new) = (diff.old_slices(), diff.new_slices());
    diff.ops().iter().all(|op| match *op {
        DiffOp::Equal { .. } => true,
        DiffOp::Replace {
            old_index,
            old_len,
            new_index,
            new_len,
        } => {
            old_len == new_len
                && (0..old_len).all(|i| version_swapped(old[old_index + i], new[new_index + i]))
        }
        DiffOp::Insert { .. } | DiffOp::Delete { .. } => false,
    })
}

/// Whether lines `a` and `b` differ in one version number alone.
fn version_swapped(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let common = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let room = a.len().min(b.len()) - common;
    let tail = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(room)
        .take_while(|(x, y)| x == y)
        .count();
    // The changed bytes, widened to the whole word they are in (`0.1.0`, not `1`).
    let mut start = common;
    while start > 0 && in_version(a[start - 1]) {
        start -= 1;
    }
    let word = |s: &[u8]| {
        let mut end = s.len() - tail;
        while end < s.len() && in_version(s[end]) {
            end += 1;
        }
        s[start..end].to_vec()
    };
    is_version(&word(a)) && is_version(&word(b))
}

/// A byte a version is spelt with (`1.2.0-rc.1+build`, pep 440's `1.2.0rc1`).
fn in_version(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'+')
}

/// Whether `word` is a version: a number (after a `v`), dotted, in version bytes only.
fn is_version(word: &[u8]) -> bool {
    let digits = word.strip_prefix(b"v").unwrap_or(word);
    digits.first().is_some_and(u8::is_ascii_digit)
        && word.contains(&b'.')
        && word.iter().copied().all(in_version)
}

#[cfg(test)]
mod tests {
    use super::only_versions_changed;

    #[test]
    fn version_numbers_alone_are_a_releases_change() {
        let before = "[package]\nname = \"x\"\nversion = \"0.1.0\"\n\n[dependencies]\ny = { path = \"y\", version = \"0.1.0\" }\n";
        let after = before.replace("0.1.0", "0.2.0-rc.1");
        assert!(only_versions_changed(before, &after));
        assert!(only_versions_changed(
            "{\n  \"version\": \"1.9.9\",\n}\n",
            "{\n  \"version\": \"1.10.0\",\n}\n"
        ));
        assert!(only_versions_changed(before, before));
    }

    #[test]
    fn any_other_edit_is_the_users() {
        let before = "name = \"x\"\nversion = \"0.1.0\"\n";
        for after in [
            "name = \"y\"\nversion = \"0.2.0\"\n",
            "name = \"x\"\nversion = \"0.2.0\"\nedition = \"2021\"\n",
            "version = \"0.2.0\"\n",
            "name = \"x\"\nversion = \"0.2.0\" # ours\n",
            "name = \"x\"\nversion = \"abc\"\n",
        ] {
            assert!(!only_versions_changed(before, after), "{after}");
        }
    }
}
