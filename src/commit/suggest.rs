//! "Did you mean": the nearest allowed name for a misspelt type or scope.

/// Words people write for a Conventional Commits type.
const ALIASES: &[(&str, &str)] = &[
    ("feature", "feat"),
    ("features", "feat"),
    ("feats", "feat"),
    ("add", "feat"),
    ("added", "feat"),
    ("new", "feat"),
    ("bugfix", "fix"),
    ("bug", "fix"),
    ("hotfix", "fix"),
    ("fixes", "fix"),
    ("fixed", "fix"),
    ("doc", "docs"),
    ("documentation", "docs"),
    ("tests", "test"),
    ("testing", "test"),
    ("refactoring", "refactor"),
    ("performance", "perf"),
    ("chores", "chore"),
    ("deps", "build"),
    ("styles", "style"),
    ("reverts", "revert"),
];

/// The nearest of `allowed` to `word`, when one is close enough to be a typo or an alias.
pub fn nearest<'a, S: AsRef<str>>(word: &str, allowed: &'a [S]) -> Option<&'a str> {
    let lower = word.to_lowercase();
    let aliased = ALIASES
        .iter()
        .find(|(alias, _)| *alias == lower)
        .map(|(_, t)| *t);
    if let Some(t) = aliased {
        if let Some(hit) = allowed.iter().find(|a| a.as_ref() == t) {
            return Some(hit.as_ref());
        }
    }
    allowed
        .iter()
        .map(|a| (a.as_ref(), a.as_ref().to_lowercase()))
        .map(|(a, l)| (distance(&lower, &l), close_enough(&lower, &l), a))
        .filter(|(_, close, _)| *close)
        .min_by_key(|(d, _, _)| *d)
        .map(|(_, _, a)| a)
        .or_else(|| {
            // "features-x" or "fixing": a candidate that is a prefix of the word.
            allowed
                .iter()
                .map(AsRef::as_ref)
                .filter(|a| a.len() >= 3 && lower.starts_with(&a.to_lowercase()))
                .max_by_key(|a| a.len())
        })
}

/// Whether `candidate` is near enough to `word` to be what was meant. The shorter the word,
/// the closer: two edits turn any three-letter word into many others (`wip` → `fix`), so a
/// word of up to four letters must be one edit away and start alike (or be the candidate
/// with two letters swapped: `ic` → `ci`); five letters allow a second edit only when the
/// first letters agree; longer words allow three.
fn close_enough(word: &str, candidate: &str) -> bool {
    let d = distance(word, candidate);
    let same_start = word.chars().next() == candidate.chars().next();
    let swapped = d == 1 && {
        let (mut a, mut b): (Vec<char>, Vec<char>) =
            (word.chars().collect(), candidate.chars().collect());
        a.sort_unstable();
        b.sort_unstable();
        a == b
    };
    match word.chars().count() {
        0..=4 => d == 1 && (same_start || swapped),
        5 => d <= 1 || (d == 2 && same_start),
        _ => d <= 3,
    }
}

/// The type a non-conventional header's first word stands for (`Fix the crash` → `fix`).
pub fn guess_type(first_word: &str) -> Option<&'static str> {
    let lower = first_word.to_lowercase();
    let types = crate::commit::vocab::DEFAULT_TYPES;
    if let Some(t) = types.iter().find(|t| **t == lower) {
        return Some(t);
    }
    ALIASES
        .iter()
        .find(|(alias, _)| *alias == lower)
        .map(|(_, t)| *t)
        // A verb that says what was done (one list with the header it keeps): what it does.
        .or_else(|| {
            imperative(first_word).map(|verb| match verb {
                "resolve" | "correct" | "repair" => "fix",
                _ => "feat",
            })
        })
}

/// The imperative of a first word that says what a change does (`Added` → `add`, `Resolves`
/// → `resolve`), kept in a suggested header: `None` for a word that only names the type
/// (`Fix`, `Feature`, `Bug`), which the header's type says already.
pub fn imperative(first_word: &str) -> Option<&'static str> {
    let lower = first_word.to_lowercase();
    [
        ("add", &["add", "adds", "added", "adding"][..]),
        ("implement", &["implement", "implements", "implemented"]),
        ("introduce", &["introduce", "introduces", "introduced"]),
        ("support", &["support", "supports", "supported"]),
        ("resolve", &["resolve", "resolves", "resolved"]),
        ("correct", &["correct", "corrects", "corrected"]),
        ("repair", &["repair", "repairs", "repaired"]),
    ]
    .into_iter()
    .find(|(_, forms)| forms.contains(&lower.as_str()))
    .map(|(verb, _)| verb)
}

/// Optimal-string-alignment distance: edits, with a swap of two neighbours counting once
/// (`fxi` → `fix` is 1). Words whose lengths differ by more than 3 are never close enough,
/// so their distance is not computed.
pub fn distance(a: &str, b: &str) -> usize {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.abs_diff(lb) > 3 {
        return la.max(lb);
    }
    strsim::osa_distance(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TYPES: &[&str] = crate::commit::vocab::DEFAULT_TYPES;

    #[test]
    fn typos_and_aliases() {
        assert_eq!(nearest("fxi", TYPES), Some("fix"));
        assert_eq!(nearest("feature", TYPES), Some("feat"));
        assert_eq!(nearest("Feat", TYPES), Some("feat"));
        assert_eq!(nearest("refactr", TYPES), Some("refactor"));
        assert_eq!(nearest("bugfix", TYPES), Some("fix"));
        assert_eq!(nearest("zzzzzz", TYPES), None);
    }

    #[test]
    fn short_words_need_a_close_match() {
        assert_eq!(nearest("wip", TYPES), None);
        assert_eq!(nearest("ops", TYPES), None);
        assert_eq!(nearest("dx", TYPES), None);
        assert_eq!(nearest("score", TYPES), None);
        assert_eq!(nearest("fet", TYPES), Some("feat"));
        assert_eq!(nearest("ic", TYPES), Some("ci"));
        assert_eq!(nearest("pref", TYPES), Some("perf"));
        assert_eq!(nearest("chroe", TYPES), Some("chore"));
        assert_eq!(nearest("buid", TYPES), Some("build"));
    }

    #[test]
    fn alias_only_when_allowed() {
        assert_eq!(nearest("feature", &["fix", "docs"]), None);
    }

    #[test]
    fn scopes() {
        assert_eq!(nearest("parsr", &["parser", "cli"]), Some("parser"));
    }

    #[test]
    fn distance_counts_transpositions_once() {
        assert_eq!(distance("fxi", "fix"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
    }

    #[test]
    fn guesses_types_from_first_words() {
        assert_eq!(guess_type("Fix"), Some("fix"));
        assert_eq!(guess_type("Added"), Some("feat"));
        assert_eq!(guess_type("Update"), None);
        assert_eq!(guess_type("Resolved"), Some("fix"));
    }

    #[test]
    fn a_verb_that_says_what_was_done_is_kept_a_type_name_is_not() {
        assert_eq!(imperative("Resolve"), Some("resolve"));
        assert_eq!(imperative("corrected"), Some("correct"));
        assert_eq!(imperative("Repairs"), Some("repair"));
        assert_eq!(imperative("Fix"), None);
        assert_eq!(imperative("Bugfix"), None);
    }
}
