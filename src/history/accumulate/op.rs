//! One edit of a changelog's Unreleased section, and the choice of it (an amend replaces the
//! entry its previous version wrote, unless a person has edited it since).

use crate::history::changelog::entry::NewEntry;
use crate::history::changelog::{Changelog, one_line};

/// One edit of Unreleased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Op {
    Add(NewEntry),
    Replace(NewEntry, NewEntry),
    Remove(NewEntry),
    /// The entry taken out of a changelog whose package no longer has the commit's files (an
    /// amend moved them), with the line that says where they and the entry went.
    Leave(NewEntry, String),
    /// The entry of a change that the commit reverts before any release.
    Cancel(NewEntry),
    /// Entries a merge's parents had unreleased that its conflict's resolution dropped.
    Restore(Vec<NewEntry>),
    /// The commit's entry in place of the entries of the commits it squashes, and the ones
    /// of them it keeps (they weigh more than its own: `**BREAKING**`, or a feature's).
    Squash(NewEntry, Vec<NewEntry>, Vec<NewEntry>),
    /// An amended squash's edit of its own entry (if any), with the squashed entries its new
    /// header now stands for (taken out), those it no longer stands for (put back), those it
    /// may stand for that relhook cannot tell are squashed ones (left in, and said), and
    /// whether its message still calls for an entry.
    Reweigh(
        Option<Box<Op>>,
        Vec<NewEntry>,
        Vec<NewEntry>,
        Vec<NewEntry>,
        bool,
    ),
    /// The entries of a merged branch whose released revert the commit reverts.
    Reapply(Vec<NewEntry>),
    /// The entries of a merged branch that the commit reverts before any release, which
    /// git's revert did not take out (see `unmerged`).
    Unmerge(Vec<NewEntry>),
    /// The generated entry taken out: an amend added one written by hand that stands for the
    /// commit (see `own_entry`).
    StandIn(NewEntry, NewEntry),
    /// The commit's entry, added beside the entry written by hand that no longer stands for
    /// it (an amend made its message weigh more: see `hand_edited`).
    Beside(NewEntry, NewEntry),
    /// The commit's entry, worded as its message has it, moved from another kind's heading
    /// (the same change committed again under another type: see [`misplaced`]).
    Move(NewEntry, NewEntry),
    /// The entry of a change the commit reverts before any release, put back after git's
    /// revert of the file took it out: another unreleased commit (the id) carries it too.
    Keep(NewEntry, git2::Oid),
    /// The text git's revert left below where the reverted entry's bullet was, now read as
    /// the entry above's (its text): those lines go (see `orphans`).
    Orphans(NewEntry, String, Vec<String>),
    /// Two edits of one commit, in order: an amend that made it a revert of an unreleased
    /// change takes out the reverted entry and the one its old message wrote.
    Both(Box<Op>, Box<Op>),
}

impl Op {
    pub(super) fn apply(&self, log: &mut Changelog) {
        match self {
            // Idempotent: a copy that already has the entry (a concurrent sync) keeps one.
            Op::Add(e) | Op::Beside(e, _) if in_section(log, e) => {}
            Op::Add(e) | Op::Beside(e, _) => {
                log.ensure_unreleased();
                log.add_entry(&e.section, &e.text, e.breaking);
            }
            // In its place, unless its sub-section lists entries by scope and its scope changed.
            Op::Replace(old, new)
                if old.section == new.section
                    && old.breaking == new.breaking
                    && !log.reword_moves(&new.section, &old.text, &new.text, new.breaking) =>
            {
                log.replace_entry(&old.section, &old.text, &new.text);
            }
            // The lines continuing the entry go where it goes.
            Op::Replace(old, new) | Op::Move(old, new) => {
                let (from, to) = ((&*old.section, &*old.text), (&*new.section, &*new.text));
                if !log.move_entry(from, to, new.breaking) {
                    log.add_entry(&new.section, &new.text, new.breaking);
                }
            }
            Op::Remove(old) | Op::Leave(old, _) | Op::Cancel(old) | Op::StandIn(old, _) => {
                log.remove_entry(&old.section, &old.text);
            }
            Op::Unmerge(entries) => {
                for e in entries {
                    log.remove_entry(&e.section, &e.text);
                }
            }
            Op::Squash(new, parts, _) => {
                for p in parts {
                    log.remove_entry(&p.section, &p.text);
                }
                Op::Add(new.clone()).apply(log);
            }
            Op::Reweigh(own, gone, back, _, _) => {
                if let Some(own) = own {
                    own.apply(log);
                }
                for e in gone {
                    log.remove_entry(&e.section, &e.text);
                }
                Op::Restore(back.clone()).apply(log);
            }
            Op::Keep(e, _) => Op::Restore(vec![e.clone()]).apply(log),
            Op::Orphans(e, above, lines) => {
                log.drop_orphaned(&e.section, above, lines);
            }
            Op::Both(first, then) => {
                first.apply(log);
                then.apply(log);
            }
            Op::Restore(entries) | Op::Reapply(entries) => {
                for e in entries {
                    if !in_unreleased(log, e) {
                        log.ensure_unreleased();
                        log.add_entry(&e.section, &e.text, e.breaking);
                    }
                }
            }
        }
    }

