//! A commit that changed the changelog itself is accounted for by that change (post-commit
//! puts each entry into its own commit; a person may write the entry by hand), but only up to
//! the weight of what it added: a `feat:` squash-merged on a forge's web page brings its
//! branch's `fix` entries, not its own, and a feature is never stood for by entries that do
//! not say it (as post-commit's squash rule has it). Its own entry is then added.

use std::collections::{HashMap, HashSet};

use crate::config::Config;
use crate::history::changelog::entry::NewEntry;
use crate::history::changelog::weight::{Weight, bare_words as bare};
use crate::history::changelog::{Changelog, normalize};

/// The weight of every entry of the file, by its normalised text.
pub(super) fn weights(log: &Changelog, config: &Config) -> HashMap<String, Weight> {
    let unreleased = log.unreleased_entries().into_iter();
    let released = log.release_entries().into_iter().flat_map(|(_, e)| e);
    unreleased
        .chain(released)
        .map(|e| {
            let w = Weight::of_listed(&e.text, &e.section, config);
            (normalize(&e.text), w)
        })
        .collect()
}

/// The commit entries Unreleased's hand-written entries (those no commit words) reword, by
/// normalised text: each hand entry rewords the longest commit entry its text starts with,
/// under its kind of heading (`fix b (#7)` is `fix b`'s, not `fix`'s). `standing`: the
/// section and normalised text of every commit's entry.
pub(super) fn hand_entries(log: &Changelog, standing: &HashSet<(String, String)>) -> Vec<String> {
    use crate::history::changelog::{rewords, vocab::same_section};
    let words: HashSet<&str> = standing.iter().map(|(_, t)| t.as_str()).collect();
    log.unreleased_entries()
        .into_iter()
        .map(|e| (e.section, normalize(&e.text)))
        .filter(|(_, t)| !words.contains(t.as_str()))
        .filter_map(|(section, text)| {
            standing
                .iter()
                .filter(|(s, own)| same_section(s, &section) && rewords(&text, own))
                .max_by_key(|(_, own)| own.len())
                .map(|(_, own)| own.clone())
        })
        .collect()
}

/// Whether a hand-written entry rewords `own` (see [`hand_entries`]): the commit's entry,
/// normalised, polished before it was committed (an entry `--sync` wrote, or one written for a commit
/// made with the hooks off), which a later sync or release must not add again. Each stands
/// for one commit.
pub(super) fn reworded_by_hand(hand: &mut Vec<String>, own: &str) -> bool {
    let found = hand.iter().position(|h| h == own);
    found.map(|i| hand.remove(i)).is_some()
}

/// Whether the entries a commit added (`texts`, normalised; none that replaces an entry it
/// took out: see `changelog::replaced`) stand for `entry`, the one its
/// message calls for: it is among them, or one weighs as much. One no longer in the file
/// (reworded or moved by hand since) stands for it: hand edits win.
pub(super) fn accounts_for(
    texts: &HashSet<String>,
    entry: &NewEntry,
    weights: &HashMap<String, Weight>,
    config: &Config,
) -> bool {
    let own = normalize(&entry.text);
    let needed = Weight::of(entry.breaking, &entry.section, config);
    texts
        .iter()
        .any(|t| *t == own || weights.get(t).is_none_or(|w| *w >= needed))
}

/// Unreleased's entries, read once for every commit's lookup: the headings each text is
/// written under, and by their words, marks aside ([`bare`]), normalised only when a commit's
/// entry is not written as it is (most are: relhook wrote them).
pub(super) struct Listed {
    written: HashMap<String, Vec<String>>,
    entries: Vec<crate::history::changelog::Entry>,
    by_words: std::cell::OnceCell<HashMap<String, Vec<crate::history::changelog::Entry>>>,
}

impl Listed {
    pub(super) fn of(log: &Changelog) -> Listed {
        let entries = log.unreleased_entries();
        let mut written = HashMap::<String, Vec<String>>::new();
        for e in &entries {
            written
                .entry(e.text.clone())
                .or_default()
                .push(e.section.clone());
        }
        Listed {
            written,
            entries,
            by_words: std::cell::OnceCell::new(),
        }
    }

    /// Whether Unreleased lists `entry` in its words under its own kind of heading.
    fn as_written(&self, entry: &NewEntry) -> bool {
        use crate::history::changelog::vocab::same_section;
        (self.written.get(&entry.text))
            .is_some_and(|s| s.iter().any(|s| same_section(s, &entry.section)))
    }

    fn by_words(&self) -> &HashMap<String, Vec<crate::history::changelog::Entry>> {
        self.by_words.get_or_init(|| {
            let mut by = HashMap::<String, Vec<_>>::new();
            for e in &self.entries {
                by.entry(bare(&e.text)).or_default().push(e.clone());
            }
            by
        })
    }
}

