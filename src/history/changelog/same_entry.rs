//! When two entries a stable release carries are one: the same words (as `normalize` reads
//! them) naming the same commit, or one of them naming none. Words alike that name two commits
//! (`x ([aaa1111](…))` in rc.1, `x ([bbb2222](…))` in rc.2) are two changes, both carried.

use std::collections::HashMap;

use super::normalize;
use super::tool_marks::commit_hash;

/// The entries taken so far, by their words, each with the commit its mark names.
#[derive(Default)]
pub(super) struct Taken {
    by_words: HashMap<String, Vec<Option<String>>>,
}

impl Taken {
    /// Takes `text` in; `false` when it is an entry taken already.
    pub(super) fn insert(&mut self, text: &str) -> bool {
        let hash = commit_hash(text);
        let marks = self.by_words.entry(normalize(text)).or_default();
        if marks
            .iter()
            .any(|m| same_commit(m.as_deref(), hash.as_deref()))
        {
            return false;
        }
        marks.push(hash);
        true
    }

    /// Whether `text` is an entry taken already, without taking it in.
    pub(super) fn has(&self, text: &str) -> bool {
        let hash = commit_hash(text);
        self.by_words.get(&normalize(text)).is_some_and(|marks| {
            marks
                .iter()
                .any(|m| same_commit(m.as_deref(), hash.as_deref()))
        })
    }
}

/// Whether two marks may name one commit: a short hash the longer one starts with, or no mark
/// on one side (a tool's `x ([abc1234](…))` and relhook's `x` for the same commit).
fn same_commit(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.starts_with(b) || b.starts_with(a),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::Taken;

    #[test]
    fn words_alike_naming_two_commits_are_two_entries() {
        let mut taken = Taken::default();
        assert!(taken.insert("**vapor:** x ([aaa1111](https://x/commit/aaa1111))"));
        assert!(taken.insert("**vapor:** x ([bbb2222](https://x/commit/bbb2222))"));
        // The same commit, its hash written longer, or its entry written by relhook.
        assert!(!taken.insert("**vapor:** X - ([aaa1111ff](https://x/commit/aaa1111ff))"));
        assert!(!taken.insert("**vapor:** x"));
        assert!(!taken.insert("**vapor:** x ([bbb2222](https://x/commit/bbb2222))"));
        assert!(taken.insert("**vapor:** y"));
        assert!(!taken.insert("**vapor:**  y"));
    }
}