    /// The op with each entry under the name `log` gives its kind of change (`Bug Fixes` for
    /// `Fixed` in a file conventional-changelog wrote), its scope as the file writes scopes
    /// (`**api**: x` in commitizen's): what it writes, and says it wrote.
    pub(super) fn named_in(self, log: &Changelog) -> Op {
        let style = log.entry_style();
        let n = |mut e: NewEntry| {
            e.section = log.section_name(&e.section, e.breaking);
            e.text = style.apply(&e.text);
            e
        };
        let all = |v: Vec<NewEntry>| v.into_iter().map(n).collect::<Vec<_>>();
        match self {
            Op::Add(e) => Op::Add(n(e)),
            Op::Replace(old, new) => Op::Replace(n(old), n(new)),
            Op::Remove(e) => Op::Remove(n(e)),
            Op::Leave(e, why) => Op::Leave(n(e), why),
            Op::Cancel(e) => Op::Cancel(n(e)),
            Op::Restore(v) => Op::Restore(all(v)),
            Op::Squash(new, parts, kept) => Op::Squash(n(new), all(parts), all(kept)),
            Op::Reweigh(own, gone, back, unsure, entry) => Op::Reweigh(
                own.map(|o| Box::new(o.named_in(log))),
                all(gone),
                all(back),
                all(unsure),
                entry,
            ),
            Op::Reapply(v) => Op::Reapply(all(v)),
            Op::Unmerge(v) => Op::Unmerge(all(v)),
            Op::StandIn(generated, hand) => Op::StandIn(n(generated), hand),
            Op::Move(old, new) => Op::Move(n(old), n(new)),
            Op::Beside(new, hand) => Op::Beside(n(new), hand),
            Op::Keep(e, twin) => Op::Keep(n(e), twin),
            // Found in this file as it is written: nothing to rename.
            orphans @ Op::Orphans(..) => orphans,
            Op::Both(a, b) => Op::Both(Box::new(a.named_in(log)), Box::new(b.named_in(log))),
        }
    }