/// For commit `id`'s entry `entry` (with its normalised text), which Unreleased does not list as worded under its own
/// kind of heading: the one entry Unreleased lists in its words (marks aside) otherwise, when
/// the commit itself added it there (relhook wrote it for the commit's earlier type, and a
/// rebase's reword or a pick's `-e` left it so: `fix: y` made `feat!: y`). `None` when it was
/// moved by hand since, or when another commit's entry (`others`) reads and stands the same.
pub(super) fn misplaced(
    (repo, path): (&crate::git::Repo, &std::path::Path),
    id: git2::Oid,
    listed: &Listed,
    (entry, key): (&NewEntry, &str),
    others: &[(git2::Oid, NewEntry)],
) -> Option<NewEntry> {
    use crate::history::changelog::vocab::same_section;
    // Listed as written, under its kind of heading: in place (as `exact` below finds it).
    if listed.as_written(entry) {
        return None;
    }
    let alike = listed.by_words().get(&bare(&entry.text))?;
    // The same text needs no normalising to read the same (the usual case: relhook wrote it).
    // Or written without its scope, as a file that names none writes it (QA281).
    let unscoped = crate::history::changelog::scoped(&entry.text)
        .map(|_| normalize(&crate::history::changelog::ScopeStyle::Bare.apply(&entry.text)));
    let exact = |e: &crate::history::changelog::Entry| {
        e.text == entry.text
            || normalize(&e.text) == key
            || unscoped.as_ref().is_some_and(|k| {
                crate::history::changelog::scoped(&e.text).is_none() && normalize(&e.text) == *k
            })
    };
    if alike
        .iter()
        .any(|e| exact(e) && same_section(&e.section, &entry.section))
    {
        return None;
    }
    let [listed] = alike.as_slice() else {
        return None;
    };
    let listed_key = normalize(&listed.text);
    if others.iter().any(|(o, e)| {
        *o != id && normalize(&e.text) == listed_key && same_section(&e.section, &listed.section)
    }) {
        return None;
    }
    if !super::added_by(repo, id, path).contains(&listed_key) {
        return None;
    }
    // Under the heading the commit gave it: else a person moved it since.
    let own = repo.file_at(id, path).ok()??;
    let own = Changelog::parse(std::str::from_utf8(&own.bytes).ok()?).ok()?;
    let there = own
        .unreleased_entries()
        .into_iter()
        .find(|e| normalize(&e.text) == listed_key)?;
    same_section(&there.section, &listed.section).then(|| NewEntry {
        breaking: crate::history::changelog::weight::is_breaking(&listed.text),
        section: listed.section.clone(),
        text: listed.text.clone(),
    })
}

/// What `--sync` did with the entry `old` it moved to `new` (`marker`: the file's bullet).
pub fn moved_said(marker: char, old: &NewEntry, new: &NewEntry) -> String {
    let (m, line) = (marker, crate::history::changelog::one_line);
    match old.text == new.text {
        true => format!(
            "moved `{m} {}` from {} to {}, where the commit's message puts it (its entry was left under its old type's heading)",
            line(&old.text),
            old.section,
            new.section
        ),
        false => format!(
            "replaced `{m} {}` under {} with `{m} {}` under {}, as the commit's message has it now ({})",
            line(&old.text),
            old.section,
            line(&new.text),
            new.section,
            left_as(old, new)
        ),
    }
}

/// Why the entry a sync replaces (`old`, with `new`: same words, other marks) was left so,
/// by what the commit's message changed: its scope, its breaking mark, or its type.
fn left_as(old: &NewEntry, new: &NewEntry) -> String {
    use crate::history::changelog::vocab::same_section;
    let breaking = crate::history::changelog::weight::is_breaking;
    // In any tool's style: the file's entry may be written as commitizen writes it.
    let scope = |t: &str| crate::history::changelog::scoped(t).map(|(s, _)| s.to_owned());
    let marked = breaking(&old.text) != breaking(&new.text);
    // A breaking change's own heading (`BREAKING CHANGES`) is the same kind as `Changed`.
    let scoped = scope(&old.text) != scope(&new.text);
    let olds = match (same_section(&old.section, &new.section), scoped) {
        (false, true) => Some("type and scope"),
        (false, false) => Some("type"),
        (true, true) => Some("scope"),
        (true, false) => None,
    };
    let mark = marked.then(|| match breaking(&new.text) {
        true => "without the breaking mark its message now has",
        false => "with the breaking mark its message no longer has",
    });
    match (olds, mark) {
        (Some(o), Some(m)) => format!("its entry was left as its old {o} had it, and {m}"),
        (Some(o), None) => format!("its entry was left as its old {o} had it"),
        (None, Some(m)) => format!("its entry was left {m}"),
        (None, None) => "its entry was left as its old message had it".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(section: &str, text: &str) -> NewEntry {
        NewEntry {
            section: section.into(),
            text: text.into(),
            breaking: text.starts_with("**BREAKING**"),
        }
    }

    #[test]
    fn a_replaced_entry_is_said_by_what_its_message_changed() {
        let said = |old: (&str, &str), new: (&str, &str)| {
            left_as(&entry(old.0, old.1), &entry(new.0, new.1))
        };
        assert_eq!(
            said(("Fixed", "**a:** d"), ("Fixed", "**b:** d")),
            "its entry was left as its old scope had it"
        );
        assert_eq!(
            said(("Added", "d"), ("Added", "**BREAKING** d")),
            "its entry was left without the breaking mark its message now has"
        );
        assert_eq!(
            said(("Fixed", "**a:** d"), ("Added", "d")),
            "its entry was left as its old type and scope had it"
        );
        assert_eq!(
            said(("Added", "**BREAKING** **a:** d"), ("Added", "d")),
            "its entry was left as its old scope had it, and with the breaking mark its message no longer has"
        );
        assert_eq!(
            said(("Fixed", "d"), ("Added", "**BREAKING** d")),
            "its entry was left as its old type had it, and without the breaking mark its message now has"
        );
    }
}
