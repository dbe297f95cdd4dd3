//! Which lines a change to the changelog wrote are entries of its own, and which replace an
//! entry it took out: a reword (`- add search` made `- add search (fuzzy)`) is a hand edit of
//! that entry, whoever's it is, and never stands for the entry the commit's own message calls
//! for. post-commit and `changelog --sync` (so doctor and release too) tell them apart by
//! this one rule: a commit made with the hooks off is judged as post-commit would have.

use std::collections::HashSet;

use super::rewords;

/// Whether `line` (normalised), written by a change, rewords one of the entries the change
/// took out (`removed`, normalised): it begins with that entry's words.
pub fn replaces<'a>(line: &str, removed: impl IntoIterator<Item = &'a String>) -> bool {
    removed.into_iter().any(|g| rewords(line, g))
}

/// Of the lines a change wrote (`added`), those that may be entries of its own, given the
/// entries it took out (`removed`): none that rewords one of them ([`replaces`]); and, the
/// rest paired one for one with the others it took out (reworded past their first words),
/// none unless the change wrote more lines than that. Which of a surplus is the new one
/// cannot be told: all of it is kept.
pub fn fresh(added: &HashSet<String>, removed: &HashSet<String>) -> HashSet<String> {
    let rest: HashSet<String> = (added.iter())
        .filter(|t| !replaces(t, removed))
        .cloned()
        .collect();
    let unpaired = (removed.iter())
        .filter(|g| !added.iter().any(|t| rewords(t, g)))
        .count();
    match rest.len() > unpaired {
        true => rest,
        false => HashSet::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fresh_of(added: &[&str], removed: &[&str]) -> HashSet<String> {
        fresh(&set(added), &set(removed))
    }

    fn set(texts: &[&str]) -> HashSet<String> {
        texts.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn a_reworded_entry_is_no_entry_of_its_own() {
        assert!(fresh_of(&["add search (fuzzy)"], &["add search"]).is_empty());
        // Nor when its words changed past their start: the line only replaces another.
        assert!(fresh_of(&["fuzzy search"], &["add search"]).is_empty());
    }

    #[test]
    fn a_line_written_beside_nothing_taken_out_is_new() {
        assert_eq!(fresh_of(&["add export"], &[]), set(&["add export"]));
        assert_eq!(
            fresh_of(&["add search (fuzzy)", "add export"], &["add search"]),
            set(&["add export"])
        );
        // Beside a reword that cannot be paired by its words, either may be the new one.
        assert_eq!(
            fresh_of(&["fuzzy search", "add export"], &["add search"]),
            set(&["fuzzy search", "add export"])
        );
    }
}