    /// What was done, in one line (an entry's first line stands for it).
    pub(super) fn describe(&self, marker: char) -> String {
        let line = crate::history::changelog::one_line;
        match self {
            Op::Add(e) => format!("added `{marker} {}` under {}", line(&e.text), e.section),
            Op::Replace(_, e) => format!(
                "replaced the entry of the commit's old message with `{marker} {}` under {}",
                line(&e.text),
                e.section
            ),
            Op::Remove(e) => format!(
                "removed `{marker} {}`: the commit's new message no longer calls for it",
                line(&e.text)
            ),
            Op::Leave(e, why) => format!("removed `{marker} {}`: {why}", line(&e.text)),
            Op::Cancel(e) => format!(
                "removed `{marker} {}`: this commit reverts it before any release, so neither ships",
                line(&e.text)
            ),
            Op::Keep(e, twin) => format!(
                "put back `{marker} {}` under {}, which git's revert took out: {}",
                line(&e.text),
                e.section,
                super::twin::why(*twin)
            ),
            Op::Orphans(e, above, _) => super::orphans::describe(e, above, marker),
            Op::Both(a, b) => format!("{}; {}", a.describe(marker), b.describe(marker)),
            Op::Beside(new, hand) => format!(
                "added `{marker} {}` under {} beside `{marker} {}` (under {}), written by hand, which no longer stands for the commit: its new message weighs more; take that one out by hand if it should go",
                line(&new.text),
                new.section,
                line(&hand.text),
                hand.section
            ),
            Op::Move(old, new) => format!(
                "moved `{marker} {}` from {} to {}, where the commit's message puts it",
                line(&new.text),
                old.section,
                new.section
            ),
            Op::StandIn(generated, hand) => format!(
                "took out `{marker} {}`: the entry written by hand, `{marker} {}`, stands for the commit",
                line(&generated.text),
                line(&hand.text)
            ),
            Op::Squash(new, parts, kept) => {
                let own = format!("`{marker} {}` under {}", new.text, new.section);
                let mut said = match parts.first() {
                    Some(first) => format!(
                        "replaced the {} of the commits it squashes ({}`{marker} {}`), which are not in this branch's history, with its own {own}",
                        plural(parts.len(), "entry", "entries"),
                        if parts.len() > 1 { "first: " } else { "" },
                        first.text,
                    ),
                    None => format!("added {own}"),
                };
                if !kept.is_empty() {
                    said.push_str(&format!(
                        "; {}",
                        super::squash::kept_beside(kept, marker, "")
                    ));
                }
                said
            }
            Op::Reweigh(own, gone, back, unsure, entry) => {
                let mut said = vec![own.as_ref().map_or_else(
                    || "left the commit's own entry as it was".to_owned(),
                    |op| op.describe(marker),
                )];
                if !gone.is_empty() {
                    said.push(format!(
                        "took out {}: its new header stands for {}",
                        super::squash::of_the_squashed(gone, marker),
                        if gone.len() > 1 { "them" } else { "it" },
                    ));
                }
                if !back.is_empty() && *entry {
                    said.push(super::squash::kept_beside(back, marker, " again"));
                } else if !back.is_empty() {
                    said.push(format!(
                        "put back {}: its message no longer calls for an entry that stands for {}",
                        super::squash::of_the_squashed(back, marker),
                        if back.len() > 1 { "them" } else { "it" },
                    ));
                }
                if let Some(first) = unsure.first() {
                    said.push(format!(
                        "kept {}`{marker} {}`: no commit on a branch wrote {}, so relhook cannot tell its new header stands for {} (was the squashed branch deleted?); if it does, take {} out and `git commit --amend`",
                        match unsure.len() {
                            1 => String::new(),
                            n => format!("{n} entries, first: "),
                        },
                        one_line(&first.text),
                        if unsure.len() > 1 { "them" } else { "it" },
                        if unsure.len() > 1 { "them" } else { "it" },
                        if unsure.len() > 1 { "them" } else { "it" },
                    ));
                }
                said.join("; ")
            }
            Op::Reapply(entries) => format!(
                "added `{marker} {}` under {}{}: this commit reapplies a merged branch whose revert was released",
                entries.first().map_or("", |e| e.text.as_str()),
                entries.first().map_or("", |e| e.section.as_str()),
                match entries.len() {
                    0 | 1 => String::new(),
                    n => format!(" (and {} more)", plural(n - 1, "entry", "entries")),
                }
            ),
            Op::Unmerge(entries) => format!(
                "removed `{marker} {}`{}: this commit reverts the merge that brought {} before any release, so {} not ship",
                entries.first().map_or("", |e| e.text.as_str()),
                match entries.len() {
                    0 | 1 => String::new(),
                    n => format!(" (and {} more)", plural(n - 1, "entry", "entries")),
                },
                if entries.len() > 1 { "them" } else { "it" },
                if entries.len() > 1 {
                    "they do"
                } else {
                    "it does"
                },
            ),
            Op::Restore(entries) => {
                let (n, them) = (
                    entries.len(),
                    if entries.len() == 1 { "it" } else { "them" },
                );
                format!(
                    "put back {} a parent had unreleased and the conflict's resolution dropped ({}`{marker} {}`); if that was on purpose, take {them} out again and `git commit --amend`",
                    plural(n, "entry", "entries"),
                    if n > 1 { "first: " } else { "" },
                    entries.first().map_or("", |e| e.text.as_str()),
                )
            }
        }
    }
}

/// `n` and the noun, singular or plural.
pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Whether an entry with this text is anywhere in the file (released sections included).
fn present(log: &Changelog, text: &str) -> bool {
    log.contains_entry(text, false)
}

pub(super) fn in_unreleased(log: &Changelog, e: &NewEntry) -> bool {
    log.contains_entry(&e.text, true)
}

/// Whether Unreleased lists `e` under its own kind's heading (not only worded alike elsewhere).
pub(super) fn in_section(log: &Changelog, e: &NewEntry) -> bool {
    use crate::history::changelog::{normalize, vocab::same_section};
    let key = normalize(&e.text);
    in_unreleased(log, e)
        && log
            .unreleased_entries()
            .iter()
            .any(|x| normalize(&x.text) == key && same_section(&x.section, &e.section))
}

