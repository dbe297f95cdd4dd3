//! post-commit's edit made to a copy of the changelog that has edits of its own (the work
//! tree's unstaged ones, or a staged version the commit left out): those edits are kept. An
//! edit that moves the commit's entry to another heading (an amend that changed its type)
//! finds it gone from such a copy when the person took it out or reworded it there: moved
//! as the commit has it, it would come back. A deletion stays deleted; a copy where relhook
//! cannot tell a deletion from a rewording is left as it is, and said, rather than guessed at.

use std::path::Path;

use super::op::{Op, in_section};
use crate::history::changelog::entry::NewEntry;
use crate::history::changelog::{Changelog, normalize, one_line, vocab::same_section};

/// What becomes of the copy.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Carried {
    /// The copy's new text.
    Text(String),
    /// The copy is left as it is, and the line that says why.
    Left(String),
}

/// `op` made to `copy`, whose edits of its own against `committed` (the file as HEAD has it
/// before the edit) are kept; `whose`: the copy and the command that shows its edits, for
/// the line ([`whose`]).
pub(super) fn carry(
    op: &Op,
    committed: &Changelog,
    mut copy: Changelog,
    (whose, diff): (&str, &str),
) -> Carried {
    let Some((old, new)) = moved(op) else {
        op.apply(&mut copy);
        return Carried::Text(copy.render());
    };
    if in_section(&copy, old) {
        op.apply(&mut copy);
        return Carried::Text(copy.render());
    }
    // Entries the copy lists and the commit does not: under the entry's heading, one may be
    // the entry reworded, which the move would leave behind under the old type's heading.
    let listed: Vec<String> = committed
        .unreleased_entries()
        .iter()
        .map(|e| normalize(&e.text))
        .collect();
    let written = copy
        .unreleased_entries()
        .into_iter()
        .any(|e| same_section(&e.section, &old.section) && !listed.contains(&normalize(&e.text)));
    if written {
        let m = copy.marker();
        return Carried::Left(format!(
            "{whose} has uncommitted edits under {} where `{m} {}` was, which the commit now lists under {}; left as it was, so as not to lose them (`{diff}` shows them against the commit)",
            old.section,
            one_line(&old.text),
            new.section,
        ));
    }
    // Taken out by hand: it stays out, and the rest of the edit is made.
    if let Some(rest) = without_move(op) {
        rest.apply(&mut copy);
    }
    Carried::Text(copy.render())
}

/// The entry `op` moves to another heading, and what it becomes. A rewording under the same
/// heading finds no entry to edit in a copy that took it out or reworded it, and adds none.
fn moved(op: &Op) -> Option<(&NewEntry, &NewEntry)> {
    match op {
        Op::Replace(old, new) if old.section == new.section && old.breaking == new.breaking => None,
        Op::Replace(old, new) | Op::Move(old, new) => Some((old, new)),
        Op::Reweigh(Some(own), ..) => moved(own),
        _ => None,
    }
}

/// `op` without its move of the entry ([`moved`]): `None` when that is all it does.
fn without_move(op: &Op) -> Option<Op> {
    match op {
        Op::Replace(..) | Op::Move(..) => None,
        Op::Reweigh(_, gone, back, unsure, entry) => Some(Op::Reweigh(
            None,
            gone.clone(),
            back.clone(),
            unsure.clone(),
            *entry,
        )),
        other => Some(other.clone()),
    }
}

/// A copy of `path` as [`carry`] names it (`staged`: the index's version, else the work
/// tree's), and the command that shows its edits against the commit.
pub(super) fn whose(path: &Path, staged: bool) -> (String, String) {
    let (which, diff) = match staged {
        true => ("staged version", "git diff --cached"),
        false => ("copy", "git diff HEAD"),
    };
    let top = crate::shellword::from_top(path);
    (
        format!("your {which} of {}", path.display()),
        format!("{diff} -- {top}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(section: &str, text: &str) -> NewEntry {
        NewEntry {
            section: section.into(),
            text: text.into(),
            breaking: false,
        }
    }

    fn log(text: &str) -> Changelog {
        Changelog::parse(text).unwrap()
    }

    const COMMITTED: &str =
        "## [Unreleased]\n\n### Added\n\n- one\n\n### Fixed\n\n- four\n- five\n";

    fn carried(op: &Op, copy: &str) -> Carried {
        let (whose, diff) = whose(Path::new("CHANGELOG.md"), false);
        carry(op, &log(COMMITTED), log(copy), (&whose, &diff))
    }

    #[test]
    fn a_move_keeps_an_entry_deleted_by_hand_out() {
        let copy = "## [Unreleased]\n\n### Added\n\n- one\n\n### Fixed\n\n- five\n";
        for op in [
            Op::Move(e("Fixed", "four"), e("Added", "four")),
            Op::Replace(e("Fixed", "four"), e("Added", "four again")),
        ] {
            assert_eq!(carried(&op, copy), Carried::Text(copy.into()), "{op:?}");
        }
    }

    #[test]
    fn a_move_carries_the_rest_of_the_copy_along() {
        let copy = "## [Unreleased]\n\n### Added\n\n- one\n- hand\n\n### Fixed\n\n- four\n- five\n";
        let op = Op::Move(e("Fixed", "four"), e("Added", "four"));
        assert_eq!(
            carried(&op, copy),
            Carried::Text(
                "## [Unreleased]\n\n### Added\n\n- one\n- hand\n- four\n\n### Fixed\n\n- five\n"
                    .into()
            )
        );
    }

    #[test]
    fn a_rewording_under_the_old_heading_leaves_the_copy_as_it_is() {
        let copy =
            "## [Unreleased]\n\n### Added\n\n- one\n\n### Fixed\n\n- four, by hand\n- five\n";
        let op = Op::Move(e("Fixed", "four"), e("Added", "four"));
        let Carried::Left(said) = carried(&op, copy) else {
            panic!("not left");
        };
        assert!(
            said.contains("your copy of CHANGELOG.md has uncommitted edits under Fixed where `- four` was, which the commit now lists under Added; left as it was, so as not to lose them (`git diff HEAD -- :/CHANGELOG.md` shows them"),
            "{said}"
        );
    }

    #[test]
    fn a_rewording_under_the_same_heading_keeps_the_copy_s_own() {
        let copy =
            "## [Unreleased]\n\n### Added\n\n- one\n\n### Fixed\n\n- four, by hand\n- five\n";
        let op = Op::Replace(e("Fixed", "four"), e("Fixed", "four again"));
        assert_eq!(carried(&op, copy), Carried::Text(copy.into()));
    }

    #[test]
    fn a_reweigh_without_its_entry_still_takes_the_squashed_ones_out() {
        let copy = "## [Unreleased]\n\n### Added\n\n- one\n\n### Fixed\n\n- five\n";
        let op = Op::Reweigh(
            Some(Box::new(Op::Move(e("Fixed", "four"), e("Added", "four")))),
            vec![e("Added", "one")],
            Vec::new(),
            Vec::new(),
            true,
        );
        assert_eq!(
            carried(&op, copy),
            Carried::Text("## [Unreleased]\n\n### Fixed\n\n- five\n".into())
        );
    }
}
