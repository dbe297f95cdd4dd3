//! A side that only took entries out of Unreleased (`git revert` of an unreleased change: its
//! "theirs" is the reverted commit's parent) against a side that reworded one of them by hand.
//! A line merge conflicts on the reworded lines; the entry is the reverted change's all the
//! same, paired with its rewording as `--sync` pairs them (the hand text begins with the
//! entry's words, under its kind of heading), so it goes. A rewording that cannot be paired
//! is named for the person to take out.

use std::collections::HashSet;

use super::merge::only_adds_entries;
use super::{Changelog, Entry, normalize, rewords, vocab::same_section};

/// `kept`'s file without the entries the other side took out, and what that took.
#[derive(Debug, Clone)]
pub struct TakenOut {
    /// `kept`'s text with the entries taken out (the ones it listed as written, and the
    /// rewordings paired with the others).
    pub text: String,
    /// Each entry the other side took out that `kept` listed only reworded, with the rewording
    /// that went in its place.
    pub reworded: Vec<(Entry, Entry)>,
    /// The entries the other side took out that `kept` lists in no recognisable wording:
    /// left as `kept` has them, for the person to take out.
    pub unpaired: Vec<Entry>,
}

/// When `other` differs from `base` only by entries it took out of Unreleased, and `kept`
/// lists at least one of them no longer as written: `kept` with them taken out (see the
/// module). `None` for any other pair of sides.
pub fn take_out_reworded(
    base: &Changelog,
    kept: &Changelog,
    other: &Changelog,
) -> Option<TakenOut> {
    let (b_pre, b_un, b_post) = base.split_around_unreleased();
    let (o_pre, o_un, o_post) = other.split_around_unreleased();
    if o_pre != b_pre || o_post != b_post || !only_adds_entries(&o_un, &b_un) {
        return None;
    }
    let key = |e: &Entry| normalize(&e.text);
    let left: HashSet<String> = other.unreleased_entries().iter().map(key).collect();
    let before: HashSet<String> = base.unreleased_entries().iter().map(key).collect();
    let listed = kept.unreleased_entries();
    let released = kept.released_texts();
    let mut out = kept.clone();
    let (mut reworded, mut unpaired) = (Vec::new(), Vec::new());
    for gone in base
        .unreleased_entries()
        .into_iter()
        .filter(|e| !left.contains(&key(e)))
    {
        let own = key(&gone);
        if let Some(e) = listed.iter().find(|e| key(e) == own) {
            out.remove_entry(&e.section, &e.text);
            continue;
        }
        if released.contains(&own) {
            continue;
        }
        // The hand text that begins with the entry's words, new since the base.
        let hand = listed.iter().find(|e| {
            let k = key(e);
            same_section(&e.section, &gone.section) && !before.contains(&k) && rewords(&k, &own)
        });
        match hand {
            Some(h) if out.remove_entry(&h.section, &h.text) => reworded.push((gone, h.clone())),
            _ => unpaired.push(gone),
        }
    }
    if reworded.is_empty() && unpaired.is_empty() {
        return None;
    }
    Some(TakenOut {
        text: out.render(),
        reworded,
        unpaired,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn log(unreleased: &str) -> Changelog {
        Changelog::parse(&format!(
            "# C\n\n## [Unreleased]\n\n{unreleased}## [1.0.0] - 2026-01-01\n\n- a\n"
        ))
        .expect("parses")
    }

    const BASE: &str = "### Added\n\n- first\n- add search\n\n";
    const REVERTED: &str = "### Added\n\n- first\n\n";

    #[test]
    fn a_rewording_of_an_entry_the_other_side_took_out_goes_with_it() {
        let ours =
            log("### Added\n\n- first\n- add search across projects\n\n### Fixed\n\n- x\n\n");
        let out = take_out_reworded(&log(BASE), &ours, &log(REVERTED)).expect("taken out");
        assert_eq!(
            out.text,
            log("### Added\n\n- first\n\n### Fixed\n\n- x\n\n").render()
        );
        assert_eq!(out.reworded.len(), 1);
        assert_eq!(out.reworded[0].1.text, "add search across projects");
        assert!(out.unpaired.is_empty());
    }

    #[test]
    fn a_rewording_it_cannot_pair_is_left_and_named() {
        let ours = log("### Added\n\n- first\n- full-text search\n\n");
        let out = take_out_reworded(&log(BASE), &ours, &log(REVERTED)).expect("taken out");
        assert_eq!(out.text, ours.render());
        assert_eq!(out.unpaired.len(), 1);
        assert_eq!(out.unpaired[0].text, "add search");
    }

    #[test]
    fn a_side_that_did_more_than_take_out_is_not_for_it() {
        let theirs = log("### Added\n\n- first\n- other\n\n");
        let ours = log("### Added\n\n- first\n- add search across projects\n\n");
        assert!(take_out_reworded(&log(BASE), &ours, &theirs).is_none());
        // Nothing reworded: the merge itself takes the entry out.
        assert!(take_out_reworded(&log(BASE), &log(BASE), &log(REVERTED)).is_none());
    }
}