/// Whether Unreleased lists `new` word for word, but only under headings that weigh less than
/// its own (a `fix` worded as this `feat`): that entry does not stand for it.
pub(super) fn lighter_only(
    log: &Changelog,
    new: &NewEntry,
    config: &crate::config::Config,
) -> bool {
    use crate::history::changelog::normalize;
    use crate::history::changelog::weight::Weight;
    let key = normalize(&new.text);
    let needed = Weight::of(new.breaking, &new.section, config);
    let alike: Vec<_> = log
        .unreleased_entries()
        .into_iter()
        .filter(|e| normalize(&e.text) == key)
        .collect();
    !alike.is_empty()
        && alike
            .iter()
            .all(|e| Weight::of_listed(&e.text, &e.section, config) < needed)
}

/// A revert of `reverted`'s change: `Some` when it decides the edit. A change still in
/// Unreleased never shipped, so its entry goes and the revert gets none (as a release would
/// cancel the pair); one listed nowhere (the revert's own diff took the entry out) is left so,
/// unless it was released before relhook adopted the clone (`unlisted`, the caller's check).
/// A released change's revert is an entry of its own (`None`: the usual choice). `unshipped`:
/// the revert names a commit no release has, whose words a release lists for another change.
pub(super) fn decide_revert(
    log: &Changelog,
    reverted: &NewEntry,
    unshipped: bool,
) -> Option<Option<Op>> {
    if in_unreleased(log, reverted) {
        Some(Some(Op::Cancel(reverted.clone())))
    } else if unshipped || !present(log, &reverted.text) {
        Some(None)
    } else {
        None
    }
}

/// The entry Unreleased lists under `e`'s kind of heading that rewords it by hand (see
/// [`crate::history::changelog::rewords`]), among those no commit's message words (`made`).
pub(super) fn reworded(
    log: &Changelog,
    e: &NewEntry,
    made: &std::collections::HashSet<String>,
) -> Option<NewEntry> {
    use crate::history::changelog::{normalize, rewords, vocab::same_section};
    let own = normalize(&e.text);
    log.unreleased_entries()
        .into_iter()
        .filter(|x| !made.contains(&normalize(&x.text)))
        .find(|x| same_section(&x.section, &e.section) && rewords(&normalize(&x.text), &own))
        .map(|x| NewEntry {
            breaking: x.text.starts_with("**BREAKING**"),
            section: x.section,
            text: x.text,
        })
}

/// For a plain commit whose entry `new` Unreleased lists word for word under a lighter kind's
/// heading, an entry the commit itself brought (`brought`: the texts it added, normalised):
/// the move to the heading its message calls for. Words alike make it the entry relhook
/// wrote for the same change under another type (committed again after a reset), not a
/// person's choice of heading.
pub(super) fn misplaced(
    log: &Changelog,
    new: &NewEntry,
    brought: &std::collections::HashSet<String>,
    config: &crate::config::Config,
) -> Option<Op> {
    use crate::history::changelog::weight::Weight;
    use crate::history::changelog::{normalize, vocab::same_section};
    let key = normalize(&new.text);
    if !brought.contains(&key) {
        return None;
    }
    let found = log
        .unreleased_entries()
        .into_iter()
        .find(|e| normalize(&e.text) == key)?;
    let to = log.section_name(&new.section, new.breaking);
    // Under a heading that weighs as much, it stands where it is (a hand entry may weigh more).
    let lighter = Weight::of_listed(&found.text, &found.section, config)
        < Weight::of(new.breaking, &new.section, config);
    if same_section(&found.section, &to) || !lighter {
        return None;
    }
    let old = NewEntry {
        breaking: new.breaking,
        section: found.section,
        text: found.text,
    };
    Some(Op::Move(old, new.clone()))
}

