//! A version file or lock file as a release changes it: its version numbers alone, each
//! changed line the same but for one version, moved to a version the release makes
//! (`version = "0.1.0"` → `version = "0.2.0"`, a lock's own entry, a dependent's requirement
//! on a released package). A line edited otherwise, one added or one taken out, or one moved
//! to a version no release of the commit makes (a dependency bumped by hand, `"left-pad":
//! "^1.0.0"` → `"^1.3.0"`), is the user's writing.

use similar::{DiffOp, TextDiff};

/// Whether `after` is `before` with version numbers changed and nothing else, each to a
/// version `released` says the release makes.
pub(super) fn only_versions_changed(
    before: &str,
    after: &str,
    released: impl Fn(&str) -> bool,
) -> bool {
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
                && (0..old_len).all(|i| {
                    version_swapped(old[old_index + i], new[new_index + i])
                        .is_some_and(|to| released(&to))
                })
        }
        DiffOp::Insert { .. } | DiffOp::Delete { .. } => false,
    })
}

/// The version `b` holds where line `a` holds another, when they differ in it alone.
fn version_swapped(a: &str, b: &str) -> Option<String> {
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
    let (from, to) = (word(a), word(b));
    (is_version(&from) && is_version(&to)).then(|| String::from_utf8_lossy(&to).into_owned())
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
        assert!(only_versions_changed(before, &after, |v| v == "0.2.0-rc.1"));
        assert!(only_versions_changed(
            "{\n  \"version\": \"1.9.9\",\n}\n",
            "{\n  \"version\": \"1.10.0\",\n}\n",
            |v| v == "1.10.0"
        ));
        assert!(only_versions_changed(before, before, |_| false));
    }

    #[test]
    fn a_dependency_moved_to_another_version_is_the_users() {
        let before = "{\n  \"version\": \"0.1.0\",\n  \"left-pad\": \"^1.0.0\"\n}\n";
        let after = "{\n  \"version\": \"0.2.0\",\n  \"left-pad\": \"^1.3.0\"\n}\n";
        assert!(!only_versions_changed(before, after, |v| v == "0.2.0"));
        let dependent = "{\n  \"version\": \"0.2.0\",\n  \"left-pad\": \"^0.2.0\"\n}\n";
        assert!(only_versions_changed(before, dependent, |v| v == "0.2.0"));
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
            assert!(!only_versions_changed(before, after, |_| true), "{after}");
        }
    }
}