/// What to do. An amend replaces the entry its previous version wrote, unless a person has
/// edited that entry since (then their text wins and nothing is added).
pub(super) fn decide(
    log: &Changelog,
    old: Option<&NewEntry>,
    new: Option<&NewEntry>,
    old_changed_file: bool,
) -> Option<Op> {
    match (old, new) {
        (Some(o), Some(n)) if o == n => {
            (!present(log, &n.text) && !old_changed_file).then(|| Op::Add(n.clone()))
        }
        // Moved by hand to another heading (`### Security`): a hand edit, which wins (the
        // notice names it); replaced or removed under its own heading, it was not there.
        (Some(o), _) if in_unreleased(log, o) && !in_section(log, o) => None,
        // Worded alike, under another type's heading: a move (the same words committed again).
        (Some(o), Some(n))
            if in_unreleased(log, o) && o.text == n.text && o.section != n.section =>
        {
            Some(Op::Move(o.clone(), n.clone()))
        }
        (Some(o), Some(n)) if in_unreleased(log, o) => Some(Op::Replace(o.clone(), n.clone())),
        (Some(o), None) if in_unreleased(log, o) => Some(Op::Remove(o.clone())),
        (Some(_), _) if old_changed_file => None,
        // A new commit worded as a released one ("fix: typo" again) is a new change: only
        // Unreleased is looked at.
        (None, Some(n)) => (!in_unreleased(log, n)).then(|| Op::Add(n.clone())),
        (_, Some(n)) if !present(log, &n.text) => Some(Op::Add(n.clone())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(text: &str) -> NewEntry {
        NewEntry {
            section: "Added".into(),
            text: text.into(),
            breaking: false,
        }
    }

    fn log(entries: &[&str]) -> Changelog {
        let mut t = String::from("# Changelog\n\n## [Unreleased]\n\n### Added\n\n");
        for x in entries {
            t.push_str(&format!("- {x}\n"));
        }
        t.push_str("\n## [1.0.0] - 2026-01-01\n\n### Added\n\n- released one\n");
        Changelog::parse(&t).unwrap()
    }

    /// A revert of an unreleased change cancels its entry; of a change listed nowhere, adds
    /// nothing; of a released one, is left to the usual choice (its own entry).
    #[test]
    fn a_revert_cancels_an_unreleased_change_only() {
        let r = e("x");
        assert_eq!(
            decide_revert(&log(&["x"]), &r, false),
            Some(Some(Op::Cancel(r.clone())))
        );
        assert_eq!(decide_revert(&log(&[]), &r, false), Some(None));
        assert_eq!(decide_revert(&log(&[]), &e("released one"), false), None);
        // Named by id and unreleased: the released entry of the same words is another's.
        assert_eq!(
            decide_revert(&log(&[]), &e("released one"), true),
            Some(None)
        );
    }

    #[test]
    fn adds_once() {
        assert_eq!(
            decide(&log(&[]), None, Some(&e("x")), false),
            Some(Op::Add(e("x")))
        );
        assert_eq!(decide(&log(&["x"]), None, Some(&e("x")), false), None);
        assert_eq!(
            decide(&log(&[]), None, Some(&e("released one")), false),
            Some(Op::Add(e("released one")))
        );
    }

    #[test]
    fn amend_replaces_or_respects_hand_edits() {
        assert_eq!(
            decide(&log(&["old"]), Some(&e("old")), Some(&e("new")), true),
            Some(Op::Replace(e("old"), e("new")))
        );
        assert_eq!(
            decide(&log(&["old"]), Some(&e("old")), None, true),
            Some(Op::Remove(e("old")))
        );
        assert_eq!(
            decide(
                &log(&["reworded by hand"]),
                Some(&e("old")),
                Some(&e("new")),
                true
            ),
            None
        );
        assert_eq!(
            decide(&log(&[]), Some(&e("old")), Some(&e("new")), false),
            Some(Op::Add(e("new")))
        );
        assert_eq!(
            decide(&log(&["same"]), Some(&e("same")), Some(&e("same")), true),
            None
        );
        assert_eq!(
            decide(&log(&[]), Some(&e("same")), Some(&e("same")), true),
            None,
            "deleted by hand stays deleted"
        );
    }

    /// An amended squash's own entry is replaced once; the squashed entries its new header
    /// stands for go, those it no longer stands for come back once.
    #[test]
    fn a_reweigh_edits_its_own_entry_and_the_squashed_ones() {
        let mut l = log(&["old", "kept"]);
        let op = Op::Reweigh(
            Some(Box::new(Op::Replace(e("old"), e("new")))),
            vec![e("kept")],
            vec![e("back")],
            vec![e("unsure")],
            true,
        );
        op.apply(&mut l);
        op.apply(&mut l);
        let text = l.render();
        assert_eq!(text.matches("- back\n").count(), 1, "{text}");
        assert!(
            text.contains("- new\n") && !text.contains("- kept\n"),
            "{text}"
        );
        let said = op.describe('-');
        assert!(
            said.contains("took out 1 entry")
                && said.contains("kept `- back`")
                && said.contains("kept `- unsure`: no commit on a branch wrote it"),
            "{said}"
        );
    }

    #[test]
    fn ops_edit_the_model() {
        let mut l = log(&["old"]);
        Op::Replace(e("old"), e("new")).apply(&mut l);
        assert!(l.render().contains("- new\n") && !l.render().contains("- old\n"));
    }
}
